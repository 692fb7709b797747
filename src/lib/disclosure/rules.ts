import type { Metadonnees } from '../../schemas/metadonnees.ts';
import type { DimValue } from '../indicators/dimensions.ts';

/**
 * One cell of a published (or derivable) table, with what disclosure control needs to know
 * about it: who is in it. Never published itself.
 */
export interface Cell {
  /** Canonical key (see `cellKey`): the same cell in two tables has the same key. */
  key: string;
  /** Dimension values identifying the cell (`{}` for the grand total). */
  dims: Readonly<Record<string, DimValue>>;
  /** Distinct persons with hours in the cell. */
  personnes: PersonSet;
  /** Hours carried out in the cell. */
  heures: number;
  /** Contractors with hours in the cell (more than 0), the count a company breakdown publishes. */
  entreprises: number;
  /**
   * Hours per contractor (company), for the INSEE dominance rule: a `Map` or any list of pairs.
   * protect() keeps them for company cells only (`regle: 'entreprises'`); a person cell's list
   * is empty, and no group mixes the two kinds.
   */
  heuresParEntreprise: Iterable<readonly [string | number, number]>;
  /** `entreprises`: a company breakdown (size, sector), which also follows the INSEE rule. */
  regle: 'personnes' | 'entreprises';
}

/**
 * The distinct persons of a cell: a `Set` of pseudonyms, or a lighter list with the same size and
 * iteration (protect.ts numbers the persons, the same number for one person in all its cells).
 * Only a cell of fewer than k persons must be iterable: from k on, its size decides every rule,
 * and protect() does not keep its persons (at ×1000, ~40 cubes × 1.4 M persons).
 */
export interface PersonSet {
  readonly size: number;
  [Symbol.iterator](): Iterator<string | number>;
}

export interface DisclosureRules {
  /** Minimum number of persons in a published non-zero cell (metadata `seuil_secret`). */
  k: number;
  /** Minimum number of companies in a published company cell (INSEE: 3). */
  entreprisesMin: number;
  /** Maximum share of a company cell's hours held by one company (INSEE: 0.85). */
  dominanceMax: number;
}

export const DEFAULT_K = 5;

export function rulesFor(meta: Pick<Metadonnees, 'seuil_secret'>): DisclosureRules {
  return { k: meta.seuil_secret ?? DEFAULT_K, entreprisesMin: 3, dominanceMax: 0.85 };
}

/** Canonical key of a cell: its dimension values sorted by dimension name. */
export function cellKey(dims: Readonly<Record<string, DimValue>>): string {
  return JSON.stringify(
    Object.keys(dims)
      .sort()
      .map((d) => [d, dims[d]]),
  );
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
