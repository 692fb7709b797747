/**
 * The finest cells of the data, as the audit's attacker sees them: every combination of the
 * published dimensions' values that actually occurs in the hour rows (month, operation, the
 * contract's attributes, the contractor's size and sector, the employment contract, the way the
 * hours were carried out, the person's attributes…). Each published cell is a sum of these atoms,
 * whatever table it belongs to, so identities between dimensions of different tables (public TH
 * and RQTH, a département served by one facilitator…) are seen without being declared: they are
 * combinations that never occur.
 *
 * Assuming the attacker knows which combinations occur is conservative: a real outsider knows
 * less, so the intervals it can derive are at least as wide as the audit's.
 */
import type { Cells } from '../cells/index.ts';
import { DIMENSIONS, type Dimension } from '../indicators/dimensions.ts';

export interface Atoms {
  /** Number of atoms. */
  n: number;
  /** Hours of each atom. */
  hours: Float64Array;
  /** Each hour row's atom. */
  ofRow: Int32Array;
  /** A row of each atom, to read its dimension values through the rows' codes. */
  row: Int32Array;
}

/**
 * Dimensions that split the atoms: those of the cubes, but a dimension another one nests in
 * (the year of a month, the family of a contract type) adds no split.
 */
export function atomDimensions(cubes: readonly (readonly Dimension[])[]): Dimension[] {
  const used = new Set<Dimension>(['mois']);
  for (const c of cubes) for (const d of c) used.add(d);
  const parents = new Set([...used].map((d) => DIMENSIONS[d].parent?.dimension).filter((d): d is Dimension => d !== undefined));
  return [...used].filter((d) => !parents.has(d));
}

/**
 * The atoms of the hour rows: rows are numbered by their combination of `dims` (and of `extra`
 * row flags: an earlier release's cut), one dimension at a time, so the keys stay numbers.
 */
export function buildAtoms(cells: Cells, dims: readonly Dimension[], extra: readonly Uint8Array[] = []): Atoms {
  const { rows } = cells;
  const n = rows.n;
  let ofRow = new Int32Array(n);
  let count = n > 0 ? 1 : 0;
  const split = (codes: ArrayLike<number>, card: number) => {
    const next = new Int32Array(n);
    const ids = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const key = ofRow[i]! * card + codes[i]!;
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      next[i] = id;
    }
    ofRow = next;
    count = ids.size;
  };
  for (const d of dims) {
    const c = rows.codes(d);
    split(c.ids, Math.max(1, c.sets ? c.sets.length : c.values.length));
  }
  for (const flags of extra) split(flags, 2);
  const hours = new Float64Array(count);
  const row = new Int32Array(count).fill(-1);
  for (let i = 0; i < n; i++) {
    const a = ofRow[i]!;
    hours[a] = hours[a]! + rows.hours[i]!;
    if (row[a]! < 0) row[a] = i;
  }
  return { n: count, hours, ofRow, row };
}

/**
 * Which cells of a cube each atom falls in: the cube's cells are numbered as in its complete grid
 * (`cells.grid(dims)`, the last dimension varying fastest), and an atom falls in one cell, or in
 * one per public category when the cube has `public`. As rows: `starts[a]..starts[a+1]` indexes
 * `cells` for atom a.
 */
export function atomCells(cells: Cells, atoms: Atoms, dims: readonly Dimension[]): { starts: Int32Array; cells: Int32Array; size: number } {
  const { rows } = cells;
  // Each dimension's row value numbers, mapped to its position in the dimension's domain.
  const position = dims.map((d) => {
    const domain = cells.domain(d).map(String);
    const c = rows.codes(d);
    return { ...c, at: Int32Array.from(c.values, (v) => domain.indexOf(String(v))), size: domain.length };
  });
  const strides = dims.map(() => 1);
  for (let j = dims.length - 2; j >= 0; j--) strides[j] = strides[j + 1]! * position[j + 1]!.size;
  const size = dims.length === 0 ? 1 : strides[0]! * position[0]!.size;
  const multi = dims.indexOf('public');
  const starts = new Int32Array(atoms.n + 1);
  const out: number[] = [];
  for (let a = 0; a < atoms.n; a++) {
    const i = atoms.row[a]!;
    let base = 0;
    let inGrid = true;
    for (let j = 0; j < dims.length; j++) {
      if (j === multi) continue;
      const at = position[j]!.at[position[j]!.ids[i]!]!;
      if (at < 0) inGrid = false;
      base += at * strides[j]!;
    }
    if (inGrid) {
      if (multi < 0) out.push(base);
      else {
        const p = position[multi]!;
        for (const v of p.sets![p.ids[i]!]!) {
          const at = p.at[v]!;
          if (at >= 0) out.push(base + at * strides[multi]!);
        }
      }
    }
    starts[a + 1] = out.length;
  }
  return { starts, cells: Int32Array.from(out), size };
}
