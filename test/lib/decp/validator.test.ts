/**
 * The import's output goes through the real validator: once the buyer fills the columns DECP
 * cannot give, the publisher folder is valid. Uses the hand-written `valide/` folder of the
 * validator tests as the buyer's existing data.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/lib/csv/index.ts';
import { importDecp } from '../../../src/lib/decp/import.ts';
import { MARCHES_COLUMNS, mergeMarches } from '../../../src/lib/decp/merge.ts';
import { validateDataset } from '../../../src/lib/validate/index.ts';
import { fixtureInput } from '../validate/fixtures.ts';
import { SALT, SIRET } from './helpers.ts';

const decp = {
  marches: {
    marche: [
      {
        id: 'M18-100',
        acheteur: { id: SIRET },
        nature: 'Marché',
        objet: 'Lycée Jules Verne — lot 9 peinture',
        codeCPV: '45442100-8',
        procedure: 'Procédure adaptée',
        lieuExecution: { code: '44300', typeCode: 'Code postal' },
        dureeMois: 6,
        dateNotification: '2018-02-01',
        montant: 84000,
        titulaires: [{ titulaire: { typeIdentifiant: 'SIRET', id: '11111111100011' } }],
        considerationsSociales: { considerationSociale: ['Clause sociale', 'Critère social'] },
      },
    ],
  },
};

describe('import output and the validator', () => {
  it('a merged folder is valid once the buyer columns and the company are filled', async () => {
    const { meta, files } = fixtureInput();
    const imported = await importDecp(decp, { siret: SIRET, salt: SALT, departements: ['44', '49', '53', '72', '85'], periode: { debut: '2017-01-01', fin: '2018-12-31' } });
    const merged = mergeMarches(imported.marches, { existing: files['marches.csv'] });
    expect(merged.added).toEqual(['M18-100']);

    // Without the buyer columns, the validator says exactly what is missing (id_operation may stay
    // empty: a contract outside any operation).
    const before = await validateDataset({ publisher: 'valide', meta, files: { ...files, 'marches.csv': new TextEncoder().encode(merged.text) } });
    expect(before.ok).toBe(false);
    const missing = before.report.issues.filter((i) => i.file === 'marches.csv').map((i) => `${i.rule} ${i.column}`);
    expect(new Set(missing)).toEqual(new Set(['valeur.manquante heures_prevues', 'valeur.manquante direction', 'valeur.manquante id_facilitateur', 'reference.introuvable id_titulaire']));

    // The buyer fills them.
    const csv = parseCsv(merged.text.replace(/^\ufeff/, ''));
    const last = csv.rowCount - 1;
    const set = (column: string, value: string) => (csv.columns[csv.header.indexOf(column)]![last] = value);
    set('id_operation', 'OP-01');
    set('heures_prevues', '120');
    set('direction', 'LYCEES');
    set('id_facilitateur', 'FAC-44');
    const lines = [
      csv.header.join(';'),
      ...Array.from({ length: csv.rowCount }, (_, r) =>
        MARCHES_COLUMNS.map((_, c) => csv.columns[c]![r]!)
          .map((v) => (/[;"]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v))
          .join(';'),
      ),
    ];
    const pseudonym = imported.marches[0]!.values.id_titulaire!;
    const entreprises = new TextDecoder().decode(files['entreprises.csv']).trimEnd() + `\n${pseudonym},PME,F,44\n`;

    const after = await validateDataset({
      publisher: 'valide',
      meta,
      files: { ...files, 'marches.csv': new TextEncoder().encode(lines.join('\n') + '\n'), 'entreprises.csv': new TextEncoder().encode(entreprises) },
    });
    expect(after.report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(after.ok).toBe(true);
    expect(after.dataset!.marches.numRows()).toBe(csv.rowCount);
  });
});
