/**
 * The comparable measures, computed from a publisher's published release (never from its data):
 * each dataset here is released, then read back the way a peer's release is read.
 */
import { describe, expect, it } from 'vitest';
import {
  buildComparison,
  compareTable,
  COMPARISON_COLUMNS,
  MEASURE_DEFINITIONS,
  MEASURE_IDS,
  PEER_COLUMNS,
  periodLabel,
  type ComparedRelease,
  type MeasureId,
  type PeerOutcome,
} from '../../../src/lib/compare/index.ts';
import type { Dataset } from '../../../src/lib/dataset.ts';
import { headlineFigures } from '../../../src/lib/indicators/index.ts';
import { validateFixture } from '../validate/fixtures.ts';
import { comparedRelease, text, twelve } from './helpers.ts';
import { protectionOf, rowsOf } from '../released.ts';
import type { PublishedTable } from '../../../src/site/schema.ts';

const measuresOf = (ds: Dataset) => comparedRelease(ds).comparison;
const valueOf = (ds: Dataset, id: MeasureId) => measuresOf(ds).mesures.find((m) => m.id === id)!.valeur;
/** A published cell of a dataset's release. */
const publishedCell = (ds: Dataset, table: string, where: (r: Record<string, unknown>) => boolean, column: string) => rowsOf(ds, table).find(where)![column];

describe('measures from the published release', () => {
  const ds = twelve();
  const c = measuresOf(ds);
  const total = (10 * (12 * 13)) / 2; // 780 hours

  it('gives every measure, in order, with the context and where the release comes from', () => {
    expect(c.mesures.map((m) => m.id)).toEqual(MEASURE_IDS);
    expect(c.contexte).toMatchObject({
      editeur: 'test',
      periode: { libelle: '2018', annee_debut: 2018, annee_fin: 2018, annees_couvertes: 1, annuel: true },
      mois_couverts: 12,
      perimetre: 'MARCHES_PROPRES',
      nature_heures: 'REALISEES',
      seuil_secret: 5,
      version: ds.meta.version,
      date_publication: ds.meta.date_publication,
      licence: { id: 'etalab-2.0' },
    });
  });

  it('computes each measure as its definition says, from the published cells', () => {
    expect(valueOf(ds, 'marches_avec_clause')).toBe(3);
    expect(valueOf(ds, 'personnes')).toBe(12);
    expect(valueOf(ds, 'heures_realisees')).toBe(total);
    expect(valueOf(ds, 'heures_par_marche')).toBeCloseTo(total / 3);
    expect(valueOf(ds, 'heures_par_personne')).toBeCloseTo(total / 12);
    expect(valueOf(ds, 'part_heures_siae')).toBeCloseTo((100 * 210) / total, 2);
    expect(valueOf(ds, 'part_heures_alternance')).toBe(0);
    expect(valueOf(twelve({ seuil_secret: 4 }), 'part_femmes')).toBeCloseTo((100 * 4) / 12, 2);
    // M4 has the criterion but no clause: only contracts with a clause count, on both sides.
    expect(valueOf(ds, 'part_marches_critere')).toBeCloseTo(100 / 3);
    expect(valueOf(ds, 'part_marches_services')).toBeCloseTo(100 / 3);
    // 3 contracts × 100 planned hours.
    expect(valueOf(ds, 'taux_realisation')).toBeCloseTo((100 * total) / 300, 2);
  });

  it('shows the very cells the publisher publishes: key figures, summary, women by sex', () => {
    const figures = headlineFigures(protectionOf(ds).cells);
    expect(valueOf(ds, 'part_heures_siae')).toBe(Math.round(figures.part_heures_siae.valeur! * 100) / 100);
    const synthese = rowsOf(ds, 'synthese')[0]!;
    expect(valueOf(ds, 'taux_realisation')).toBe(synthese.taux_realisation);
    const k4 = twelve({ seuil_secret: 4 });
    expect(valueOf(k4, 'part_femmes')).toBe(publishedCell(k4, 'heures-par-sexe', (r) => r.sexe === 'F', 'part_personnes'));
  });

  it('is not computable (secret) when a cell it needs is hidden: 2 persons on a CDI', () => {
    expect(valueOf(ds, 'part_heures_cdi')).toBe('secret');
    // With k = 2, the same share is published.
    expect(valueOf(twelve({ seuil_secret: 2 }), 'part_heures_cdi')).toBeCloseTo((100 * (70 + 80)) / total, 2);
  });

  it('hides every person measure when the whole dataset has fewer than k persons, never the contract ones', () => {
    const small = twelve({ seuil_secret: 13 });
    const values = Object.fromEntries(measuresOf(small).mesures.map((m) => [m.id, m.valeur]));
    for (const id of ['personnes', 'heures_realisees', 'heures_par_marche', 'heures_par_personne', 'part_heures_siae', 'part_heures_alternance', 'part_heures_cdi', 'part_femmes', 'taux_realisation'])
      expect(values[id], id).toBe('secret');
    expect(values.marches_avec_clause).toBe(3);
    expect(values.part_marches_critere).toBeCloseTo(100 / 3);
    expect(values.part_marches_services).toBeCloseTo(100 / 3);
  });

  it('never estimates a hidden share from the cells around it: 4 women < k, 8 men published', () => {
    expect(publishedCell(ds, 'heures-par-sexe', (r) => r.sexe === 'F', 'personnes')).toBe('secret');
    expect(valueOf(ds, 'part_femmes')).toBe('secret');
    expect(valueOf(twelve({ seuil_secret: 4 }), 'part_femmes')).toBeCloseTo(100 / 3, 2);
  });

  it('hides exactly what the publisher’s own key figures hide (the same cells)', async () => {
    const { dataset: valid } = await validateFixture();
    for (const d of [ds, valid!, twelve({ seuil_secret: 3 })]) {
      const keyFigures = rowsOf(d, 'chiffres-cles');
      const published = (id: string) => keyFigures.find((r) => r.indicateur === id)!.valeur;
      for (const id of ['part_heures_siae', 'part_heures_alternance', 'part_heures_cdi', 'heures_realisees', 'personnes'] as const) {
        expect(valueOf(d, id), `${d.meta.id} ${id}`).toBe(published(id));
      }
    }
  });

  it('documents each measure with the published cells it is made of', () => {
    for (const id of MEASURE_IDS) expect(MEASURE_DEFINITIONS[id].calcul, id).toMatch(/^(100 × )?(Σ )?(synthese|chiffres-cles|heures-par-sexe|marches-par-annee-et-segment)/);
  });

  it('labels periods by calendar years or months and flags multi-year periods', () => {
    expect(periodLabel('2012-01-01', '2018-12-31')).toBe('2012–2018');
    expect(periodLabel('2018-01-01', '2018-12-31')).toBe('2018');
    expect(periodLabel('2017-07-01', '2018-06-30')).toBe('2017-07–2018-06');
    const schoolYear = twelve({ periode: { debut: '2017-07-01', fin: '2018-06-30' } });
    expect(measuresOf(schoolYear).contexte.periode).toMatchObject({ annuel: true, annees_couvertes: 2 });
    const sevenYears = twelve({ periode: { debut: '2012-01-01', fin: '2018-12-31' } });
    expect(measuresOf(sevenYears).contexte.periode).toMatchObject({ annuel: false, annees_couvertes: 7 });
  });
});

describe('compareTable', () => {
  const zeta = comparedRelease(twelve({ id: 'zeta', nom: 'Zêta' }));
  const alpha = comparedRelease(twelve({ id: 'alpha', nom: 'Alpha', seuil_secret: 2, periode: { debut: '2017-01-01', fin: '2018-12-31' } }));
  const peer: ComparedRelease = {
    ...comparedRelease(twelve({ id: 'beta', nom: 'Bêta' })),
    origine: 'pair',
    adresse: 'https://beta.example.org/donnees/beta/datapackage.json',
    copie: { origine: 'cache', date: '2026-12-01T10:00:00Z', age_jours: 5 },
  };
  const t = compareTable([peer, zeta, alpha]);

  it('has one row per release × measure: this site’s publishers by id, then peers', () => {
    expect(t.lignes).toHaveLength(3 * MEASURE_IDS.length);
    expect([...new Set(t.lignes.map((r) => r.editeur))]).toEqual(['alpha', 'zeta', 'beta']);
    expect(t.lignes.slice(0, MEASURE_IDS.length).map((r) => r.mesure)).toEqual(MEASURE_IDS);
  });

  it('carries the period, the flags, the status and the provenance on every row', () => {
    for (const r of t.lignes) {
      expect(r.perimetre).toBe('MARCHES_PROPRES');
      expect(r.nature_heures).toBe('REALISEES');
      expect(r.synthetique).toBe(true);
      expect(r.licence).toBe('Licence Ouverte / Open Licence version 2.0');
    }
    const row = (id: string) => t.lignes.find((r) => r.editeur === id)!;
    expect(row('alpha')).toMatchObject({ statut: 'données validées', statut_en: 'validated data', origine: 'site', adresse: 'donnees/alpha/datapackage.json', copie: null });
    expect(row('beta')).toMatchObject({
      statut: 'publication vérifiée',
      statut_en: 'checked release',
      origine: 'pair',
      adresse: 'https://beta.example.org/donnees/beta/datapackage.json',
      copie: 'cache',
      date_copie: '2026-12-01T10:00:00Z',
      age_jours: 5,
    });
    expect([row('alpha').periode, row('alpha').annuel, row('alpha').annees_couvertes]).toEqual(['2017–2018', false, 2]);
    expect([row('zeta').periode, row('zeta').annuel, row('zeta').annees_couvertes]).toEqual(['2018', true, 1]);
  });

  it('rounds values to 2 decimals and writes secret as « secret »', () => {
    const cdi = (id: string) => t.lignes.find((r) => r.editeur === id && r.mesure === 'part_heures_cdi')!.valeur;
    expect(cdi('zeta')).toBe('secret');
    expect(cdi('alpha')).toBe(19.23);
    const perPerson = t.lignes.find((r) => r.editeur === 'zeta' && r.mesure === 'heures_par_personne')!.valeur;
    expect(perPerson).toBe(65);
  });

  it('writes CSV and JSON with the same columns', () => {
    const lines = t.csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(COMPARISON_COLUMNS.map((c) => c.nom).join(','));
    expect(lines).toHaveLength(1 + t.lignes.length);
    expect(t.csv).toContain(',secret,');
    const json = t.json as { lignes: Record<string, unknown>[]; colonnes: { nom: string }[]; mesures: { id: string; calcul: string }[] };
    expect(json.colonnes.map((c) => c.nom)).toEqual(COMPARISON_COLUMNS.map((c) => c.nom));
    expect(json.lignes).toHaveLength(t.lignes.length);
    expect(json.mesures.map((m) => m.id)).toEqual(MEASURE_IDS);
    expect(json.mesures.every((m) => m.calcul.length > 0)).toBe(true);
  });

  it('buildComparison writes the comparison, and the list of peers when there are some, deterministically', () => {
    const files = buildComparison({ releases: [zeta, alpha] });
    expect([...files.keys()]).toEqual(['donnees/comparaison/comparaison-editeurs.csv', 'donnees/comparaison/comparaison-editeurs.json']);
    const again = buildComparison({ releases: [alpha, zeta] });
    for (const [path, b] of files) expect(Buffer.from(again.get(path)!).equals(Buffer.from(b))).toBe(true);

    const missing: PeerOutcome = {
      adresse: 'https://absent.example.org/datapackage.json',
      probleme: { code: 'injoignable', raison: { fr: 'Injoignable : ENOTFOUND.', en: 'Unreachable: ENOTFOUND.' } },
    };
    const twin: PeerOutcome = { adresse: 'https://copie.example.org/datapackage.json', comparison: zeta.comparison, publication: undefined };
    const withPeers = buildComparison({ releases: [zeta], peers: [{ adresse: peer.adresse, comparison: peer.comparison, copie: peer.copie }, missing, twin] });
    const list = JSON.parse(text(withPeers.get('donnees/comparaison/pairs.json')!)) as PublishedTable;
    expect(list.colonnes.map((c) => c.nom)).toEqual(PEER_COLUMNS.map((c) => c.nom));
    expect(list.lignes.map((r) => [r.adresse, r.inclus, r.code_raison])).toEqual([
      [peer.adresse, true, null],
      [missing.adresse, false, 'injoignable'],
      // zeta is this site's own publisher: the peer that is zeta again is not included.
      [twin.adresse, false, 'doublon'],
    ]);
    expect(list.lignes[2]!.raison_en).toMatch(/already a publisher of this site/);
    const rows = (JSON.parse(text(withPeers.get('donnees/comparaison/comparaison-editeurs.json')!)) as PublishedTable).lignes;
    expect([...new Set(rows.map((r) => r.editeur))]).toEqual(['zeta', 'beta']);
  });
});
