/**
 * The validator: a publisher's metadata and files in, a report (and, when valid, the typed
 * dataset) out. Pure: no disk, no clock; runs in Node and in a browser Web Worker.
 *
 * Steps, in order: metadata → each table file (decode, parse, header, cells) → table rules (keys)
 * → cross-table rules (references, metadata, hours) → arquero tables.
 */
import type { FieldDef } from '../../schemas/field.ts';
import { METADATA_FILE, TABLES } from '../../schemas/index.ts';
import type { Metadonnees } from '../../schemas/metadonnees.ts';
import type { Dataset } from '../dataset.ts';
import { DictionaryColumn, nullColumn } from './columns.ts';
import { validateMeta } from './meta.ts';
import { IssueCollector, type FileReport, type ValidationReport } from './report.ts';
import { checkAgainstMeta, checkCriterion, checkForeignKeys, checkHours, checkPrimaryKey, type Tables } from './rules.ts';
import { readTable, type FileSource, type TableResult } from './tables.ts';

export interface ValidateInput {
  /** Folder name of the publisher (`PUBLISHER_ID`: `pays-de-la-loire`); `metadonnees.json` must carry the same `id`. */
  publisher: string;
  /** `metadonnees.json`: parsed JSON, its text or bytes, or `undefined` when missing. */
  meta: unknown;
  /**
   * Files of the folder by name (`marches.csv`…): bytes, a `Blob` (a browser `File`) read as a
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

/** Order of files in reports: metadata first, then tables in manifest order. */
export const FILE_ORDER: readonly string[] = [METADATA_FILE, ...TABLES.map((t) => t.file)];

/** Validates one publisher's folder. */
export async function validateDataset(input: ValidateInput): Promise<ValidateResult> {
  const issues = new IssueCollector();
  const partial = input.partial === true;
  const meta = partial && input.meta === undefined ? undefined : validateMeta(input.publisher, input.meta, issues);

  for (const name of input.refused ?? []) issues.add('fichier.lien_symbolique', name);
  const known = new Set(FILE_ORDER);
  for (const name of Object.keys(input.files).sort()) if (!known.has(name)) issues.add('fichier.inconnu', name);

  const tables: Tables = {};
  const files: FileReport[] = [];
  for (const def of TABLES) {
    const bytes = input.files[def.file];
    if (bytes === undefined) {
      if (!partial) issues.add('fichier.absent', def.file);
      continue;
    }
    const { read, table } = await readTable(def, bytes, issues);
    files.push(read);
    if (table) tables[def.name] = table;
  }

  for (const t of Object.values(tables)) {
    checkPrimaryKey(t, issues);
    checkForeignKeys(t, tables, issues);
    if (meta) checkAgainstMeta(t, meta, issues);
  }
  if (tables.marches) checkCriterion(tables.marches, issues);
  checkHours(tables, issues);

  const report = issues.build(input.publisher, files, FILE_ORDER);
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
    for (const name of Object.keys(t.def.fields as Readonly<Record<string, FieldDef>>)) {
      const col = t.columns.get(name);
      columns[name] = col ? new DictionaryColumn(col.ids, col.distinct) : nullColumn(t.rowCount);
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

export type { ChunkSource, FileSource } from './tables.ts';
export { formatIssue, formatReport, MAX_ISSUES_PER_RULE } from './report.ts';
export type { FileReport, Issue, SummaryEntry, ValidationReport } from './report.ts';
export { INPUT_ERRORS, inputMessage, RULES, RULE_IDS, ruleMessage, type RuleId, type Severity, type Lang, type Message } from './messages.ts';
