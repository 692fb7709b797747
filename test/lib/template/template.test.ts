/**
 * What `npm run init` writes (src/lib/template): the metadata to complete, the Excel template of
 * the six tables with its drop-down code lists, the CSV templates and the guide, all generated
 * from the schemas, and read back by the validator as a new publisher would leave them.
 */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCsv, decodeBytes } from '../../../src/lib/csv/index.ts';
import { METADATA_KEYS } from '../../../src/lib/standard/metadata.ts';
import { publisherTemplate, TEMPLATE_WORKBOOK, TEMPLATES_DIR } from '../../../src/lib/template/index.ts';
import { validateDataset } from '../../../src/lib/validate/index.ts';
import { readWorkbook } from '../../../src/lib/validate/xlsx.ts';
import type { FieldDef } from '../../../src/schemas/field.ts';
import { METADATA_FILE, TABLES } from '../../../src/schemas/index.ts';
import { MetadonneesSchema } from '../../../src/schemas/metadonnees.ts';

const TODAY = '2024-03-15';
const files = publisherTemplate({ id: 'departement-exemple', today: TODAY });
const text = (path: string) => new TextDecoder().decode(files.get(path));

/** The template's metadata with every « À COMPLÉTER » replaced, as a publisher would. */
function filledMeta(): string {
  const meta = JSON.parse(text(METADATA_FILE)) as Record<string, unknown>;
  Object.assign(meta, {
    nom: "Département d'Ille-et-Vilaine",
    siret_acheteur: '22350001800013',
    territoire: 'Ille-et-Vilaine',
    code_region: '53',
    departements: ['35'],
    periode: { debut: '2022-01-01', fin: '2023-12-31' },
    contact: 'https://www.ille-et-vilaine.fr/clauses-sociales',
    profil: {
      formes: {
        fr: { nom: "le Département d'Ille-et-Vilaine", de_nom: "du Département d'Ille-et-Vilaine" },
        en: { nom: "the Département d'Ille-et-Vilaine", de_nom: "of the Département d'Ille-et-Vilaine" },
      },
      directions: [{ code: 'COLLEGES', fr: 'Collèges', en: 'Lower secondary schools' }],
    },
  });
  return JSON.stringify(meta, null, 2);
}

describe('a new publisher folder', () => {
  it('holds the metadata, the workbook, and the guide and CSV templates apart', () => {
    expect([...files.keys()]).toEqual([METADATA_FILE, TEMPLATE_WORKBOOK, `${TEMPLATES_DIR}/LISEZMOI.md`, ...TABLES.map((t) => `${TEMPLATES_DIR}/${t.file}`)]);
  });

  it('explains every key of the metadata schema in French, and leaves what the kit cannot know « À COMPLÉTER »', () => {
    const meta = JSON.parse(text(METADATA_FILE)) as Record<string, unknown>;
    const keys = Object.keys(meta).filter((k) => !k.startsWith('//'));
    expect(keys).toEqual(Object.keys(MetadonneesSchema.shape));
    expect(keys).toEqual(Object.keys(METADATA_KEYS));
    for (const k of keys) expect(meta[`//${k}`], k).toEqual(expect.any(String));
    expect(meta).toMatchObject({ id: 'departement-exemple', licence: 'Etalab-2.0', seuil_secret: 5, synthetique: false, version: '2024.1', date_publication: TODAY });
    expect(String(meta.nom)).toMatch(/^À COMPLÉTER : /);
  });

  it('is refused by the validator field by field until completed, then accepted as it is', async () => {
    const tables = Object.fromEntries([...files].filter(([p]) => p === TEMPLATE_WORKBOOK));
    const before = await validateDataset({ publisher: 'departement-exemple', today: TODAY, meta: text(METADATA_FILE), files: tables });
    expect(before.report.summary.map((s) => [s.rule, s.count])).toEqual([
      // 8 fields, and the 4 name forms and the one directorate of `profil` (the kit never guesses an article).
      ['meta.a_completer', 13],
      ['meta.controles_non_faits', 3],
    ]);
    const after = await validateDataset({ publisher: 'departement-exemple', today: TODAY, meta: filledMeta(), files: tables });
    expect(after.report.issues).toEqual([]);
    expect(after.ok).toBe(true);
    expect(after.report.files.map((f) => [f.file, f.sheet, f.rows])).toEqual(TABLES.map((t) => [TEMPLATE_WORKBOOK, t.name, 0]));
  });

  it('has CSV templates French Excel opens: a BOM, `;`, CRLF, the columns of the contract', () => {
    for (const t of TABLES) {
      const bytes = files.get(`${TEMPLATES_DIR}/${t.file}`)!;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = parseCsv(decodeBytes(bytes).text);
      expect(csv.delimiter).toBe(';');
      expect(csv.header).toEqual(Object.keys(t.fields));
      expect(csv.rowCount).toBe(0);
      expect(new TextDecoder().decode(bytes)).toMatch(/\r\n$/);
    }
  });
});

describe('the Excel template', () => {
  const xlsx = files.get(TEMPLATE_WORKBOOK)!;
  const parts = unzipSync(xlsx);
  const xml = (path: string) => new TextDecoder().decode(parts[path]);

  it('has a help sheet, one sheet per table with its header, and the code lists', async () => {
    const read = await readWorkbook(xlsx);
    if ('error' in read) throw new Error(read.error.en);
    expect(read.sheets.map((s) => s.name)).toEqual(['Lisez-moi', ...TABLES.map((t) => t.name), 'listes']);
    for (const t of TABLES) expect(read.sheets.find((s) => s.name === t.name)!.rows[0]).toEqual(Object.keys(t.fields));
  });

  it('offers a drop-down list of the codes in every code column, and yes/no where a column is yes/no', () => {
    const workbook = xml('xl/workbook.xml');
    TABLES.forEach((t, i) => {
      const sheet = xml(`xl/worksheets/sheet${i + 2}.xml`);
      Object.entries(t.fields as Readonly<Record<string, FieldDef>>).forEach(([name, f], c) => {
        const col = String.fromCharCode(65 + c);
        const validation = new RegExp(`<dataValidation [^>]*sqref="${col}2:${col}1048576"(?:/>|><formula1>([^<]*)</formula1>)`).exec(sheet);
        expect(validation, `${t.name}.${name}`).not.toBeNull();
        const formula = validation![1];
        if (f.values) {
          expect(formula).toBe(`liste_${t.name}_${name}`);
          // The list's range on the « listes » sheet has exactly the codes.
          const range = new RegExp(`<definedName name="${formula}">listes!\\$([A-Z]+)\\$2:\\$[A-Z]+\\$(\\d+)</definedName>`).exec(workbook);
          expect(range, formula).not.toBeNull();
          expect(Number(range![2]) - 1).toBe(f.values.length);
        } else if (f.kind === 'boolean') expect(formula).toBe('"oui,non"');
        else expect(formula).toBeUndefined();
      });
    });
  });

  it('formats identifiers, codes and months as text and dates as dates, so Excel keeps them as typed', () => {
    const sheet = xml('xl/worksheets/sheet2.xml'); // marches
    const style = (c: number) => new RegExp(`<col min="${c}" max="${c}" [^>]*style="(\\d)"`).exec(sheet)![1];
    const columns = Object.keys(TABLES[0].fields);
    expect(style(columns.indexOf('id_acheteur') + 1)).toBe('2');
    expect(style(columns.indexOf('departement') + 1)).toBe('2');
    expect(style(columns.indexOf('date_notification') + 1)).toBe('3');
    expect(style(columns.indexOf('montant') + 1)).toBe('0');
    expect(xml('xl/styles.xml')).toContain('<xf numFmtId="49" fontId="0"');
  });

  it('is the same bytes for the same day', () => {
    expect(publisherTemplate({ id: 'departement-exemple', today: TODAY }).get(TEMPLATE_WORKBOOK)).toEqual(xlsx);
  });
});
