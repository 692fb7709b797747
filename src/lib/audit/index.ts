/**
 * Step 4 of the pipeline: the audit. An outsider reads every published figure at once and, for
 * each primary cell, derives the tightest interval the figures allow (linear programs over the
 * finest cells of the data, solved by HiGHS):
 * - hours, exactly: min ≤ (1 − p)·v and max ≥ (1 + p)·v must hold (p: the protection level; a
 *   company cell dominated by one company must also reach that company's hours / 0.85, so that no
 *   one can show the domination);
 * - counts of persons and of companies where they add up (attributes a unit has once, within a
 *   year or the period): a person count must not be pinned to one value, a company count of
 *   fewer than 3 must not be provably under 3;
 * - counts that do not add up (persons by contract type, operation…) are bounded by the published
 *   cells that contain them, which count k persons or more: never pinned below k.
 * The release is refused when any of these fails. Disclosure control runs the same attack while
 * it chooses the cells to hide (src/lib/protect/protect.ts).
 */
import { cellKey, type Cell, type Cells } from '../cells/index.ts';
import type { DisclosureRules } from '../protect/rules.ts';
import { Attacker, type Bound, type Target } from './attack.ts';
import { atomDimensions, buildAtoms } from './atoms.ts';
import { countModel, countTarget, type CountCell, type CountModel } from './counts.ts';
import { earlierKey, type EarlierView } from './earlier.ts';
import { aliases, extendHourCells, hourCells, hourModel, hourTarget, type HourCells } from './hours.ts';
import type { Highs } from './lp.ts';
import { addsUp, unitCounts } from './units.ts';

export type { Highs };
export { earlierKey, earlierView, EarlierReleaseError, type EarlierRelease, type EarlierView } from './earlier.ts';
export type Measure = 'heures' | 'personnes' | 'entreprises';

export interface MeasureBound extends Bound {
  measure: Measure;
}

export interface AttackResult {
  bounds: MeasureBound[];
}

export interface AttackInput {
  highs: Highs;
  rules: DisclosureRules;
  primary: ReadonlySet<string>;
  hidden: ReadonlySet<string>;
  /** Attack only these cells (others were proved protected already). */
  only?: ReadonlySet<string>;
  /**
   * Primary cells whose hours need no interval of their own: cells primary by difference with an
   * earlier release, whose small group is the persons (or companies) who appeared since; the hours
   * of that difference are the later years' cells, protected as such.
   */
  countsOnly?: ReadonlySet<string>;
  /** Exact intervals (two programs per target), not only proofs. */
  exact?: boolean;
  /** Proofs by exchange and shared optima only (see `AttackOptions.quick`). */
  quick?: boolean;
}

/**
 * The finest cells of one release and of the earlier releases published next to it: the atoms,
 * every published cell as a set of atoms, and the earlier releases' cells within their windows.
 * They depend on the data, not on what is hidden: made once, read by disclosure control and by
 * the audit alike (each builds its own models on them).
 */
export interface Finest {
  hc: HourCells;
  /** Earlier releases' cells (by their key in the models): published or not, for good. */
  earlierPublished: ReadonlyMap<string, boolean>;
  /** Earlier releases' cells, as computed in their window. */
  earlierCell: ReadonlyMap<string, Cell>;
  /** Earlier releases' primary cells. */
  earlierPrimary: ReadonlySet<string>;
}

export function finestCells(cells: Cells, earlier: readonly EarlierView[] = []): Finest {
  // Atoms also split by each earlier release's window, so that its cells are sums of atoms too.
  const atoms = buildAtoms(
    cells,
    atomDimensions(cells.cubes),
    earlier.map((v) => v.rowIn),
  );
  const hc = hourCells(cells, atoms);
  const extra: { key: string; base: string; keep: (atom: number) => boolean }[] = [];
  const earlierPublished = new Map<string, boolean>();
  const earlierCell = new Map<string, Cell>();
  const earlierPrimary = new Set<string>();
  for (const v of earlier) {
    const atomIn = Uint8Array.from(atoms.row, (r) => v.rowIn[r]!);
    for (const base of new Set([...v.published, ...v.hidden, ...v.primary])) {
      if (!hc.index.has(base)) continue;
      const key = earlierKey(v.version, base);
      extra.push({ key, base, keep: (a) => atomIn[a] === 1 });
      earlierPublished.set(key, v.published.has(base));
      earlierCell.set(key, v.cells.cells.get(base)!);
      if (v.primary.has(base)) earlierPrimary.add(key);
    }
  }
  return { hc: extendHourCells(hc, extra), earlierPublished, earlierCell, earlierPrimary };
}

/**
 * The attacks on one release, kept while disclosure control hides cells (each model is built once,
 * and hiding a cell drops its rows in place).
 */
export class AttackSession {
  private readonly hc: HourCells;
  private hours: Attacker | undefined;
  private readonly counts = new Map<Measure, { cells: CountCell[]; model: CountModel; attacker: Attacker }>();
  private readonly earlierPublished: ReadonlyMap<string, boolean>;
  private readonly earlierCell: ReadonlyMap<string, Cell>;
  private readonly earlierPrimary: ReadonlySet<string>;

  constructor(
    private readonly cells: Cells,
    private readonly highs: Highs,
    private readonly rules: DisclosureRules,
    finest: Finest = finestCells(cells),
  ) {
    this.hc = finest.hc;
    this.earlierPublished = finest.earlierPublished;
    this.earlierCell = finest.earlierCell;
    this.earlierPrimary = finest.earlierPrimary;
  }

  /** Is this cell's figure published: an earlier release's cell as it was, today's unless hidden. */
  private publishedIn(hidden: ReadonlySet<string>): (key: string) => boolean {
    return (key) => this.earlierPublished.get(key) ?? !hidden.has(key);
  }

  /** The cells (keys) that share an atom with cell `key`. */
  overlapping(key: string): string[] {
    const { hc } = this;
    const c = hc.index.get(key);
    if (c === undefined) return [];
    const own = new Set(hc.members.subarray(hc.starts[c], hc.starts[c + 1]));
    const out: string[] = [];
    for (let d = 0; d < hc.keys.length; d++) {
      if (d === c) continue;
      for (let q = hc.starts[d]!; q < hc.starts[d + 1]!; q++) {
        if (own.has(hc.members[q]!)) {
          out.push(hc.keys[d]!);
          break;
        }
      }
    }
    return out;
  }

  /** Cells of different tables that are one figure (see `aliases`). */
  aliases(): string[][] {
    return aliases(this.hc);
  }

  run({ primary, hidden, only, exact, countsOnly, quick }: Omit<AttackInput, 'highs' | 'rules'>): MeasureBound[] {
    const { cells, hc, rules, highs } = this;
    const wanted = (key: string) => primary.has(key) && (!only || only.has(key));
    const published = this.publishedIn(hidden);
    const options = { exact, quick, ...(quick ? { sharedRounds: 1 } : {}) };
    const bounds: MeasureBound[] = [];

    // Hours: today's primary cells, and the earlier releases' ones.
    const hourTargets: Target[] = [];
    for (const key of primary) {
      if (!wanted(key) || countsOnly?.has(key)) continue;
      const c = hc.index.get(key);
      if (c === undefined || hc.value[c]! <= 0) continue;
      hourTargets.push(hourTarget(hc, c, rules.niveau, dominated(cells.cells.get(key), rules)));
    }
    for (const key of this.earlierPrimary) {
      if (only && !only.has(key)) continue;
      const c = hc.index.get(key)!;
      if (hc.value[c]! > 0) hourTargets.push(hourTarget(hc, c, rules.niveau, dominated(this.earlierCell.get(key), rules)));
    }
    if (hourTargets.length > 0) {
      this.hours ??= new Attacker(
        highs,
        hourModel(hc, (c) => published(hc.keys[c]!)),
      );
      this.hours.setPublished(published);
      for (const b of this.hours.attack(hourTargets, options)) bounds.push({ ...b, measure: 'heures' });
    }

    // Counts of persons and of companies, where they add up.
    for (const unit of ['personnes', 'entreprises'] as const) {
      const wantedCount = (key: string, value: number) => {
        if (!wanted(key) || value <= 0) return false;
        const regle = cells.cells.get(key)?.regle;
        return unit === 'personnes' ? regle === 'personnes' : regle === 'entreprises' && value < rules.entreprisesMin;
      };
      let counts = this.counts.get(unit);
      if (!counts) {
        const uc = unitCounts(cells, unit, (key) => hidden.has(key));
        if (!uc.cells.some((c) => wantedCount(c.key, c.value))) continue;
        const model = countModel(uc.units, uc.cells);
        counts = { cells: uc.cells, model, attacker: new Attacker(highs, model.model) };
        this.counts.set(unit, counts);
      }
      const targets = counts.cells.filter((c) => wantedCount(c.key, c.value));
      if (targets.length === 0) continue;
      counts.attacker.setPublished(published);
      const ts = targets.map((c) =>
        unit === 'personnes' ? countTarget(counts.model, c) : { key: c.key, columns: counts.model.columnsOf(c), value: c.value, below: c.value, above: rules.entreprisesMin },
      );
      for (const b of counts.attacker.attack(ts, options)) bounds.push({ ...b, measure: unit });
    }

    // Counts of persons that do not add up: bounded by the published cells that contain them.
    for (const key of primary) {
      if (!wanted(key)) continue;
      const cell = cells.cells.get(key);
      if (!cell || cell.regle !== 'personnes' || cell.personnes.size === 0) continue;
      if ('cumul_mois' in cell.dims || 'entree_apres' in cell.dims || addsUp('personnes', Object.keys(cell.dims))) continue;
      const c = hc.index.get(key);
      if (c === undefined) continue;
      const upper = smallestSuperset(hc, c, published, (k) => (this.earlierCell.get(k) ?? cells.cells.get(k))?.personnes.size ?? 0);
      const v = cell.personnes.size;
      const short: Bound['short'] = upper <= 1 ? ['max'] : [];
      bounds.push({ key, value: v, min: 1, max: upper, exact: false, below: v - 1, above: v + 1, short, holders: [], measure: 'personnes' });
    }
    return bounds;
  }

  dispose(): void {
    this.hours?.dispose();
    for (const c of this.counts.values()) c.attacker.dispose();
  }
}

/** Every attack on one pattern of hidden cells, once. */
export function attackRelease(cells: Cells, input: AttackInput & { finest?: Finest }): AttackResult {
  const session = new AttackSession(cells, input.highs, input.rules, input.finest);
  try {
    return { bounds: session.run(input) };
  } finally {
    session.dispose();
  }
}

/**
 * For a company cell that fails the dominance rule, the hours an outsider must not be able to
 * rule out: the largest company's hours / 0.85 (above them, that company's share could be under
 * the limit). Undefined for other cells.
 */
function dominated(cell: Cell | undefined, rules: DisclosureRules): number | undefined {
  if (!cell || cell.regle !== 'entreprises' || cell.heures <= 0) return undefined;
  let largest = 0;
  for (const [, h] of cell.heuresParEntreprise) if (h > largest) largest = h;
  return largest / cell.heures > rules.dominanceMax ? (largest / rules.dominanceMax) * (1 + 1e-9) : undefined;
}

/**
 * The persons of a published cell holding every atom of cell c: an outsider knows c counts no more
 * persons than that. More than one is all the audit needs (then c is not pinned): the grand total
 * when it is published, else the fewest of any such cell.
 */
function smallestSuperset(hc: HourCells, c: number, published: (key: string) => boolean, persons: (key: string) => number): number {
  const own = hc.members.subarray(hc.starts[c], hc.starts[c + 1]);
  // The grand total holds every atom: when it is published, it settles the question at once.
  const total = cellKey({});
  if (published(total) && persons(total) > 1) return persons(total);
  let best = Infinity;
  for (let d = 0; d < hc.keys.length; d++) {
    if (d === c || !published(hc.keys[d]!)) continue;
    const theirs = hc.members.subarray(hc.starts[d], hc.starts[d + 1]);
    if (theirs.length < own.length) continue;
    if (contains(theirs, own)) best = Math.min(best, persons(hc.keys[d]!));
  }
  return best;
}

/** Does sorted `big` hold every element of sorted `small`? */
function contains(big: Int32Array, small: Int32Array): boolean {
  let i = 0;
  for (const x of small) {
    while (i < big.length && big[i]! < x) i++;
    if (i === big.length || big[i] !== x) return false;
  }
  return true;
}

/** The audit of one release: every primary cell attacked on the final pattern, and the verdict. */
export interface AuditReport {
  /** No primary cell can be bounded within its protection level, no count pinned. */
  ok: boolean;
  rules: DisclosureRules;
  /** Every primary cell attacked, by measure, with the interval proved. */
  bounds: MeasureBound[];
  /** The bounds that fall short (empty when `ok`). */
  failures: MeasureBound[];
}

/**
 * Step 4: the audit. Attacks every primary cell of the final pattern from scratch (a new model,
 * not disclosure control's), and says whether the release may be published.
 */
export function auditRelease(
  cells: Cells,
  protection: { rules: DisclosureRules; primary: ReadonlySet<string>; hidden: ReadonlySet<string>; byDifference?: ReadonlySet<string> },
  highs: Highs,
  options: { exact?: boolean; finest?: Finest } = {},
): AuditReport {
  const { bounds } = attackRelease(cells, {
    highs,
    rules: protection.rules,
    primary: protection.primary,
    hidden: protection.hidden,
    countsOnly: protection.byDifference,
    exact: options.exact,
    finest: options.finest,
  });
  const failures = bounds.filter((b) => b.short.length > 0);
  return { ok: failures.length === 0, rules: protection.rules, bounds, failures };
}
