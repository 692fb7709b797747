/**
 * Starting from the national procurement data (DECP): a buyer's DECP JSON in, rows of our
 * `marches` table and a report out. Pure (no `node:` import, no clock); `scripts/import-decp.ts`
 * does the I/O. See docs/import-decp.md.
 *
 * @example
 * const imported = await importDecp(JSON.parse(text), { siret: meta.siret_acheteur, salt });
 * const merged = mergeMarches(imported.marches, { existing: bytesOfMarchesCsv });
 * // merged.text is the new marches.csv; imported.skipped says why every other record was left out.
 */
export { importDecp, type DecpImport, type DecpRef, type DecpValues, type ImportedMarche, type ImportOptions, type Note, type Skipped } from './import.ts';
export {
  BUYER_COLUMNS,
  COLUMN_ROLES,
  MARCHES_COLUMNS,
  MARCHES_FILE,
  decpCells,
  mergeMarches,
  type ColumnRole,
  type KeptValue,
  type MarcheColumn,
  type MergeOptions,
  type MergeResult,
} from './merge.ts';
export { departementOfLieu, procedureCode, readCpv, segmentOfCpv } from './derive.ts';
export { createPseudonymiser, normaliseContractorId, MIN_SALT_LENGTH, PSEUDONYM_PREFIX, type Pseudonymiser } from './pseudonym.ts';
export { readDecp, type DecpEntry, type DecpFormat } from './read.ts';
export { formatImportReport, skippedByReason, MAX_LISTED, type ImportReport } from './report.ts';
export { DecpError, SKIP_REASONS, SKIP_TITLES, type NoteRule, type SkipReason } from './messages.ts';
