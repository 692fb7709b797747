/**
 * Pure helpers of the checker's worker, kept apart from it so that tests can import them: the
 * publisher id to check against and the CSV form of a report.
 */
import { toCSV } from '../../lib/release/csv.ts';
import type { Colonne, Ligne } from '../../lib/tables/types.ts';
import type { ValidationReport } from '../../lib/validate/index.ts';
import { PUBLISHER_ID } from '../../schemas/publisher-id.ts';

/** Report publisher when metadonnees.json gives no usable id (the page has no folder name). */
export const DEFAULT_PUBLISHER = 'verification';

/**
 * The publisher id to check against: the `id` of metadonnees.json when it looks like one. In a
 * browser there is no folder name to compare it with, so `meta.editeur` never fires here; the
 * schema still checks the id's format.
 */
export function publisherOf(meta: Uint8Array | undefined): string {
  if (!meta) return DEFAULT_PUBLISHER;
  try {
    const id = (JSON.parse(new TextDecoder().decode(meta).replace(/^\uFEFF/, '')) as { id?: unknown }).id;
    return typeof id === 'string' && PUBLISHER_ID.test(id) ? id : DEFAULT_PUBLISHER;
  } catch {
    return DEFAULT_PUBLISHER;
  }
}

const text = (fr: string, en = fr) => ({ fr, en });
const CSV_COLUMNS: Colonne[] = (['file', 'sheet', 'line', 'cell', 'column', 'value', 'rule', 'severity', 'message_fr', 'message_en'] as const).map((nom) => ({
  nom,
  type: nom === 'line' ? 'integer' : 'string',
  role: 'dimension',
  titre: text(nom),
}));

/** The report as CSV, one stored issue per line (the published tables' CSV writer: BOM, commas, formula-safe). */
export function reportCsv(report: ValidationReport): string {
  const rows: Ligne[] = report.issues.map((i) => ({
    file: i.file,
    sheet: i.sheet ?? null,
    line: i.line ?? null,
    cell: i.cell ?? null,
    column: i.column ?? null,
    value: i.value ?? null,
    rule: i.rule,
    severity: i.severity,
    message_fr: i.message.fr,
    message_en: i.message.en,
  }));
  return toCSV(CSV_COLUMNS, rows);
}
