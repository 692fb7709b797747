/**
 * The validator: a publisher's metadata and files in, a report (and, when valid, the typed
 * dataset) out. Pure: no disk, no clock; runs in Node and in a browser Web Worker.
 *
 * Steps, in order: metadata → each table file (decode, parse, header, cells, then its own rules:
 * key, award criterion, monthly ceiling; a big file may be read on another thread meanwhile, see
 * offload.ts) or sheet of a workbook (xlsx.ts) → cross-table rules (references, metadata, hours)
 * → arquero tables.
 */
import type { FieldDef } from '../../schemas/field.ts';
import { METADATA_FILE, TABLES, tableOfFile, type TableDef } from '../../schemas/index.ts';
import type { Metadonnees } from '../../schemas/metadonnees.ts';
import type { Dataset, TableName } from '../dataset.ts';
import { DictionaryColumn, idArray, nullColumn } from '../columns/index.ts';
import { validateMeta } from './meta.ts';
import { IssueCollector, placeOf, type FileReport, type ValidationReport } from './report.ts';
import type { TableRead } from './offload.ts';
import { checkAgainstMeta, checkForeignKeys, checkHours, type Tables } from './rules.ts';
import { readAndCheck, type FileSource, type TableResult } from './tables.ts';
import { hasRows, isWorkbook, OTHER_SPREADSHEET, readSheetTable, readWorkbook, tablesOfWorkbook, type Sheet } from './xlsx.ts';

export interface ValidateInput {
  /** Folder name of the publisher (`PUBLISHER_ID`: `departement-ille-et-vilaine`); `metadonnees.json` must carry the same `id`. */
  publisher: string;
  /** `metadonnees.json`: parsed JSON, its text or bytes, or `undefined` when missing. */
  meta: unknown;
  /**
   * Files of the folder by name (`marches.csv`…, or workbooks `*.xlsx`: see xlsx.ts): bytes, a `Blob` (a browser `File`) read as a
   * stream, or a `ChunkSource` (a file read piece by piece: `openPublisherFolder`), so that a big
   * file is never held whole.
   */
  files: Record<string, FileSource>;
  /** Entries of the folder the reader refused to open (symbolic links), reported as errors. */
  refused?: readonly string[];
  /**
   * Checks only what is given (the "check your files" page): a missing table file or missing
   * metadata is not an error but simply not checked, references into a table that was not given
   * are not checked, and no dataset is built. Every other rule is the same.
   */
  partial?: boolean;
  /**
   * Reads some table files elsewhere (on another thread) while this thread reads the others:
   * called once per table file given, before any is read, it returns the promise of that file's
   * reading ({@link readTableAlone}'s result, e.g. through {@link packTableRead} and
   * {@link unpackTableRead}), or `undefined` to read it here. The report and the dataset are the
   * same either way.
   */
  offload?: (file: string) => Promise<TableRead> | undefined;
  /**
   * Today's date (`YYYY-MM-DD`) from the caller's clock, to refuse a publication date in the
   * future: the validator itself reads no clock. Without it, that check does not run.
   */
  today?: string;
}

/** An input whose files are all bytes (as `readPublisherFolder` reads them). */
export interface BytesInput extends ValidateInput {
  files: Record<string, Uint8Array>;
}

export interface ValidateResult {
  /** True when there is no error (warnings allowed). */
  ok: boolean;
  /** The validated tables, only when `ok`. */
  dataset?: Dataset;
  report: ValidationReport;
}

/** The lock file Excel writes next to an open workbook (`~$clauses.xlsx`): not the publisher's, never read. */
const EXCEL_LOCK = /^~\$/;

/** Validates one publisher's folder. */
export async function validateDataset(input: ValidateInput): Promise<ValidateResult> {
  const issues = new IssueCollector();
  const partial = input.partial === true;
  const { meta, checks } = partial && input.meta === undefined ? { meta: undefined, checks: {} } : validateMeta(input.publisher, input.meta, issues, input.today);

  for (const name of input.refused ?? []) issues.add('fichier.lien_symbolique', name);
  // Where each table comes from: its CSV file, else a sheet of a workbook (xlsx.ts).
  const given = TABLES.filter((def) => input.files[def.file] !== undefined);
  const sourceOf = new Map<TableName, string>(given.map((def) => [def.name, def.file]));
  const sheets: { def: TableDef; file: string; sheet: Sheet }[] = [];
  const candidates: typeof sheets = [];
  for (const name of Object.keys(input.files).sort()) {
    if (name === METADATA_FILE || tableOfFile(name) || EXCEL_LOCK.test(name)) continue;
    if (!isWorkbook(name)) {
      const other = OTHER_SPREADSHEET.exec(name);
      if (other) issues.add('fichier.tableur', name, {}, { format: other[0] });
      else issues.add('fichier.inconnu', name);
      continue;
    }
    const workbook = await readWorkbook(input.files[name]!);
    if ('error' in workbook) {
      issues.add('xlsx.illisible', name, {}, { detail: workbook.error });
      continue;
    }
    const found = tablesOfWorkbook(name, workbook.sheets);
    if (found.length === 0) {
      issues.add('xlsx.sans_table', name, {}, { tables: TABLES.map((t) => t.name).join(', '), sheets: workbook.sheets.map((s) => s.name).join(', ') });
      continue;
    }
    for (const { def, sheet } of found) candidates.push({ def, file: name, sheet });
  }
  // A sheet with nothing under its header (the template's, left empty because the table comes
  // from elsewhere) is no second source: it counts only when the table has no other.
  for (const def of TABLES) {
    const own = candidates.filter((c) => c.def === def);
    const filled = own.filter((c) => hasRows(c.sheet));
    for (const c of filled.length > 0 ? filled : sourceOf.has(def.name) ? [] : own.slice(0, 1)) {
      const first = sourceOf.get(def.name);
      if (first !== undefined) {
        issues.add('fichier.table_en_double', c.file, { sheet: c.sheet.name }, { table: def.name, first });
        continue;
      }
      sourceOf.set(def.name, placeOf({ file: c.file, sheet: c.sheet.name }));
      sheets.push(c);
    }
  }

  // Each table file is read and checked alone (its key, the rules between its columns); the
  // CSV files read elsewhere are started first, and this thread reads the others meanwhile.
  const away = new Map<TableName, Promise<TableRead>>();
  for (const def of given) {
    const reading = input.offload?.(def.file);
    if (!reading) continue;
    reading.catch(() => {}); // awaited below: a failure is not unhandled meanwhile
    away.set(def.name, reading);
  }
  const tables: Tables = {};
  const reads = new Map<TableName, FileReport>();
  const settle = (def: TableDef, r: { read: FileReport; table?: TableResult }) => {
    reads.set(def.name, r.read);
    if (r.table) tables[def.name] = r.table;
  };
  for (const def of given) if (!away.has(def.name)) settle(def, await readAndCheck(def, input.files[def.file]!, issues));
  for (const { def, file, sheet } of sheets) settle(def, readSheetTable(def, file, sheet, issues));

  // A table's references and metadata are checked as soon as it and the tables it refers to are
  // read: first those read here, while another thread may still be reading. Each of these rules
  // reports in its own table's file only, so each file's issues come in the same order as when
  // every table is read here.
  const pending = (name: TableName) => away.has(name) && !reads.has(name);
  const checked = new Set<TableResult>();
  const checkReady = () => {
    for (const def of TABLES) {
      const t = tables[def.name];
      if (!t || checked.has(t) || def.foreignKeys.some((fk) => pending(fk.reference.table))) continue;
      checked.add(t);
      checkForeignKeys(t, tables, issues);
      checkAgainstMeta(t, checks, issues);
    }
  };
  checkReady();
  for (const def of given) {
    const reading = away.get(def.name);
    if (!reading) continue;
    const r = await reading;
    issues.absorb(r.issues);
    settle(def, r);
  }
  checkReady();
  checkHours(tables, issues);

  const files: FileReport[] = [];
  for (const def of TABLES) {
    const read = reads.get(def.name);
    if (read) files.push(read);
    else if (!partial) issues.add('fichier.absent', def.file, {}, { table: def.name });
  }

  const order = [METADATA_FILE, ...TABLES.map((def) => sourceOf.get(def.name) ?? def.file)];
  const report = issues.build(input.publisher, files, order);
  const ok = report.errorCount === 0;
  return ok && meta && !partial ? { ok, dataset: await buildDataset(meta, tables), report } : { ok, report };
}

/**
 * arquero tables from the validated columns, read through their dictionaries (no copy of the
 * values per row); an optional column absent from the file is null. arquero is loaded here, on
 * demand: a partial check (the browser checker's worker) never needs it, and its bundle stays small.
 */
async function buildDataset(meta: Metadonnees, tables: Tables): Promise<Dataset> {
  const { table: arqueroTable } = await import('arquero');
  const toTable = (t: TableResult | undefined) => {
    if (!t) throw new Error('A valid dataset has every table');
    const columns: Record<string, DictionaryColumn> = {};
    for (const [name, field] of Object.entries(t.def.fields as Readonly<Record<string, FieldDef>>)) {
      const col = t.columns.get(name);
      const column = col ? new DictionaryColumn(col.ids, col.distinct) : nullColumn(t.rowCount);
      columns[name] = field.missing === undefined ? column : standingFor(column, field.missing);
    }
    return arqueroTable(columns);
  };
  return {
    meta,
    marches: toTable(tables.marches),
    operations: toTable(tables.operations),
    facilitateurs: toTable(tables.facilitateurs),
    entreprises: toTable(tables.entreprises),
    participants: toTable(tables.participants),
    heures: toTable(tables.heures),
  };
}

/**
 * A column whose empty cells stand for a value of their own (`FieldDef.missing`): the same ids,
 * id 0 (empty) now reading that value.
 */
function standingFor(column: DictionaryColumn, value: string): DictionaryColumn {
  if (!column.ids.includes(0)) return column;
  const values = [...column.values];
  const at = values.indexOf(value);
  if (at > 0) {
    // Written out in some cells as well: those rows join the empty ones (one id per value).
    const ids = idArray(values.length - 1, column.ids.length);
    for (let i = 0; i < ids.length; i++) ids[i] = column.ids[i] === at ? 0 : column.ids[i]!;
    values[0] = value;
    values[at] = null; // never used by a row any more
    return new DictionaryColumn(ids, values);
  }
  values[0] = value;
  return new DictionaryColumn(column.ids, values);
}

export type { ChunkSource, FileSource } from './tables.ts';
export { packTableRead, readTableAlone, unpackTableRead, type PackedTableRead, type TableRead } from './offload.ts';
export { formatIssue, formatReport, MAX_ISSUES_PER_RULE } from './report.ts';
export type { FileReport, Issue, SummaryEntry, ValidationReport } from './report.ts';
export { INPUT_ERRORS, inputMessage, RULES, RULE_IDS, ruleMessage, type RuleId, type Severity, type Lang } from './messages.ts';
