/**
 * The attack on hours: each published cell is an equality over the atoms (the finest cells, see
 * atoms.ts), every atom is non-negative, and an outsider who reads every published figure can
 * derive for a hidden cell the interval [min, max] of its hours over all tables that agree with
 * them (attack.ts). A primary cell is protected when min ≤ (1 − p)·v and max ≥ (1 + p)·v, p being
 * the publisher's protection level.
 */
import type { Cells } from '../cells/index.ts';
import { cellKey } from '../cells/index.ts';
import type { Dimension } from '../indicators/dimensions.ts';
import { atomCells, type Atoms } from './atoms.ts';
import type { AttackModel, Target } from './attack.ts';

/** Every cell of the cubes as a set of atoms. */
export interface HourCells {
  atoms: Atoms;
  /** Cell keys, in cube then grid order. */
  keys: string[];
  index: ReadonlyMap<string, number>;
  /** Atoms of cell c: `members[starts[c]..starts[c+1]]`. */
  starts: Int32Array;
  members: Int32Array;
  /** Hours of each cell (the sum of its atoms). */
  value: Float64Array;
}

/** Every cell of every cube of `cells` as its atoms (cells of no hour have none). */
export function hourCells(cells: Cells, atoms: Atoms, cubes: readonly (readonly Dimension[])[] = cells.cubes): HourCells {
  // Each cube's atom → cell lists, then one array of every cell's atoms (cube by cube, each
  // cell's atoms in order: a counting sort per cube).
  const perCube = cubes.map((dims) => ({ dims, ...atomCells(cells, atoms, dims) }));
  const cellCount = perCube.reduce((n, c) => n + c.size, 0);
  const starts = new Int32Array(cellCount + 1);
  let offset = 0;
  for (const c of perCube) {
    for (const cell of c.cells) if (cell >= 0) starts[offset + cell + 1]!++;
    offset += c.size;
  }
  for (let c = 0; c < cellCount; c++) starts[c + 1]! += starts[c]!;
  const members = new Int32Array(starts[cellCount]!);
  const next = starts.slice(0, cellCount);
  const keys: string[] = [];
  offset = 0;
  for (const c of perCube) {
    if (c.starts) {
      for (let a = 0; a < atoms.n; a++) for (let q = c.starts[a]!; q < c.starts[a + 1]!; q++) if (c.cells[q]! >= 0) members[next[offset + c.cells[q]!]!++] = a;
    } else {
      for (let a = 0; a < atoms.n; a++) if (c.cells[a]! >= 0) members[next[offset + c.cells[a]!]!++] = a;
    }
    for (const values of cells.grid(c.dims)) keys.push(cellKey(values));
    offset += c.size;
  }
  const value = new Float64Array(cellCount);
  for (let c = 0; c < cellCount; c++) {
    let s = 0;
    for (let k = starts[c]!; k < starts[c + 1]!; k++) s += atoms.hours[members[k]!]!;
    value[c] = s;
  }
  return { atoms, keys, index: new Map(keys.map((k, c) => [k, c])), starts, members, value };
}

/**
 * The outsider's model of hours: one unknown per atom, one equality per cell that has hours,
 * holding while the cell is published (`published(c)`). A published cell of no hour states
 * nothing: its atoms do not exist.
 */
export function hourModel(hc: HourCells, published: (c: number) => boolean): AttackModel {
  const rowsOf: number[] = [];
  for (let c = 0; c < hc.keys.length; c++) if (hc.starts[c + 1]! > hc.starts[c]!) rowsOf.push(c);
  const starts = new Int32Array(rowsOf.length + 1);
  rowsOf.forEach((c, r) => (starts[r + 1] = starts[r]! + (hc.starts[c + 1]! - hc.starts[c]!)));
  const indices = new Int32Array(starts[rowsOf.length]!);
  rowsOf.forEach((c, r) => indices.set(hc.members.subarray(hc.starts[c], hc.starts[c + 1]), starts[r]));
  const rhs = Float64Array.from(rowsOf, (c) => hc.value[c]!);
  return {
    columns: hc.atoms.n,
    truth: hc.atoms.hours,
    rows: { starts, indices },
    lower: rhs,
    upper: rhs,
    cellOfRow: rowsOf.map((c) => hc.keys[c]!),
    plain: true,
    holds: Uint8Array.from(rowsOf, (c) => (published(c) ? 1 : 0)),
  };
}

/** The hours of cell `c` as a target: protected when they can move by the level p both ways (or to `above`). */
export function hourTarget(hc: HourCells, c: number, level: number, above?: number): Target {
  const value = hc.value[c]!;
  return {
    key: hc.keys[c]!,
    columns: hc.members.subarray(hc.starts[c], hc.starts[c + 1]),
    value,
    below: (1 - level) * value,
    above: Math.max((1 + level) * value, above ?? 0),
  };
}

/**
 * Cells of different tables made of exactly the same atoms (public TH and RQTH when they always
 * go together, a département served by one facilitator, training and « organisme de formation »…):
 * whatever their names, they are one figure, published in all or none. Each set of two or more,
 * as keys; cells of no hour are left out (zero is published).
 */
export function aliases(hc: HourCells): string[][] {
  const byHash = new Map<string, number[]>();
  for (let c = 0; c < hc.keys.length; c++) {
    const from = hc.starts[c]!;
    const to = hc.starts[c + 1]!;
    if (to === from) continue;
    let h = 0x811c9dc5;
    for (let q = from; q < to; q++) h = Math.imul(h ^ hc.members[q]!, 0x01000193);
    const key = `${to - from}:${h >>> 0}`;
    const list = byHash.get(key);
    if (list) list.push(c);
    else byHash.set(key, [c]);
  }
  const same = (a: number, b: number) => {
    const n = hc.starts[a + 1]! - hc.starts[a]!;
    for (let q = 0; q < n; q++) if (hc.members[hc.starts[a]! + q] !== hc.members[hc.starts[b]! + q]) return false;
    return true;
  };
  const out: string[][] = [];
  for (const list of byHash.values()) {
    if (list.length < 2) continue;
    const sets: number[][] = [];
    for (const c of list) {
      const found = sets.find((s) => same(s[0]!, c));
      if (found) found.push(c);
      else sets.push([c]);
    }
    for (const s of sets) if (s.length > 1) out.push(s.map((c) => hc.keys[c]!));
  }
  return out;
}

/**
 * The cells of `hc` and, after them, `extra` cells: each the atoms of a base cell that `keep`
 * accepts (an earlier release's cell: today's cell within its window).
 */
export function extendHourCells(hc: HourCells, extra: readonly { key: string; base: string; keep: (atom: number) => boolean }[]): HourCells {
  if (extra.length === 0) return hc;
  const lists: Int32Array[] = [];
  for (const e of extra) {
    const c = hc.index.get(e.base)!;
    lists.push(hc.members.subarray(hc.starts[c], hc.starts[c + 1]).filter(e.keep));
  }
  const n = hc.keys.length;
  const keys = [...hc.keys, ...extra.map((e) => e.key)];
  const starts = new Int32Array(keys.length + 1);
  starts.set(hc.starts);
  lists.forEach((l, j) => (starts[n + j + 1] = starts[n + j]! + l.length));
  const members = new Int32Array(starts[keys.length]!);
  members.set(hc.members);
  lists.forEach((l, j) => members.set(l, starts[n + j]));
  const value = new Float64Array(keys.length);
  value.set(hc.value);
  lists.forEach((l, j) => {
    let s = 0;
    for (const a of l) s += hc.atoms.hours[a]!;
    value[n + j] = s;
  });
  return { atoms: hc.atoms, keys, index: new Map(keys.map((k, c) => [k, c])), starts, members, value };
}
