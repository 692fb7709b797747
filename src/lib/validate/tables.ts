/** Reading one table file: bytes → text → batches of rows → validated, dictionary-encoded columns. */
import type { FieldDef } from '../../schemas/field.ts';
import type { TableDef } from '../../schemas/index.ts';
import { decodeBytes } from '../csv/decode.ts';
import { createCsvParser, type CsvBatch } from '../csv/parse.ts';
import { identityColumn } from './anonymity.ts';
import { ColumnBuilder, type ColumnResult } from './columns.ts';
import type { FileReport, IssueCollector } from './report.ts';

/** A table after its columns were validated. */
export interface TableResult {
  def: TableDef;
  file: string;
  rowCount: number;
  /** Physical line of each row. */
  rowLines: Uint32Array;
  /** Columns of the contract found in the header, by name. */
  columns: Map<string, ColumnResult>;
}

/** Rows handed over at a time: the cells of one batch are garbage once validated. */
const BATCH_ROWS = 65_536;

/** 1-based line of the header: the parser skips blank lines before it, but counts them. */
function headerLine(text: string): number {
  const blank = /^(?:[^\S\r\n]*(?:\r\n|\n|\r))*/.exec(text)?.[0] ?? '';
  return 1 + (blank.match(/\r\n|\n|\r/g)?.length ?? 0);
}

/**
 * An upper bound of the number of rows (line breaks + 1, the header included), to size the column
 * arrays once. Counts `\n`, or `\r` for a file without any `\n`.
 */
function rowEstimate(text: string): number {
  let breaks = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) breaks++;
  if (breaks === 0) for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 1)) breaks++;
  return breaks + 1;
}

/**
 * Checks the header against the contract — unknown columns are refused, identity columns named as
 * such, missing required columns reported — and prepares one builder per header column (`undefined`
 * for a column to skip: empty or repeated names, already reported by the parser).
 */
function columnBuilders(def: TableDef, header: readonly string[], line: number, issues: IssueCollector): (ColumnBuilder | undefined)[] {
  const file = def.file;
  const fields = def.fields as Readonly<Record<string, FieldDef>>;
  const expected = Object.keys(fields);
  const seen = new Set<string>();
  const builders = header.map((name) => {
    const key = name.trim().toLowerCase();
    if (key === '' || seen.has(key)) return undefined;
    seen.add(key);
    // Own properties only: a column named `constructor` or `__proto__` is an unknown column.
    const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (field) return new ColumnBuilder(key, field, { file, issues });
    const what = identityColumn(name);
    if (what) issues.add('anonymat.colonne_identite', file, { line, column: name }, { what });
    else issues.add('anonymat.colonne_inconnue', file, { line, column: name }, { expected: expected.join(', ') });
    // A refused column is still scanned: the report says what personal data it holds.
    return new ColumnBuilder(name, undefined, { file, issues });
  });
  for (const [name, field] of Object.entries(fields)) {
    if (field.required && !seen.has(name)) issues.add('entete.colonne_manquante', file, { line, column: name });
  }
  return builders;
}

/**
 * Decodes, parses and validates one table file. CSV issues are forwarded with the file name; the
 * header is checked against the contract; then each column is validated batch by batch.
 */
export function readTable(def: TableDef, bytes: Uint8Array, issues: IssueCollector): { read: FileReport; table?: TableResult } {
  const file = def.file;
  const decoded = decodeBytes(bytes);
  if (decoded.encoding !== 'utf-8') issues.add('fichier.encodage', file, {}, { encoding: decoded.encoding });
  const line = headerLine(decoded.text);
  let builders: (ColumnBuilder | undefined)[] | undefined;
  const lineBatches: Uint32Array[] = [];
  const onBatch = (batch: CsvBatch) => {
    if (builders === undefined) {
      builders = columnBuilders(def, batch.header, line, issues);
      const rows = rowEstimate(decoded.text);
      for (const b of builders) b?.expectRows(rows);
    }
    builders.forEach((b, j) => b?.push(batch.columns[j] ?? [], batch.rowLines));
    lineBatches.push(batch.rowLines);
  };
  const parser = createCsvParser({ batchSize: BATCH_ROWS, onBatch });
  parser.push(decoded.text);
  const end = parser.end();
  for (const ci of end.issues) {
    const value = ci.value === '' ? undefined : ci.value;
    issues.add(ci.rule, file, { line: ci.line, column: ci.columnName, value }, undefined, ci.message);
  }
  const read: FileReport = { file, encoding: decoded.encoding, delimiter: end.delimiter, rows: end.rowCount };
  if (end.header.length === 0) return { read };
  builders ??= columnBuilders(def, end.header, line, issues);

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
