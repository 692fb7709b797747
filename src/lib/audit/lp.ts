/**
 * The linear programs of the audit, solved by HiGHS (the `highs` package: the HiGHS solver
 * compiled to WebAssembly). One model per attack: its columns are the finest cells of the data
 * (non-negative unknowns to an outsider), its rows the published figures (equalities). The model
 * is loaded once; each bound only changes the objective, so the simplex starts from the previous
 * basis (primal simplex, which keeps the feasible basis when costs change: about 20 times faster
 * here than the default dual simplex, which restarts).
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
  /** The point (one value per column): an outsider's table consistent with every published figure. */
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
    this.cost = new Float64Array(columns);
    this.mark = new Uint8Array(columns);
    this.model = highs.createModel({
      numCols: columns,
      numRows,
      colCost: this.cost,
      colLower: new Float64Array(columns),
      colUpper: new Float64Array(columns).fill(highs.infinity),
      rowLower: lower.map((l) => (Number.isFinite(l) ? l : -highs.infinity)),
      rowUpper: upper.map((u) => (Number.isFinite(u) ? u : highs.infinity)),
      matrix: { format: 'csr', numRows, numCols: columns, starts: rows.starts, indices: rows.indices, values },
    });
    this.model.options.set({ output_flag: false, presolve: 'off', simplex_strategy: 4 });
  }

  /** Lets row r hold again ([lower, upper]) or drops it (a figure not published: any value). */
  setRow(r: number, holds: boolean, lower: number, upper: number): void {
    this.model.changeRowBounds(r, holds ? lower : -this.highs.infinity, holds ? upper : this.highs.infinity);
  }

  /**
   * The smallest or largest value of `Σ weights[j]·x[columns[j]]` over every table consistent with
   * the published rows. Throws if HiGHS does not reach an optimum (an infeasible model means the
   * published rows contradict the data: a bug, never a reason to publish).
   */
  optimise(columns: ArrayLike<number>, weights: ArrayLike<number> | number, sense: 'min' | 'max'): Optimum {
    for (const j of this.touched) {
      this.cost[j] = 0;
      this.mark[j] = 0;
    }
    this.touched.length = 0;
    for (let i = 0; i < columns.length; i++) {
      const j = columns[i]!;
      this.cost[j] = this.cost[j]! + (typeof weights === 'number' ? weights : weights[i]!);
      if (!this.mark[j]) {
        this.mark[j] = 1;
        this.touched.push(j);
      }
    }
    this.model.changeColsCost({ kind: 'range', from: 0, to: this.columns - 1 }, this.cost);
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
    return { value: this.model.getObjectiveValue(), x: solution.colValue, duals: solution.rowDual };
  }

  dispose(): void {
    this.model.dispose();
  }
}
