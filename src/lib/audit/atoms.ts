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
 * (`cells.grid(dims)`, the last dimension varying fastest), and an atom falls in one cell (-1 when
 * a value is outside the grid), or in one per public category when the cube has `public`. As rows:
 * `starts[a]..starts[a+1]` indexes `cells` for atom a; without `public`, `starts` is `undefined`
 * and `cells[a]` is atom a's cell.
 */
export function atomCells(cells: Cells, atoms: Atoms, dims: readonly Dimension[]): { starts?: Int32Array; cells: Int32Array; size: number } {
  const { rows } = cells;
  // Each dimension's row value numbers, mapped to its position in the dimension's domain.
  const position = dims.map((d) => {
    const domain = new Map(cells.domain(d).map((v, i) => [String(v), i]));
    const c = rows.codes(d);
    return { ...c, at: Int32Array.from(c.values, (v) => domain.get(String(v)) ?? -1), size: domain.size };
  });
  const strides = dims.map(() => 1);
  for (let j = dims.length - 2; j >= 0; j--) strides[j] = strides[j + 1]! * position[j + 1]!.size;
  const size = dims.length === 0 ? 1 : strides[0]! * position[0]!.size;
  const multi = dims.indexOf('public');
  const base = new Int32Array(atoms.n);
  for (let a = 0; a < atoms.n; a++) {
    const i = atoms.row[a]!;
    let b = 0;
    for (let j = 0; j < dims.length; j++) {
      if (j === multi) continue;
      const at = position[j]!.at[position[j]!.ids[i]!]!;
      if (at < 0) {
        b = -1;
        break;
      }
      b += at * strides[j]!;
    }
    base[a] = b;
  }
  if (multi < 0) return { cells: base, size };
  const p = position[multi]!;
  const starts = new Int32Array(atoms.n + 1);
  for (let a = 0; a < atoms.n; a++) starts[a + 1] = starts[a]! + (base[a]! < 0 ? 0 : p.sets![p.ids[atoms.row[a]!]!]!.length);
  const out = new Int32Array(starts[atoms.n]!);
  for (let a = 0; a < atoms.n; a++) {
    if (base[a]! < 0) continue;
    let q = starts[a]!;
    for (const v of p.sets![p.ids[atoms.row[a]!]!]!) {
      const at = p.at[v]!;
      out[q++] = at < 0 ? -1 : base[a]! + at * strides[multi]!;
    }
  }
  return { starts, cells: out, size };
}
