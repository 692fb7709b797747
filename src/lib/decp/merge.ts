/**
 * Writing imported contracts into a publisher's `marches.csv`, new or existing, without losing
 * what the buyer wrote by hand.
 *
 * Each column has an owner ({@link COLUMN_ROLES}):
 * - `decp`: the national data are the reference; an existing cell is replaced when its value
 *   differs (an equal value keeps its spelling: `1 254 300,00` is not rewritten `1254300`);
 * - `derived`: the import proposes a value (segment from the CPV, département from the place of
 *   execution, clause type and award criterion from the social considerations, contractor
 *   pseudonym, subject) but the buyer may know better: an empty cell is filled, a filled one is
 *   kept, and a difference is reported. One exception: `critere_attribution` = oui is set to `non`
 *   when DECP no longer lists « Critère social », since the validator would refuse it;
 * - `buyer`: not in DECP (operation, planned hours, directorate, facilitator): never touched, left
 *   empty on new rows and listed as « to fill ».
 * Rows of the file that are not in the DECP file stay as they are; columns outside the contract
 * are kept (at the end) and reported.
 */
import { marchesFields } from '../../schemas/marches.ts';
import type { FieldDef } from '../../schemas/field.ts';
import { decodeBytes } from '../csv/decode.ts';
import { parseCsv } from '../csv/parse.ts';
import { checkCell } from '../validate/check-cell.ts';
import type { DecpValues, ImportedMarche } from './import.ts';
import { DecpError, errorMessages } from './messages.ts';

export type MarcheColumn = keyof typeof marchesFields;
export type ColumnRole = 'key' | 'decp' | 'derived' | 'buyer';

/** File name of the contracts table in a publisher folder. */
export const MARCHES_FILE = 'marches.csv';

/** Columns of `marches.csv`, in the order of the data contract. */
export const MARCHES_COLUMNS = Object.keys(marchesFields) as MarcheColumn[];

/** Who owns each column when an import meets an existing row. */
export const COLUMN_ROLES = {
  id_marche: 'key',
  id_acheteur: 'decp',
  id_operation: 'buyer',
  objet: 'derived',
  code_cpv: 'decp',
  segment: 'derived',
  procedure: 'decp',
  date_notification: 'decp',
  duree_mois: 'decp',
  montant: 'decp',
  considerations_sociales: 'decp',
  type_clause: 'derived',
  critere_attribution: 'derived',
  heures_prevues: 'buyer',
  direction: 'buyer',
  departement: 'derived',
  id_facilitateur: 'buyer',
  id_titulaire: 'derived',
} as const satisfies Record<MarcheColumn, ColumnRole>;

/** The columns DECP never fills: the buyer completes them. */
export const BUYER_COLUMNS = MARCHES_COLUMNS.filter((c) => COLUMN_ROLES[c] === 'buyer');

const FIELDS = marchesFields as Readonly<Record<MarcheColumn, FieldDef>>;

/** A number as a French spreadsheet reads it: decimal comma, no grouping (`1254300,5`). */
function frenchNumber(n: number): string {
  const s = String(n);
  return (/e/i.test(s) ? n.toFixed(2) : s).replace('.', ',');
}

/** The cells of an imported contract, as written to `marches.csv`. */
export function decpCells(v: DecpValues): Record<keyof DecpValues, string> {
  return {
    id_marche: v.id_marche,
    id_acheteur: v.id_acheteur,
    objet: v.objet ?? '',
    code_cpv: v.code_cpv,
    segment: v.segment,
    procedure: v.procedure,
    date_notification: v.date_notification,
    duree_mois: String(v.duree_mois),
    montant: frenchNumber(v.montant),
    considerations_sociales: v.considerations_sociales.join('|'),
    type_clause: v.type_clause,
    critere_attribution: v.critere_attribution ? 'oui' : 'non',
    departement: v.departement ?? '',
    id_titulaire: v.id_titulaire ?? '',
  };
}

/** Options of {@link mergeMarches}. */
export interface MergeOptions {
  /** Bytes of the existing `marches.csv`, if any (UTF-8 or Windows-1252, any delimiter). */
  existing?: Uint8Array;
  /** `id_entreprise` values of the existing entreprises.csv: pseudonyms not in it are reported. */
  knownCompanies?: ReadonlySet<string>;
}

/** A derived cell where the buyer's value was kept. */
export interface KeptValue {
  id: string;
  column: MarcheColumn;
  yours: string;
  decp: string;
}

/** Result of {@link mergeMarches}. */
export interface MergeResult {
  /** The new `marches.csv` (UTF-8; starts with a BOM unless the existing file had none). */
  text: string;
  /** Data rows in `text`. */
  rowCount: number;
  /** Contracts appended. */
  added: string[];
  /** Contracts already in the file whose cells changed, with the columns that changed. */
  updated: { id: string; columns: MarcheColumn[] }[];
  /** Contracts already in the file with nothing to change. */
  unchanged: string[];
  /** Derived cells where the buyer's value differs from the DECP one and was kept. */
  kept: KeptValue[];
  /** Rows of the existing file that are not in this DECP import (left as they are). */
  untouched: number;
  /** Columns of the existing file that are not in the data contract (kept at the end). */
  extraColumns: string[];
  /** Required columns still empty on imported rows: column → ids. */
  toFill: { column: MarcheColumn; ids: string[] }[];
  /** Contractor pseudonyms of imported rows missing from entreprises.csv (when it was given). */
  missingCompanies: string[];
  /** The existing file was Windows-1252 and is rewritten as UTF-8. */
  reencoded: boolean;
}

interface Row {
  cells: Record<MarcheColumn, string>;
  extra: string[];
}

function emptyCells(): Record<MarcheColumn, string> {
  return Object.fromEntries(MARCHES_COLUMNS.map((c) => [c, ''])) as Record<MarcheColumn, string>;
}

/** True when two cells hold the same value once normalised as the validator does. */
function sameValue(column: MarcheColumn, a: string, b: string): boolean {
  if (a === b) return true;
  if (a === '' || b === '') return false;
  const x = checkCell(FIELDS[column], a);
  const y = checkCell(FIELDS[column], b);
  return x.ok && y.ok && JSON.stringify(x.value) === JSON.stringify(y.value);
}

function quote(cell: string): string {
  return /[;"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Reads the existing file into rows; refuses a file whose structure is in doubt. */
function readExisting(bytes: Uint8Array): { rows: Row[]; extraColumns: string[]; decoded: ReturnType<typeof decodeBytes>; crlf: boolean } | undefined {
  const decoded = decodeBytes(bytes);
  const csv = parseCsv(decoded.text);
  if (csv.header.length === 0) return undefined; // an empty file: written as a new one
  const blocking = csv.issues.filter((i) => i.rule !== 'csv.champs_manquants');
  if (blocking.length) throw new DecpError(errorMessages.csvIllisible(MARCHES_FILE, `${blocking[0]!.message.fr} / ${blocking[0]!.message.en}`));
  const indexOf = new Map(csv.header.map((h, i) => [h.toLowerCase(), i]));
  if (!indexOf.has('id_marche')) throw new DecpError(errorMessages.csvSansId(MARCHES_FILE));
  const known = new Set<string>(MARCHES_COLUMNS);
  const extraIdx = csv.header.map((h, i) => [h, i] as const).filter(([h]) => !known.has(h.toLowerCase()));
  const rows: Row[] = [];
  const lines = new Map<string, number[]>();
  for (let r = 0; r < csv.rowCount; r++) {
    const cells = emptyCells();
    for (const c of MARCHES_COLUMNS) {
      const i = indexOf.get(c);
      if (i !== undefined) cells[c] = csv.columns[i]![r]!;
    }
    rows.push({ cells, extra: extraIdx.map(([, i]) => csv.columns[i]![r]!) });
    if (cells.id_marche !== '') lines.set(cells.id_marche, [...(lines.get(cells.id_marche) ?? []), csv.rowLines[r]!]);
  }
  for (const [id, at] of lines) if (at.length > 1) throw new DecpError(errorMessages.csvDoublon(MARCHES_FILE, id, at));
  return { rows, extraColumns: extraIdx.map(([h]) => h), decoded, crlf: decoded.text.includes('\r\n') };
}

/**
 * Merges imported contracts into the contracts table.
 * @throws DecpError when the existing file cannot be merged safely (unreadable CSV, no
 *   `id_marche` column, an id on two rows); nothing should be written then.
 */
export function mergeMarches(imported: readonly ImportedMarche[], options: MergeOptions = {}): MergeResult {
  const existing = options.existing ? readExisting(options.existing) : undefined;
  const rows = existing?.rows ?? [];
  const byId = new Map(rows.map((row) => [row.cells.id_marche, row]));
  const extraColumns = existing?.extraColumns ?? [];

  const added: string[] = [];
  const updated: MergeResult['updated'] = [];
  const unchanged: string[] = [];
  const kept: KeptValue[] = [];
  const importedRows: Row[] = [];

  for (const { values } of imported) {
    const cells = decpCells(values);
    const row = byId.get(values.id_marche);
    if (!row) {
      const fresh: Row = { cells: { ...emptyCells(), ...cells }, extra: extraColumns.map(() => '') };
      rows.push(fresh);
      importedRows.push(fresh);
      added.push(values.id_marche);
      continue;
    }
    importedRows.push(row);
    const changed: MarcheColumn[] = [];
    for (const column of Object.keys(cells) as (keyof DecpValues)[]) {
      const role = COLUMN_ROLES[column];
      const mine = row.cells[column];
      const theirs = cells[column];
      if (role === 'key' || sameValue(column, mine, theirs)) continue;
      if (role === 'decp' || mine === '') {
        if (theirs === '' && role !== 'decp') continue; // nothing better to offer
        row.cells[column] = theirs;
        changed.push(column);
      } else if (column === 'critere_attribution' && !values.critere_attribution && sameValue(column, mine, 'oui')) {
        row.cells[column] = 'non';
        changed.push(column);
      } else if (theirs !== '') {
        kept.push({ id: values.id_marche, column, yours: mine, decp: theirs });
      }
    }
    if (changed.length) updated.push({ id: values.id_marche, columns: changed });
    else unchanged.push(values.id_marche);
  }

  const touched = new Set(importedRows);
  const inFileOrder = rows.filter((r) => touched.has(r));
  // Required columns, and the buyer's own (id_operation may stay empty: a contract outside any operation).
  const toFill = MARCHES_COLUMNS.filter((c) => FIELDS[c].required || COLUMN_ROLES[c] === 'buyer')
    .map((column) => ({ column, ids: inFileOrder.filter((r) => r.cells[column] === '').map((r) => r.cells.id_marche) }))
    .filter((x) => x.ids.length > 0);
  const missingCompanies = options.knownCompanies ? [...new Set(importedRows.map((r) => r.cells.id_titulaire.toUpperCase()).filter((p) => p !== '' && !options.knownCompanies!.has(p)))].sort() : [];

  const eol = existing?.crlf ? '\r\n' : '\n';
  const bom = existing && existing.decoded.encoding === 'utf-8' && !existing.decoded.bom ? '' : '\ufeff';
  const header = [...MARCHES_COLUMNS, ...extraColumns];
  const lines = [header.map(quote).join(';'), ...rows.map((r) => [...MARCHES_COLUMNS.map((c) => r.cells[c]), ...r.extra].map(quote).join(';'))];

  return {
    text: bom + lines.join(eol) + eol,
    rowCount: rows.length,
    added,
    updated,
    unchanged,
    kept,
    untouched: rows.length - importedRows.length,
    extraColumns,
    toFill,
    missingCompanies,
    reencoded: existing?.decoded.encoding === 'windows-1252',
  };
}
