import { columnName } from '../cell-names.ts';
import { cellText, inPieces, neutralise } from './csv.ts';
import { concatBytes, utf8 } from './bytes.ts';
import type { Valeur } from '../tables/types.ts';
import { lazy, type FileBody } from './body.ts';
import { zipPieces } from './zip.ts';

/**
 * A minimal SpreadsheetML (.xlsx) writer. Written here rather than with a library because the
 * workbook must be byte-identical between builds: no creation date in docProps, fixed zip dates.
 * Cells: numbers as numbers, booleans as booleans, text as inline strings (formula-neutralised),
 * empty for missing; the header row is bold and frozen.
 */
export interface Sheet {
  /** At most 31 characters, none of `[]:*?/\`. */
  name: string;
  /** The rows, read once per workbook made (a table's rows can be given as they are formatted). */
  rows: Iterable<Valeur[]>;
  /** Bold, frozen first row. */
  header?: boolean;
}

/** The SpreadsheetML namespaces and the XML declaration every part starts with. */
export const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Fonts: regular, then bold (`fontId` 1), then more if given; fills: none, gray125, then more. */
export function baseStyles(extra: { fonts?: readonly string[]; fills?: readonly string[]; numFmts?: string; cellXfs: readonly string[] }): string {
  const fonts = ['<font><sz val="11"/><name val="Calibri"/></font>', '<font><b/><sz val="11"/><name val="Calibri"/></font>', ...(extra.fonts ?? [])];
  const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>', ...(extra.fills ?? [])];
  return (
    `${XML}<styleSheet xmlns="${NS}">${extra.numFmts ?? ''}` +
    `<fonts count="${fonts.length}">${fonts.join('')}</fonts><fills count="${fills.length}">${fills.join('')}</fills>` +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${extra.cellXfs.length}">${extra.cellXfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

/**
 * The parts of a workbook besides its sheets and styles, as paths → XML: content types,
 * relationships, and `xl/workbook.xml` listing the sheets (`workbookExtra` goes after them:
 * defined names…). Sheet `i` is `xl/worksheets/sheet<i + 1>.xml`; styles are `xl/styles.xml`.
 */
export function packageParts(names: readonly string[], workbookExtra = '', bookViews = ''): [string, string][] {
  return [
    [
      '[Content_Types].xml',
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '</Types>',
    ],
    [
      '_rels/.rels',
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `${XML}<workbook xmlns="${NS}" xmlns:r="${REL}">${bookViews}<sheets>` +
        names.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        `</sheets>${workbookExtra}</workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${names.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ],
  ];
}

/** Escape text for XML, dropping the control characters XML 1.0 forbids. */
export function xmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export { columnName };

function cell(value: Valeur, ref: string, style: string): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${cellText(value)}</v></c>` : '';
  if (typeof value === 'boolean') return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlText(neutralise(value))}</t></is></c>`;
}

/** The worksheet's XML in pieces of `ROWS_PER_PIECE` rows (csv.ts), as UTF-8 bytes. */
function* sheetXml(sheet: Sheet): Generator<Uint8Array> {
  const view = sheet.header
    ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
    : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  yield utf8(`${XML}<worksheet xmlns="${NS}" xmlns:r="${REL}">${view}<sheetData>`);
  let r = 0;
  const xml = (row: Valeur[]) => {
    const style = sheet.header && r === 0 ? ' s="1"' : '';
    r++;
    return `<row r="${r}">${row.map((v, c) => cell(v, `${columnName(c)}${r}`, style)).join('')}</row>`;
  };
  for (const rows of inPieces(sheet.rows)) yield utf8(rows.map(xml).join(''));
  yield utf8('</sheetData></worksheet>');
}

const STYLES = baseStyles({
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'],
});

/** Unique, valid sheet names from wished names (truncated to 31 characters, numbered on collision). */
export function sheetNames(wished: readonly string[]): string[] {
  const used = new Set<string>();
  return wished.map((w) => {
    const base = w.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || 'Feuille';
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** The .xlsx bytes of a workbook; `mtime` dates the zip entries (see `archiveTime`). */
export function toXLSX(sheets: readonly Sheet[], mtime: Date): Uint8Array {
  return concatBytes([...xlsxPieces(sheets, mtime)]);
}

/** The .xlsx file in pieces, each worksheet written and deflated a piece at a time. */
export function xlsxPieces(sheets: readonly Sheet[], mtime: Date): Generator<Uint8Array> {
  const names = sheetNames(sheets.map((s) => s.name));
  const files: [string, FileBody][] = packageParts(names).map(([path, text]) => [path, utf8(text)]);
  const add = (path: string, text: string) => files.push([path, utf8(text)]);
  add('xl/styles.xml', STYLES);
  sheets.forEach((s, i) => files.push([`xl/worksheets/sheet${i + 1}.xml`, lazy(() => sheetXml(s))]));
  return zipPieces(files, mtime);
}
