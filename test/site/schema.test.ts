import { expect, test } from 'vitest';
import { DatapackageSchema, PublishedTableSchema } from '../../src/site/schema.ts';

const base = {
  name: 'clauses-insertion-pays-de-la-loire',
  version: '2019.1',
  created: '2019-06-30T00:00:00Z',
  resources: [],
};

test('the publisher block is read from datapackage.json when present', () => {
  const editeur = {
    id: 'x',
    nom: 'Région X',
    territoire: 'X',
    periode: { debut: '2012-01-01', fin: '2018-12-31' },
    synthetique: false,
    seuil_secret: 11,
    date_publication: '2019-03-15',
  };
  expect(DatapackageSchema.parse({ ...base, editeur }).editeur).toEqual(editeur);
});

test('otherwise it is derived from the properties the release writes', () => {
  const dp = DatapackageSchema.parse({
    ...base,
    contributors: [{ title: 'Région Pays de la Loire', role: 'publisher' }],
    temporal: { start: '2012-01-01', end: '2018-12-31' },
    spatial: { territoire: 'Pays de la Loire', code_region: '52' },
    synthetique: true,
    seuil_secret: 5,
  });
  expect(dp.editeur).toEqual({
    id: 'pays-de-la-loire',
    nom: 'Région Pays de la Loire',
    territoire: 'Pays de la Loire',
    periode: { debut: '2012-01-01', fin: '2018-12-31' },
    synthetique: true,
    seuil_secret: 5,
    date_publication: '2019-06-30',
  });
});

test('a datapackage without any publisher information is refused with a message', () => {
  const r = DatapackageSchema.safeParse(base);
  expect(r.success).toBe(false);
  expect(JSON.stringify(r.error?.issues)).toContain('editeur');
});

test('a table: missing cells become null, secret stays a word, publisher as text or object', () => {
  const table = PublishedTableSchema.parse({
    id: 'heures-par-annee',
    titre: { fr: 'Heures', en: 'Hours' },
    editeur: { id: 'pays-de-la-loire', nom: 'Région Pays de la Loire' },
    licence: { id: 'Etalab-2.0' },
    colonnes: [
      { nom: 'annee', type: 'year', role: 'dimension', titre: { fr: 'Année', en: 'Year' } },
      { nom: 'heures_realisees', type: 'number', role: 'mesure', titre: { fr: 'Heures', en: 'Hours' } },
    ],
    lignes: [{ annee: 2012, heures_realisees: 'secret' }, { annee: 2013 }],
  });
  expect(table.lignes).toEqual([
    { annee: 2012, heures_realisees: 'secret' },
    { annee: 2013, heures_realisees: null },
  ]);
});
