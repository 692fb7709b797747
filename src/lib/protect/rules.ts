import type { Metadonnees } from '../../schemas/metadonnees.ts';
import type { Cell } from '../cells/index.ts';

export interface DisclosureRules {
  /** Minimum number of persons in a published non-zero cell (metadata `seuil_secret`). */
  k: number;
  /**
   * Protection level p of hidden hours (metadata `niveau_protection`, in percent, 10 at least): an
   * outsider must not be able to bound a primary cell's hours closer than ±p of their value.
   */
  niveau: number;
  /** Minimum number of companies in a published company cell (INSEE: 3). */
  entreprisesMin: number;
  /** Maximum share of a company cell's hours held by one company (INSEE: 0.85). */
  dominanceMax: number;
}

export const DEFAULT_K = 5;
/** The default protection level of hidden hours, and the lowest a publisher may set: ±10 %. */
export const DEFAULT_LEVEL = 10;

export function rulesFor(meta: Pick<Metadonnees, 'seuil_secret' | 'niveau_protection'>): DisclosureRules {
  return { k: meta.seuil_secret ?? DEFAULT_K, niveau: (meta.niveau_protection ?? DEFAULT_LEVEL) / 100, entreprisesMin: 3, dominanceMax: 0.85 };
}

/**
 * Would publishing the combined content of these cells disclose too much?
 * - persons: a non-empty union of fewer than k distinct persons;
 * - companies (when any cell is a company cell): fewer than 3 companies with hours, or one
 *   company holding more than 85 % of the hours.
 * An empty union (zero) is never sensitive: zero is published.
 */
export function isSensitive(cells: readonly Cell[], rules: DisclosureRules): boolean {
  const companyRule = cells.some((c) => c.regle === 'entreprises');
  // One cell of k persons or more settles the person rule for the union: such a cell need not
  // list its persons (protect() keeps only their count, see `PersonSet`).
  if (!cells.some((c) => c.personnes.size >= rules.k)) {
    const persons = new Set<string | number>();
    for (const c of cells) {
      for (const p of c.personnes) {
        persons.add(p);
        // k persons settle the person rule: no need to count the rest of a large union (a margin
        // with tens of thousands of contracts).
        if (!companyRule && persons.size >= rules.k) return false;
      }
    }
    if (persons.size === 0) return false;
    if (persons.size < rules.k) return true;
  }
  if (!companyRule) return false;
  const byCompany = new Map<string | number, number>();
  let total = 0;
  for (const c of cells) {
    for (const [company, h] of c.heuresParEntreprise) {
      byCompany.set(company, (byCompany.get(company) ?? 0) + h);
      total += h;
    }
  }
  // A loop, not `Math.max(...hours)`: a margin can have more contractors than a call has room
  // for arguments (a RangeError at ×1000).
  let companies = 0;
  let largest = 0;
  for (const h of byCompany.values()) {
    if (h > 0) companies++;
    if (h > largest) largest = h;
  }
  if (companies < rules.entreprisesMin) return true;
  return total > 0 && largest / total > rules.dominanceMax;
}
