/** Reading one table file: bytes → text → batches of rows → validated, dictionary-encoded columns. */
import type { FieldDef } from '../../schemas/field.ts';
import type { TableDef } from '../../schemas/index.ts';
import { ChunkDecoder, NotUtf8Error } from '../csv/decode.ts';
import { createCsvParser, type CsvBatch, type CsvParser } from '../csv/parse.ts';
import { identityColumn } from './anonymity.ts';
import { columnLetter, type TableWhere } from './cells.ts';
import type { ColumnResult } from '../columns/index.ts';
import { ColumnBuilder } from './column.ts';
import type { FileReport, IssueCollector, Location } from './report.ts';
import { checkTable } from './rules.ts';

/** A table after its columns were validated. */
export interface TableResult {
  def: TableDef;
  /** The file it was read from (`marches.csv`, or the workbook `clauses.xlsx`). */
  file: string;
  /** The sheet, when read from a workbook. */
  sheet?: string;
  /** Per column name, its letter in the sheet (`H`), when read from a workbook. */
  letters?: ReadonlyMap<string, string>;
  rowCount: number;
  /** Physical line of each row. */
  rowLines: Uint32Array;
  /** Columns of the contract found in the header, by name. */
  columns: Map<string, ColumnResult>;
}

/** Rows handed over at a time: the cells of one batch are garbage once validated. */
const BATCH_ROWS = 65_536;

/** Bytes decoded at a time from a `Uint8Array` (a `Blob` streams in its own chunk size). */
const CHUNK_BYTES = 1 << 20;

/**
 * A file that its opener reads piece by piece (Node's file handles, `scripts/lib/fs-input.ts`):
 * Node's file-backed `Blob` streams in 64 KB reads that each need the busy main thread, which left
 * the parser waiting half a second per 70 MB; a file handle read ahead in 1 MB pieces does not.
 */
export interface ChunkSource {
  /** Size in bytes when opened (for estimates only: the pieces go to the end of the file). */
  readonly size: number;
  /**
   * The bytes from the start, piece by piece; callable again (a file read again as Windows-1252).
   * A piece may be reused once the next one is asked for: the validator decodes each at once.
   */
  chunks(): AsyncIterable<Uint8Array>;
}

/**
 * A file's content: its bytes, a `Blob` (a browser `File`) read as a stream, or a
 * {@link ChunkSource}, so that a big file never lives in memory whole, neither as bytes nor as text.
 */
export type FileSource = Uint8Array | Blob | ChunkSource;

/**
 * The bytes of a source, chunk by chunk. A `Blob` is read one chunk ahead: the next chunk is
 * being read while the caller works on this one.
 */
async function* chunksOf(source: FileSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    for (let at = 0; at < source.length; at += CHUNK_BYTES) yield source.subarray(at, at + CHUNK_BYTES);
    return;
  }
  if (!(source instanceof Blob)) {
    yield* source.chunks();
    return;
  }
  const reader = source.stream().getReader();
  let done = false;
  let next = reader.read();
  try {
    for (;;) {
      const current = await next;
      if (current.done) {
        done = true;
        return;
      }
      next = reader.read();
      yield current.value;
    }
  } finally {
    if (!done) {
      next.catch(() => {}); // the read ahead is not wanted any more
      await reader.cancel();
    }
  }
}

/**
 * An estimate of the number of rows of a file from the first ones (bytes per row so far), to size
 * the column arrays once; a few percent more, and the arrays still grow if it was too low. The
 * first rows were cut from `bytesBefore` bytes (the pieces parsed whole) plus part of the piece
 * being parsed: counting the whole pieces only errs on the side of room (a piece is 1 MB, and
 * growing a million-row column means copying it).
 */
function rowEstimate(totalBytes: number, bytesBefore: number, bytesRead: number, rowsRead: number): number {
  if (rowsRead === 0) return rowsRead;
  const bytes = bytesBefore > 0 ? bytesBefore : bytesRead;
  return Math.ceil((rowsRead * totalBytes * 1.03) / bytes) + 1024;
}

/**
 * Checks the header against the contract — unknown columns are refused, identity columns named as
 * such, missing required columns reported — and prepares one builder per header column (`undefined`
 * for a column to skip: empty or repeated names, already reported by the parser).
 */
export function columnBuilders(def: TableDef, header: readonly string[], line: number, issues: IssueCollector, where: TableWhere = { file: def.file }): (ColumnBuilder | undefined)[] {
  const { file, sheet } = where;
  const letterOf = (k: number) => (sheet === undefined ? undefined : columnLetter(k));
  const fields = def.fields as Readonly<Record<string, FieldDef>>;
  const expected = Object.keys(fields);
  const seen = new Set<string>();
  const headerAt = (k: number, column: string): Location => {
    const letter = letterOf(k);
    return sheet === undefined ? { line, column } : { sheet, line, ...(letter ? { cell: `${letter}${line}` } : {}), column };
  };
  const builders = header.map((name, k) => {
    const key = name.trim().toLowerCase();
    if (key === '' || seen.has(key)) return undefined;
    seen.add(key);
    // Own properties only: a column named `constructor` or `__proto__` is an unknown column.
    const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
    const keyColumn = def.primaryKey.length === 1 && def.primaryKey[0] === key;
    const context = { file, issues, ...(sheet === undefined ? {} : { sheet, letter: letterOf(k)! }) };
    if (field) return new ColumnBuilder(key, field, { ...context, keyColumn });
    const what = identityColumn(name);
    if (what) issues.add('anonymat.colonne_identite', file, headerAt(k, name), { what });
    else issues.add('anonymat.colonne_inconnue', file, headerAt(k, name), { expected: expected.join(', ') });
    // A refused column is still scanned: the report says what personal data it holds.
    return new ColumnBuilder(name, undefined, context);
  });
  for (const [name, field] of Object.entries(fields)) {
    if (field.required && !seen.has(name)) issues.add('entete.colonne_manquante', file, sheet === undefined ? { line, column: name } : { sheet, line, column: name });
  }
  return builders;
}

/**
 * Decodes, parses and validates one table file, chunk by chunk (the text is never whole). CSV
 * issues are forwarded with the file name; the header is checked against the contract; then each
 * column is validated batch by batch. The encoding is decided as {@link decodeBytes} does: a file
 * that turns out not to be UTF-8 is read again from the start as Windows-1252, its issues so far
 * forgotten.
 */
export async function readTable(def: TableDef, source: FileSource, issues: IssueCollector): Promise<{ read: FileReport; table?: TableResult }> {
  try {
    return await readTableAs(def, source, issues, false);
  } catch (e) {
    if (!(e instanceof NotUtf8Error)) throw e;
    issues.forget(def.file);
    return readTableAs(def, source, issues, true);
  }
}

/**
 * Reads one table file and checks the rules that need no other table (`checkTable`): what
 * validateDataset does for each table, here or on another thread (offload.ts), before the
 * cross-table rules.
 */
export async function readAndCheck(def: TableDef, source: FileSource, issues: IssueCollector): Promise<{ read: FileReport; table?: TableResult }> {
  const result = await readTable(def, source, issues);
  if (result.table) checkTable(result.table, issues);
  return result;
}

async function readTableAs(def: TableDef, source: FileSource, issues: IssueCollector, windows1252: boolean): Promise<{ read: FileReport; table?: TableResult }> {
  const file = def.file;
  const totalBytes = source instanceof Uint8Array ? source.length : source.size;
  let bytesRead = 0;
  let bytesBefore = 0;
  let builders: (ColumnBuilder | undefined)[] | undefined;
  const lineBatches: Uint32Array[] = [];
  const onBatch = (batch: CsvBatch) => {
    if (builders === undefined) {
      builders = columnBuilders(def, batch.header, batch.headerLine, issues);
      const rows = rowEstimate(totalBytes, bytesBefore, bytesRead, batch.rowCount);
      for (const b of builders) b?.expectRows(rows);
    }
    builders.forEach((b, j) => b?.pushIds(batch.ids[j]!, batch.dictionaries[j]!, batch.rowLines));
    lineBatches.push(batch.rowLines);
  };
  // Windows-1252 may come as Latin-1 text, finished by the parser for each distinct cell only.
  const decoder = new ChunkDecoder({ windows1252, deferC1: true });
  // Cells come as ids into one dictionary per column; the builders copy what they need from each
  // batch, so its arrays can be reused. Made once the decoder knows the encoding (with the first
  // text), so that it knows whether the text is finished.
  let parser: CsvParser | undefined;
  const parserNow = () => (parser ??= createCsvParser({ batchSize: BATCH_ROWS, onBatch, idsOnly: true, reuseColumns: true, deferred: decoder.deferred }));
  const parse = (text: string) => {
    if (text !== '' || parser !== undefined) parserNow().push(text);
  };
  // Windows-1252 and UTF-16 are known from the first bytes: warn before any cell issue.
  let encodingKnown = false;
  const encodingWarning = () => {
    if (encodingKnown || decoder.encoding === undefined) return;
    encodingKnown = true;
    if (decoder.encoding !== 'utf-8') issues.add('fichier.encodage', file, {}, { encoding: decoder.encoding });
  };
  for await (const chunk of chunksOf(source)) {
    bytesBefore = bytesRead;
    bytesRead += chunk.length;
    const text = decoder.push(chunk);
    encodingWarning();
    parse(text);
  }
  const text = decoder.end();
  encodingWarning();
  parse(text);
  const encoding = decoder.encoding ?? 'utf-8';
  const end = parserNow().end();
  for (const ci of end.issues) {
    const value = ci.value === '' ? undefined : ci.value;
    issues.add(ci.rule, file, { line: ci.line, column: ci.columnName, value }, undefined, ci.message);
  }
  const read: FileReport = { file, encoding, delimiter: end.delimiter, rows: end.rowCount };
  if (end.header.length === 0) return { read };
  builders ??= columnBuilders(def, end.header, end.headerLine, issues);

  const rowLines = new Uint32Array(end.rowCount);
  let offset = 0;
  for (const b of lineBatches) {
    rowLines.set(b, offset);
    offset += b.length;
  }
  const columns = new Map<string, ColumnResult>();
  for (const b of builders) if (b?.field) columns.set(b.name, b.finish());
  return { read, table: { def, file, rowCount: end.rowCount, rowLines, columns } };
}
