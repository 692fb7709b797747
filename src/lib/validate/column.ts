/**
 * A column validated as the CSV layer hands its cells over: each distinct cell checked once
 * (check-cell.ts), each row kept as a value id (src/lib/columns), issues reported at their lines.
 */
import type { FieldDef, FieldKind } from '../../schemas/field.ts';
import type { CellDictionary } from '../csv/intern.ts';
import { GrowingIds, type ColumnResult } from '../columns/index.ts';
import { maskCell, scanCell } from './anonymity.ts';
import { checkCell, type CellResult } from './check-cell.ts';
import type { RuleId } from './messages.ts';
import type { IssueCollector, Location } from './report.ts';

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

/** Adds the anonymisation guard's findings on a cell to what is known about it. */
function scanned(m: Memo, raw: string): Memo {
  const findings = scanCell(raw);
  if (findings.length > 0) {
    m.personal = findings.map((f) => ({ rule: f.rule, masked: maskCell(raw, f) }));
    m.reported = true;
  }
  return m;
}
