import type { Cell, Group } from '../cells/index.ts';
import { isSensitive, type DisclosureRules } from './rules.ts';

export type { Group };

export interface Suppression {
  /** Cells hidden because they are sensitive themselves. */
  primary: ReadonlySet<string>;
  /** Every hidden cell: primary plus complementary (secondary) suppressions. */
  hidden: ReadonlySet<string>;
}

/** Smallest first: fewest persons, then fewest hours, then key (deterministic tie-break). */
function bySize(a: Cell, b: Cell): number {
  return a.personnes.size - b.personnes.size || a.heures - b.heures || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * Primary then secondary cell suppression.
 *
 * 1. Primary: every sensitive cell is hidden (1 to k−1 persons; company cells: fewer than 3
 *    companies or one above 85 %). Zero cells stay published.
 * 2. Secondary, repeated until nothing changes, for every group in a fixed order:
 *    - published total: the hidden members must be none, or at least two whose union is not
 *      sensitive (so `total − published members` reveals nothing about fewer than k persons).
 *      Otherwise published non-zero members are hidden, one at a time, until it holds: first
 *      those whose hiding does not force another published total to be hidden (a cell that is
 *      the only non-zero member of another group would make that total equal to it), then the
 *      smallest (fewest persons, hours, key). If no member is left, the total itself is hidden.
 *    - hidden total: at least one member must be hidden too, else the total is the sum of its
 *      published members; the smallest non-zero member is hidden.
 * Hiding only ever adds cells, so the loop ends.
 */
export function suppress(
  cells: ReadonlyMap<string, Cell>,
  groups: readonly Group[],
  rules: DisclosureRules,
  seed: Iterable<string> = [],
  /**
   * Cells whose status is settled and cannot change: an earlier release's, published or hidden
   * as it was published. They take part in groups (a total made of an earlier figure and later
   * years) but are never primary here, never hidden nor published by this pass.
   */
  fixed: { published: ReadonlySet<string>; hidden: ReadonlySet<string> } = { published: new Set(), hidden: new Set() },
): Suppression {
  const hidden = new Set<string>(seed);
  for (const key of fixed.hidden) hidden.add(key);
  const keys = [...cells.keys()].sort();
  for (const key of keys) {
    if (fixed.published.has(key) || fixed.hidden.has(key)) continue;
    const cell = cells.get(key)!;
    if (isSensitive([cell], rules)) hidden.add(key);
  }
  const primary = new Set([...hidden].filter((k) => !fixed.hidden.has(k)));
  const settled = (key: string) => fixed.published.has(key) || fixed.hidden.has(key);

  const ordered = dedupe(groups.filter((g) => cells.has(g.total) && g.membres.every((m) => cells.has(m))));
  const groupsOf = new Map<string, Group[]>();
  for (const g of ordered) for (const m of g.membres) groupsOf.set(m, [...(groupsOf.get(m) ?? []), g]);

  /** Would hiding `c` (for group `g`) leave another published total equal to a hidden cell? */
  const forcesTotal = (c: Cell, g: Group) =>
    (groupsOf.get(c.key) ?? []).some((other) => other !== g && !hidden.has(other.total) && other.membres.every((m) => m === c.key || (!hidden.has(m) && cells.get(m)!.personnes.size === 0)));
  let changed = true;
  while (changed) {
    changed = false;
    for (const g of ordered) {
      const members = g.membres.map((m) => cells.get(m)!);
      const candidates = () => {
        const open = members.filter((c) => !hidden.has(c.key) && !settled(c.key) && c.personnes.size > 0);
        const cost = new Map(open.map((c) => [c.key, forcesTotal(c, g) ? 1 : 0]));
        return open.sort((a, b) => cost.get(a.key)! - cost.get(b.key)! || bySize(a, b));
      };
      if (hidden.has(g.total)) {
        if (members.some((c) => hidden.has(c.key))) continue;
        const [smallest] = candidates();
        if (smallest) {
          hidden.add(smallest.key);
          changed = true;
        }
        continue;
      }
      const isSafe = () => {
        const h = members.filter((c) => hidden.has(c.key));
        return h.length === 0 || (h.length >= 2 && !isSensitive(h, rules));
      };
      if (isSafe()) continue;
      const before = hidden.size;
      for (const c of candidates()) {
        hidden.add(c.key);
        if (isSafe()) break;
      }
      if (!isSafe() && !settled(g.total)) hidden.add(g.total);
      // A group that no hiding can settle (its total and members settled by an earlier release)
      // is left to the attack pass.
      if (hidden.size !== before) changed = true;
    }
  }
  return { primary, hidden };
}

function dedupe(groups: readonly Group[]): Group[] {
  const seen = new Map<string, Group>();
  for (const g of groups) {
    const membres = [...new Set(g.membres)].sort();
    const id = JSON.stringify([g.total, membres]);
    if (!seen.has(id)) seen.set(id, { total: g.total, membres });
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
}
