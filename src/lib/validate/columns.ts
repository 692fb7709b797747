/**
 * Column validation: each cell is normalised by the reader of its field kind, then checked by the
 * field's zod schema. Both steps run once per distinct cell of a column (a million hour rows hold
 * a few hundred distinct months, hours and codes, and one id per person or contract), so zod stays
 * the truth for every value at the cost of a map lookup per cell.
 */
import type { z } from 'zod';
import { enumLookup, enumKey, type Enumeration } from '../../schemas/enums.ts';
import type { FieldDef, FieldKind } from '../../schemas/field.ts';
import {
  parseAmount,
  parseBoolean,
  parseDate,
  parseDecimal,
  parseInteger,
  parseMonth,
  splitMulti,
  type ParseResult,
} from '../csv/values.ts';
import { InternTable, type CellDictionary } from '../csv/intern.ts';
import { maskCell, scanCell } from './anonymity.ts';
import { findControl, showControls } from './controls.ts';
import type { Params, RuleId } from './messages.ts';
import type { IssueCollector, Location } from './report.ts';

/**
 * The validated values of one column, dictionary-encoded twice: the normalised value of row `i` is
 * `distinct[ids[i]]` (see {@link columnValues}) and its cell as written is
 * `rawDistinct[rawIds[i]]` (see {@link rawCell}). Rules work on the ids; the plain array of values
 * is only built for the dataset.
 */
export interface ColumnResult {
  name: string;
  /** Per row, the index of its normalised value in `distinct`; 0 when empty or invalid (`null`). */
  ids: IdArray;
  /** Distinct normalised values; `distinct[0]` is `null`. Arrays (multi) compare by content. */
  distinct: unknown[];
  /**
   * Per row, the index of its cell in `rawDistinct`; absent when every value of the column was
   * written one way only, and then `rawOfValue` gives each value's cell. Either way, only rows
   * with a value (id ≠ 0) are sure to find their cell: the rules report nothing else.
   */
  rawIds?: IdArray;
  /** Per value id, the index in `rawDistinct` of the first cell that gave it. */
  rawOfValue: Uint32Array;
  /** Distinct cells as written; `rawDistinct[0]` is the empty cell. */
  rawDistinct: readonly string[];
  /**
   * The id of a value in `distinct` (-1 if absent), found through the parser's dictionary of the
   * column: no second index of its values. Only for the key column of a table whose values are
   * strings (see `ColumnContext.keyColumn`).
   */
  lookup?: (value: string) => number;
}

/** The cell of row `i` as written. */
export function rawCell(col: ColumnResult, i: number): string {
  return col.rawDistinct[col.rawIds ? col.rawIds[i]! : col.rawOfValue[col.ids[i]!]!]!;
}

/**
 * Result of a cell: its normalised value, or the rule it breaks (`shown`: the cell as the report
 * prints it, when it differs from the cell as written).
 */
export type CellResult = { ok: true; value: unknown } | { ok: false; rule: RuleId; params?: Params; shown?: string };

/** Kinds whose cells are text: invisible control characters are refused in them. */
const TEXT_KINDS: ReadonlySet<FieldKind> = new Set(['string', 'id', 'pseudonym', 'code', 'multi']);

function orderByEnumeration(values: Enumeration, items: string[]): string[] {
  const rank = new Map(values.map((v, i) => [v.code, i]));
  const known = items.filter((c) => rank.has(c)).sort((a, b) => rank.get(a)! - rank.get(b)!);
  return [...known, ...items.filter((c) => !rank.has(c))];
}

const READERS: Readonly<Record<FieldKind, (raw: string, field: FieldDef) => ParseResult<unknown>>> = {
  string: (raw) => ({ ok: true, value: raw }),
  id: (raw) => ({ ok: true, value: raw }),
  pseudonym: (raw) => ({ ok: true, value: raw.toUpperCase() }),
  // An unknown code goes through unchanged: the schema's enumeration rejects it. A code column
  // without a list (the publisher's directorates, listed in its metadata) is read in capitals.
  code: (raw, f) => ({ ok: true, value: f.values ? (enumLookup(f.values).get(enumKey(raw)) ?? raw) : raw.toUpperCase() }),
  multi: (raw, f) => {
    const lookup = enumLookup(f.values ?? []);
    const split = splitMulti(raw);
    if (!split.ok) return split;
    const codes = [...new Set(split.value.map((item) => lookup.get(enumKey(item)) ?? item))];
    return { ok: true, value: orderByEnumeration(f.values ?? [], codes) };
  },
  number: (raw, f) => (f.euros ? parseAmount(raw) : parseDecimal(raw)),
  integer: parseInteger,
  date: parseDate,
  month: parseMonth,
  boolean: parseBoolean,
};

const MAX_LISTED_CODES = 12;

function allowedCodes(field: FieldDef): string {
  const codes = (field.values ?? []).map((v) => v.code);
  return codes.length > MAX_LISTED_CODES ? `${codes.slice(0, MAX_LISTED_CODES).join(', ')}…` : codes.join(', ');
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A number as Excel writes it in scientific notation in a CSV export (`2,23500E+13`,
 * `4.52E+07`): the digits after the fourth or fifth are gone, whatever the column.
 */
const SCIENTIFIC = /^[+-]?\d(?:[.,]\d+)?E[+-]?\d+$/i;

/**
 * A cell that fails for a reason Excel is known to cause gets its own rule, which says what
 * happened and how to get the value back: a number written in scientific notation, a pseudonym
 * reduced to its digits.
 */
function excelArtefact(field: FieldDef, raw: string): CellResult | undefined {
  if (SCIENTIFIC.test(raw)) return { ok: false, rule: 'excel.notation_scientifique' };
  if (field.kind === 'pseudonym' && /^\d+$/.test(raw)) {
    // The column's own example says which letters it starts with (P for people, E for companies).
    const [, letters = 'P', digits = '000000'] = /^([A-Z]+)(\d+)$/.exec(field.example) ?? [];
    return { ok: false, rule: 'pseudonyme.numerique', params: { example: `${letters}${raw.padStart(digits.length, '0')}` } };
  }
  return undefined;
}

/** Maps the first zod issue of a value to a rule of the dictionary. */
function zodRule(issue: z.core.$ZodIssue, field: FieldDef, value: unknown): CellResult {
  switch (issue.code) {
    case 'invalid_value': {
      const at = issue.path[0];
      const item = typeof at === 'number' && Array.isArray(value) ? String(value[at]) : String(value);
      return { ok: false, rule: 'code.inconnu', params: { item, allowed: allowedCodes(field) } };
    }
    case 'too_small':
      if (issue.origin === 'number') {
        return { ok: false, rule: 'nombre.minimum', params: { op: issue.inclusive ? '≥' : '>', min: Number(issue.minimum) } };
      }
      return { ok: false, rule: 'valeur.manquante' };
    case 'too_big':
      if (issue.origin === 'number') {
        return { ok: false, rule: 'nombre.maximum', params: { op: issue.inclusive ? '≤' : '<', max: Number(issue.maximum) } };
      }
      return { ok: false, rule: 'texte.longueur', params: { length: String(value).length, max: Number(issue.maximum) } };
    case 'invalid_format':
      if (issue.format === 'date') return { ok: false, rule: 'date.invalide' };
      return { ok: false, rule: 'texte.format', params: { example: field.example } };
    case 'invalid_type':
      if (issue.expected === 'int') return { ok: false, rule: 'entier.format' };
      break;
    case 'custom':
      if (issue.params?.rule === 'siret.cle') {
        const { fr, en } = issue.params as { fr: string; en: string };
        return { ok: false, rule: 'siret.cle', params: { detail: { fr: capitalise(fr), en: capitalise(en) } } };
      }
      break;
  }
  return { ok: false, rule: 'valeur.invalide', params: { detail: { fr: issue.message, en: issue.message } } };
}

/** Keys of a zod definition that only shape the error of a failing value, not what passes. */
const ERROR_ONLY_KEYS: ReadonlySet<string> = new Set(['error', 'message', 'abort']);

/**
 * The regular expressions of a schema that is exactly `z.string()` with `.regex(…)` checks (no
 * coercion, transform, refinement or other check), or `undefined` for any other schema. Read from
 * the schema itself, so zod stays the source of truth.
 */
function regexChecks(schema: z.ZodType): readonly RegExp[] | undefined {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  if (def.type !== 'string' || Object.keys(def).some((k) => k !== 'type' && k !== 'checks' && !ERROR_ONLY_KEYS.has(k))) return undefined;
  const checks = (def.checks ?? []) as readonly { _zod: { def: Record<string, unknown> } }[];
  const patterns: RegExp[] = [];
  for (const check of checks) {
    const d = check._zod.def;
    if (d.check !== 'string_format' || d.format !== 'regex' || !(d.pattern instanceof RegExp)) return undefined;
    if (Object.keys(d).some((k) => k !== 'check' && k !== 'format' && k !== 'pattern' && !ERROR_ONLY_KEYS.has(k))) return undefined;
    patterns.push(d.pattern);
  }
  return patterns.length > 0 ? patterns : undefined;
}

/** Per schema, its regular expressions (see {@link regexChecks}), or null when it has none. */
const FAST_PATTERNS = new WeakMap<z.ZodType, readonly RegExp[] | null>();

/**
 * True when the schema is a plain regex-checked string and `value` matches every pattern: zod
 * would then accept it unchanged. False means "ask zod" (which also gives the error).
 */
function passesRegexChecks(schema: z.ZodType, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  let patterns = FAST_PATTERNS.get(schema);
  if (patterns === undefined) FAST_PATTERNS.set(schema, (patterns = regexChecks(schema) ?? null));
  if (patterns === null) return false;
  for (const p of patterns) {
    p.lastIndex = 0; // as zod does, for a pattern with the g or y flag
    if (!p.test(value)) return false;
  }
  return true;
}

/** Normalises one non-empty cell and checks it against the field's schema. */
export function checkCell(field: FieldDef, raw: string): CellResult {
  if (TEXT_KINDS.has(field.kind)) {
    const control = findControl(raw);
    if (control) return { ok: false, rule: 'texte.caractere_controle', params: control, shown: showControls(raw) };
  }
  const read = READERS[field.kind](raw, field);
  if (!read.ok) return excelArtefact(field, raw) ?? read;
  // Identifiers and pseudonyms (about one distinct value per row): the schema's regex, read from
  // zod, without a zod parse per value. Anything else, and every failure, goes through zod.
  if (passesRegexChecks(field.schema, read.value)) return { ok: true, value: read.value };
  const parsed = field.schema.safeParse(read.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return excelArtefact(field, raw) ?? zodRule(parsed.error.issues[0]!, field, read.value);
}

/**
 * What is known about one distinct raw cell of a column. Every memo has the same four fields,
 * always set (so the per-cell loop reads objects of one shape), and `reported` says whether a cell
 * with it gives issues.
 */
interface Memo {
  /** Index in `distinct` of its normalised value (0 when empty or invalid). */
  id: number;
  failure: Extract<CellResult, { ok: false }> | undefined;
  /** Anonymisation findings, with the masked cell. */
  personal: { rule: RuleId; masked: string }[] | undefined;
  reported: boolean;
}

function memo(id: number, failure?: Extract<CellResult, { ok: false }>): Memo {
  return { id, failure, personal: undefined, reported: failure !== undefined };
}

/**
 * Kinds whose valid values cannot hold personal data (an enumeration code, a pseudonym made of a
 * few letters and at most 9 digits): the guard only scans their invalid cells.
 */
const SAFE_WHEN_VALID: ReadonlySet<FieldKind> = new Set(['pseudonym', 'code', 'multi']);

/** Kinds whose values are strings, each written back as its own cell (see `canonicalCell`). */
const STRING_KINDS: ReadonlySet<FieldKind> = new Set(['string', 'id', 'pseudonym', 'code']);

/** Kinds whose reader returns the cell unchanged: one cell, one value. */
const IDENTITY_KINDS: ReadonlySet<FieldKind> = new Set(['string', 'id']);

/**
 * The normalised value written back as a cell. Reading it again gives the same value (the readers
 * are idempotent), so it serves as the key that merges spellings of one value (`p001`/`P001`).
 */
function canonicalCell(value: unknown): string {
  return Array.isArray(value) ? value.join('|') : String(value);
}

/** In `ColumnBuilder.cellValues`: the value id bits, and the flag of a cell that gives issues. */
const VALUE_ID = 0x3fff_ffff;
const REPORTED = 0x4000_0000;

/** Where the cells of a column come from, and where issues go. */
export interface ColumnContext {
  file: string;
  /** The sheet and the column's letter, for a table read from a workbook: issues name the cell. */
  sheet?: string;
  letter?: string;
  issues: IssueCollector;
  /** The column is its table's key: its result keeps a {@link ColumnResult.lookup}. */
  keyColumn?: boolean;
}

/**
 * Ids per row, one typed array: `Uint8Array` while every id fits in a byte (a column of codes or
 * months), then `Uint16Array`, then `Uint32Array` (a column of identifiers). A million-row
 * column of codes takes 1 MB rather than 4: fresh memory costs time here (see docs/benchmark.md).
 */
export type IdArray = Uint8Array | Uint16Array | Uint32Array;

/** An {@link IdArray} of `length` zeros, wide enough for ids up to `max`. */
export function idArray(max: number, length: number): IdArray {
  return max <= 0xff ? new Uint8Array(length) : max <= 0xffff ? new Uint16Array(length) : new Uint32Array(length);
}

/** The largest id an {@link IdArray} holds. */
function idLimit(a: IdArray): number {
  return a instanceof Uint8Array ? 0xff : a instanceof Uint16Array ? 0xffff : 0xffff_ffff;
}

/** An {@link IdArray} that grows by doubling (or sized once when the row count is known) and widens. */
class GrowingIds {
  array: IdArray = new Uint8Array(1024);
  length = 0;
  /** The largest id `array` holds. */
  limit = 0xff;
  /** Makes room for `total` ids in all, exactly (no doubling). */
  presize(total: number): void {
    if (total > this.array.length) this.copyTo(idArray(this.limit, total));
  }
  reserve(n: number): void {
    if (this.length + n <= this.array.length) return;
    let size = this.array.length * 2;
    while (size < this.length + n) size *= 2;
    this.copyTo(idArray(this.limit, size));
  }
  /** Makes `array` wide enough for `id`, keeping its first `filled` ids (those counted in `length` by default). */
  widen(id: number, filled = this.length): void {
    if (id > this.limit) this.copyTo(idArray(id, this.array.length), filled);
  }
  take(): IdArray {
    return this.array.subarray(0, this.length);
  }
  private copyTo(target: IdArray, filled = this.length): void {
    target.set(this.array.subarray(0, filled));
    this.array = target;
    this.limit = idLimit(target);
  }
}

/**
 * Validates the cells of one column, batch after batch (the CSV layer hands them over in batches,
 * so the cells of a million-row file never all live at once). Every invalid cell gives an issue at
 * its physical line; every distinct cell is normalised and validated once. The anonymisation guard
 * scans each distinct cell once, except valid numbers, dates, months, booleans, codes and
 * pseudonyms, which cannot hold personal data. `field` undefined means a column outside the
 * contract: only the guard runs.
 */
export class ColumnBuilder {
  private readonly ids = new GrowingIds();
  /**
   * Per row, its cell's raw id, only once a value has come with two spellings (`p001`, `P001`);
   * until then a value's one cell is `rawOfValue[id]`, and the million-row column needs no second
   * array of ids.
   */
  private rawIds: GrowingIds | undefined;
  /** Per value id, the raw id of its first cell. */
  private rawOfValue = new Uint32Array(16);
  /** A value came with a second spelling (see `rawIds`). */
  private spellings = false;
  private expectedRows = 0;
  private readonly distinct: unknown[] = [null];
  /** Distinct cells as written: the parser's dictionary of the column. */
  private rawDistinct: readonly string[] = [''];
  /**
   * Per parser cell id, its value id, with {@link REPORTED} set when a cell with
   * it gives issues; -1 until the cell is first seen. A typed array rather than memo objects: a
   * column of a million distinct ids would otherwise keep a million objects for the garbage
   * collector to trace.
   */
  private cellValues = new Int32Array(0);
  /** What the cells that give issues give, by parser cell id. */
  private readonly reportedCells = new Map<number, Memo>();
  /** The parser's dictionary of the column. */
  private dictionary: CellDictionary | undefined;
  /** Canonical spelling → value id, for values first seen under another spelling. */
  private readonly canonical = new Map<string, number>();
  private readonly empty: Memo;

  constructor(
    readonly name: string,
    readonly field: FieldDef | undefined,
    private readonly ctx: ColumnContext,
  ) {
    this.empty = field?.required ? memo(0, { ok: false, rule: 'valeur.manquante' }) : memo(0);
  }

  /**
   * Sizes the id arrays for `rows` rows in all, when an estimate is known before the first batch
   * (more rows still fit: the arrays then grow by doubling).
   */
  expectRows(rows: number): void {
    this.ids.presize(rows);
    this.expectedRows = rows;
    this.rawIds?.presize(rows);
  }

  /**
   * Adds a batch of interned cells, the CSV parser's `idsOnly` output: the cell of row `k` is
   * `dictionary.values[ids[k]]`; the dictionary is the column's for the whole file (it only
   * grows), and becomes `rawDistinct`, so a cell's raw id is the parser's id. Its cells are
   * distinct, so each id is learnt once without a lookup by string. Every batch of a builder
   * comes from the same dictionary.
   */
  pushIds(ids: Uint32Array, dictionary: CellDictionary, rowLines: Uint32Array): void {
    const n = ids.length;
    this.ids.reserve(n);
    let out = this.ids.array;
    let limit = this.ids.limit;
    const offset = this.ids.length;
    this.dictionary = dictionary;
    const cells = dictionary.values;
    this.rawDistinct = cells;
    if (this.cellValues.length < cells.length) this.growCellValues(cells.length);
    const known = this.cellValues;
    let previous = -1;
    let v = 0;
    for (let k = 0; k < n; k++) {
      const cell = ids[k]!;
      if (cell !== previous) {
        v = known[cell]!;
        if (v < 0) {
          v = this.learnCell(cell);
          // Learning may give new value ids (this cell's, and cells learnt on the way).
          if (this.distinct.length - 1 > limit) {
            this.ids.widen(this.distinct.length - 1, offset + k);
            out = this.ids.array;
            limit = this.ids.limit;
          }
        }
        previous = cell;
      }
      out[offset + k] = v & VALUE_ID;
      if ((v & REPORTED) !== 0) this.report(this.reportedCells.get(cell)!, cells[cell]!, rowLines[k]!);
    }
    this.ids.length += n;
    if (this.spellings) {
      if (this.rawIds === undefined) this.startRawIds(offset);
      const rawIds = this.rawIds!;
      rawIds.reserve(n);
      rawIds.widen(cells.length - 1);
      rawIds.array.set(ids, offset);
      rawIds.length += n;
    }
  }

  /** The first value with two spellings: each earlier row's cell is its value's one cell. */
  private startRawIds(rows: number): void {
    const rawIds = (this.rawIds = new GrowingIds());
    rawIds.widen(this.rawDistinct.length - 1);
    rawIds.presize(Math.max(this.expectedRows, rows));
    const ids = this.ids.array;
    for (let i = 0; i < rows; i++) rawIds.array[i] = this.rawOfValue[ids[i]!]!;
    rawIds.length = rows;
  }

  private growCellValues(size: number): void {
    const grown = new Int32Array(Math.max(size, this.cellValues.length * 2)).fill(-1);
    grown.set(this.cellValues);
    this.cellValues = grown;
  }

  /** Learns a parser cell id; returns its entry of {@link cellValues}. */
  private learnCell(cell: number): number {
    const m = cell === 0 ? this.empty : this.learn(this.dictionary!.values[cell]!, cell);
    if (m.reported) this.reportedCells.set(cell, m);
    const v = m.reported ? m.id | REPORTED : m.id;
    if (cell >= this.cellValues.length) this.growCellValues(cell + 1);
    this.cellValues[cell] = v;
    return v;
  }

  finish(): ColumnResult {
    const rawOfValue = this.rawOfValue.subarray(0, this.distinct.length);
    const result: ColumnResult = { name: this.name, ids: this.ids.take(), distinct: this.distinct, rawOfValue, rawDistinct: this.rawDistinct };
    if (this.rawIds) result.rawIds = this.rawIds.take();
    if (this.ctx.keyColumn && this.field && STRING_KINDS.has(this.field.kind)) result.lookup = this.lookupOf();
    return result;
  }

  /**
   * A value's id by the dictionary: its canonical cell is a key of the dictionary unless the
   * value was only ever written otherwise (then `canonical` has it).
   */
  private lookupOf(): (value: string) => number {
    const { dictionary, cellValues, distinct, canonical } = this;
    return (value) => {
      const cell = dictionary ? dictionary.find(value) : -1;
      const v = cell >= 0 && cell < cellValues.length ? cellValues[cell]! : -1;
      const id = v >= 0 ? v & VALUE_ID : (canonical.get(value) ?? -1);
      return id > 0 && distinct[id] === value ? id : -1;
    };
  }

  /** Learns the cell `raw`, whose id in the parser's dictionary is `rawId`. */
  private learn(raw: string, rawId: number): Memo {
    const field = this.field;
    if (!field) return scanned(memo(0), raw);
    const r = checkCell(field, raw);
    if (!r.ok) return scanned(memo(0, r), raw);
    let id: number | undefined;
    if (!IDENTITY_KINDS.has(field.kind)) {
      // Another spelling of the same value may have been seen: as a cell (in the dictionary), or only
      // through a non-canonical spelling (in `canonical`). Most cells are already canonical, and
      // then `canonical` is empty: no lookup.
      const key = canonicalCell(r.value);
      id = key === raw ? undefined : this.knownId(key);
      if (id === undefined && this.canonical.size > 0) id = this.canonical.get(key);
      if (id === undefined && key !== raw) this.canonical.set(key, this.distinct.length);
      if (id !== undefined) this.spellings = true;
    }
    if (id === undefined) {
      id = this.distinct.length;
      this.distinct.push(Array.isArray(r.value) ? Object.freeze(r.value) : r.value);
      if (id === this.rawOfValue.length) {
        const grown = new Uint32Array(id * 2);
        grown.set(this.rawOfValue);
        this.rawOfValue = grown;
      }
      this.rawOfValue[id] = rawId;
    }
    return SAFE_WHEN_VALID.has(field.kind) ? memo(id) : scanned(memo(id), raw);
  }

  /** The value id of a cell seen before, spelt exactly `cell`, if any. */
  private knownId(cell: string): number | undefined {
    const at = this.dictionary!.find(cell);
    if (at < 0) return undefined;
    // Seen by the parser, maybe not learnt yet (later in the batch): learn it now.
    const v = at < this.cellValues.length ? this.cellValues[at]! : -1;
    const id = (v < 0 ? this.learnCell(at) : v) & VALUE_ID;
    // A cell spelt like the canonical form may still be invalid here (`1e-7` is how String()
    // writes 0,0000001, but not a number of the contract): then it is no other spelling.
    return id === 0 ? undefined : id;
  }

  private report(m: Memo, raw: string, line: number): void {
    const { file, issues, sheet, letter } = this.ctx;
    const column = this.name;
    const at = (value?: string): Location => {
      const where: Location = sheet === undefined ? { line, column } : { sheet, line, cell: `${letter ?? ''}${line}`, column };
      if (value !== undefined) where.value = value;
      return where;
    };
    if (m.failure) issues.add(m.failure.rule, file, at(raw === '' ? undefined : (m.failure.shown ?? raw)), m.failure.params);
    for (const p of m.personal ?? []) issues.add(p.rule, file, at(p.masked));
  }
}

/** Validates a whole column at once (see {@link ColumnBuilder}). */
export function validateColumn(
  name: string,
  field: FieldDef | undefined,
  cells: readonly string[],
  ctx: ColumnContext & { rowLines: Uint32Array },
): ColumnResult {
  const builder = new ColumnBuilder(name, field, ctx);
  // As the parser hands cells over: interned (trimmed, one id per distinct value).
  const table = new InternTable();
  builder.pushIds(Uint32Array.from(cells, (cell) => table.idOfString(cell)), table, ctx.rowLines);
  return builder.finish();
}

/** The normalised value of every row (`null` for empty or invalid cells). */
export function columnValues(col: ColumnResult): unknown[] {
  const { ids, distinct } = col;
  const out = new Array<unknown>(ids.length);
  for (let i = 0; i < ids.length; i++) out[i] = distinct[ids[i]!];
  return out;
}

/**
 * A column of an arquero table that reads its values through the dictionary (arquero 8 accepts
 * any object with `length`, `at(row)` and an iterator as a column): no array of a million values
 * is built, and code that knows this class can work on `ids` directly (distinct counts, group-bys
 * on small integers). `at(i)` is exactly `columnValues(col)[i]`.
 */
export class DictionaryColumn<T = unknown> implements Iterable<T> {
  constructor(
    /** Per row, the index of its value in `values`. */
    readonly ids: IdArray,
    /** Distinct values; `values[0]` is `null`. */
    readonly values: readonly T[],
  ) {}

  get length(): number {
    return this.ids.length;
  }

  at(row: number): T {
    return this.values[this.ids[row]!]!;
  }

  *[Symbol.iterator](): Iterator<T> {
    const { ids, values } = this;
    for (let i = 0; i < ids.length; i++) yield values[ids[i]!]!;
  }

  /**
   * arquero's hook for grouping by this one column (`groupby(name)` on an unfiltered table, as
   * for its Arrow dictionary columns): groups come from the value ids, where arquero would build
   * a key string per row and look it up. Groups are numbered by first row, as arquero numbers
   * them; each value id is one group, since distinct values are distinct arquero keys (a
   * dictionary holding two values arquero keys alike, such as 0 and -0, would group otherwise;
   * ColumnBuilder never makes one: `canonicalCell` writes -0 as `0`).
   */
  groups(names: string[]): { keys: Uint32Array; get: ((row: number) => T)[]; names: string[]; rows: number[]; size: number } {
    return { ...groupsOfIds([this], this.values.length, this.ids.length), get: [(row) => this.at(row)], names };
  }

  /** A plain array of the values (arquero calls it where it needs one, e.g. `toArrow`). */
  toArray(): T[] {
    const { ids, values } = this;
    const out = new Array<T>(ids.length);
    for (let i = 0; i < ids.length; i++) out[i] = values[ids[i]!]!;
    return out;
  }
}

/**
 * Combinations of value ids up to this many, or up to the rows, are numbered through a typed
 * array; beyond, through a `Map`.
 */
const DENSE_GROUPS = 1 << 20;

/**
 * Groups of rows by their value ids in `columns`, as arquero numbers groups: per row its group
 * (`keys`), groups in order of first row (`rows`: each group's first row). The ids of a row are
 * combined into one number, below `combinations` (the product of the dictionaries' sizes, at most
 * `Number.MAX_SAFE_INTEGER`).
 */
export function groupsOfIds(
  columns: readonly { ids: IdArray; values: readonly unknown[] }[],
  combinations: number,
  n: number,
): { keys: Uint32Array; rows: number[]; size: number } {
  const keys = new Uint32Array(n);
  const rows: number[] = [];
  const ids = columns.map((c) => c.ids);
  const sizes = columns.map((c) => c.values.length);
  const code =
    ids.length === 1
      ? (row: number) => ids[0]![row]!
      : (row: number) => {
          let k = 0;
          for (let j = 0; j < ids.length; j++) k = k * sizes[j]! + ids[j]![row]!;
          return k;
        };
  if (combinations <= Math.max(DENSE_GROUPS, n + 1)) {
    const groupOf = new Int32Array(combinations).fill(-1);
    for (let i = 0; i < n; i++) {
      const k = code(i);
      let g = groupOf[k]!;
      if (g < 0) g = groupOf[k] = rows.push(i) - 1;
      keys[i] = g;
    }
  } else {
    const groupOf = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const k = code(i);
      let g = groupOf.get(k);
      if (g === undefined) groupOf.set(k, (g = rows.push(i) - 1));
      keys[i] = g;
    }
  }
  return { keys, rows, size: rows.length };
}

/** A column whose every row is null (an optional column absent from the file). */
export function nullColumn(rows: number): DictionaryColumn<null> {
  return new DictionaryColumn(new Uint8Array(rows), [null]);
}

/** The values of a numeric column per value id (NaN for id 0), for arithmetic on rows. */
export function numbersById(col: ColumnResult): Float64Array {
  const out = new Float64Array(col.distinct.length);
  out[0] = NaN;
  for (let d = 1; d < col.distinct.length; d++) out[d] = col.distinct[d] as number;
  return out;
}

/** Adds the anonymisation guard's findings on a cell to what is known about it. */
function scanned(m: Memo, raw: string): Memo {
  const findings = scanCell(raw);
  if (findings.length > 0) {
    m.personal = findings.map((f) => ({ rule: f.rule, masked: maskCell(raw, f) }));
    m.reported = true;
  }
  return m;
}
