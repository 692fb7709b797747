/**
 * The linear programs of the audit, solved by HiGHS (the `highs` package: the HiGHS solver
 * compiled to WebAssembly). One model per attack: its columns are the finest cells of the data
 * (non-negative unknowns to an outsider), its rows the published figures (equalities). The model
 * is loaded once; each bound only changes the objective, so the simplex starts from the previous
 * basis (primal simplex, which keeps the feasible basis when costs change: about 20 times faster
 * here than the default dual simplex, which restarts).
 *
 * Rows of 0/1 coefficients are loaded nested: each row r gets a column y_r, bounded by the
 * published value (free while the row is dropped), and one equality defines it as the sum of
 * smaller rows' columns that partition it plus the unknowns no smaller row covers. A margin is
 * then a sum of a few cells instead of thousands of unknowns: the same program (same optima, same
 * prices: row r's dual is y_r's reduced cost) with about a third of the non-zeros, solved about
 * twice as fast; and a target that is a row is y_r alone in the objective.
 *
 * The solver is handed in by the caller (scripts/ load it), so src/lib reads no file.
 */
import type { Highs } from 'highs';

export type { Highs };

/** A sparse 0/1 matrix by rows: row r holds the columns `indices[starts[r]..starts[r+1]]`. */
export interface Rows {
  starts: Int32Array;
  indices: Int32Array;
}

/** An optimum of the model: the objective's value, a point reaching it, and the rows' prices. */
export interface Optimum {
  value: number;
  /** The point (one value per unknown, first): an outsider's table consistent with every published figure. */
  x: Float64Array;
  /** Dual values of the rows: the published figures that hold the bound where it is. */
  duals: Float64Array;
}

/** Programs solved and milliseconds spent in HiGHS, for the benchmark. */
export const lpStats = { solves: 0, ms: 0 };

/** HiGHS model status codes we read (`highs.constants` has no map of them). */
const OPTIMAL = 7;
const UNBOUNDED = 10;

export class BoundModel {
  private readonly model: ReturnType<Highs['createModel']>;
  private readonly cost: Float64Array;
  private readonly touched: number[] = [];
  private readonly mark: Uint8Array;
  /** Nested: row r's column y_r is `columns + r` (see the file's comment); otherwise undefined. */
  private readonly nested: boolean;
  private readonly numRows: number;

  /**
   * @param columns number of unknowns (all ≥ 0)
   * @param rows the rows, each a sum of columns (with `values` as coefficients, 1 by default)
   * @param lower each row's lower bound (a published value: also its upper bound)
   * @param upper each row's upper bound (equal to `lower` for an equality)
   */
  constructor(
    private readonly highs: Highs,
    readonly columns: number,
    rows: Rows & { values?: Float64Array },
    lower: Float64Array,
    upper: Float64Array,
    /** A solution of the rows (the true table): checked, so that a model the data breaks is a bug, not a release. */
    truth: Float64Array,
  ) {
    const numRows = lower.length;
    const values = rows.values ?? new Float64Array(rows.indices.length).fill(1);
    const atTruth = new Float64Array(numRows);
    for (let r = 0; r < numRows; r++) {
      let s = 0;
      for (let q = rows.starts[r]!; q < rows.starts[r + 1]!; q++) s += values[q]! * truth[rows.indices[q]!]!;
      atTruth[r] = s;
    }
    // Tolerances absorb the rounding of the sums above; a row the truth breaks is a bug.
    for (let r = 0; r < numRows; r++) {
      const slack = 1e-6 * Math.max(1, Math.abs(atTruth[r]!));
      if (atTruth[r]! < lower[r]! - slack || atTruth[r]! > upper[r]! + slack) {
        throw new Error(`audit: la ligne ${r} ne tient pas pour les données / row ${r} does not hold for the data (${atTruth[r]} ∉ [${lower[r]}, ${upper[r]}])`);
      }
    }
    const inf = highs.infinity;
    const bound = (v: number) => (Number.isFinite(v) ? v : v > 0 ? inf : -inf);
    this.numRows = numRows;
    this.nested = rows.values === undefined;
    const total = this.nested ? columns + numRows : columns;
    this.cost = new Float64Array(total);
    this.mark = new Uint8Array(total);
    if (this.nested) {
      const definitions = nestRows(columns, rows);
      const colLower = new Float64Array(total);
      const colUpper = new Float64Array(total).fill(inf);
      for (let r = 0; r < numRows; r++) {
        colLower[columns + r] = bound(lower[r]!);
        colUpper[columns + r] = bound(upper[r]!);
      }
      this.model = highs.createModel({
        numCols: total,
        numRows,
        colCost: this.cost,
        colLower,
        colUpper,
        rowLower: new Float64Array(numRows),
        rowUpper: new Float64Array(numRows),
        matrix: { format: 'csr', numRows, numCols: total, ...definitions },
      });
    } else {
      this.model = highs.createModel({
        numCols: columns,
        numRows,
        colCost: this.cost,
        colLower: new Float64Array(columns),
        colUpper: new Float64Array(columns).fill(inf),
        rowLower: lower.map(bound),
        rowUpper: upper.map(bound),
        matrix: { format: 'csr', numRows, numCols: columns, starts: rows.starts, indices: rows.indices, values },
      });
    }
    this.model.options.set({ output_flag: false, presolve: 'off', simplex_strategy: 4 });
  }

  /**
   * The column that equals row r's sum, when the model has one (rows of 0/1 coefficients): an
   * objective on it alone is the same as on the row's unknowns, with one non-zero.
   */
  columnOfRow(r: number): number | undefined {
    return this.nested ? this.columns + r : undefined;
  }

  /** Lets row r hold again ([lower, upper]) or drops it (a figure not published: any value). */
  setRow(r: number, holds: boolean, lower: number, upper: number): void {
    const inf = this.highs.infinity;
    const lo = holds && Number.isFinite(lower) ? lower : -inf;
    const up = holds && Number.isFinite(upper) ? upper : inf;
    if (this.nested) this.model.changeColBounds(this.columns + r, lo, up);
    else this.model.changeRowBounds(r, lo, up);
  }

  /**
   * The smallest or largest value of `Σ weights[j]·x[columns[j]]` over every table consistent with
   * the published rows. Throws if HiGHS does not reach an optimum (an infeasible model means the
   * published rows contradict the data: a bug, never a reason to publish).
   */
  optimise(columns: ArrayLike<number>, weights: ArrayLike<number> | number, sense: 'min' | 'max'): Optimum {
    // Only the columns whose cost changes are sent (the previous target's and this one's).
    const changed = new Set<number>(this.touched);
    for (const j of this.touched) {
      this.cost[j] = 0;
      this.mark[j] = 0;
    }
    this.touched.length = 0;
    for (let i = 0; i < columns.length; i++) {
      const j = columns[i]!;
      this.cost[j] = this.cost[j]! + (typeof weights === 'number' ? weights : weights[i]!);
      changed.add(j);
      if (!this.mark[j]) {
        this.mark[j] = 1;
        this.touched.push(j);
      }
    }
    const indices = Int32Array.from(changed).sort();
    if (indices.length > 0)
      this.model.changeColsCost(
        { kind: 'set', indices },
        Float64Array.from(indices, (j) => this.cost[j]!),
      );
    const { objectiveSense } = this.highs.constants;
    this.model.changeObjectiveSense(sense === 'min' ? objectiveSense.minimize : objectiveSense.maximize);
    const t0 = performance.now();
    this.model.run();
    lpStats.solves++;
    lpStats.ms += performance.now() - t0;
    let status = this.model.getModelStatus();
    if (status !== OPTIMAL) {
      // A warm start gone astray (rows dropped and restored many times): once more from scratch,
      // with the dual simplex.
      this.model.clearSolver();
      this.model.options.set({ simplex_strategy: 1 });
      this.model.run();
      status = this.model.getModelStatus();
      this.model.options.set({ simplex_strategy: 4 });
    }
    // No published figure bounds these unknowns (every row holding them is dropped): the value can
    // be anything above, which the caller reads as protected on that side.
    if (status === UNBOUNDED) return { value: sense === 'max' ? Infinity : -Infinity, x: new Float64Array(0), duals: new Float64Array(0) };
    if (status !== OPTIMAL) throw new Error(`HiGHS: le programme linéaire d'audit n'a pas d'optimum (statut ${status}) / the audit's linear program has no optimum (status ${status})`);
    const solution = this.model.getSolution();
    // Nested, row r's price is the reduced cost of its column y_r.
    const duals = this.nested ? solution.colDual.subarray(this.columns, this.columns + this.numRows) : solution.rowDual;
    return { value: this.model.getObjectiveValue(), x: solution.colValue, duals };
  }

  dispose(): void {
    this.model.dispose();
  }
}

/**
 * The definitions of the nested model: for each row r, y_r − Σ y_d − Σ x_j = 0, where the rows d
 * are smaller rows partitioning part of r (the largest that fits first, a few tried per unknown)
 * and the unknowns j the rest. Rows are ordered by size (then index), and a row is only defined
 * from rows before it, so the definitions never loop; two rows of the same unknowns are one
 * column defined from the other.
 */
function nestRows(columns: number, rows: Rows): { starts: Int32Array; indices: Int32Array; values: Float64Array } {
  const numRows = rows.starts.length - 1;
  const size = (r: number) => rows.starts[r + 1]! - rows.starts[r]!;
  const order = Int32Array.from({ length: numRows }, (_, r) => r).sort((a, b) => size(a) - size(b) || a - b);
  const rank = new Int32Array(numRows);
  order.forEach((r, i) => (rank[r] = i));
  // The rows holding each unknown, the largest first.
  const count = new Int32Array(columns + 1);
  for (const j of rows.indices) count[j + 1]!++;
  for (let j = 0; j < columns; j++) count[j + 1]! += count[j]!;
  const holding = new Int32Array(rows.indices.length);
  const fill = count.slice(0, columns);
  for (let i = numRows - 1; i >= 0; i--) {
    const r = order[i]!;
    for (let q = rows.starts[r]!; q < rows.starts[r + 1]!; q++) holding[fill[rows.indices[q]!]!++] = r;
  }
  const TRIED = 16;
  const inRow = new Int32Array(columns).fill(-1);
  const covered = new Int32Array(columns).fill(-1);
  const starts = new Int32Array(numRows + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let r = 0; r < numRows; r++) {
    for (let q = rows.starts[r]!; q < rows.starts[r + 1]!; q++) inRow[rows.indices[q]!] = r;
    indices.push(columns + r);
    values.push(1);
    for (let q = rows.starts[r]!; q < rows.starts[r + 1]!; q++) {
      const j = rows.indices[q]!;
      if (covered[j] === r) continue;
      let part = -1;
      let tried = 0;
      for (let p = count[j]!; p < count[j + 1]! && tried < TRIED && part < 0; p++) {
        const d = holding[p]!;
        if (rank[d]! >= rank[r]!) continue;
        tried++;
        let fits = true;
        for (let u = rows.starts[d]!; u < rows.starts[d + 1]! && fits; u++) {
          const i = rows.indices[u]!;
          fits = inRow[i] === r && covered[i] !== r;
        }
        if (fits) part = d;
      }
      if (part >= 0) {
        for (let u = rows.starts[part]!; u < rows.starts[part + 1]!; u++) covered[rows.indices[u]!] = r;
        indices.push(columns + part);
      } else {
        covered[j] = r;
        indices.push(j);
      }
      values.push(-1);
    }
    starts[r + 1] = indices.length;
  }
  return { starts, indices: Int32Array.from(indices), values: Float64Array.from(values) };
}
