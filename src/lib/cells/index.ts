/**
 * Step 2 of the pipeline: every figure the release publishes, computed once from the rows it
 * covers. A cell is one combination of dimension values of a published cube (`[]` the totals,
 * `['annee']`, `['annee', 'sexe']`…): its hours, distinct persons and contractors. The tables,
 * the key figures and the comparison read these cells; disclosure control decides which of them
 * are hidden (src/lib/protect), and the audit checks that decision (src/lib/audit).
 *
 * Cubes are computed on their complete grid (every combination of their dimensions' values, a
 * zero cell where no hour falls), so a table keeps its shape from one release to the next.
 */
import type { Dataset } from '../dataset.ts';
import { DIMENSIONS, type ContractDimension, type Dimension, type DimValue } from '../indicators/dimensions.ts';
import { referencesOf, type HeadlineReferences } from '../indicators/references.ts';
import { firstMonths } from '../indicators/measures.ts';
import { IntPairs } from '../indicators/numbering.ts';
import { contractCells, type ContractCell } from './contracts.ts';
import { hourRows, toValue, type HourRows } from './rows.ts';

export { toValue, type HourRows, type DimCodes } from './rows.ts';
export { contractKey, NO_CONTRACT, type ContractCell } from './contracts.ts';

/**
 * One cell of a published (or derivable) table, with what disclosure control needs to know
 * about it: who is in it. Never published itself.
 */
export interface Cell {
  /** Canonical key (see `cellKey`): the same cell in two tables has the same key. */
  key: string;
  /** Dimension values identifying the cell (`{}` for the grand total). */
  dims: Readonly<Record<string, DimValue>>;
  /** Distinct persons with hours in the cell. */
  personnes: PersonSet;
  /** Hours carried out in the cell. */
  heures: number;
  /** Contractors with hours in the cell (more than 0), the count a company breakdown publishes. */
  entreprises: number;
  /**
   * Hours per contractor (company), for the INSEE dominance rule: a `Map` or any list of pairs.
   * Kept for company cells only (`regle: 'entreprises'`); a person cell's list is empty, and no
   * group mixes the two kinds.
   */
  heuresParEntreprise: Iterable<readonly [string | number, number]>;
  /** `entreprises`: a company breakdown (size, sector), which also follows the INSEE rule. */
  regle: 'personnes' | 'entreprises';
}

/**
 * The distinct persons of a cell: a `Set` of pseudonyms, or a lighter list with the same size and
 * iteration (the same number for one person in all its cells). Only a cell of fewer than k
 * persons must be iterable: from k on, its size decides every rule, and its persons are not kept
 * (at ×1000, ~40 cubes × 1.4 M persons).
 */
export interface PersonSet {
  readonly size: number;
  [Symbol.iterator](): Iterator<string | number>;
}

/**
 * An additive relation between cells: `total` is made of `membres` (a row or column of a table
 * and its margin, a year and its months, a group of codes and its codes…).
 */
export interface Group {
  total: string;
  membres: readonly string[];
}

/** Canonical key of a cell: its dimension values sorted by dimension name. */
export function cellKey(dims: Readonly<Record<string, DimValue>>): string {
  return JSON.stringify(
    Object.keys(dims)
      .sort()
      .map((d) => [d, dims[d]]),
  );
}

const ORDER = Object.keys(DIMENSIONS) as Dimension[];

/** Dimensions in catalogue order, so `['segment', 'annee']` and `['annee', 'segment']` are one cube. */
export function canonicalCube(dims: readonly Dimension[]): Dimension[] {
  return [...new Set(dims)].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
}

/** Shadow cubes: not tables of their own, but derivable from published figures (key figures' shares). */
export const SHADOW_CUBES: readonly Dimension[][] = [[], ['famille_structure'], ['famille_contrat'], ['sexe']];

/** The rule a cube's cells follow: the company rule when one of its dimensions describes companies. */
export const ruleOf = (dims: readonly Dimension[]): Cell['regle'] => (dims.some((d) => DIMENSIONS[d].entreprises) ? 'entreprises' : 'personnes');

export interface Cells {
  ds: Dataset;
  /** The disclosure threshold k the persons of small cells were listed for. */
  k: number;
  /** The cubes (canonical), the published ones and the shadow ones. */
  cubes: readonly Dimension[][];
  /** Every cell, by key: the complete grid of every cube, then the women cells. */
  cells: ReadonlyMap<string, Cell>;
  /** Additive relations declared by the cubes' margins and nestings, and the women chains. */
  groups: readonly Group[];
  /** The cell with these dimension values (undefined if no cube holds it). */
  cell: (dims: Readonly<Record<string, DimValue>>) => Cell | undefined;
  /** Complete grid of a cube: every combination of its dimensions' values, in publication order. */
  grid: (dims: readonly Dimension[]) => Record<string, DimValue>[];
  /** Every value of a dimension, in publication order. */
  domain(dim: Dimension): readonly DimValue[];
  /** The hour rows, numbered (the audit builds its finest cells from them). */
  rows: HourRows;
  /** The reference dates of the key figures the cells were computed for. */
  references: HeadlineReferences;
  /** Reference months of the share of women within the period (their cells are `{ cumul_mois: M, … }`). */
  womenMonths: readonly string[];
  /**
   * Contracts with a clause by contract dimensions (public data, never secret), computed once per
   * set of dimensions; keyed by `contractKey` of the values in the order of `dims`.
   */
  contracts(dims: readonly ContractDimension[]): ReadonlyMap<string, ContractCell>;
}

/**
 * Every cell of `cubes` and of the shadow cubes, on complete grids, with the additive relations
 * between them: each cube with each of its margins (and, for nested dimensions, with its coarser
 * level: the months of a year, the codes of a family), and the chains of the share of women.
 */
export function computeCells(ds: Dataset, cubes: readonly (readonly Dimension[])[], { k, refs: given }: { k: number; refs?: HeadlineReferences }): Cells {
  const refs = given ?? referencesOf(ds);
  const all = new Map<string, Dimension[]>();
  for (const c of [...SHADOW_CUBES, ...cubes]) {
    const canon = canonicalCube(c);
    all.set(canon.join('|'), canon);
  }
  const registered = new Set(all.keys());
  const rows = hourRows(ds);

  // One pass over the hour rows per cube: who (persons, companies) is in each observed cell.
  const observed = new Map<string, Map<string, Omit<Cell, 'regle'>>>();
  const seen = new Map<Dimension, Set<DimValue>>();
  for (const [id, dims] of all) {
    const byKey = new Map<string, Omit<Cell, 'regle'>>();
    for (const a of observeCube(rows, dims, { k, companies: ruleOf(dims) === 'entreprises' })) {
      const key = cellKey(a.dims);
      byKey.set(key, { key, ...a });
      for (const d of dims) {
        if (!seen.has(d)) seen.set(d, new Set());
        seen.get(d)!.add(a.dims[d]!);
      }
    }
    observed.set(id, byKey);
  }
  const domains = new Map<Dimension, DimValue[]>();
  for (const dims of all.values()) for (const d of dims) if (!domains.has(d)) domains.set(d, domainOf(ds, d, seen.get(d) ?? []));
  const grid = (dims: readonly Dimension[]) => cartesian(canonicalCube(dims), domains);

  const cells = new Map<string, Cell>();
  for (const [id, dims] of all) {
    const regle = ruleOf(dims);
    for (const values of grid(dims)) {
      const key = cellKey(values);
      cells.set(key, { key, dims: values, personnes: EMPTY, heures: 0, entreprises: 0, heuresParEntreprise: NO_COMPANY_HOURS, regle });
    }
    for (const [key, a] of observed.get(id)!) cells.set(key, { ...a, regle });
  }

  const groups: Group[] = [];
  for (const dims of all.values()) {
    for (const d of dims) {
      const others = dims.filter((x) => x !== d);
      const parent = DIMENSIONS[d].parent;
      for (const fixed of grid(others)) {
        const members = (domains.get(d) ?? []).map((v) => ({ ...fixed, [d]: v }));
        if (registered.has(canonicalCube(others).join('|'))) groups.push({ total: cellKey(fixed), membres: members.map(cellKey) });
        if (parent && registered.has(canonicalCube([...others, parent.dimension]).join('|'))) {
          const byParent = new Map<string, Record<string, DimValue>[]>();
          for (const m of members) {
            const p = String(parent.valeur(m[d]!));
            byParent.set(p, [...(byParent.get(p) ?? []), m]);
          }
          for (const [p, ms] of byParent) groups.push({ total: cellKey({ ...fixed, [parent.dimension]: p }), membres: ms.map(cellKey) });
        }
      }
    }
  }

  const women = womenCells(ds, refs, rows.person, k);
  for (const c of women.cells) cells.set(c.key, c);
  groups.push(...women.groups);

  const contracts = new Map<string, Map<string, ContractCell>>();

  return {
    ds,
    k,
    cubes: [...all.values()],
    cells,
    groups,
    cell: (dims) => cells.get(cellKey(dims)),
    grid,
    domain: (dim) => domains.get(dim) ?? domainOf(ds, dim, []),
    rows,
    references: refs,
    womenMonths: women.months,
    contracts(dims) {
      const id = dims.join('|');
      let c = contracts.get(id);
      if (!c) contracts.set(id, (c = contractCells(ds, dims)));
      return c;
    },
  };
}

/** Values of a dimension: its declared domain, then any other value seen in the data. */
function domainOf(ds: Dataset, dim: Dimension, seen: Iterable<DimValue>): DimValue[] {
  const declared = DIMENSIONS[dim].domaine(ds);
  const known = new Set(declared.map(String));
  const extra = [...new Set([...seen].filter((v) => !known.has(String(v))).map(String))].sort();
  return [...declared, ...extra.map((v) => toValue(dim, v))];
}

function cartesian(dims: readonly Dimension[], domains: Map<Dimension, DimValue[]>): Record<string, DimValue>[] {
  let rows: Record<string, DimValue>[] = [{}];
  for (const d of dims) {
    const values = domains.get(d) ?? [];
    rows = rows.flatMap((r) => values.map((v) => ({ ...r, [d]: v })));
  }
  return rows;
}

/**
 * A cell's distinct persons as numbers, 4 bytes a person, listed only while they are fewer than
 * k: from k on, the count alone decides every rule (see `PersonSet`).
 */
export class PersonList implements PersonSet {
  constructor(
    readonly size: number,
    private readonly ids: Int32Array | undefined,
  ) {}
  [Symbol.iterator](): Iterator<number> {
    if (!this.ids) throw new Error(`PersonList: the ${this.size} persons of a cell of k or more are not listed`);
    return this.ids[Symbol.iterator]();
  }
}

const EMPTY: PersonSet = new PersonList(0, new Int32Array(0));
const NO_COMPANY_HOURS: Cell['heuresParEntreprise'] = [];

/** What a cell must keep of its persons and contractors. */
interface Keep {
  /** The threshold k: persons are listed only in cells of fewer. */
  k: number;
  /** Hours per contractor, for company cells (INSEE rule). */
  companies: boolean;
}

class CompanyHoursList implements Iterable<readonly [number, number]> {
  constructor(
    private readonly companies: Int32Array,
    private readonly hours: Float64Array,
  ) {}
  *[Symbol.iterator](): Iterator<readonly [number, number]> {
    for (let j = 0; j < this.companies.length; j++) yield [this.companies[j]!, this.hours[j]!];
  }
}

type Gathered = Pick<Cell, 'personnes' | 'heures' | 'entreprises' | 'heuresParEntreprise'>;

/**
 * Who is in each of `cells` cells, given (cell, row) pairs in row order: distinct persons, hours,
 * hours per contractor. The pairs are grouped by cell (a counting sort, which keeps row order, so
 * sums add up in the same order as row by row), then each cell's rows are read once, with a mark
 * per person and per contractor instead of a `Set` and a `Map` per cell.
 */
function gather(rows: HourRows, cellOf: Int32Array, rowOf: Int32Array, cells: number, keep: Keep): Gathered[] {
  const pairs = cellOf.length;
  const start = new Int32Array(cells + 1);
  for (let k = 0; k < pairs; k++) start[cellOf[k]! + 1]!++;
  for (let c = 0; c < cells; c++) start[c + 1]! += start[c]!;
  const order = new Int32Array(pairs);
  const next = start.slice(0, cells);
  for (let k = 0; k < pairs; k++) order[next[cellOf[k]!]!++] = rowOf[k]!;
  const { personSeen, companySeen, companyHours } = rows;
  const persons = new Int32Array(pairs);
  const companies = new Int32Array(pairs);
  const out: Gathered[] = [];
  for (let c = 0; c < cells; c++) {
    let np = 0;
    let nc = 0;
    let heures = 0;
    for (let k = start[c]!; k < start[c + 1]!; k++) {
      const i = order[k]!;
      const h = rows.hours[i]!;
      heures += h;
      const p = rows.persons[i]!;
      if (personSeen[p] !== c) {
        personSeen[p] = c;
        persons[np++] = p;
      }
      const e = rows.companies[i]!;
      if (companySeen[e] !== c) {
        companySeen[e] = c;
        companyHours[e] = 0;
        companies[nc++] = e;
      }
      companyHours[e] = companyHours[e]! + h;
    }
    let entreprises = 0;
    for (let j = 0; j < nc; j++) if (companyHours[companies[j]!]! > 0) entreprises++;
    const ids = keep.companies ? companies.slice(0, nc) : undefined;
    out.push({
      personnes: new PersonList(np, np < keep.k ? persons.slice(0, np) : undefined),
      heures,
      entreprises,
      heuresParEntreprise: ids
        ? new CompanyHoursList(
            ids,
            Float64Array.from(ids, (e) => companyHours[e]!),
          )
        : NO_COMPANY_HOURS,
    });
  }
  // The marks hold cell numbers: clear them for the next call.
  personSeen.fill(-1);
  companySeen.fill(-1);
  return out;
}

/**
 * The observed cells of one cube, in the order of their first row: each row is coded by its
 * dimensions' value numbers (a mixed-radix number), not by a key string. A row counts in one cell
 * per public it belongs to when the cube has `public`.
 */
function observeCube(rows: HourRows, dims: readonly Dimension[], keep: Keep): (Gathered & { dims: Record<string, DimValue> })[] {
  const codes = dims.map((d) => rows.codes(d));
  const strides = dims.map(() => 1);
  for (let j = dims.length - 2; j >= 0; j--) strides[j] = strides[j + 1]! * Math.max(1, codes[j + 1]!.values.length);
  const multi = dims.indexOf('public');
  const cellOfKey = new Map<number, number>();
  const cellDims: Record<string, DimValue>[] = [];
  const pairs = new IntPairs();
  const add = (key: number, i: number, pick: (j: number) => number) => {
    let c = cellOfKey.get(key);
    if (c === undefined) {
      cellOfKey.set(key, (c = cellDims.length));
      cellDims.push(Object.fromEntries(dims.map((d, j) => [d, codes[j]!.values[pick(j)]!])));
    }
    pairs.push(c, i);
  };
  for (let i = 0; i < rows.n; i++) {
    let key = 0;
    for (let j = 0; j < dims.length; j++) if (j !== multi) key += codes[j]!.ids[i]! * strides[j]!;
    if (multi < 0) {
      add(key, i, (j) => codes[j]!.ids[i]!);
      continue;
    }
    for (const p of codes[multi]!.sets![codes[multi]!.ids[i]!]!) add(key + p * strides[multi]!, i, (j) => (j === multi ? p : codes[j]!.ids[i]!));
  }
  const who = gather(rows, ...pairs.done(), cellDims.length, keep);
  return cellDims.map((dims, c) => ({ dims, ...who[c]! }));
}

/**
 * Cells behind the share of women at the reference months: persons who had started by each
 * month, by sex, and the persons who started between two published points (their difference).
 * The last point is the whole period (the `sexe` breakdown), so each chain
 * `by M1 ⊂ by M2 ⊂ everybody` is protected like a table and its margins.
 */
function womenCells(ds: Dataset, refs: HeadlineReferences, person: (id: string) => number, k: number): { cells: Cell[]; groups: Group[]; months: string[] } {
  const start = ds.meta.periode.debut.slice(0, 7);
  const end = ds.meta.periode.fin.slice(0, 7);
  const points = [...new Set([refs.moisFemmesDebut, refs.moisFemmesFin])].filter((m) => m >= start && m <= end).sort();
  if (points.length === 0) return { cells: [], groups: [], months: [] };
  // Each participant's first month with hours (the key figure's own definition) and sex.
  const firsts = firstMonths(ds);
  const who = firsts.array('id_participant');
  const firstMonth = firsts.array('premier_mois') as (string | undefined)[];
  const sexes = new Map<unknown, string>();
  const ids = ds.participants.array('id_participant');
  const sx = ds.participants.array('sexe');
  for (let i = 0; i < ids.length; i++) sexes.set(String(ids[i]), String(sx[i]));
  const sexOf = Array.from(who, (id) => sexes.get(id) ?? '');

  const cells: Cell[] = [];
  const groups: Group[] = [];
  // Persons are counted, and listed only in a cell of fewer than k (see PersonList).
  const make = (dims: Record<string, DimValue>, keep: (first: string, sexe: string) => boolean): string => {
    const key = cellKey(dims);
    const kept: number[] = [];
    let size = 0;
    for (let i = 0; i < who.length; i++) {
      const f = firstMonth[i];
      if (f == null || !keep(f, sexOf[i]!)) continue;
      if (++size < k) kept.push(i);
    }
    const list = size < k ? Int32Array.from(kept, (i) => person(String(who[i]))) : undefined;
    cells.push({ key, dims, personnes: new PersonList(size, list), heures: 0, entreprises: 0, heuresParEntreprise: NO_COMPANY_HOURS, regle: 'personnes' });
    return key;
  };
  let previous: string | undefined;
  for (const m of points) {
    const total = make({ cumul_mois: m }, (f) => f <= m);
    const bySex = ['F', 'H'].map((s) => make({ cumul_mois: m, sexe: s }, (f, x) => f <= m && x === s));
    groups.push({ total, membres: bySex });
    if (previous !== undefined) {
      const p = previous;
      const entered = make({ entree_apres: p, entree_jusqua: m }, (f) => f > p && f <= m);
      groups.push({ total, membres: [cellKey({ cumul_mois: p }), entered] });
      for (const s of ['F', 'H']) {
        const e = make({ entree_apres: p, entree_jusqua: m, sexe: s }, (f, x) => f > p && f <= m && x === s);
        groups.push({ total: cellKey({ cumul_mois: m, sexe: s }), membres: [cellKey({ cumul_mois: p, sexe: s }), e] });
      }
    }
    previous = m;
  }
  const last = previous!;
  const after = make({ entree_apres: last }, (f) => f > last);
  groups.push({ total: cellKey({}), membres: [cellKey({ cumul_mois: last }), after] });
  for (const s of ['F', 'H']) {
    const e = make({ entree_apres: last, sexe: s }, (f, x) => f > last && x === s);
    groups.push({ total: cellKey({ sexe: s }), membres: [cellKey({ cumul_mois: last, sexe: s }), e] });
  }
  return { cells, groups, months: points };
}
