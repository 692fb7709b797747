import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartGroups, mayShareChart, referencesTable, type PublishedFigure, type ValidatedFigure } from '../../../src/lib/compare/index.ts';

const validated = (over: Partial<ValidatedFigure> = {}): ValidatedFigure => ({
  editeur: 'a',
  nom_editeur: 'A',
  periode: '2012–2018',
  mesure: 'part_femmes',
  valeur: 12,
  annuel: false,
  perimetre: 'MARCHES_PROPRES',
  nature_heures: 'REALISEES',
  ...over,
});

const published = (over: Partial<PublishedFigure> = {}): PublishedFigure => ({
  rang: 1,
  territoire: 'T',
  periode: '2012-2018',
  periode_connue: true,
  moyenne_annuelle: false,
  annuel: false,
  perimetre: 'MARCHES_PROPRES',
  nature_heures: 'REALISEES',
  ambigu: false,
  incertain: false,
  approximation: false,
  part_femmes: 15,
  part_heures_siae: null,
  heures_par_personne: null,
  heures_par_marche: null,
  ...over,
});

describe('mayShareChart: a published figure joins validated ones only with the same flags and no caveat', () => {
  const flags = validated();
  it('accepts the same flags', () => expect(mayShareChart(flags, published())).toBe(true));
  it.each([
    ['a yearly figure with a multi-year total', { annuel: true, periode: '2017' }],
    ['a whole territory with own contracts', { perimetre: 'PLUSIEURS_DONNEURS_ORDRE' }],
    ['own and other contracts with own contracts', { perimetre: 'MARCHES_PROPRES_ET_AUTRES' }],
    ['planned hours with hours carried out', { nature_heures: 'PREVUES' }],
    ['"generated" hours with hours carried out', { nature_heures: 'GENEREES' }],
    ['hours of unstated kind with hours carried out', { nature_heures: 'NON_PRECISEE' }],
    ['an AMBIGU figure', { ambigu: true }],
    ['an INCERTAIN figure', { incertain: true }],
    ['an approximate value', { approximation: true }],
    ['an unknown period', { periode_connue: false }],
    ['a yearly average', { moyenne_annuelle: true }],
  ] as const)('refuses %s', (_, over) => expect(mayShareChart(flags, published(over as Partial<PublishedFigure>))).toBe(false));
  it('accepts a yearly figure beside yearly validated data', () => expect(mayShareChart(validated({ annuel: true }), published({ annuel: true, periode: '2017' }))).toBe(true));
});

describe('chartGroups', () => {
  const rows = [validated(), validated({ editeur: 'b', nom_editeur: 'B', valeur: 'secret' }), validated({ mesure: 'part_heures_siae', valeur: 70 })];

  it('draws one chart per measure with every validated publisher', () => {
    const groups = chartGroups('part_femmes', rows);
    expect(groups.map((g) => g.id)).toEqual(['part-femmes']);
    expect(groups[0]!.validated.map((r) => r.editeur)).toEqual(['a', 'b']);
    expect(groups[0]!.references).toEqual([]);
  });

  it('never draws a yearly and a multi-year validated figure in one chart', () => {
    const groups = chartGroups('part_femmes', [validated(), validated({ editeur: 'c', annuel: true, periode: '2018' })]);
    expect(groups.map((g) => g.id)).toEqual(['part-femmes-pluriannuel-marches-propres-realisees', 'part-femmes-annuel-marches-propres-realisees']);
    expect(groups.map((g) => g.validated.map((r) => r.editeur))).toEqual([['a'], ['c']]);
  });

  it('adds only the published figures with matching flags, and only when they give the measure', () => {
    const refs = [
      published({ rang: 1 }),
      published({ rang: 2, perimetre: 'PLUSIEURS_DONNEURS_ORDRE' }),
      published({ rang: 3, annuel: true }),
      published({ rang: 4, part_femmes: null, part_heures_siae: 60 }),
      published({ rang: 5, ambigu: true }),
    ];
    const [women] = chartGroups('part_femmes', rows, refs);
    expect(women!.references.map((r) => [r.rang, r.valeur])).toEqual([[1, 15]]);
    const [siae] = chartGroups('part_heures_siae', rows, refs);
    expect(siae!.references.map((r) => [r.rang, r.valeur])).toEqual([[4, 60]]);
    // Measures other territories never give (contracts with the award criterion…) get no reference.
    expect(chartGroups('part_marches_critere', [validated({ mesure: 'part_marches_critere' })], refs)[0]!.references).toEqual([]);
  });

  it('on the real reference file, keeps apart every figure whose flags differ from a multi-year own-contracts dataset', () => {
    const csv = readFileSync(join(import.meta.dirname, '../../../data/references/resultats-publies-autres-territoires.csv'));
    const refs = (referencesTable(csv).json as { lignes: PublishedFigure[] }).lignes;
    for (const measure of ['heures_par_marche', 'heures_par_personne', 'part_heures_siae', 'part_femmes']) {
      for (const group of chartGroups(measure, [validated({ mesure: measure })], refs)) {
        for (const r of group.references) {
          expect([r.annuel, r.perimetre, r.nature_heures, r.ambigu, r.incertain, r.approximation, r.periode_connue]).toEqual([false, 'MARCHES_PROPRES', 'REALISEES', false, false, false, true]);
        }
      }
    }
    // A yearly own-contracts dataset would meet the Grand Lyon 2011 figure (hours per person), and
    // not the Île-de-France 2021 share of women (a whole region, all buyers).
    const yearly = chartGroups('heures_par_personne', [validated({ mesure: 'heures_par_personne', annuel: true })], refs)[0]!;
    expect(yearly.references.map((r) => r.territoire)).toContain('Grand Lyon (Communauté urbaine de Lyon)');
    const women = chartGroups('part_femmes', [validated({ annuel: true })], refs)[0]!;
    expect(women.references.some((r) => r.territoire.startsWith('Île-de-France'))).toBe(false);
  });
});
