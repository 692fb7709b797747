import type { Dataset } from '../dataset.ts';
import { codedColumn, hoursDetail, type Coded } from '../indicators/detail.ts';
import { CONTRACT_DIMENSIONS, DIMENSIONS, type Dimension, type DimValue } from '../indicators/dimensions.ts';
import { DEFAULT_REFERENCES, type HeadlineReferences } from '../indicators/headline.ts';
import { firstMonths } from '../indicators/measures.ts';
import { IntPairs, Numbering } from '../indicators/numbering.ts';
import { cellKey, rulesFor, type Cell, type DisclosureRules, type PersonSet } from './rules.ts';
import { suppress, type Group } from './suppress.ts';

/**
 * Disclosure control of a whole release: every published cube (a set of dimensions, e.g.
 * `[]` for the totals, `['annee']`, `['annee', 'segment']`) is computed on its complete grid, the
 * additive relations between cubes (a cube and its margins) become groups, and `suppress` decides
 * once which cells are hidden. A cell shared by several tables has one key, so it is hidden in all.
 */
export interface Protection {
  rules: DisclosureRules;
  cells: ReadonlyMap<string, Cell>;
  groups: readonly Group[];
  primary: ReadonlySet<string>;
  hidden: ReadonlySet<string>;
  /** The cell with these dimension values (undefined if no published cube holds it). */
  cell(dims: Readonly<Record<string, DimValue>>): Cell | undefined;
  /** Is this cell hidden (secret)? A cell outside every published cube is treated as hidden. */
  isHidden(dims: Readonly<Record<string, DimValue>>): boolean;
  /** Complete grid of a cube: every combination of its dimensions' values, in publication order. */
  grid(dims: readonly Dimension[]): Record<string, DimValue>[];
  /** Is the share of women at the reference month (`debut` / `fin`) publishable? */
  womenShareHidden(which: 'debut' | 'fin'): boolean;
}

const ORDER = Object.keys(DIMENSIONS) as Dimension[];

/** Dimensions in catalogue order, so `['segment', 'annee']` and `['annee', 'segment']` are one cube. */
export function canonicalCube(dims: readonly Dimension[]): Dimension[] {
  return [...new Set(dims)].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
}

/** Shadow cubes: not tables of their own, but derivable from published figures (headline shares). */
export const SHADOW_CUBES: readonly Dimension[][] = [[], ['famille_structure'], ['famille_contrat'], ['sexe']];

/** The rule a cube's cells follow: the company rule when one of its dimensions describes companies. */
const ruleOf = (dims: readonly Dimension[]): Cell['regle'] => (dims.some((d) => DIMENSIONS[d].entreprises) ? 'entreprises' : 'personnes');

const toValue = (dim: Dimension, v: unknown): DimValue => (DIMENSIONS[dim].type === 'boolean' ? v === true : String(v));

interface Accumulator {
  dims: Record<string, DimValue>;
  personnes: PersonSet;
  heures: number;
  entreprises: number;
  heuresParEntreprise: CompanyHours;
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

/** The hour rows as the cubes read them, each column converted once for all cubes. */
interface HourRows {
  n: number;
  hours: Float64Array;
  /** Each row's person as a number (see `person`). */
  persons: Int32Array;
  /** Each row's contractor as a number. */
  companies: Int32Array;
  /** The number of a person (pseudonym): one number per person in every cell of a protection. */
  person(id: string): number;
  /** Per dimension, each row's value as a small number, and the values (made on first use). */
  codes(dim: Dimension): DimCodes;
  /** Scratch space of {@link gather}, one slot per person and per company. */
  personSeen: Int32Array;
  companySeen: Int32Array;
  companyHours: Float64Array;
}

/** A dimension's values by row: `ids[i]` (or, for `public`, `lists[i]`) indexes `values`. */
interface DimCodes {
  values: DimValue[];
  ids?: Int32Array;
  lists?: Int32Array[];
}

/**
 * A column of the detail as a number per row, numbered through `of` in the order values first
 * come, once per distinct value (hoursDetail's columns are value ids).
 */
function numberRows(detail: ReturnType<typeof hoursDetail>, name: string, of: (v: unknown) => number): Int32Array {
  const { ids, values } = codedColumn(detail, name);
  const number = new Int32Array(values.length).fill(-1);
  return Int32Array.from({ length: ids.length }, (_, i) => {
    const id = ids[i]!;
    const k = number[id]!;
    return k >= 0 ? k : (number[id] = of(values[id]));
  });
}

function hourRows(detail: ReturnType<typeof hoursDetail>): HourRows {
  const n = detail.numRows();
  const cache = new Map<Dimension, DimCodes>();
  const codes = (dim: Dimension): DimCodes => {
    let c = cache.get(dim);
    if (c) return c;
    const { values, of } = new Numbering<DimValue>();
    if (dim === 'public') {
      // One list per distinct set of publics, shared by its rows (3.8 M rows at ×1000).
      const distinct: Int32Array[] = [];
      const ids = numberRows(detail, 'publics', (cell) => distinct.push(Int32Array.from((cell ?? []) as unknown[], (v) => of(String(v)))) - 1);
      c = { values, lists: Array.from(ids, (id) => distinct[id]!) };
    } else {
      c = { values, ids: numberRows(detail, dim, (v) => of(toValue(dim, v))) };
    }
    cache.set(dim, c);
    return c;
  };
  const person = new Numbering<string>();
  const company = new Numbering<string>();
  const persons = numberRows(detail, 'id_participant', (p) => person.of(String(p)));
  const companies = numberRows(detail, 'id_titulaire', (e) => company.of(String(e)));
  const firms = company.values.length;
  return {
    n,
    hours: Float64Array.from(detail.array('heures') as unknown[], Number),
    persons,
    companies,
    person: person.of,
    codes,
    personSeen: new Int32Array(person.values.length).fill(-1),
    companySeen: new Int32Array(firms).fill(-1),
    companyHours: new Float64Array(firms),
  };
}

/**
 * A cell's distinct persons as numbers, 4 bytes a person, listed only while they are fewer than
 * k: from k on, the count alone decides every rule (see `PersonSet`).
 */
class PersonList implements PersonSet {
  constructor(
    readonly size: number,
    private readonly ids: Int32Array | undefined,
  ) {}
  [Symbol.iterator](): Iterator<number> {
    if (!this.ids) throw new Error(`PersonList: the ${this.size} persons of a cell of k or more are not listed`);
    return this.ids[Symbol.iterator]();
  }
}

/** What a cell must keep of its persons and contractors. */
interface Keep {
  /** The threshold k: persons are listed only in cells of fewer. */
  k: number;
  /** Hours per contractor, for company cells (INSEE rule). */
  companies: boolean;
}

const NO_COMPANY_HOURS: CompanyHours = [];

/** A cell's hours per contractor (numbers), in the order contractors first come. */
type CompanyHours = Iterable<readonly [string | number, number]>;

class CompanyHoursList implements CompanyHours {
  constructor(
    private readonly companies: Int32Array,
    private readonly hours: Float64Array,
  ) {}
  *[Symbol.iterator](): Iterator<readonly [number, number]> {
    for (let j = 0; j < this.companies.length; j++) yield [this.companies[j]!, this.hours[j]!];
  }
}

/**
 * Who is in each of `cells` cells, given (cell, row) pairs in row order: distinct persons, hours,
 * hours per contractor. The pairs are grouped by cell (a counting sort, which keeps row order, so
 * sums add up in the same order as row by row), then each cell's rows are read once, with a mark
 * per person and per contractor instead of a `Set` and a `Map` per cell.
 */
function gather(rows: HourRows, cellOf: Int32Array, rowOf: Int32Array, cells: number, keep: Keep): Omit<Accumulator, 'dims'>[] {
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
  const out: Omit<Accumulator, 'dims'>[] = [];
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
      heuresParEntreprise: ids ? new CompanyHoursList(ids, Float64Array.from(ids, (e) => companyHours[e]!)) : NO_COMPANY_HOURS,
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
function observeCube(rows: HourRows, dims: readonly Dimension[], keep: Keep): Accumulator[] {
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
    for (let j = 0; j < dims.length; j++) if (j !== multi) key += codes[j]!.ids![i]! * strides[j]!;
    if (multi < 0) {
      add(key, i, (j) => codes[j]!.ids![i]!);
      continue;
    }
    for (const p of codes[multi]!.lists![i]!) add(key + p * strides[multi]!, i, (j) => (j === multi ? p : codes[j]!.ids![i]!));
  }
  const who = gather(rows, ...pairs.done(), cellDims.length, keep);
  return cellDims.map((dims, c) => ({ dims, ...who[c]! }));
}

export interface ProtectOptions {
  /**
   * Also protect one cell per contract (`{ id_marche }`), for a table of contracts with their
   * persons: each contract is a member of the groups of every published one-dimension cube of
   * its attributes (operation, year of notification, segment…, contractor size) and of the total.
   */
  contracts?: boolean;
}

export function protect(
  ds: Dataset,
  cubes: readonly (readonly Dimension[])[],
  refs: HeadlineReferences = DEFAULT_REFERENCES,
  options: ProtectOptions = {},
): Protection {
  const rules = rulesFor(ds.meta);
  const all = new Map<string, Dimension[]>();
  for (const c of [...SHADOW_CUBES, ...cubes]) {
    const canon = canonicalCube(c);
    all.set(canon.join('|'), canon);
  }
  const registered = new Set(all.keys());
  const cells = new Map<string, Cell>();
  const domains = new Map<Dimension, DimValue[]>();

  // One pass over the hour rows per cube: who (persons, companies) is in each observed cell.
  // Plain loops over columns rather than arquero verbs: ~40 cubes, and this runs in property tests.
  const detail = hoursDetail(ds);
  const rows = hourRows(detail);
  const observed = new Map<string, Map<string, Accumulator>>();
  const seen = new Map<Dimension, Set<DimValue>>();
  for (const [id, dims] of all) {
    const byKey = new Map<string, Accumulator>();
    const keep = { k: rules.k, companies: ruleOf(dims) === 'entreprises' };
    for (const a of observeCube(rows, dims, keep)) {
      byKey.set(cellKey(a.dims), a);
      for (const d of dims) {
        if (!seen.has(d)) seen.set(d, new Set());
        seen.get(d)!.add(a.dims[d]!);
      }
    }
    observed.set(id, byKey);
  }
  for (const dims of all.values())
    for (const d of dims) if (!domains.has(d)) domains.set(d, domainOf(ds, d, seen.get(d) ?? []));

  const grid = (dims: readonly Dimension[]) => cartesian(canonicalCube(dims), domains);

  for (const [id, dims] of all) {
    const regle = ruleOf(dims);
    for (const values of grid(dims)) {
      const key = cellKey(values);
      cells.set(key, { key, dims: values, personnes: new Set(), heures: 0, entreprises: 0, heuresParEntreprise: new Map(), regle });
    }
    for (const [key, a] of observed.get(id) ?? []) cells.set(key, { key, ...a, regle });
  }

  // Additive relations: each cube with each of its margins (and, for nested dimensions, with its
  // coarser level: the months of a year, the codes of a family).
  const groups: Group[] = [];
  for (const dims of all.values()) {
    for (const d of dims) {
      const others = dims.filter((x) => x !== d);
      const parent = DIMENSIONS[d].parent;
      for (const fixed of grid(others)) {
        const members = (domains.get(d) ?? []).map((v) => ({ ...fixed, [d]: v }));
        if (registered.has(canonicalCube(others).join('|'))) {
          groups.push({ total: cellKey(fixed), membres: members.map(cellKey) });
        }
        if (parent && registered.has(canonicalCube([...others, parent.dimension]).join('|'))) {
          const byParent = new Map<string, Record<string, DimValue>[]>();
          for (const m of members) {
            const p = String(parent.valeur(m[d]!));
            byParent.set(p, [...(byParent.get(p) ?? []), m]);
          }
          for (const [p, ms] of byParent) {
            groups.push({ total: cellKey({ ...fixed, [parent.dimension]: p }), membres: ms.map(cellKey) });
          }
        }
      }
    }
  }

  if (options.contracts) {
    const perContract = contractCells(ds, rows, codedColumn(detail, 'id_marche'), registered, rules.k);
    for (const c of perContract.cells) cells.set(c.key, c);
    groups.push(...perContract.groups);
  }

  const women = womenCells(ds, refs, rows.person, rules.k);
  for (const c of women.cells) cells.set(c.key, c);
  groups.push(...women.groups);

  // A group's members come from one cube, so they follow one rule: person cells, which keep no
  // hours per contractor, never stand in a union judged by the company rule (checked by the
  // disclosure property tests).
  const { primary, hidden } = suppress(cells, groups, rules);
  const isHidden = (dims: Readonly<Record<string, DimValue>>) => {
    const key = cellKey(dims);
    return !cells.has(key) || hidden.has(key);
  };
  return {
    rules,
    cells,
    groups,
    primary,
    hidden,
    cell: (dims) => cells.get(cellKey(dims)),
    isHidden,
    grid,
    womenShareHidden: (which) => {
      const m = which === 'debut' ? refs.moisFemmesDebut : refs.moisFemmesFin;
      return ['F', 'H', undefined].some((s) => isHidden(s ? { cumul_mois: m, sexe: s } : { cumul_mois: m }));
    },
  };
}

/** Contract attributes a contract cell nests by: its contract dimensions and its contractor's size. */
export const CONTRACT_NESTING: readonly Dimension[] = [...CONTRACT_DIMENSIONS, 'taille_entreprise'];

/**
 * One cell per contract (every contract of the table, with or without hours) and its additive
 * relations: a contract belongs to exactly one operation, year of notification, segment,
 * direction, département, clause type, facilitator and contractor size, so the contracts of one
 * value add up to that value's cell (`heures-par-operation`, `marches-par-annee`…) when its cube
 * is published, and all contracts add up to the total. Contract cells follow the person rule: a
 * contract has one contractor, so the company rule would hide them all; the company cells they
 * nest in keep that rule (a hidden company cell keeps a hidden contract among its members).
 */
function contractCells(
  ds: Dataset,
  rows: HourRows,
  contractOfRow: Coded,
  registered: ReadonlySet<string>,
  k: number,
): { cells: Cell[]; groups: Group[] } {
  const ids = ds.marches.array('id_marche') as unknown as ArrayLike<string>;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) if (!indexOf.has(String(ids[i]))) indexOf.set(String(ids[i]), i);
  // Each hour row's contract, looked up once per distinct contract id of the detail.
  const contractOf = Int32Array.from(contractOfRow.values, (v) => indexOf.get(String(v)) ?? -1);
  const pairs = new IntPairs();
  for (let i = 0; i < contractOfRow.ids.length; i++) {
    const c = contractOf[contractOfRow.ids[i]!]!;
    if (c >= 0) pairs.push(c, i);
  }
  const who = gather(rows, ...pairs.done(), ids.length, { k, companies: false });
  const byId = new Map<string, Cell>();
  for (let i = 0; i < ids.length; i++) {
    const id = String(ids[i]);
    if (byId.has(id)) continue;
    const dims = { id_marche: id };
    byId.set(id, { key: cellKey(dims), dims, ...who[indexOf.get(id)!]!, regle: 'personnes' });
  }
  // Attribute values of each contract, as the hour detail derives them.
  const sizes = new Map<string, unknown>();
  const ent = ds.entreprises.array('id_entreprise');
  const taille = ds.entreprises.array('taille');
  for (let i = 0; i < ent.length; i++) sizes.set(String(ent[i]), taille[i]);
  const titulaires = ds.marches.array('id_titulaire');
  const dates = ds.marches.array('date_notification');
  const groups: Group[] = [];
  const keys = Array.from(ids, (id) => byId.get(String(id))!.key);
  if (registered.has('')) groups.push({ total: cellKey({}), membres: [...new Set(keys)] });
  for (const d of CONTRACT_NESTING) {
    if (!registered.has(d)) continue;
    const own = d === 'annee_notification' || d === 'taille_entreprise' ? [] : ds.marches.array(d);
    const valueOf = (i: number): unknown =>
      d === 'annee_notification'
        ? String(dates[i]).slice(0, 4)
        : d === 'taille_entreprise'
          ? sizes.get(String(titulaires[i]))
          : own[i];
    const members = new Map<string, string[]>();
    for (let i = 0; i < ids.length; i++) {
      const total = cellKey({ [d]: toValue(d, valueOf(i)) });
      let list = members.get(total);
      if (!list) members.set(total, (list = []));
      list.push(keys[i]!);
    }
    for (const [total, membres] of members) groups.push({ total, membres });
  }
  return { cells: [...byId.values()], groups };
}

/**
 * Cells behind the share of women at the reference months: persons who had started by each
 * month, by sex, and the persons who started between two published points (their difference).
 * The last point is the whole period (the `sexe` breakdown), so each chain
 * `by M1 ⊂ by M2 ⊂ everybody` is protected like a table and its margins.
 */
function womenCells(ds: Dataset, refs: HeadlineReferences, person: (id: string) => number, k: number): { cells: Cell[]; groups: Group[] } {
  const start = ds.meta.periode.debut.slice(0, 7);
  const end = ds.meta.periode.fin.slice(0, 7);
  const points = [...new Set([refs.moisFemmesDebut, refs.moisFemmesFin])].filter((m) => m >= start && m <= end).sort();
  if (points.length === 0) return { cells: [], groups: [] };
  // Each participant's first month with hours (the headline figure's own definition) and sex.
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
  return { cells, groups };
}
