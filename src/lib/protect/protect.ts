/**
 * Step 3 of the pipeline: which cells are hidden. Primary cells are those the rules forbid
 * (fewer than k persons, fewer than 3 companies or one above 85 % of the hours). Complementary
 * (secondary) cells are then hidden in two passes:
 * 1. the classical one (`suppress`): every table row, column and nesting whose total is published
 *    keeps no lone hidden cell and no hidden union of fewer than k persons;
 * 2. the attack's: an outsider reading every published figure at once, on the finest cells the
 *    data has (src/lib/audit), bounds each primary cell; where a bound falls short of the
 *    protection level, one of the published cells that hold it (their dual values) is hidden,
 *    the cheapest first (fewest persons, never a total while another will do), and pass 1 runs
 *    again. Hiding only widens intervals, so a cell once protected stays protected, and the loop
 *    ends (at worst with every cell hidden); if it cannot, nothing is published.
 */
import type { Cells, Cell, Group } from '../cells/index.ts';
import { canonicalCube, cellKey } from '../cells/index.ts';
import { DIMENSIONS, type DimValue, type Dimension } from '../indicators/dimensions.ts';
import type { Highs } from '../audit/lp.ts';
import { AttackSession, earlierKey, finestCells, type EarlierView, type Finest, type MeasureBound } from '../audit/index.ts';
import { rulesFor, type DisclosureRules } from './rules.ts';
import { suppress } from './suppress.ts';

export interface Protection {
  cells: Cells;
  rules: DisclosureRules;
  /** Cells hidden because they are sensitive themselves. */
  primary: ReadonlySet<string>;
  /** Every hidden cell: primary and secondary. */
  hidden: ReadonlySet<string>;
  /** Primary cells by difference with an earlier release (a small group of newcomers). */
  byDifference: ReadonlySet<string>;
  /** The cell with these dimension values (undefined if no cube holds it). */
  cell: (dims: Readonly<Record<string, DimValue>>) => Cell | undefined;
  /** Is this cell hidden (secret)? A cell outside every cube is treated as hidden. */
  isHidden(dims: Readonly<Record<string, DimValue>>): boolean;
  /** Complete grid of a cube. */
  grid: (dims: readonly Dimension[]) => Record<string, DimValue>[];
  /** Is the share of women at the reference month (`debut` / `fin`) publishable? */
  womenShareHidden(month: string): boolean;
  /** How the attack pass went: rounds and cells it hid. */
  passes: { rounds: number; attackHidden: number };
}

export interface ProtectOptions {
  highs: Highs;
  /** Earlier releases still published: their figures are known, their small cells protected too. */
  earlier?: readonly EarlierView[];
  /** The finest cells of the data and of the earlier releases (made from them when not given). */
  finest?: Finest;
  /** Rounds of the attack pass before giving up (nothing is then published). */
  maxRounds?: number;
  /**
   * Run the attack pass (default). Off, only the classical pass runs: what the tests use to show
   * that the audit then refuses the release, and that an outsider does find cells.
   */
  attack?: boolean;
}

export class ProtectionError extends Error {}

export function protect(cells: Cells, options: ProtectOptions): Protection {
  const rules = rulesFor(cells.ds.meta);
  const session = new AttackSession(cells, options.highs, rules, options.finest ?? finestCells(cells, options.earlier));
  // Cells of different tables that are one figure are published together or not at all: each
  // is the other's only member, a relation the first pass then keeps like a margin's.
  const groups = [...cells.groups];
  for (const same of session.aliases()) for (const a of same) for (const b of same) if (a !== b) groups.push({ total: a, membres: [b] });
  // A cell whose difference with an earlier release's published figure counts 1 to k − 1 persons
  // (or 1 or 2 companies) is primary too: that difference is a small group.
  const byDifference = differences(cells, options.earlier ?? [], rules);
  // Earlier releases' cells take part in the first pass as settled cells, linked to today's.
  const linked = linkEarlier(cells, options.earlier ?? []);
  groups.push(...linked.groups);
  const first = suppress(linked.cells, groups, rules, byDifference, linked.fixed);
  const hidden = new Set([...first.hidden].filter((k) => cells.cells.has(k)));
  const primary = new Set([...first.primary, ...byDifference]);
  const maxRounds = options.maxRounds ?? 200;
  let rounds = 0;
  let attackHidden = 0;
  let pending: ReadonlySet<string> | undefined;
  try {
    while (options.attack !== false) {
      const short = session.run({ primary, hidden, only: pending, countsOnly: byDifference }).filter((b) => b.short.length > 0);
      if (short.length === 0) break;
      if (++rounds > maxRounds) {
        throw new ProtectionError(
          `Protection impossible en ${maxRounds} tours : ${short.length} cellule(s) restent trop bien connues (${short[0]!.key}) / ` +
            `protection failed after ${maxRounds} rounds: ${short.length} cell(s) can still be bounded too closely (${short[0]!.key})`,
        );
      }
      // Shorts are mended one by one, each checked again first: a cell mended by an earlier
      // hiding is not mended again.
      for (const [i, b] of short.entries()) {
        // Still short after what this round hid already?
        const [now] = i === 0 ? [b] : session.run({ primary, hidden, only: new Set([b.key]), countsOnly: byDifference }).filter((x) => x.measure === b.measure);
        if (!now || now.short.length === 0) continue;
        const key = cheapestHolder(now);
        if (key === undefined) {
          throw new ProtectionError(
            `Protection impossible : ${b.key} est connue par des chiffres qui ne peuvent pas être masqués / ` + `protection failed: ${b.key} is known from figures that cannot be hidden`,
          );
        }
        hidden.add(key);
        attackHidden++;
      }
      for (const k of suppress(linked.cells, groups, rules, hidden, linked.fixed).hidden) if (cells.cells.has(k)) hidden.add(k);
      // Cells proved protected stay protected (hiding only widens intervals): attack the others.
      pending = new Set(short.map((b) => b.key));
    }
  } finally {
    session.dispose();
  }

  /**
   * The published cell to hide for a bound that falls short: the cheapest of the cells that hold
   * it (non-zero dual values at the optimum). Trying several and keeping one that moves the bound
   * hid no fewer cells on the sample and cost four times the programs.
   */
  function cheapestHolder(b: MeasureBound): string | undefined {
    // Without a priced row (a degenerate optimum), any published cell sharing the target's atoms.
    const holders = b.holders.length > 0 ? b.holders : session.overlapping(b.key);
    let best: string | undefined;
    for (const k of holders) {
      if (hidden.has(k) || !cells.cells.has(k)) continue;
      if (best === undefined || cost(cells.cells.get(k)!) < cost(cells.cells.get(best)!)) best = k;
    }
    return best;
  }

  const isHidden = (dims: Readonly<Record<string, DimValue>>) => {
    const key = cellKey(dims);
    return !cells.cells.has(key) || hidden.has(key);
  };
  return {
    cells,
    rules,
    primary,
    hidden,
    byDifference,
    cell: cells.cell,
    isHidden,
    grid: cells.grid,
    womenShareHidden: (month) => ['F', 'H', undefined].some((s) => isHidden(s ? { cumul_mois: month, sexe: s } : { cumul_mois: month })),
    passes: { rounds, attackHidden },
  };
}

/**
 * Earlier releases' cells for the first pass: each under its own key (`earlierKey`), settled as it
 * was published, and linked to today's cells where the data say how. With a release ending on 31
 * December, today's cell of the whole period is the earlier release's same cell plus today's cells
 * of the later years: a group, as a margin and its rows. (A cell of a year the earlier release
 * covered is the same cell in both: published there, hiding it here would hide nothing.)
 */
function linkEarlier(cells: Cells, earlier: readonly EarlierView[]) {
  const all = new Map<string, Cell>(cells.cells);
  const fixed = { published: new Set<string>(), hidden: new Set<string>() };
  const groups: Group[] = [];
  const registered = new Set(cells.cubes.map((c) => c.join('|')));
  for (const v of earlier) {
    for (const [key, cell] of v.cells.cells) {
      const k = earlierKey(v.version, key);
      all.set(k, { ...cell, key: k });
      (v.published.has(key) ? fixed.published : fixed.hidden).add(k);
    }
    if (v.fin.slice(5) !== '12-31') continue;
    const lastYear = v.fin.slice(0, 4);
    const later = cells
      .domain('annee')
      .map(String)
      .filter((y) => y > lastYear);
    for (const dims of cells.cubes) {
      if (dims.includes('mois') || dims.includes('annee')) continue;
      const byYear = canonicalCube(['annee', ...dims]);
      if (!registered.has(byYear.join('|'))) continue;
      for (const values of cells.grid(dims)) {
        const key = cellKey(values);
        // Only where the earlier figure is known, or is a small group itself: an earlier
        // secondary suppression needs no protection of its own (the attack pass sees the rest).
        if (!v.published.has(key) && !v.primary.has(key)) continue;
        groups.push({ total: key, membres: [earlierKey(v.version, key), ...later.map((annee) => cellKey({ ...values, annee }))] });
      }
    }
  }
  return { cells: all, fixed, groups };
}

/**
 * Cells of the whole period (no year in them) whose persons or companies, minus those of the same
 * cell in an earlier release that published it, make a small group: the units that appeared since.
 * A person has these attributes once, so the difference is exactly the newcomers of the cell.
 */
function differences(cells: Cells, earlier: readonly EarlierView[], rules: DisclosureRules): Set<string> {
  const out = new Set<string>();
  for (const v of earlier) {
    for (const key of v.published) {
      const now = cells.cells.get(key);
      const then = v.cells.cells.get(key);
      if (!now || !then || 'annee' in now.dims || 'mois' in now.dims) continue;
      const persons = now.personnes.size - then.personnes.size;
      const companies = now.entreprises - then.entreprises;
      if (persons > 0 && persons < rules.k && addsUpOverUnits(now)) out.add(key);
      else if (now.regle === 'entreprises' && companies > 0 && companies < rules.entreprisesMin) out.add(key);
    }
  }
  return out;
}

/** A cell of attributes a person has once (sex, age band, publics…), or the total: its persons add up over time. */
const addsUpOverUnits = (c: Cell) => Object.keys(c.dims).every((d) => d !== 'annee' && d !== 'mois' && DIMENSIONS[d as Dimension]?.source === 'participant');

/**
 * What hiding a cell costs the reader: a total or a year's total dearly (key figures, every
 * chart's frame), a one-dimension margin more than a cell of a two-dimension table; then the
 * persons it counts, then its hours.
 */
function cost(c: Cell): number {
  const dims = Object.keys(c.dims);
  const level = dims.length === 0 ? 3 : dims.length === 1 && dims[0] === 'annee' ? 2 : dims.length === 1 ? 1 : 0;
  return level * 1e12 + c.personnes.size * 1e6 + Math.min(c.heures, 999_999);
}
