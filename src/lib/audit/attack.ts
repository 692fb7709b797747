/**
 * An outsider's attack on a hidden figure, as a linear program: unknowns (the finest cells of
 * the data, never negative), rows (the published figures, equalities; and facts any outsider
 * knows, inequalities), and for each target the interval of its value over every solution. A
 * target is protected when its interval reaches `below` on one side and `above` on the other.
 *
 * Three ways to know it, cheapest first, each a proof (never an estimate):
 * 1. exchange (models of published equalities only): two unknowns that every row contains both or
 *    neither can trade their value without changing a published figure; what a target can take
 *    from, or give to, such twins outside it bounds its interval from inside;
 * 2. shared optima: one linear program pushing many targets at once, each toward an end it has
 *    not reached yet (the direction drawn at random when both are open); the optimal table is a
 *    witness for every target it moved far enough;
 * 3. the target's own programs: its exact interval, and when it falls short, the rows that hold it
 *    (their dual values), which disclosure control hides next.
 */
import { BoundModel, type Highs, type Optimum, type Rows } from './lp.ts';

export interface AttackModel {
  columns: number;
  /** The true value of each unknown (a solution of every row). */
  truth: Float64Array;
  rows: Rows & { values?: Float64Array };
  lower: Float64Array;
  upper: Float64Array;
  /** For each row, the published cell it states (its key), or undefined for a fact of another kind. */
  cellOfRow: readonly (string | undefined)[];
  /** Every row is a published equality of 0/1 coefficients: exchange between twins applies. */
  plain: boolean;
  /** Whether each row holds: a published cell's row is dropped while the cell is hidden. */
  holds: Uint8Array;
}

export interface Target {
  key: string;
  /** The unknowns the target sums. */
  columns: Int32Array;
  /** Its true value. */
  value: number;
  /** Protected when its smallest possible value is at most `below`… */
  below: number;
  /** …and its largest at least `above`. */
  above: number;
  /** Protected when either end is reached (a count that must not be pinned), not both. */
  either?: boolean;
}

export interface Bound {
  key: string;
  value: number;
  /** Values an outsider can reach (proved by a witness or an optimum): the interval is at least [min, max]. */
  min: number;
  max: number;
  /** Both ends are optima: the interval is exactly [min, max]. */
  exact: boolean;
  below: number;
  above: number;
  /** Ends that fall short of the requirement. */
  short: ('min' | 'max')[];
  /** For a short end: the published cells (keys) whose figures hold it, largest dual value first. */
  holders: string[];
}

export interface AttackOptions {
  /** Exact intervals for every target (two programs each), not only the proof that it is protected. */
  exact?: boolean;
  /** Random draws of shared optima before the targets' own programs. */
  sharedRounds?: number;
  /**
   * Proofs only: exchange and shared optima, not the targets' own programs. A target left short is
   * then only not proved yet (no holders are given), which is all a quick re-check needs.
   */
  quick?: boolean;
}

/** Slack under which an end counts as reaching its requirement (LP tolerances are 1e-7). */
const EPS = 1e-6;

/**
 * One attack model, kept while disclosure control hides cells: hiding a cell drops its row from
 * the program in place, so the simplex goes on from its last basis instead of starting again.
 */
export class Attacker {
  private model: BoundModel | undefined;
  /** Twin classes of the rows as they hold now (dropped when a row changes). */
  private classes: ReturnType<typeof twinClasses> | undefined;
  /** The row of each cell (key), for targets that are a row's sum. */
  private rowOfKey: Map<string, number> | undefined;

  constructor(
    private readonly highs: Highs,
    readonly m: AttackModel,
  ) {}

  /** Drops or restores the rows of cells: `holds(key)` says whether a cell's figure is published. */
  setPublished(holds: (key: string) => boolean): void {
    this.m.cellOfRow.forEach((key, r) => {
      if (key === undefined) return;
      const h = holds(key) ? 1 : 0;
      if (h !== this.m.holds[r]) {
        this.m.holds[r] = h;
        this.classes = undefined;
        this.model?.setRow(r, h === 1, this.m.lower[r]!, this.m.upper[r]!);
      }
    });
  }

  attack(targets: readonly Target[], options: AttackOptions = {}): Bound[] {
    const { m, highs } = this;
    const state = targets.map((t) => ({ t, min: t.value, max: t.value, minExact: false, maxExact: false, holdMin: [] as string[], holdMax: [] as string[] }));
    type State = (typeof state)[number];
    const tol = (s: State) => EPS * Math.max(1, Math.abs(s.t.value));
    const reachedMax = (s: State) => s.max >= s.t.above - tol(s);
    const reachedMin = (s: State) => s.min <= s.t.below + tol(s);
    const safe = (s: State) => (s.t.either ? reachedMax(s) || reachedMin(s) : reachedMax(s) && reachedMin(s));
    const open = () => state.filter((s) => options.exact || !safe(s));

    if (m.plain) exchange(m, (this.classes ??= twinClasses(m)), state);
    if (open().length > 0) {
      if (!this.model) {
        this.model = new BoundModel(highs, m.columns, m.rows, m.lower, m.upper, m.truth);
        m.holds.forEach((h, r) => {
          if (!h) this.model!.setRow(r, false, m.lower[r]!, m.upper[r]!);
        });
      }
      const model = this.model;
      // A target that is a row's sum: the model's column for that row stands for its unknowns.
      const objective = (t: Target): ArrayLike<number> => {
        const r = this.rowOf(t);
        const c = r === undefined ? undefined : model.columnOfRow(r);
        return c === undefined ? t.columns : [c];
      };
      const at = (x: Float64Array, cols: Int32Array) => {
        let s = 0;
        for (const j of cols) s += x[j]!;
        return s;
      };
      let seed = 0x9e3779b9;
      const random = () => (seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
      // Shared optima while they pay: at most `sharedRounds`, and only while the last one took
      // at least an eighth of the targets it pushed to a bound they had not reached.
      const sides = (s: State) => (reachedMax(s) ? 1 : 0) + (reachedMin(s) ? 1 : 0);
      for (let round = 0, last = Infinity; round < (options.sharedRounds ?? 8) && !options.exact; round++) {
        const todo = open();
        if (todo.length < (options.quick ? 1 : 4) || last < todo.length / 8) break;
        const before = todo.map(sides);
        const cols: number[] = [];
        const weights: number[] = [];
        for (const s of todo) {
          const up = !reachedMax(s) && (reachedMin(s) || s.t.either || random() < 0.5);
          for (const j of Array.from(objective(s.t))) {
            cols.push(j);
            weights.push((up ? 1 : -1) / Math.max(Math.abs(s.t.value), 1));
          }
        }
        const { x } = model.optimise(cols, weights, 'max');
        if (x.length === 0) break; // unbounded: no witness table to read; each target's own programs decide
        for (const s of todo) {
          const v = at(x, s.t.columns);
          if (v > s.max) s.max = v;
          if (v < s.min) s.min = v;
        }
        last = todo.filter((s, i) => sides(s) > before[i]!).length;
      }
      for (const s of options.quick ? [] : open()) {
        if (options.exact || !reachedMax(s)) {
          const o = model.optimise(objective(s.t), 1, 'max');
          s.max = o.value;
          s.maxExact = true;
          if (!reachedMax(s)) s.holdMax = holders(m, o);
        }
        if (options.exact || !safe(s)) {
          const o = model.optimise(objective(s.t), 1, 'min');
          s.min = o.value;
          s.minExact = true;
          if (!reachedMin(s)) s.holdMin = holders(m, o);
        }
      }
    }
    return state.map((s) => {
      const short: Bound['short'] = [];
      if (!safe(s)) {
        if (!reachedMin(s)) short.push('min');
        if (!reachedMax(s)) short.push('max');
      }
      return {
        key: s.t.key,
        value: s.t.value,
        min: s.min,
        max: s.max,
        exact: s.minExact && s.maxExact,
        below: s.t.below,
        above: s.t.above,
        short,
        holders: [...new Set([...s.holdMin, ...s.holdMax])],
      };
    });
  }

  /** The row that sums exactly the target's unknowns, if any. */
  private rowOf(t: Target): number | undefined {
    this.rowOfKey ??= new Map(this.m.cellOfRow.flatMap((key, r) => (key === undefined ? [] : [[key, r] as const])));
    const r = this.rowOfKey.get(t.key);
    if (r === undefined || this.m.rows.values) return undefined;
    const { starts, indices } = this.m.rows;
    if (starts[r + 1]! - starts[r]! !== t.columns.length) return undefined;
    for (let q = starts[r]!, i = 0; q < starts[r + 1]!; q++, i++) if (indices[q] !== t.columns[i]) return undefined;
    return r;
  }

  dispose(): void {
    this.model?.dispose();
    this.model = undefined;
  }
}

/** One attack on one pattern: an {@link Attacker} used once. */
export function attack(highs: Highs, m: AttackModel, targets: readonly Target[], options: AttackOptions = {}): Bound[] {
  const a = new Attacker(highs, m);
  try {
    return a.attack(targets, options);
  } finally {
    a.dispose();
  }
}

/** The published cells of the rows with a non-zero price at an optimum, the largest price first. */
function holders(m: AttackModel, o: Optimum): string[] {
  const priced: [number, string][] = [];
  o.duals.forEach((d, r) => {
    const key = m.cellOfRow[r];
    if (key !== undefined && m.holds[r] && Math.abs(d) > 1e-9) priced.push([Math.abs(d), key]);
  });
  return priced.sort((a, b) => b[0] - a[0]).map(([, key]) => key);
}

/**
 * Exchange between twins: unknowns in exactly the same rows. Moving an amount from an unknown
 * inside the target to a twin outside it (at most what the first holds) changes no row, so the
 * target can lose everything it holds in classes with an outside member, and gain everything the
 * outside members of its classes hold.
 */
function exchange(m: AttackModel, cls: ReturnType<typeof twinClasses>, state: { t: Target; min: number; max: number }[]): void {
  const mark = new Int32Array(m.columns).fill(-1);
  state.forEach((s, i) => {
    for (const j of s.t.columns) mark[j] = i;
    let give = 0;
    let take = 0;
    const seen = new Set<number>();
    for (const j of s.t.columns) {
      const k = cls.of[j]!;
      if (seen.has(k)) continue;
      seen.add(k);
      let inside = 0;
      let outside = 0;
      for (let q = cls.starts[k]!; q < cls.starts[k + 1]!; q++) {
        const u = cls.members[q]!;
        if (mark[u] === i) inside += m.truth[u]!;
        else outside += m.truth[u]!;
      }
      if (outside > 0) give += inside;
      if (inside > 0) take += outside;
    }
    s.min = Math.min(s.min, s.t.value - give);
    s.max = Math.max(s.max, s.t.value + take);
  });
}

/**
 * Unknowns grouped by the set of rows that contain them: a 52-bit hash of that set first, then an
 * exact comparison with the class's first member, so a collision never makes two unknowns twins.
 */
function twinClasses(m: AttackModel): { of: Int32Array; starts: Int32Array; members: Int32Array } {
  const n = m.columns;
  const { starts: rs, indices } = m.rows;
  // The holding rows of each unknown, by a counting sort of the rows' entries.
  const rowStart = new Int32Array(n + 1);
  for (let r = 0; r + 1 < rs.length; r++) if (m.holds[r]) for (let q = rs[r]!; q < rs[r + 1]!; q++) rowStart[indices[q]! + 1]!++;
  for (let j = 0; j < n; j++) rowStart[j + 1]! += rowStart[j]!;
  const next = rowStart.slice(0, n);
  const rowsOf = new Int32Array(rowStart[n]!);
  const h1 = new Int32Array(n);
  const h2 = new Int32Array(n).fill(0x3c6ef372);
  for (let r = 0; r + 1 < rs.length; r++) {
    if (!m.holds[r]) continue;
    for (let q = rs[r]!; q < rs[r + 1]!; q++) {
      const j = indices[q]!;
      rowsOf[next[j]!++] = r;
      h1[j] = Math.imul(h1[j]! ^ r, 0x01000193);
      h2[j] = Math.imul(h2[j]! + r, 0x5bd1e995) ^ (h2[j]! >>> 13);
    }
  }
  const same = (a: number, b: number) => {
    const la = rowStart[a + 1]! - rowStart[a]!;
    if (la !== rowStart[b + 1]! - rowStart[b]!) return false;
    for (let q = 0; q < la; q++) if (rowsOf[rowStart[a]! + q] !== rowsOf[rowStart[b]! + q]) return false;
    return true;
  };
  // First member of each class by hash; a hash shared by two classes (a collision) chains them.
  const firstByHash = new Map<number, number>();
  const nextClassSameHash: number[] = [];
  const firstOf: number[] = [];
  const of = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const h = (h1[j]! >>> 0) * 2 ** 20 + ((h2[j]! >>> 0) & 0xfffff);
    let k = firstByHash.get(h);
    let last = -1;
    while (k !== undefined && k >= 0 && !same(firstOf[k]!, j)) {
      last = k;
      k = nextClassSameHash[k]! >= 0 ? nextClassSameHash[k] : undefined;
    }
    if (k === undefined || k < 0) {
      k = firstOf.length;
      firstOf.push(j);
      nextClassSameHash.push(-1);
      if (last >= 0) nextClassSameHash[last] = k;
      else firstByHash.set(h, k);
    }
    of[j] = k;
  }
  const classes = firstOf.length;
  const starts = new Int32Array(classes + 1);
  for (let j = 0; j < n; j++) starts[of[j]! + 1]!++;
  for (let k = 0; k < classes; k++) starts[k + 1]! += starts[k]!;
  const fill = starts.slice(0, classes);
  const members = new Int32Array(n);
  for (let j = 0; j < n; j++) members[fill[of[j]!]!++] = j;
  return { of, starts, members };
}
