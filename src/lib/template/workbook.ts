/**
 * The Excel template of the six tables (`donnees.xlsx`), generated from the schemas: a
 * « Lisez-moi » sheet, one sheet per table named after it (the validator reads a workbook's
 * sheets by these names, src/lib/validate/xlsx.ts), and a « listes » sheet of the code lists.
 *
 * In each table's sheet: the header row (bold, frozen); every column formatted for what it holds
 * (identifiers, SIRET, codes and months as Text, so that Excel neither drops a leading zero nor
 * writes `2,35E+13`; dates as dates); a message shown when a cell is selected (what the column
 * holds, an example); and for code columns a drop-down list of the allowed codes (a strict list,
 * except multi-code columns, where several codes separated by `|` must stay possible).
 *
 * Written by hand, like the release's workbooks (src/lib/release/xlsx.ts): no library writes data
 * validations from this shape, and the same schemas give the same bytes.
 */
import { zipSync } from 'fflate';
import type { Enumeration } from '../../schemas/enums.ts';
import type { FieldDef } from '../../schemas/field.ts';
import { TABLES, type TableDef } from '../../schemas/index.ts';
import { baseStyles, columnName, NS, packageParts, REL, XML, xmlText } from '../release/xlsx.ts';

/** Name of the workbook `npm run init` writes in the publisher's folder. */
export const TEMPLATE_WORKBOOK = 'donnees.xlsx';
/** Sheets that are not tables (the validator does not read them). */
export const HELP_SHEET = 'Lisez-moi';
export const LISTS_SHEET = 'listes';

/** Last row a validation or a format covers (Excel's last row). */
const LAST_ROW = 1_048_576;

// Cell styles (indexes of `cellXfs` in STYLES).
const STYLE = { normal: 0, header: 1, text: 2, date: 3, wrap: 4, title: 5 } as const;

const STYLES = baseStyles({
  numFmts: '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>',
  fonts: ['<font><b/><sz val="14"/><name val="Calibri"/></font>'],
  fills: ['<fill><patternFill patternType="solid"><fgColor rgb="FFDDE7F3"/><bgColor indexed="64"/></patternFill></fill>'],
  cellXfs: [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    '<xf numFmtId="49" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"/>',
    '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>',
    '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
  ],
});

/** A text cell (inline string). */
const textCell = (ref: string, text: string, style: number) => `<c r="${ref}"${style ? ` s="${style}"` : ''} t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;

/** Excel's limits on a validation's input message: title 32 characters, text 255. */
const cut = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/** Style of a column's cells: text for what Excel would otherwise turn into a number or a date. */
function columnStyle(field: FieldDef): number {
  if (field.kind === 'date') return STYLE.date;
  if (field.kind === 'number' || field.kind === 'integer' || field.kind === 'boolean') return STYLE.normal;
  return STYLE.text;
}

/** The defined name of a code list (`liste_segment`). */
const listName = (table: string, column: string) => `liste_${table}_${column}`;

interface CodeList {
  name: string;
  table: string;
  column: string;
  values: Enumeration;
}

/** Every code list of the contract, one per code column (a list's place in the « listes » sheet). */
function codeLists(): CodeList[] {
  return TABLES.flatMap((t) =>
    Object.entries(t.fields as Readonly<Record<string, FieldDef>>)
      .filter(([, f]) => f.values !== undefined)
      .map(([column, f]) => ({ name: listName(t.name, column), table: t.name, column, values: f.values! })),
  );
}

/** A table's sheet: header, column formats and widths, input messages and drop-down lists. */
function tableSheet(def: TableDef): string {
  const fields = Object.entries(def.fields as Readonly<Record<string, FieldDef>>);
  const cols = fields
    .map(([name, f], i) => {
      const width = Math.min(45, Math.max(12, name.length + 4, f.example.length + 2));
      return `<col min="${i + 1}" max="${i + 1}" width="${width}" style="${columnStyle(f)}" customWidth="1"/>`;
    })
    .join('');
  const header = `<row r="1">${fields.map(([name], i) => textCell(`${columnName(i)}1`, name, STYLE.header)).join('')}</row>`;
  const validations = fields.map(([name, f], i) => {
    const col = columnName(i);
    const sqref = `${col}2:${col}${LAST_ROW}`;
    const required = f.required ? 'Obligatoire. ' : 'Facultatif. ';
    const prompt = cut(`${required}${f.description.fr} Exemple : ${f.example}`.replace(/`/g, ''), 255);
    const message = `showInputMessage="1" promptTitle="${xmlText(cut(f.title.fr, 32))}" prompt="${xmlText(prompt)}"`;
    if (f.values) {
      // Several codes (`RSA|QPV`) are typed by hand: the list only suggests, it does not forbid.
      const strict = f.kind === 'code';
      const error = strict
        ? ` showErrorMessage="1" errorTitle="Code inconnu" error="${xmlText(cut('Choisissez une valeur de la liste (feuille « listes » : codes et libellés).', 255))}"`
        : ' showErrorMessage="1" errorStyle="information" errorTitle="Plusieurs codes ?" error="Plusieurs codes se séparent par | (RSA|QPV)."';
      return `<dataValidation type="list" allowBlank="1"${error} ${message} sqref="${sqref}"><formula1>${listName(def.name, name)}</formula1></dataValidation>`;
    }
    if (f.kind === 'boolean') {
      return `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="oui ou non" error="Écrivez oui ou non." ${message} sqref="${sqref}"><formula1>"oui,non"</formula1></dataValidation>`;
    }
    return `<dataValidation allowBlank="1" ${message} sqref="${sqref}"/>`;
  });
  return (
    `${XML}<worksheet xmlns="${NS}" xmlns:r="${REL}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<cols>${cols}</cols><sheetData>${header}</sheetData>` +
    `<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>` +
    '</worksheet>'
  );
}

/** The « listes » sheet: per code column, its codes then their French and English labels. */
function listsSheet(lists: readonly CodeList[]): { xml: string; names: [string, string][] } {
  const rows: string[][] = [];
  const names: [string, string][] = [];
  lists.forEach((list, k) => {
    const [code, fr, en] = [columnName(3 * k), columnName(3 * k + 1), columnName(3 * k + 2)];
    const set = (r: number, col: string, text: string, style = 0) => (rows[r] ??= []).push(textCell(`${col}${r + 1}`, text, style));
    set(0, code, `${list.table}.${list.column}`, STYLE.header);
    set(0, fr, 'libellé', STYLE.header);
    set(0, en, 'label', STYLE.header);
    list.values.forEach((v, i) => {
      set(i + 1, code, v.code, STYLE.text);
      set(i + 1, fr, v.fr);
      set(i + 1, en, v.en);
    });
    names.push([list.name, `${LISTS_SHEET}!$${code}$2:$${code}$${list.values.length + 1}`]);
  });
  const cols = lists.map((_, k) => `<col min="${3 * k + 1}" max="${3 * k + 1}" width="24" customWidth="1"/><col min="${3 * k + 2}" max="${3 * k + 3}" width="40" customWidth="1"/>`).join('');
  const data = rows.map((cells, r) => `<row r="${r + 1}">${cells.join('')}</row>`).join('');
  return {
    xml: `${XML}<worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>${cols}</cols><sheetData>${data}</sheetData></worksheet>`,
    names,
  };
}

/** The « Lisez-moi » sheet: one paragraph per row, French then English. */
function helpSheet(lines: readonly string[]): string {
  const data = lines.map((line, r) => `<row r="${r + 1}">${line === '' ? '' : textCell(`A${r + 1}`, line, r === 0 ? STYLE.title : STYLE.wrap)}</row>`).join('');
  return `${XML}<worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><cols><col min="1" max="1" width="120" customWidth="1"/></cols><sheetData>${data}</sheetData></worksheet>`;
}

/** What the « Lisez-moi » sheet says. */
export const HELP_LINES: readonly string[] = [
  'Modèle de saisie des clauses d’insertion — à lire avant de remplir',
  '',
  'Une feuille par table : marches, operations, facilitateurs, entreprises, participants, heures. Ne renommez ni les feuilles ni les colonnes de la première ligne : le validateur les reconnaît par leur nom.',
  'Une ligne par enregistrement, à partir de la ligne 2. Sélectionnez une cellule pour voir ce que la colonne attend et un exemple ; les colonnes de codes proposent une liste déroulante (la feuille « listes » donne chaque code avec son libellé).',
  'Dates : JJ/MM/AAAA. Mois (heures.mois) : MM/AAAA. Nombres : 1234,5, sans unité (le symbole € est accepté pour montant). Oui/non : oui ou non. Plusieurs codes : séparés par |, par exemple RSA|QPV.',
  'Personnes : un pseudonyme seulement (lettres puis chiffres, P000123), jamais de nom, date de naissance, adresse, téléphone ou numéro de sécurité sociale. Les feuilles participants et heures restent sur votre ordinateur : seuls des totaux protégés par le secret statistique sont publiés.',
  'Vérifier : enregistrez ce classeur dans le dossier data/<votre-id>/ (format .xlsx), puis lancez npm run validate -- data/<votre-id>, ou déposez-le sur la page « Vérifier vos fichiers » du site. Chaque problème est indiqué avec la feuille, la cellule et la façon de le corriger.',
  'Référence complète : docs/contrat-de-donnees.md.',
  '',
  'Insertion clauses entry template — read before filling in',
  'One sheet per table. Do not rename the sheets nor the first row’s columns: the validator finds them by name. One row per record, from row 2. Select a cell to see what the column expects and an example; code columns offer a drop-down list (the « listes » sheet gives each code with its labels).',
  'Dates: DD/MM/YYYY. Months: MM/YYYY. Numbers: 1234,5, no unit. Yes/no: oui or non. Several codes: separated by |. People: a pseudonym only, never identity data; participants and heures never leave your computer.',
  'Check: save the workbook in data/<your-id>/ (.xlsx) and run npm run validate -- data/<your-id>, or drop it on the site’s « Check your files » page. Reference: docs/data-contract.md.',
];

/**
 * The template workbook's bytes. `mtime` dates the archive's entries (a fixed date gives the same
 * bytes every time).
 */
export function templateWorkbook(mtime: Date): Uint8Array {
  const lists = codeLists();
  const { xml: listsXml, names } = listsSheet(lists);
  const sheets: [string, string][] = [[HELP_SHEET, helpSheet(HELP_LINES)], ...TABLES.map((t): [string, string] => [t.name, tableSheet(t)]), [LISTS_SHEET, listsXml]];
  const files: Record<string, Uint8Array> = {};
  const add = (path: string, text: string) => (files[path] = new TextEncoder().encode(text));
  const definedNames = `<definedNames>${names.map(([n, ref]) => `<definedName name="${n}">${xmlText(ref)}</definedName>`).join('')}</definedNames>`;
  // The workbook opens on the first table, not on the help sheet.
  for (const [path, text] of packageParts(
    sheets.map(([name]) => name),
    definedNames,
    '<bookViews><workbookView activeTab="1"/></bookViews>',
  ))
    add(path, text);
  add('xl/styles.xml', STYLES);
  sheets.forEach(([, xml], i) => add(`xl/worksheets/sheet${i + 1}.xml`, xml));
  return zipSync(files, { level: 9, mtime });
}
