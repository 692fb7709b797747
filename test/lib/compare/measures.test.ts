import { describe, expect, it } from 'vitest';
import {
  buildComparison,
  comparableMeasures,
  compareTable,
  COMPARISON_COLUMNS,
  MEASURE_IDS,
  periodLabel,
  type MeasureId,
} from '../../../src/lib/compare/index.ts';
import type { Dataset } from '../../../src/lib/dataset.ts';
import { headlineFigures } from '../../../src/lib/indicators/index.ts';
import { dataset, type Heure, type Participant } from '../indicators/fixtures.ts';
import { validateFixture } from '../validate/fixtures.ts';
import { protectionOf, rowsOf } from '../released.ts';

/**
 * Twelve persons on three contracts with a clause (one of services, one with the award criterion)
 * and one without: 6 through an ETTI (SIAE), 6 hired by the contractor, of whom 2 on a CDI
 * (fewer than k = 5: secret); 4 women.
 */
function twelve(meta: Partial<Dataset['meta']> = {}): Dataset {
  const participants: Participant[] = [];
  const heures: Heure[] = [];
  for (let i = 1; i <= 12; i++) {
    const id = `P${String(i).padStart(3, '0')}`;
    participants.push({ id_participant: id, sexe: i <= 4 ? 'F' : 'H' });
    heures.push({
      id_participant: id,
      id_marche: i <= 6 ? 'M1' : i <= 9 ? 'M2' : 'M3',
      mois: '2018-04',
      heures: 10 * i,
      type_contrat: i <= 6 ? 'CTTI' : i <= 8 ? 'CDI' : 'CDD',
      modalite: i <= 6 ? 'MISE_A_DISPOSITION' : 'EMBAUCHE_DIRECTE',
      type_structure: i <= 6 ? 'ETTI' : 'ENTREPRISE',
    });
  }
  return dataset({
    marches: [
      { id_marche: 'M1', id_titulaire: 'E001', date_notification: '2018-02-01' },
      { id_marche: 'M2', id_titulaire: 'E002', segment: 'SERVICES', date_notification: '2018-02-01', critere_attribution: true },
      { id_marche: 'M3', id_titulaire: 'E003', date_notification: '2018-02-01' },
      { id_marche: 'M4', id_titulaire: 'E004', type_clause: 'AUCUNE', critere_attribution: true, date_notification: '2018-02-01' },
    ],
    participants,
    heures,
    meta: { periode: { debut: '2018-01-01', fin: '2018-12-31' }, ...meta },
  });
}

const valueOf = (ds: Dataset, id: MeasureId) => comparableMeasures(protectionOf(ds)).mesures.find((m) => m.id === id)!.valeur;

describe('comparableMeasures', () => {
  const ds = twelve();
  const c = comparableMeasures(protectionOf(ds));
  const total = 10 * (12 * 13) / 2; // 780 hours

  it('gives every measure, in order, with the context', () => {
    expect(c.mesures.map((m) => m.id)).toEqual(MEASURE_IDS);
    expect(c.contexte).toMatchObject({
      editeur: 'test',
      periode: { libelle: '2018', annee_debut: 2018, annee_fin: 2018, annees_couvertes: 1, annuel: true },
      mois_couverts: 12,
      perimetre: 'MARCHES_PROPRES',
      nature_heures: 'REALISEES',
      seuil_secret: 5,
    });
  });

  it('computes the ratios from the indicator functions', () => {
    expect(valueOf(ds, 'marches_avec_clause')).toBe(3);
    expect(valueOf(ds, 'personnes')).toBe(12);
    expect(valueOf(ds, 'heures_realisees')).toBe(total);
    expect(valueOf(ds, 'heures_par_marche')).toBeCloseTo(total / 3);
    expect(valueOf(ds, 'heures_par_personne')).toBeCloseTo(total / 12);
    expect(valueOf(ds, 'part_heures_siae')).toBeCloseTo((100 * 210) / total);
    expect(valueOf(ds, 'part_heures_siae')).toBe(headlineFigures(protectionOf(ds).cells).part_heures_siae.valeur);
    expect(valueOf(ds, 'part_heures_alternance')).toBe(0);
    expect(valueOf(twelve({ seuil_secret: 4 }), 'part_femmes')).toBeCloseTo((100 * 4) / 12);
    // M4 has the criterion but no clause: only contracts with a clause count, on both sides.
    expect(valueOf(ds, 'part_marches_critere')).toBeCloseTo(100 / 3);
    expect(valueOf(ds, 'part_marches_services')).toBeCloseTo(100 / 3);
  });

  it('hides a share whose numerator rests on fewer than k persons (2 persons on a CDI)', () => {
    expect(valueOf(ds, 'part_heures_cdi')).toBe('secret');
    // With k = 2, the same share is published.
    expect(valueOf(twelve({ seuil_secret: 2 }), 'part_heures_cdi')).toBeCloseTo((100 * (70 + 80)) / total);
  });

  it('hides every person measure when the whole dataset has fewer than k persons, never the contract ones', () => {
    const small = twelve({ seuil_secret: 13 });
    const values = Object.fromEntries(comparableMeasures(protectionOf(small)).mesures.map((m) => [m.id, m.valeur]));
    for (const id of ['personnes', 'heures_realisees', 'heures_par_marche', 'heures_par_personne', 'part_heures_siae', 'part_heures_alternance', 'part_heures_cdi', 'part_femmes'])
      expect(values[id], id).toBe('secret');
    expect(values.marches_avec_clause).toBe(3);
    expect(values.part_marches_critere).toBeCloseTo(100 / 3);
    expect(values.part_marches_services).toBeCloseTo(100 / 3);
  });

  it('hides the share of women when fewer than k women (or men) are behind it', () => {
    const fewWomen = twelve();
    // 4 women < k = 5.
    expect(valueOf(fewWomen, 'part_femmes')).toBe('secret');
    expect(valueOf(twelve({ seuil_secret: 4 }), 'part_femmes')).toBeCloseTo(100 / 3);
  });

  it('hides exactly what the publisher’s own key figures hide (same disclosure control)', async () => {
    const { dataset: valid } = await validateFixture();
    for (const d of [ds, valid!, twelve({ seuil_secret: 3 })]) {
      const keyFigures = rowsOf(d, 'chiffres-cles');
      const published = (id: string) => keyFigures.find((r) => r.indicateur === id)!.valeur;
      for (const id of ['part_heures_siae', 'part_heures_alternance', 'part_heures_cdi', 'heures_realisees', 'personnes'] as const) {
        expect(valueOf(d, id) === 'secret', `${d.meta.id} ${id}`).toBe(published(id) === 'secret');
      }
    }
  });

  it('labels periods by calendar years or months and flags multi-year periods', () => {
    expect(periodLabel('2012-01-01', '2018-12-31')).toBe('2012–2018');
    expect(periodLabel('2018-01-01', '2018-12-31')).toBe('2018');
    expect(periodLabel('2017-07-01', '2018-06-30')).toBe('2017-07–2018-06');
    const schoolYear = twelve({ periode: { debut: '2017-07-01', fin: '2018-06-30' } });
    expect(comparableMeasures(protectionOf(schoolYear)).contexte.periode).toMatchObject({ annuel: true, annees_couvertes: 2 });
    const sevenYears = twelve({ periode: { debut: '2012-01-01', fin: '2018-12-31' } });
    expect(comparableMeasures(protectionOf(sevenYears)).contexte.periode).toMatchObject({ annuel: false, annees_couvertes: 7 });
  });
});

describe('compareTable', () => {
  const a = twelve({ id: 'zeta', nom: 'Zêta' });
  const b = twelve({ id: 'alpha', nom: 'Alpha', seuil_secret: 2, periode: { debut: '2017-01-01', fin: '2018-12-31' } });
  const t = compareTable([protectionOf(a), protectionOf(b)]);

  it('has one row per publisher × measure, publishers in id order', () => {
    expect(t.lignes).toHaveLength(2 * MEASURE_IDS.length);
    expect(t.lignes.map((r) => r.editeur)).toEqual([...MEASURE_IDS.map(() => 'alpha'), ...MEASURE_IDS.map(() => 'zeta')]);
    expect(t.lignes.slice(0, MEASURE_IDS.length).map((r) => r.mesure)).toEqual(MEASURE_IDS);
  });

  it('carries the period, the annual flag, the scope, the kind of hours and the status on every row', () => {
    for (const r of t.lignes) {
      expect(r.statut).toBe('données validées');
      expect(r.statut_en).toBe('validated data');
      expect(r.perimetre).toBe('MARCHES_PROPRES');
      expect(r.nature_heures).toBe('REALISEES');
      expect(r.synthetique).toBe(true);
    }
    const alpha = t.lignes.find((r) => r.editeur === 'alpha')!;
    const zeta = t.lignes.find((r) => r.editeur === 'zeta')!;
    expect([alpha.periode, alpha.annuel, alpha.annees_couvertes]).toEqual(['2017–2018', false, 2]);
    expect([zeta.periode, zeta.annuel, zeta.annees_couvertes]).toEqual(['2018', true, 1]);
  });

  it('rounds values to 2 decimals and writes secret as « secret »', () => {
    const cdi = (id: string) => t.lignes.find((r) => r.editeur === id && r.mesure === 'part_heures_cdi')!.valeur;
    expect(cdi('zeta')).toBe('secret');
    expect(cdi('alpha')).toBe(19.23);
    const perPerson = t.lignes.find((r) => r.editeur === 'zeta' && r.mesure === 'heures_par_personne')!.valeur;
    expect(perPerson).toBe(65);
  });

  it('writes CSV and JSON with the same columns', () => {
    const lines = t.csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe(COMPARISON_COLUMNS.map((c) => c.nom).join(','));
    expect(lines).toHaveLength(1 + t.lignes.length);
    expect(t.csv).toContain(',secret,');
    const json = t.json as { lignes: Record<string, unknown>[]; colonnes: { nom: string }[]; mesures: { id: string }[] };
    expect(json.colonnes.map((c) => c.nom)).toEqual(COMPARISON_COLUMNS.map((c) => c.nom));
    expect(json.lignes).toHaveLength(t.lignes.length);
    expect(json.mesures.map((m) => m.id)).toEqual(MEASURE_IDS);
  });

  it('buildComparison writes donnees/comparaison/comparaison-editeurs.{csv,json}, deterministically', () => {
    const files = buildComparison([protectionOf(a), protectionOf(b)]);
    expect([...files.keys()]).toEqual(['donnees/comparaison/comparaison-editeurs.csv', 'donnees/comparaison/comparaison-editeurs.json']);
    const again = buildComparison([protectionOf(b), protectionOf(a)]);
    for (const [path, bytes] of files) expect(Buffer.from(again.get(path)!).equals(Buffer.from(bytes))).toBe(true);
  });
});
