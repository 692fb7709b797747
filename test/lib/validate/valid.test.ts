import { describe, expect, it } from 'vitest';
import { formatReport } from '../../../src/lib/validate/index.ts';
import { validateFixture } from './fixtures.ts';

describe('the valid fixture', () => {
  it('passes, with the Windows-1252 warning only', async () => {
    const { ok, report, dataset } = await validateFixture();
    expect(ok).toBe(true);
    expect(dataset).toBeDefined();
    expect(report.errorCount).toBe(0);
    expect(report.issues.map((i) => [i.rule, i.file])).toEqual([['fichier.encodage', 'marches.csv']]);
    expect(report.files).toEqual([
      { file: 'marches.csv', encoding: 'windows-1252', delimiter: ';', rows: 12 },
      { file: 'operations.csv', encoding: 'utf-8', delimiter: ';', rows: 6 },
      { file: 'facilitateurs.csv', encoding: 'utf-8', delimiter: ',', rows: 4 },
      { file: 'entreprises.csv', encoding: 'utf-8', delimiter: ',', rows: 12 },
      { file: 'participants.csv', encoding: 'utf-8', delimiter: ',', rows: 12 },
      { file: 'heures.csv', encoding: 'utf-8', delimiter: ';', rows: 20 },
    ]);
  });

  it('gives arquero tables with normalised values', async () => {
    const { dataset } = await validateFixture();
    if (!dataset) throw new Error('valid');
    expect(dataset.meta.seuil_secret).toBe(5);
    // Windows-1252 text, DECP labels, dd/mm/yyyy, decimal commas and thousands spaces.
    expect(dataset.marches.object(0)).toEqual({
      id_marche: 'M17-001-L01',
      id_acheteur: '23440003400026',
      id_operation: 'OP-01',
      objet: 'Lycée Jules Verne — lot 1 gros œuvre',
      code_cpv: '45214220-8',
      segment: 'TRAVAUX',
      procedure: 'APPEL_OFFRES_OUVERT',
      date_notification: '2017-03-14',
      duree_mois: 18,
      montant: 1254300,
      considerations_sociales: ['CLAUSE_SOCIALE'],
      type_clause: 'EXECUTION',
      critere_attribution: false,
      heures_prevues: 1200,
      direction: 'LYCEES',
      departement: '44',
      id_facilitateur: 'FAC-44',
      id_titulaire: 'E00101',
    });
    expect(dataset.marches.array('montant')[2]).toBe(186500.5);
    expect(dataset.marches.array('segment')[1]).toBe('TRAVAUX'); // written "travaux"
    expect(dataset.marches.array('considerations_sociales')[2]).toEqual(['CLAUSE_SOCIALE', 'CRITERE_SOCIAL']);
    expect(dataset.operations.array('departement')[4]).toBe('85'); // written "Vendée"
    expect(dataset.facilitateurs.array('type_facilitateur')).toEqual(['MAISON_EMPLOI', 'PLIE', 'COLLECTIVITE', 'AUTRE']);
    expect(dataset.facilitateurs.array('nom_facilitateur')[2]).toBe('Le Mans Métropole, service emploi');
    expect(dataset.entreprises.array('departement')).toEqual(['44', '49', null, '49', '44', '72', '85', '35', null, '53', '72', '85']);
    // "SENIOR, DETLD" in a quoted cell: codes in enumeration order.
    expect(dataset.participants.array('publics')[3]).toEqual(['DETLD', 'SENIOR']);
    expect(dataset.participants.array('tranche_age')[7]).toBe('MOINS_26'); // written "Moins de 26 ans"
    expect(dataset.participants.array('qpv')[5]).toBe(true); // written "o"
    // "p000012" and "etti" in heures.csv are the same participant and structure as elsewhere.
    expect(dataset.heures.object(18)).toEqual({
      id_participant: 'P000012',
      id_marche: 'M18-005',
      mois: '2018-08',
      heures: 70,
      type_contrat: 'CTTI',
      modalite: 'MISE_A_DISPOSITION',
      type_structure: 'ETTI',
    });
    expect(dataset.heures.array('mois')[2]).toBe('2017-05'); // written 05/2017
    expect(dataset.heures.numRows()).toBe(20);
  });

  it('prints a report in French and in English', async () => {
    const { report } = await validateFixture();
    expect(formatReport(report, 'fr')).toMatchInlineSnapshot(`
      "Rapport de validation — valide

      Fichiers :
        marches.csv — windows-1252, séparateur « ; », 12 lignes
        operations.csv — utf-8, séparateur « ; », 6 lignes
        facilitateurs.csv — utf-8, séparateur « , », 4 lignes
        entreprises.csv — utf-8, séparateur « , », 12 lignes
        participants.csv — utf-8, séparateur « , », 12 lignes
        heures.csv — utf-8, séparateur « ; », 20 lignes

      Problèmes :

      fichier.encodage — Encodage autre que UTF-8 (avertissement, 1)
        marches.csv fichier.encodage (avertissement) — Fichier lu en windows-1252 (ce n’est pas de l’UTF-8) ; enregistrez-le si possible en « CSV UTF-8 ».
        → Pour corriger : Rien d'obligatoire ; dans Excel, « Enregistrer sous » › « CSV UTF-8 (délimité par des virgules) » évite cet avertissement.

      0 erreur(s), 1 avertissement(s) — données acceptées
      "
    `);
    expect(formatReport(report, 'en')).toMatchInlineSnapshot(`
      "Validation report — valide

      Files:
        marches.csv — windows-1252, delimiter ";", 12 rows
        operations.csv — utf-8, delimiter ";", 6 rows
        facilitateurs.csv — utf-8, delimiter ",", 4 rows
        entreprises.csv — utf-8, delimiter ",", 12 rows
        participants.csv — utf-8, delimiter ",", 12 rows
        heures.csv — utf-8, delimiter ";", 20 rows

      Issues:

      fichier.encodage — Encoding other than UTF-8 (warning, 1)
        marches.csv fichier.encodage (warning) — File read as windows-1252 (it is not UTF-8); if you can, save it as "CSV UTF-8".
        → How to fix: Nothing required; in Excel, "Save as" › "CSV UTF-8 (comma delimited)" avoids this warning.

      0 error(s), 1 warning(s) — data accepted
      "
    `);
  });
});
