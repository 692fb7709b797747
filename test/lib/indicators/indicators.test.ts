import { describe, expect, it } from 'vitest';
import { clauseContracts, executingDirections, headlineFigures, HEADLINE_DEFINITIONS, HEADLINE_IDS } from '../../../src/lib/indicators/index.ts';
import { computeCells, contractKey } from '../../../src/lib/cells/index.ts';
import { coverage, fullYears, referencesOf } from '../../../src/lib/indicators/references.ts';
import { CUBES } from '../../../src/lib/pipeline.ts';
import { tiny } from './fixtures.ts';

describe('scalar indicators', () => {
  const ds = tiny();
  // The reference months of the share of women, where its cells are: April and May 2017.
  const refs = { ...referencesOf(ds), moisFemmesDebut: '2017-04', moisFemmesFin: '2017-05' };
  const cells = computeCells(ds, [], { k: ds.meta.seuil_secret, refs });
  const persons = (dims: Record<string, string>) => cells.cell(dims)!.personnes.size;

  it('sums hours carried out and planned hours of clause contracts', () => {
    expect(cells.cell({})!.heures).toBe(50.5);
    expect(cells.contracts([]).get(contractKey([]))!.heures_prevues).toBe(170);
  });

  it('contracts with a clause, the year each was notified, and the directions', () => {
    expect(clauseContracts(ds).array('id_marche')).toEqual(['M1', 'M2', 'M3']);
    expect(clauseContracts(ds).array('annee_notification')).toEqual(['2017', '2018', '2018']);
    expect(executingDirections(ds)).toBe(1);
  });

  it('share of women at a month counts persons by their first month with hours', () => {
    expect([persons({ cumul_mois: '2017-04' }), persons({ cumul_mois: '2017-04', sexe: 'F' })]).toEqual([1, 1]);
    expect([persons({ cumul_mois: '2017-05' }), persons({ cumul_mois: '2017-05', sexe: 'F' })]).toEqual([2, 1]);
  });
});

describe('headline figures', () => {
  const ds = tiny();
  const refs = { annee: 2018, anneeServicesDebut: 2017, moisFemmesDebut: '2017-05', moisFemmesFin: '2018-04', couverture: { debut: '2017-04', fin: '2018-04' } };
  const figures = (r: typeof refs = referencesOf(ds)) => headlineFigures(computeCells(ds, CUBES, { k: ds.meta.seuil_secret, refs: r }));
  const f = figures(refs);
  const v = Object.fromEntries(HEADLINE_IDS.map((id) => [id, f[id].valeur]));

  it('computes every figure from its definition', () => {
    expect(v).toEqual({
      marches_avec_clause: 3,
      marches_avec_clause_annee: 2,
      operations: 2,
      operations_annee: 2,
      // 2018 holds only March and April: the year before it (2017, from April) is partial, so no comparison.
      heures_annee: 7.5 + 8,
      heures_annee_precedente: null,
      personnes_annee: 2,
      personnes_annee_precedente: null,
      mois_couverts: 13,
      heures_realisees: 50.5,
      personnes: 3,
      entreprises_ayant_embauche: 2,
      part_heures_siae: (100 * 7.5) / 50.5,
      part_heures_alternance: (100 * 13) / 50.5,
      personnes_alternance: 2,
      part_heures_cdi: (100 * 30) / 50.5,
      personnes_cdi: 1,
      part_femmes_debut: 50,
      part_femmes_fin: 200 / 3,
      part_marches_services_debut: 0,
      part_marches_services_annee: 100,
      marches_critere_attribution: 2,
      marches_critere_attribution_annee: 1,
      operations_critere_attribution_annee: 1,
      facilitateurs: 1,
      directions_executantes: 1,
    });
  });

  it('carries precision, unit and reference; months outside the data give null', () => {
    expect(f.part_femmes_fin.precision).toBe(2);
    expect(f.part_femmes_debut.precision).toBe(0);
    expect(f.personnes.reference).toBe('2017–2018');
    expect(f.marches_avec_clause_annee.reference).toBe('2018');
    expect(figures({ ...refs, moisFemmesDebut: '2014-05' }).part_femmes_debut.valeur).toBeNull();
    expect(f.mois_couverts.reference).toBe('2017-04/2018-04');
    const outside = figures({ ...refs, annee: 2020, anneeServicesDebut: 2013 });
    expect(outside.marches_avec_clause_annee.valeur).toBeNull();
    expect(outside.operations_critere_attribution_annee.valeur).toBeNull();
    expect(outside.part_marches_services_debut.valeur).toBeNull();
    expect(outside.marches_avec_clause.valeur).toBe(3);
  });

  it('without declared references, takes them from the data: latest full year, else the last; partial years are not full', () => {
    expect(coverage(ds)).toEqual({ debut: '2017-04', fin: '2018-04' });
    expect(fullYears(coverage(ds))).toEqual([]);
    expect(fullYears({ debut: '2012-10', fin: '2018-12' })).toEqual([2013, 2014, 2015, 2016, 2017, 2018]);
    expect(referencesOf(ds)).toEqual({ ...refs, anneeServicesDebut: 2017, moisFemmesDebut: '2017-12', moisFemmesFin: '2018-04' });
    // A publisher's declared reference dates (its earlier published results) win over the data's.
    const declared = {
      ...ds,
      meta: {
        ...ds.meta,
        profil: { formes: { fr: { nom: 'x', de_nom: 'de x' }, en: { nom: 'x', de_nom: 'of x' } }, resultats_publies: { titre: { fr: 't', en: 't' }, reperes: { annee: 2017 }, valeurs: {} } },
      },
    };
    expect(referencesOf(declared as typeof ds).annee).toBe(2017);
  });

  it('every definition has French and English text', () => {
    for (const id of HEADLINE_IDS) {
      const d = HEADLINE_DEFINITIONS[id];
      expect(d.definition.fr.length).toBeGreaterThan(20);
      expect(d.definition.en.length).toBeGreaterThan(20);
      expect(d.titre.fr && d.titre.en).toBeTruthy();
    }
  });
});
