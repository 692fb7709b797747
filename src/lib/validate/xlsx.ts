/**
 * Tables read from Excel workbooks (`.xlsx`), so that nobody has to export CSV by hand: each cell
 * becomes the text a CSV export would hold, and goes through the same column builders, rules and
 * messages as a CSV cell; issues name the workbook, the sheet and the cell (`H12`).
 *
 * The workbook is read by `read-excel-file` (its `universal` entry: no `node:` import, no DOM, it
 * runs in a Web Worker), loaded on demand like arquero: a folder of CSV files never loads it.
 *
 * Which sheet is which table: a sheet named after a table (`marches`, `heures`…, any case); in a
 * workbook named after a table (`marches.xlsx`), its first sheet when none is named so. Other
 * sheets (a help sheet, the code lists of `npm run init`'s template) are not read.
 */
import { TABLES, type TableDef } from '../../schemas/index.ts';
import { csvMessages } from '../csv/messages.ts';
import { InternTable } from '../csv/intern.ts';
import { concatBytes } from '../release/bytes.ts';
import { columnLetter } from './cells.ts';
import type { ColumnResult } from '../columns/index.ts';
import type { FileReport, IssueCollector } from './report.ts';
import { checkTable } from './rules.ts';
import { columnBuilders, type FileSource, type TableResult } from './tables.ts';
import type { Bilingual } from '../lang.ts';

/** A sheet of a workbook: rows of cell values (`null` for an empty cell), row `r` is Excel's row `r + 1`. */
export interface Sheet {
  name: string;
  rows: readonly (readonly unknown[] | null | undefined)[];
}

/** True for a file name the validator reads as a workbook. */
export const isWorkbook = (name: string) => /\.xlsx$/i.test(name);

/** Spreadsheet formats the validator does not read (it says so, and how to save as `.xlsx`). */
export const OTHER_SPREADSHEET = /\.(xls|xlsm|xlsb|ods|numbers)$/i;

async function bytesOf(source: FileSource): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return source;
  if (source instanceof Blob) return new Uint8Array(await source.arrayBuffer());
  const pieces: Uint8Array[] = [];
  // A piece may be reused once the next is asked for: copy each.
  for await (const piece of source.chunks()) pieces.push(piece.slice());
  return concatBytes(pieces);
}

/**
 * The sheets of a workbook, or why it cannot be read. The archive is unpacked here and handed to
 * the reader uncompressed: its own unpacking inflates big entries in Web Workers made from `blob:`
 * addresses, which the site's Content-Security-Policy (`worker-src 'self'`) forbids, and in Node
 * on worker threads. Only the XML parts are kept (no images).
 */
export async function readWorkbook(source: FileSource): Promise<{ sheets: Sheet[] } | { error: Bilingual }> {
  let stored: Uint8Array;
  // Loaded with the first workbook, like the reader: a folder of CSV files never loads them.
  const { unzipSync, zipSync } = await import('fflate');
  try {
    const entries = unzipSync(await bytesOf(source), { filter: (f) => /\.(xml|rels)$/i.test(f.name) });
    stored = zipSync(entries, { level: 0 });
  } catch (e) {
    const cause = (e as Error).message;
    return {
      error: {
        fr: `ce n'est pas une archive .xlsx (fichier abîmé, protégé par un mot de passe ou d'un autre format ?) : ${cause}.`,
        en: `it is not an .xlsx archive (a damaged file, protected by a password, or of another format?): ${cause}.`,
      },
    };
  }
  try {
    const { default: readXlsxFile } = await import('read-excel-file/universal');
    const buffer = stored.buffer.slice(stored.byteOffset, stored.byteOffset + stored.byteLength) as ArrayBuffer;
    const sheets = await readXlsxFile(buffer);
    return { sheets: sheets.map((s) => ({ name: s.sheet, rows: s.data })) };
  } catch (e) {
    const cause = (e as Error).message;
    return { error: { fr: `le lecteur de classeurs a échoué : ${cause}.`, en: `the workbook reader failed: ${cause}.` } };
  }
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * The text of a cell, as a CSV export would hold it: a date as `YYYY-MM-DD` (its day, whatever
 * the time), a whole number without exponent or decimals (an identifier, a SIRET), `oui`/`non`
 * for a TRUE/FALSE cell, a string as it is.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    // Excel stores a day as a number of days: rounding to the nearest day undoes float noise.
    const day = new Date(Math.round(value.getTime() / 86_400_000) * 86_400_000);
    return `${String(day.getUTCFullYear()).padStart(4, '0')}-${pad2(day.getUTCMonth() + 1)}-${pad2(day.getUTCDate())}`;
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) < 1e21) return BigInt(value).toString();
    return String(value);
  }
  // read-excel-file yields only the kinds above; anything else is written as JavaScript writes it.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return String(value);
}

/** The tables of a workbook's sheets: a sheet named after a table, else (in `marches.xlsx`) its first sheet. */
export function tablesOfWorkbook(file: string, sheets: readonly Sheet[]): { def: TableDef; sheet: Sheet }[] {
  const out: { def: TableDef; sheet: Sheet }[] = [];
  const base = file
    .replace(/\.xlsx$/i, '')
    .trim()
    .toLowerCase();
  for (const def of TABLES) {
    const sheet = sheets.find((s) => s.name.trim().toLowerCase() === def.name) ?? (base === def.name ? sheets[0] : undefined);
    if (sheet) out.push({ def, sheet });
  }
  return out;
}

const isEmptyRow = (row: readonly unknown[] | null | undefined) => !row || row.every((c) => cellText(c).trim() === '');

/** Whether a sheet has a row of data under its header (its first non-empty row). */
export function hasRows(sheet: Sheet): boolean {
  return sheet.rows.filter((r) => !isEmptyRow(r)).length > 1;
}

/**
 * Reads one table from a sheet and checks its own rules, as `readAndCheck` does for a CSV file:
 * the first non-empty row is the header, empty rows are skipped, every cell goes through its
 * column's builder with its row number, and issues name the sheet and the cell.
 */
export function readSheetTable(def: TableDef, file: string, sheet: Sheet, issues: IssueCollector): { read: FileReport; table?: TableResult } {
  const where = { file, sheet: sheet.name };
  const headerIndex = sheet.rows.findIndex((r) => !isEmptyRow(r));
  if (headerIndex < 0) {
    issues.add('csv.vide', file, { sheet: sheet.name, line: 1 }, undefined, csvMessages.vide());
    return { read: { ...where, rows: 0 } };
  }
  const headerLine = headerIndex + 1;
  const headerRow = sheet.rows[headerIndex]!;
  // Empty names at the end are Excel's formatted but empty columns: the table ends before them.
  let width = headerRow.length;
  while (width > 0 && cellText(headerRow[width - 1]).trim() === '') width--;
  const header = headerRow.slice(0, width).map((c) => cellText(c).trim());
  const seen = new Map<string, number>();
  header.forEach((name, k) => {
    const at = { sheet: sheet.name, line: headerLine, cell: `${columnLetter(k)}${headerLine}` };
    if (name === '') {
      issues.add('csv.entete_vide', file, at, undefined, csvMessages.enteteVide(headerLine, k + 1));
      return;
    }
    const first = seen.get(name.toLowerCase());
    if (first === undefined) seen.set(name.toLowerCase(), k + 1);
    else issues.add('csv.entete_double', file, { ...at, column: name, value: name }, undefined, csvMessages.enteteDouble(headerLine, k + 1, name, first));
  });
  const builders = columnBuilders(def, header, headerLine, issues, where);

  // Data rows: every non-empty row after the header, with its Excel row number.
  const rowIndexes: number[] = [];
  for (let r = headerIndex + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (isEmptyRow(row)) continue;
    rowIndexes.push(r);
    // A value right of the table's last named column would be lost: say so.
    for (let k = width; k < (row?.length ?? 0); k++) {
      if (cellText(row![k]).trim() === '') continue;
      issues.add('csv.champs_en_trop', file, { sheet: sheet.name, line: r + 1, cell: `${columnLetter(k)}${r + 1}` }, undefined, csvMessages.champsEnTrop(r + 1, width, k + 1));
      break;
    }
  }
  const rowLines = Uint32Array.from(rowIndexes, (r) => r + 1);
  const letters = new Map<string, string>();
  const columns = new Map<string, ColumnResult>();
  builders.forEach((b, k) => {
    if (!b) return;
    const cells = new InternTable();
    const ids = new Uint32Array(rowIndexes.length);
    rowIndexes.forEach((r, i) => (ids[i] = cells.idOfString(cellText(sheet.rows[r]?.[k]).trim())));
    b.expectRows(ids.length);
    b.pushIds(ids, cells, rowLines);
    if (b.field) {
      letters.set(b.name, columnLetter(k));
      columns.set(b.name, b.finish());
    }
  });
  const table: TableResult = { def, file, sheet: sheet.name, letters, rowCount: rowIndexes.length, rowLines, columns };
  checkTable(table, issues);
  return { read: { ...where, rows: rowIndexes.length }, table };
}
