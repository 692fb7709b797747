/**
 * Tables read from Excel workbooks (src/lib/validate/xlsx.ts): the same data as CSV gives the same
 * dataset; a problem names the workbook, the sheet and the cell; an empty template sheet next to
 * the real source is no second source. Workbooks of test/fixtures/xlsx/ (written by
 * write-excel-file from valide/, see test/fixtures/README.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publisherTemplate, TEMPLATE_WORKBOOK } from '../../../src/lib/template/index.ts';
import { formatIssue, validateDataset } from '../../../src/lib/validate/index.ts';
import { cellText, tablesOfWorkbook } from '../../../src/lib/validate/xlsx.ts';
import { TABLES } from '../../../src/schemas/index.ts';
import { FIXTURES, fixtureInput, TODAY } from './fixtures.ts';
import { expectTableEqual } from '../../table-equal.ts';

const workbook = (path: string) => new Uint8Array(readFileSync(join(FIXTURES, 'xlsx', path)));
const tableFiles = new Set<string>(TABLES.map((t) => t.file));

describe('cells as a CSV export holds them', () => {
  it('writes dates as their day, whole numbers without exponent, TRUE/FALSE as oui/non', () => {
    expect(cellText(new Date(Date.UTC(2022, 3, 1)))).toBe('2022-04-01');
    expect(cellText(new Date(Date.UTC(2022, 2, 31, 23, 59, 59, 999)))).toBe('2022-04-01'); // float noise of a day count
    expect(cellText(23440003400026)).toBe('23440003400026');
    expect(cellText(1e21)).toBe('1e+21');
    expect(cellText(151.67)).toBe('151.67');
    expect(cellText(true)).toBe('oui');
    expect(cellText(null)).toBe('');
  });

  it('finds a table in the sheet named after it, or in the first sheet of a workbook named after it', () => {
    const sheet = (name: string) => ({ name, rows: [] });
    expect(tablesOfWorkbook('donnees.xlsx', [sheet('Lisez-moi'), sheet(' Heures '), sheet('listes')]).map((t) => [t.def.name, t.sheet.name])).toEqual([['heures', ' Heures ']]);
    expect(tablesOfWorkbook('Marches.xlsx', [sheet('Feuil1'), sheet('Feuil2')]).map((t) => [t.def.name, t.sheet.name])).toEqual([['marches', 'Feuil1']]);
    expect(tablesOfWorkbook('export.xlsx', [sheet('Feuil1')])).toEqual([]);
  });
});

describe('a folder of workbooks', () => {
  it('gives the same dataset as the same tables in CSV', async () => {
    const csv = fixtureInput();
    const fromCsv = await validateDataset({ publisher: 'valide', today: TODAY, ...csv });
    const fromXlsx = await validateDataset({ publisher: 'valide', today: TODAY, meta: csv.meta, files: { 'donnees.xlsx': workbook('valide/donnees.xlsx') } });
    expect(fromXlsx.report.issues).toEqual([]);
    expect(fromXlsx.report.files.map((f) => `${f.file} › ${f.sheet}: ${f.rows}`)).toEqual(TABLES.map((t) => `donnees.xlsx › ${t.name}: ${fromCsv.report.files.find((f) => f.file === t.file)!.rows}`));
    for (const t of TABLES) expectTableEqual(fromXlsx.dataset![t.name], fromCsv.dataset![t.name], t.name);
  });

  it('names the workbook, the sheet and the cell of a problem, in both languages', async () => {
    const { meta, files } = fixtureInput();
    delete files['marches.csv'];
    const { report } = await validateDataset({ publisher: 'valide', today: TODAY, meta, files: { ...files, 'marches.xlsx': workbook('erreurs/marches.xlsx') } });
    expect(report.issues.filter((i) => i.rule !== 'fichier.encodage').flatMap((i) => [formatIssue(i, 'fr'), formatIssue(i, 'en')])).toMatchInlineSnapshot(`
      [
        "marches.xlsx, feuille Feuil1, cellule H10 [date_notification] « 20-04-2018 » date.format — Date illisible : écrire AAAA-MM-JJ (2018-03-31) ou JJ/MM/AAAA (31/03/2018).",
        "marches.xlsx, sheet Feuil1, cell H10 [date_notification] "20-04-2018" date.format — Unreadable date: write YYYY-MM-DD (2018-03-31) or DD/MM/YYYY (31/03/2018).",
        "marches.xlsx, feuille Feuil1, cellule B13 [id_acheteur] « 23440003400062 » siret.cle — La clé de contrôle du SIRET est fausse (le SIREN est juste : l'erreur est dans les 5 derniers chiffres).",
        "marches.xlsx, sheet Feuil1, cell B13 [id_acheteur] "23440003400062" siret.cle — The SIRET check digit is wrong (the SIREN is right: the error is in the last 5 digits).",
      ]
    `);
  });

  it('takes a table from its CSV file when the template sheet of it is left empty', async () => {
    const { meta, files } = fixtureInput();
    const template = publisherTemplate({ id: 'valide', today: TODAY }).get(TEMPLATE_WORKBOOK)!;
    const { ok, report } = await validateDataset({ publisher: 'valide', today: TODAY, meta, files: { ...files, [TEMPLATE_WORKBOOK]: template } });
    expect(report.summary.map((s) => s.rule)).toEqual(['fichier.encodage']);
    expect(ok).toBe(true);
    expect(report.files.every((f) => tableFiles.has(f.file))).toBe(true);
  });
});
