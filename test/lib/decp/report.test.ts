import { describe, expect, it } from 'vitest';
import { importDecp } from '../../../src/lib/decp/import.ts';
import { mergeMarches } from '../../../src/lib/decp/merge.ts';
import { formatImportReport, MAX_LISTED, skippedByReason, type ImportReport } from '../../../src/lib/decp/report.ts';
import { CONTRACTOR_IDS, DEPARTEMENTS, PERIODE, SALT, SIRET, fixture } from './helpers.ts';

async function reportOf(json: unknown, outcome: ImportReport['outcome'] = 'written'): Promise<ImportReport> {
  const imp = await importDecp(json, { siret: SIRET, salt: SALT, departements: DEPARTEMENTS, periode: PERIODE });
  const { text: _text, ...merge } = mergeMarches(imp.marches);
  return { editeur: 'x', siret: SIRET, file: 'decp.json', target: 'data/x/marches.csv', outcome, import: imp, merge };
}

describe('the text report', async () => {
  const report = await reportOf(fixture('v2-tableau.json'));

  it('reads in French', () => {
    const pseudo = report.import.marches[0]!.values.id_titulaire;
    expect(formatImportReport(report, 'fr')).toBe(
      [
        `Import DECP — x (SIRET ${SIRET})`,
        'decp.json — format tableau « marches » (DECP v2 en tableau ou format antérieur) — 3 enregistrement(s) lu(s), dont contrat(s) de concession : 1',
        '',
        'Importés : 2 — 2 nouveau(x), 0 mis à jour, 0 inchangé(s)',
        '  + 2025-010, 2025-011',
        '',
        'Non importés : 1',
        '  Contrat de concession (1) :',
        '    2025-C01 (contrats-concession n° 1) — Contrat de concession : la table des marchés ne reçoit que des marchés publics.',
        '',
        'Remarques :',
        "  2025-011 : Lieu d'exécution « FR » (Code pays) : département non déduit, à remplir. Aucun titulaire dans les DECP : id_titulaire reste vide.",
        '',
        'À compléter dans marches.csv (absent des DECP) :',
        '  id_operation, heures_prevues, direction, id_facilitateur : 2025-010, 2025-011',
        '  departement, id_titulaire : 2025-011',
        '',
        'Écrit : data/x/marches.csv (2 ligne(s))',
        '',
      ].join('\n'),
    );
    expect(pseudo).toMatch(/^ED/);
  });

  it('reads in English', () => {
    const en = formatImportReport(report, 'en');
    expect(en).toContain('Imported: 2 — 2 new, 0 updated, 0 unchanged');
    expect(en).toContain('  Concession contract (1):');
    expect(en).toContain('2025-C01 (contrats-concession no. 1) — Concession contract');
    expect(en).toContain('To fill in marches.csv (not in the DECP):');
    expect(en).toContain('Written: data/x/marches.csv (2 row(s))');
  });

  it('says when nothing is written', async () => {
    const dry = await reportOf(fixture('v2-tableau.json'), 'dry-run');
    expect(formatImportReport(dry, 'fr')).toContain('Simulation (--dry-run) : rien n’est écrit.');
    expect(formatImportReport(dry, 'en')).toContain('Dry run (--dry-run): nothing is written.');
    const same = await reportOf(fixture('v2-tableau.json'), 'unchanged');
    expect(formatImportReport(same, 'fr')).toContain('Rien à changer, fichier laissé tel quel : data/x/marches.csv');
    expect(formatImportReport(same, 'en')).toContain('Nothing to change, file left as it is: data/x/marches.csv');
  });
});

describe('the report of a file with every skip reason', async () => {
  const report = await reportOf(fixture('v2-objet.json'));
  const fr = formatImportReport(report, 'fr');

  it('lists every reason with its ids', () => {
    for (const line of [
      '  Enregistrement incomplet ou invalide (1) :',
      '    2024-006 (marches.marche n° 6) — Champs manquants ou invalides : codeCPV « 4521 » invalide, montant absent.',
      '  Autre acheteur (1) :',
      `    Acheteur 20000000000001, différent du SIRET de l'éditeur (${SIRET}). × 1`,
      '  Contrat de concession (1) :',
      '  Identifiant en double (1) :',
      '    2024-001 (marches.marche n° 1) — Même identifiant que marches.marche n° 7',
      '  Sans considération sociale (1) :',
      '    2024-004 (marches.marche n° 4)',
      '  Hors de la période des métadonnées (1) :',
      '    2019-009 (marches.marche n° 9)',
    ]) {
      expect(fr).toContain(line);
    }
    expect(Object.values(skippedByReason(report.import.skipped)).map((s) => s.length)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('never prints a contractor identifier', () => {
    for (const text of [fr, formatImportReport(report, 'en'), JSON.stringify(report)]) {
      for (const id of CONTRACTOR_IDS) expect(text).not.toContain(id);
    }
  });
});

describe('long lists', () => {
  it('are cut in the text and complete in the JSON', async () => {
    const other = Array.from({ length: MAX_LISTED + 5 }, (_, i) => ({ id: `A-${i}`, acheteur: { id: '20000000000001' } }));
    const mine = Array.from({ length: MAX_LISTED + 2 }, (_, i) => ({ id: `B-${i}`, acheteur: { id: SIRET }, considerationsSociales: ['Pas de considération sociale'] }));
    const report = await reportOf({ marches: [...other, ...mine] });
    const fr = formatImportReport(report, 'fr');
    // Other buyers: one line per buyer, not per record.
    expect(fr).toContain(`  Autre acheteur (${MAX_LISTED + 5}) :\n    Acheteur 20000000000001, différent du SIRET de l'éditeur (${SIRET}). × ${MAX_LISTED + 5}\n`);
    expect(fr).toContain(`    … (+2 autre(s) : voir --json)`);
    expect(report.import.skipped).toHaveLength(2 * MAX_LISTED + 7);
  });
});
