/**
 * A table file read on another thread. Reading a table (decode, parse, every cell rule) and
 * checking its own rules (key, rules between its columns: `readAndCheck`) need no other table,
 * so a big file can be read on a second core while this one reads the others; the cross-table
 * rules wait for both. The reading comes back as plain
 * data (its typed arrays moved, not copied) with its issues apart, and the collector of the whole
 * validation absorbs them: reports and datasets are the same as when every table is read here.
 *
 * Pure, like the rest of the validator: the thread itself is the caller's (a Node `worker_threads`
 * Worker in scripts/lib/offload.ts; a Web Worker would do as well).
 */
import type { FieldDef } from '../../schemas/field.ts';
import { tableOfFile, type TableDef } from '../../schemas/index.ts';
import type { ColumnResult } from '../columns/index.ts';
import { IssueCollector, type CollectedIssues, type FileReport } from './report.ts';
import { readAndCheck, type FileSource, type TableResult } from './tables.ts';

/** A table file read and its own rules checked, with the issues of both. */
export interface TableRead {
  read: FileReport;
  table?: TableResult;
  issues: CollectedIssues;
}

/** {@link readAndCheck} with issues of its own: what a thread of its own hands back. */
export async function readTableAlone(def: TableDef, source: FileSource): Promise<TableRead> {
  const issues = new IssueCollector();
  const result = await readAndCheck(def, source, issues);
  return { ...result, issues: issues.collected() };
}

/** A column as structured-clonable data: no `lookup`, and no second copy of its cells when they are its values. */
interface PackedColumn extends Omit<ColumnResult, 'lookup' | 'rawDistinct'> {
  /**
   * `'values'` when each cell is its value as written (the columns of identifiers): the receiving
   * thread, which waits meanwhile, then reads the 377,000 participants of a million hour rows
   * once rather than twice.
   */
  rawDistinct: readonly string[] | 'values';
}

/** True when the cells as written are the values themselves, in the same order. */
function cellsAreValues(col: ColumnResult): boolean {
  const { distinct, rawDistinct, rawOfValue } = col;
  if (rawDistinct.length !== distinct.length) return false;
  for (let d = 1; d < distinct.length; d++) if (rawOfValue[d] !== d || rawDistinct[d] !== distinct[d]) return false;
  return true;
}

/** The cells of a column whose cells are its values (see {@link cellsAreValues}): `''` for the empty cell, then the values. */
function cellsOfValues(distinct: readonly unknown[]): string[] {
  const cells = distinct.slice() as string[];
  cells[0] = '';
  return cells;
}

/** A {@link TableRead} as structured-clonable data: the table without its definition (zod schemas) and functions. */
export interface PackedTableRead {
  read: FileReport;
  table?: { file: string; rowCount: number; rowLines: Uint32Array; columns: PackedColumn[] };
  issues: CollectedIssues;
}

/**
 * Packs a reading for `postMessage`, with the buffers to transfer (moved, not copied). A key
 * column loses its `lookup` (a closure over the parser's dictionary): the rules then index its
 * values with a `Map` (`firstRowOfValue`), with the same results.
 */
export function packTableRead(r: TableRead): { message: PackedTableRead; transfer: ArrayBuffer[] } {
  const buffers = new Set<ArrayBuffer>();
  const keep = (a: { buffer: ArrayBufferLike }) => {
    if (a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
  };
  const message: PackedTableRead = { read: r.read, issues: r.issues };
  if (r.table) {
    const t = r.table;
    const columns = [...t.columns.values()].map((column): PackedColumn => {
      const { lookup: _lookup, rawDistinct, ...col } = column;
      keep(col.ids);
      keep(col.rawOfValue);
      if (col.rawIds) keep(col.rawIds);
      return { ...col, rawDistinct: cellsAreValues(column) ? 'values' : rawDistinct };
    });
    keep(t.rowLines);
    message.table = { file: t.file, rowCount: t.rowCount, rowLines: t.rowLines, columns };
  }
  return { message, transfer: [...buffers] };
}

/** A packed reading back as a {@link TableRead}, its definition found again by file name. */
export function unpackTableRead(m: PackedTableRead): TableRead {
  if (!m.table) return { read: m.read, issues: m.issues };
  const file = m.table.file;
  const def = tableOfFile(file);
  if (!def) throw new Error(`No table is read from ${file}`);
  const fields = def.fields as Readonly<Record<string, FieldDef>>;
  const columns = new Map<string, ColumnResult>();
  for (const packed of m.table.columns) {
    // Lists of codes are frozen where they are made (column.ts); a copy is not.
    if (fields[packed.name]?.kind === 'multi') for (const v of packed.distinct) if (Array.isArray(v)) Object.freeze(v);
    const rawDistinct = packed.rawDistinct === 'values' ? cellsOfValues(packed.distinct) : packed.rawDistinct;
    columns.set(packed.name, { ...packed, rawDistinct });
  }
  return { read: m.read, table: { def, file, rowCount: m.table.rowCount, rowLines: m.table.rowLines, columns }, issues: m.issues };
}
