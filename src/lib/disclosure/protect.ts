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
import type { Cells, Cell } from '../cells/index.ts';
import { cellKey } from '../cells/index.ts';
import type { DimValue, Dimension } from '../indicators/dimensions.ts';
import type { Highs } from '../audit/lp.ts';
import { AttackSession, type MeasureBound } from '../audit/index.ts';
import { rulesFor, type DisclosureRules } from './rules.ts';
import { suppress } from './suppress.ts';

export interface Protection {
  cells: Cells;
  rules: DisclosureRules;
  /** Cells hidden because they are sensitive themselves. */
  primary: ReadonlySet<string>;
  /** Every hidden cell: primary and secondary. */
  hidden: ReadonlySet<string>;
  /** The cell with these dimension values (undefined if no cube holds it). */
  cell(dims: Readonly<Record<string, DimValue>>): Cell | undefined;
  /** Is this cell hidden (secret)? A cell outside every cube is treated as hidden. */
  isHidden(dims: Readonly<Record<string, DimValue>>): boolean;
  /** Complete grid of a cube. */
  grid(dims: readonly Dimension[]): Record<string, DimValue>[];
  /** Is the share of women at the reference month (`debut` / `fin`) publishable? */
  womenShareHidden(month: string): boolean;
  /** How the attack pass went: rounds and cells it hid. */
  passes: { rounds: number; attackHidden: number };
}

export interface ProtectOptions {
  highs: Highs;
  /** Rounds of the attack pass before giving up (nothing is then published). */
  maxRounds?: number;
  /**
   * Run the attack pass (default). Off, only the classical pass runs: what the tests use to show
   * that the audit then refuses the release, and that an outsider does find cells.
   */
  attack?: boolean;
}

export class ProtectionError extends Error {}

/** Cells tried, cheapest first, for each bound that falls short before taking the cheapest. */
const TRIES = 4;

export function protect(cells: Cells, options: ProtectOptions): Protection {
  const rules = rulesFor(cells.ds.meta);
  const session = new AttackSession(cells, options.highs, rules);
  // Cells of different tables that are one figure are published together or not at all: each
  // is the other's only member, a relation the first pass then keeps like a margin's.
  const groups = [...cells.groups];
  for (const same of session.aliases()) for (const a of same) for (const b of same) if (a !== b) groups.push({ total: a, membres: [b] });
  const first = suppress(cells.cells, groups, rules);
  const hidden = new Set(first.hidden);
  const { primary } = first;
  const maxRounds = options.maxRounds ?? 200;
  let rounds = 0;
  let attackHidden = 0;
  let pending: ReadonlySet<string> | undefined;
  try {
    while (options.attack !== false) {
      const short = session.run({ primary, hidden, only: pending }).filter((b) => b.short.length > 0);
      if (short.length === 0) break;
      if (++rounds > maxRounds) {
        throw new ProtectionError(
          `Protection impossible en ${maxRounds} tours : ${short.length} cellule(s) restent trop bien connues (${short[0]!.key}) / ` +
            `protection failed after ${maxRounds} rounds: ${short.length} cell(s) can still be bounded too closely (${short[0]!.key})`,
        );
      }
      for (const b of short) {
        // Still short after what this round hid already?
        const [now] = session.run({ primary, hidden, only: new Set([b.key]) }).filter((x) => x.measure === b.measure);
        if (!now || now.short.length === 0) continue;
        const key = widest(now, (k) => {
          hidden.add(k);
          const [after] = session.run({ primary, hidden, only: new Set([b.key]) }).filter((x) => x.measure === b.measure);
          hidden.delete(k);
          return after;
        });
        if (key === undefined) {
          throw new ProtectionError(
            `Protection impossible : ${b.key} est connue par des chiffres qui ne peuvent pas être masqués / ` +
              `protection failed: ${b.key} is known from figures that cannot be hidden`,
          );
        }
        hidden.add(key);
        attackHidden++;
      }
      for (const k of suppress(cells.cells, groups, rules, hidden).hidden) hidden.add(k);
      // Cells proved protected stay protected (hiding only widens intervals): attack the others.
      pending = new Set(short.map((b) => b.key));
    }
  } finally {
    session.dispose();
  }

  /**
   * The published cell to hide for a bound that falls short: among the cells that hold it (non-zero
   * dual values), the cheapest whose hiding moves the short end (tried in order of cost, a few at
   * most); failing that, the cheapest of them, so that every round hides something.
   */
  function widest(b: MeasureBound, tryHiding: (key: string) => MeasureBound | undefined): string | undefined {
    // Without a priced row (a degenerate optimum), any published cell sharing the target's atoms.
    const holders = b.holders.length > 0 ? b.holders : session.overlapping(b.key);
    const candidates = holders.filter((k) => !hidden.has(k) && cells.cells.has(k)).sort((x, y) => cost(cells.cells.get(x)!) - cost(cells.cells.get(y)!));
    for (const k of candidates.slice(0, TRIES)) {
      const after = tryHiding(k);
      if (!after) return k;
      const moved = (b.short.includes('max') && after.max > b.max + 1e-9 * Math.max(1, b.value)) || (b.short.includes('min') && after.min < b.min - 1e-9 * Math.max(1, b.value));
      if (moved) return k;
    }
    return candidates[0];
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
    cell: cells.cell,
    isHidden,
    grid: cells.grid,
    womenShareHidden: (month) => ['F', 'H', undefined].some((s) => isHidden(s ? { cumul_mois: month, sexe: s } : { cumul_mois: month })),
    passes: { rounds, attackHidden },
  };
}

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
