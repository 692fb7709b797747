import { describe, expect, it } from 'vitest';
import { importDecp, type DecpImport, type ImportOptions } from '../../../src/lib/decp/import.ts';
import { DecpError } from '../../../src/lib/decp/messages.ts';
import { createPseudonymiser } from '../../../src/lib/decp/pseudonym.ts';
import { DEPARTEMENTS, EXAMPLE_SIRET, PERIODE, SALT, SIRET, fixture, officialExample } from './helpers.ts';

const options: ImportOptions = { siret: SIRET, salt: SALT, departements: DEPARTEMENTS, periode: PERIODE };
const pseudo = async (id: string) => (await createPseudonymiser(SALT))(id);

/** Skipped records as `id reason` lines, in file order. */
const skips = (r: DecpImport) => r.skipped.map((s) => `${s.source}#${s.index} ${s.id ?? '-'} ${s.reason}`);

describe('the official DECP example', () => {
  it('is imported field by field when the metadata SIRET is its buyer', async () => {
    const r = await importDecp(officialExample(), { siret: EXAMPLE_SIRET, salt: SALT });
    expect(r.format).toBe('v2-objet');
    expect(r.skipped).toEqual([]);
    expect(r.marches).toHaveLength(1);
    expect(r.marches[0]).toEqual({
      ref: { source: 'marches.marche', index: 1, id: 'Exemple1' },
      values: {
        id_marche: 'Exemple1',
        id_acheteur: EXAMPLE_SIRET,
        objet: 'exemple marche',
        code_cpv: '45000000-7',
        segment: 'TRAVAUX',
        procedure: 'APPEL_OFFRES_OUVERT',
        date_notification: '2024-05-15',
        duree_mois: 48,
        montant: 575000,
        considerations_sociales: ['CLAUSE_SOCIALE'],
        type_clause: 'EXECUTION',
        critere_attribution: false,
        departement: '75', // postal code 75000, no metadata départements given
        id_titulaire: await pseudo('55204599900869'),
      },
    });
    expect(r.notes).toEqual([]);
  });

  it('leaves the département empty when the place is outside the metadata départements', async () => {
    const r = await importDecp(officialExample(), { siret: EXAMPLE_SIRET, salt: SALT, departements: DEPARTEMENTS });
    expect(r.marches[0]!.values.departement).toBeNull();
    expect(r.notes.map((n) => n.rule)).toEqual(['departement_hors_territoire']);
  });

  it('is skipped as another buyer otherwise, saying which', async () => {
    const r = await importDecp(officialExample(), options);
    expect(r.marches).toEqual([]);
    expect(r.skipped).toEqual([
      {
        source: 'marches.marche',
        index: 1,
        id: 'Exemple1',
        reason: 'autre_acheteur',
        detail: {
          fr: `Acheteur ${EXAMPLE_SIRET}, différent du SIRET de l'éditeur (${SIRET}).`,
          en: `Buyer ${EXAMPLE_SIRET}, not the publisher's SIRET (${SIRET}).`,
        },
      },
    ]);
  });
});

describe('v2 object form with several contracts', async () => {
  const r = await importDecp(fixture('v2-objet.json'), options);
  const byId = Object.fromEntries(r.marches.map((m) => [m.values.id_marche, m.values]));

  it('keeps the contracts with a social consideration, sorted by notification date', () => {
    expect(r.records).toBe(10);
    expect(r.concessions).toBe(1);
    expect(r.marches.map((m) => m.values.id_marche)).toEqual(['2024-008', '2024-001', '2024-002', '2024-003']);
  });

  it('reports every other record with its reason, in file order', () => {
    expect(skips(r)).toEqual([
      'marches.marche#1 2024-001 doublon',
      'marches.marche#4 2024-004 sans_consideration_sociale',
      'marches.marche#5 2024-005 autre_acheteur',
      'marches.marche#6 2024-006 incomplet',
      'marches.marche#9 2019-009 hors_periode',
      'marches.contrat-concession#1 C-2024-01 concession',
    ]);
    // Nothing dropped silently: imported + skipped = read.
    expect(r.marches.length + r.skipped.length).toBe(r.records);
  });

  it('keeps the latest modified version of a duplicate and says which and why', () => {
    const dup = r.skipped.find((s) => s.reason === 'doublon')!;
    expect(dup.detail).toEqual({
      fr: 'Même identifiant que marches.marche n° 7, gardé à sa place : sa dernière modification est la plus récente (2024-09-01).',
      en: 'Same identifier as marches.marche no. 7, kept instead: its latest modification is the most recent (2024-09-01).',
    });
    expect(r.marches.find((m) => m.values.id_marche === '2024-001')!.ref.index).toBe(7);
  });

  it('applies modifications (amount, duration)', () => {
    expect(byId['2024-001']).toMatchObject({ montant: 130000, duree_mois: 14, objet: 'Lycée test — lot 01 gros œuvre' });
    expect(r.notes.find((n) => n.id === '2024-001')!.text.fr).toBe('1 modification appliquée (montant, dureeMois).');
  });

  it('maps a works contract with a postal code', async () => {
    expect(byId['2024-001']).toEqual({
      id_marche: '2024-001',
      id_acheteur: SIRET,
      objet: 'Lycée test — lot 01 gros œuvre',
      code_cpv: '45223220-4',
      segment: 'TRAVAUX',
      procedure: 'APPEL_OFFRES_OUVERT',
      date_notification: '2024-03-01',
      duree_mois: 14,
      montant: 130000,
      considerations_sociales: ['CLAUSE_SOCIALE'],
      type_clause: 'EXECUTION',
      critere_attribution: false,
      departement: '44',
      id_titulaire: await pseudo('11111111100011'),
    });
  });

  it('maps an engineering contract with an award criterion and a joint bid', async () => {
    expect(byId['2024-002']).toMatchObject({
      segment: 'PRESTATIONS_INTELLECTUELLES',
      procedure: 'PROCEDURE_ADAPTEE',
      montant: 480000.5,
      considerations_sociales: ['CLAUSE_SOCIALE', 'CRITERE_SOCIAL'],
      type_clause: 'EXECUTION',
      critere_attribution: true,
      departement: '49',
      id_titulaire: await pseudo('33333333300033'), // the first contractor, the lead
    });
    expect(r.notes.filter((n) => n.id === '2024-002').map((n) => n.rule)).toEqual(['plusieurs_titulaires']);
  });

  it('maps a reserved services contract with a commune code', () => {
    expect(byId['2024-003']).toMatchObject({
      segment: 'SERVICES',
      procedure: 'PROCEDURE_NEGOCIATION',
      considerations_sociales: ['MARCHE_RESERVE'],
      type_clause: 'RESERVE',
      critere_attribution: false,
      departement: '85',
    });
  });

  it('cuts a long subject to 250 characters, reads a date with a zone, and leaves a region code undecided', () => {
    const v = byId['2024-008']!;
    expect(v.objet).toHaveLength(250);
    expect(v.objet!.endsWith('…')).toBe(true);
    expect(v.date_notification).toBe('2024-02-01');
    expect(v.segment).toBe('FOURNITURES');
    expect(v.departement).toBeNull();
    expect(r.notes.filter((n) => n.id === '2024-008').map((n) => n.rule)).toEqual(['objet_tronque', 'departement_inconnu']);
  });

  it('lists every missing or invalid field of an incomplete record, never a contractor id', () => {
    const s = r.skipped.find((x) => x.reason === 'incomplet')!;
    expect(s.detail).toEqual({
      fr: 'Champs manquants ou invalides : codeCPV « 4521 » invalide, montant absent.',
      en: 'Missing or invalid fields: codeCPV "4521" invalid, montant missing.',
    });
  });

  it('imports outside the period when no period is given', async () => {
    const all = await importDecp(fixture('v2-objet.json'), { ...options, periode: undefined });
    expect(all.marches.map((m) => m.values.id_marche)).toContain('2019-009');
  });
});

describe('older array form', async () => {
  const r = await importDecp(fixture('tableau-ancien.json'), options);
  const byId = Object.fromEntries(r.marches.map((m) => [m.values.id_marche, m.values]));

  it('tells marchés from concessions by _type and reads string numbers', () => {
    expect(r.format).toBe('tableau');
    expect(r.concessions).toBe(1);
    expect(skips(r)).toEqual(['marches#2 2021-C1 concession', 'marches#3 2021-02 sans_consideration_sociale', 'marches#5 2021-04 incomplet']);
    expect(byId['2021-01']).toMatchObject({
      code_cpv: '45261000',
      segment: 'TRAVAUX',
      procedure: 'PROCEDURE_NEGOCIATION', // « Procédure concurrentielle avec négociation » (before 2019)
      duree_mois: 12,
      montant: 250000.5,
      departement: '72',
    });
  });

  it('pseudonymises a SIRET written with spaces like the same SIRET without', async () => {
    expect(byId['2021-01']!.id_titulaire).toBe(await pseudo('22222222200022'));
  });

  it('reads flattened keys, considerations as text, a CPV that lost its zero, and a change of contractor', async () => {
    expect(byId['2021-03']).toMatchObject({
      code_cpv: '09310000',
      segment: 'FOURNITURES',
      procedure: 'SANS_PUBLICITE',
      considerations_sociales: ['CLAUSE_SOCIALE', 'CRITERE_SOCIAL'],
      critere_attribution: true,
      departement: '53',
      duree_mois: 42,
      id_titulaire: await pseudo('55555555500055'),
    });
    expect(r.notes.filter((n) => n.id === '2021-03').map((n) => n.text.en)).toEqual([
      '1 modification applied (dureeMois, titulaires).',
      '7-digit CPV code "9310000": leading zero restored (09310000).',
    ]);
  });

  it('says when considerationsSociales is absent (older vintages had none)', () => {
    expect(r.skipped.find((s) => s.id === '2021-02')!.detail.fr).toBe('Aucune considération sociale renseignée (champ considerationsSociales absent ou vide).');
  });
});

describe('v2 as an array with contrats-concession', () => {
  it('imports the marchés and skips the concession', async () => {
    const r = await importDecp(fixture('v2-tableau.json'), options);
    expect(r.marches.map((m) => m.values.id_marche)).toEqual(['2025-010', '2025-011']);
    expect(skips(r)).toEqual(['contrats-concession#1 2025-C01 concession']);
    expect(r.marches[1]!.values).toMatchObject({ considerations_sociales: ['CRITERE_SOCIAL'], type_clause: 'EXECUTION', critere_attribution: true, departement: null, id_titulaire: null });
    expect(r.notes.filter((n) => n.id === '2025-011').map((n) => n.rule)).toEqual(['departement_inconnu', 'sans_titulaire']);
  });
});

describe('edge cases', () => {
  const one = (rec: Record<string, unknown>) => ({ marches: { marche: [rec] } });
  const base = {
    id: 'X-1',
    acheteur: { id: SIRET },
    objet: 'Objet',
    codeCPV: '45000000-7',
    procedure: 'Procédure adaptée',
    lieuExecution: { code: '44000', typeCode: 'Code postal' },
    dureeMois: 3,
    dateNotification: '2024-01-10',
    montant: 50000,
    titulaires: [{ id: '11111111100011', typeIdentifiant: 'SIRET' }],
    considerationsSociales: ['Clause sociale'],
  };

  it('reports records that are not objects and records without buyer or id', async () => {
    const r = await importDecp({ marches: ['texte', { ...base, acheteur: {} }, { ...base, id: undefined }] }, options);
    expect(skips(r)).toEqual(['marches#1 - incomplet', 'marches#2 X-1 incomplet', 'marches#3 - incomplet']);
    expect(r.skipped.map((s) => s.detail.en)).toEqual(['The record is not a JSON object.', 'Missing or invalid fields: acheteur.id missing.', 'Missing or invalid fields: id missing.']);
  });

  it('refuses ids the data contract cannot hold, unknown procedures and impossible dates', async () => {
    const r = await importDecp(one({ ...base, id: 'lot 1; tranche', procedure: 'Autre', dateNotification: '2024-02-30' }), options);
    expect(r.skipped[0]!.detail.fr).toBe('Champs manquants ou invalides : id « lot 1; tranche » invalide, procedure « Autre » invalide, dateNotification « 2024-02-30 » invalide.');
  });

  it('drops « Pas de considération sociale » next to a real one, and ignores unknown labels with a note', async () => {
    const r = await importDecp(one({ ...base, considerationsSociales: ['Pas de considération sociale', 'Clause sociale', 'Clause verte'] }), options);
    expect(r.marches[0]!.values.considerations_sociales).toEqual(['CLAUSE_SOCIALE']);
    expect(r.notes.map((n) => n.rule)).toEqual(['consideration_inconnue', 'pas_de_consideration_retiree']);
  });

  it('imports a contract notified before the period that is still executed in it, and skips one that ended before', async () => {
    const r = await importDecp(
      {
        marches: [
          { ...base, id: 'AVANT-DEDANS', dateNotification: '2019-11-20', dureeMois: 3 },
          { ...base, id: 'AVANT-DEHORS', dateNotification: '2019-09-20', dureeMois: 3 },
          { ...base, id: 'APRES', dateNotification: '2026-01-05', dureeMois: 3 },
        ],
      },
      options,
    );
    expect(r.marches.map((m) => m.values.id_marche)).toEqual(['AVANT-DEDANS']);
    expect(skips(r)).toEqual(['marches#2 AVANT-DEHORS hors_periode', 'marches#3 APRES hors_periode']);
    expect(r.skipped[0]!.detail).toMatchInlineSnapshot(`
      {
        "en": "Notified on 2019-09-20, executed outside the metadata period (2020-01-01 – 2025-12-31); widen the period to import it.",
        "fr": "Notifié le 2019-09-20, exécuté en dehors de la période des métadonnées (2020-01-01 – 2025-12-31) ; élargissez la période pour l'importer.",
      }
    `);
  });

  it('on a tie between duplicates, keeps the last one in the file', async () => {
    const r = await importDecp(
      {
        marches: [
          { ...base, objet: 'premier' },
          { ...base, objet: 'second' },
        ],
      },
      options,
    );
    expect(r.marches[0]!.values.objet).toBe('second');
    expect(r.skipped[0]!.detail.en).toBe('Same identifier as marches no. 2, kept instead: on a tie, the last one in the file is kept.');
  });

  it('between duplicates without modifications, keeps the latest publication', async () => {
    const r = await importDecp(
      {
        marches: [
          { ...base, datePublicationDonnees: '2024-03-01', montant: 2 },
          { ...base, datePublicationDonnees: '2024-02-01' },
        ],
      },
      options,
    );
    expect(r.marches[0]!.values.montant).toBe(2);
    expect(r.skipped[0]!.detail.fr).toContain('ses données sont publiées le plus récemment (2024-03-01)');
  });

  it('refuses an invalid publisher SIRET', async () => {
    await expect(importDecp(one(base), { ...options, siret: '123' })).rejects.toBeInstanceOf(DecpError);
  });

  it('refuses to run without a salt', async () => {
    await expect(importDecp(one(base), { ...options, salt: undefined })).rejects.toThrow(/salt missing or too short/);
  });
});
