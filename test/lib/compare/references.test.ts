/**
 * Other territories' published results, on the real reference file. The expected flags below were
 * set by reading each row's `periode`, `autre` and `exact_quote`, not from the code's output.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  approximations,
  buildComparison,
  classifyScope,
  natureOfHours,
  parsePeriod,
  parseReferences,
  publishedResults,
  REFERENCE_TABLE_COLUMNS,
  referencesTable,
  splitScope,
  type PublishedResult,
} from '../../../src/lib/compare/index.ts';
import { comparedRelease } from './helpers.ts';
import { dataset } from '../indicators/fixtures.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FILE = join(ROOT, 'data', 'references', 'resultats-publies-autres-territoires.csv');
const SHARED = join(ROOT, '..', 'shared', 'reference', 'resultats-publies-autres-territoires.csv');
const bytes = new Uint8Array(readFileSync(FILE));
const results = publishedResults(bytes);

/** The row whose territory starts with `prefix` (and whose period is `periode`, when several). */
function row(prefix: string, periode?: string): PublishedResult {
  const found = results.filter((r) => r.territoire.startsWith(prefix) && (periode === undefined || r.periode.libelle === periode));
  expect(found, `${prefix} ${periode ?? ''}`).toHaveLength(1);
  return found[0]!;
}

describe('the reference file', () => {
  it('is the shared reference file, unchanged, with the hash its README gives', () => {
    const hash = createHash('sha256').update(bytes).digest('hex');
    expect(readFileSync(join(ROOT, 'data', 'references', 'README.md'), 'utf8')).toContain(hash);
    if (existsSync(SHARED)) expect(Buffer.from(readFileSync(SHARED)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('every row parses: 30 results, each with a source URL, a date and a quote', () => {
    const { rows, issues } = parseReferences(bytes);
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(30);
    expect(results).toHaveLength(30);
    for (const r of results) {
      expect(r.urls.length, r.territoire).toBeGreaterThan(0);
      expect(r.date_source.length).toBeGreaterThan(0);
      expect(r.citation).toMatch(/^« |^"« /);
      expect(r.heures).not.toBeNull();
      expect(r.statut).toEqual({ fr: 'publié, non vérifié', en: 'published, not verified' });
    }
  });

  it('every row has a scope prefix that is classified, and a known kind of hours', () => {
    for (const r of results) {
      expect(r.precision_perimetre, r.territoire).not.toBe('');
      expect(r.perimetre, r.territoire).not.toBe('NON_PRECISE');
      expect(r.note).not.toMatch(/^\[/);
    }
  });

  it('reads percentages written with a dot', () => {
    expect(row('Île-de-France (Observatoire').part_femmes).toBe(15.1);
    expect(row('Grand Paris Sud Est Avenir').part_femmes).toBe(20.6);
    expect(row('Bordeaux').part_heures_siae).toBe(80);
  });
});

describe('flags of rows checked by reading them', () => {
  it('Région Pays de la Loire 2023: own contracts, one year, planned hours (« clausées »), AMBIGU', () => {
    const r = row('Région Pays de la Loire');
    expect(r.perimetre).toBe('MARCHES_PROPRES');
    expect(r.periode).toMatchObject({ annuel: true, annee_debut: 2023, annee_fin: 2023, connue: true });
    expect(r.nature_heures).toBe('PREVUES');
    expect(r.ambigu).toBe(true);
    expect(r.incertain).toBe(false);
    expect(r.heures_par_personne).toBe(245.71);
    expect(r.avertissements.fr).toContain('Heures prévues');
  });

  it('ANRU 2005-06/2013: a multi-year total over many buyers, hours carried out', () => {
    const r = row('ANRU – Programme');
    expect(r.periode).toMatchObject({ annuel: false, annee_debut: 2005, annee_fin: 2013, annees_couvertes: 9, connue: true });
    expect(r.perimetre).toBe('PLUSIEURS_DONNEURS_ORDRE');
    expect(r.nature_heures).toBe('REALISEES');
    expect(r.heures_par_personne).toBe(382.94);
    expect(r.avertissements.fr).toContain('Total pluriannuel (2005–2013)');
  });

  it('Hérault 2017: whole territory, « près de 370 000 » flagged as an approximation', () => {
    const r = row('Hérault');
    expect(r.perimetre).toBe('PLUSIEURS_DONNEURS_ORDRE');
    expect(r.periode.annuel).toBe(true);
    expect(r.approximation).toBe(true);
    expect(r.approximations).toEqual(['heures_realisees : près de 370 000']);
  });

  it('Haute-Vienne 2017: own and other buyers’ operations, hours « générant », no approximation (« auprès de » is not « près de »)', () => {
    const r = row('Département de la Haute-Vienne');
    expect(r.perimetre).toBe('MARCHES_PROPRES_ET_AUTRES');
    expect(r.nature_heures).toBe('GENEREES');
    expect(r.approximation).toBe(false);
  });

  it('Nantes Métropole ≈2022: a yearly average, approximate period and value, « générées », AMBIGU', () => {
    const r = row('Nantes Métropole (ensemble');
    expect(r.periode).toMatchObject({ annuel: true, moyenne_annuelle: true, approchee: true, annee_debut: 2022 });
    expect(r.perimetre).toBe('MARCHES_PROPRES');
    expect(r.nature_heures).toBe('GENEREES');
    expect(r.ambigu).toBe(true);
    expect(r.approximations).toEqual(['heures_realisees : plus de 700 000']);
  });

  it('Nantes Métropole 2004-06/2008: multi-year, hours written into the clauses (planned), AMBIGU', () => {
    const r = row('Nantes Métropole', '2004-06/2008 (cumul)');
    expect(r.periode).toMatchObject({ annuel: false, annee_debut: 2004, annee_fin: 2008 });
    expect(r.nature_heures).toBe('PREVUES');
    expect(r.heures_par_marche).toBe(2022.57);
  });

  it('Conseil régional d’Île-de-France: unknown year, own and subsidised contracts, nature not stated, INCERTAIN', () => {
    const r = row("Conseil régional d'Île-de-France");
    expect(r.periode).toMatchObject({ connue: false, annuel: false, annee_debut: null, annees_couvertes: null });
    expect(r.perimetre).toBe('MARCHES_PROPRES_ET_AUTRES');
    expect(r.nature_heures).toBe('NON_PRECISEE');
    expect(r.incertain).toBe(true);
    // « un peu plus de 6.000 heures en 2011 » is another figure than the row's 100 000.
    expect(r.approximation).toBe(false);
    expect(r.avertissements.fr).toContain('Période non précisée');
  });

  it('Société du Grand Paris: approximate start (≈2016) to 03/2021, « plus de deux millions » and « près de 2 300 »', () => {
    const r = row('Société du Grand Paris');
    expect(r.periode).toMatchObject({ annuel: false, annee_debut: 2016, annee_fin: 2021, approchee: true });
    expect(r.perimetre).toBe('MARCHES_PROPRES_ET_AUTRES');
    expect(r.nature_heures).toBe('REALISEES');
    expect(r.approximations).toEqual(['heures_realisees : plus de deux millions', 'personnes : Près de 2 300']);
  });

  it('Grand Lyon 2011: own contracts, hours worked; 213 036 is exact although the quote says « plus de 213 000 »', () => {
    const r = row('Grand Lyon');
    expect(r.perimetre).toBe('MARCHES_PROPRES');
    expect(r.nature_heures).toBe('REALISEES');
    expect(r.approximation).toBe(false);
    expect(r.heures_par_marche).toBe(1919.24);
    expect(r.heures_par_personne).toBe(926.24);
  });

  it('Paris 2007-2012: a facilitator’s portfolio (several buyers); hours carried out, although the note cites other « générées » hours', () => {
    const r = row('Paris (Maison');
    expect(r.perimetre).toBe('PLUSIEURS_DONNEURS_ORDRE');
    expect(r.nature_heures).toBe('REALISEES');
    expect(r.periode).toMatchObject({ annuel: false, annee_debut: 2007, annee_fin: 2012 });
  });

  it('Rennes Métropole 2018: whole metropolitan territory; « générés par » is an origin, the nature is not stated', () => {
    const r = row('Rennes Métropole');
    expect(r.perimetre).toBe('PLUSIEURS_DONNEURS_ORDRE');
    expect(r.nature_heures).toBe('NON_PRECISEE');
  });

  it('Bordeaux 2012: « près de 80 % » through SIAE is an approximation of the share', () => {
    const r = row('Bordeaux');
    expect(r.approximations).toEqual(['part_siae_heures : Près de 80']);
    expect(r.perimetre).toBe('PLUSIEURS_DONNEURS_ORDRE');
  });

  it('Hautes-Alpes 2019: own contracts, INCERTAIN, « ~76 000 », forecast in the period note', () => {
    const r = row('Département des Hautes-Alpes');
    expect(r.perimetre).toBe('MARCHES_PROPRES');
    expect(r.incertain).toBe(true);
    expect(r.periode).toMatchObject({ annuel: true, approchee: true, annee_debut: 2019, annee_fin: 2019 });
    expect(r.approximations).toEqual(['heures_realisees : ~76 000']);
  });

  it('Ville d’Angers: own contracts (urban renewal is what they are about, not a programme scope)', () => {
    expect(row("Ville d'Angers").perimetre).toBe('MARCHES_PROPRES');
  });

  it('Grands projets franciliens 2022: several buyers named in a list', () => {
    expect(row('Grands projets franciliens (Grand Paris').perimetre).toBe('PLUSIEURS_DONNEURS_ORDRE');
  });

  it('SOLIDEO: two source URLs kept', () => {
    expect(row('SOLIDEO').urls).toEqual([
      'https://www.carenews.com/carenews-info/news/paris-2024-les-objectifs-en-terme-d-insertion-deja-depasses-sur-les-chantiers',
      'https://francsjeux.com/?p=96275',
    ]);
  });

  it('never mixes silently: every non-comparable aspect is written in the caveats', () => {
    for (const r of results) {
      if (!r.periode.annuel && r.periode.connue) expect(r.avertissements.fr).toContain('pluriannuel');
      if (r.perimetre !== 'MARCHES_PROPRES') expect(r.avertissements.fr).toContain('Périmètre');
      if (r.nature_heures !== 'REALISEES') expect(r.avertissements.en.length).toBeGreaterThan(0);
      if (r.ambigu) expect(r.avertissements.fr).toContain('AMBIGU');
      if (r.incertain) expect(r.avertissements.fr).toContain('INCERTAIN');
    }
    const clean = results.filter((r) => r.avertissements.fr === '');
    for (const r of clean) {
      expect(r).toMatchObject({ perimetre: 'MARCHES_PROPRES', nature_heures: 'REALISEES', ambigu: false, incertain: false, approximation: false });
      expect(r.periode.annuel).toBe(true);
    }
  });
});

describe('parsers', () => {
  it.each([
    ['2014', 2014, 2014, true, true],
    ['2012-2018', 2012, 2018, false, true],
    ['2005-06/2013 (cumul au 30/06/2013)', 2005, 2013, false, true],
    ['2018-13/10/2023 (cumul)', 2018, 2023, false, true],
    ['début des travaux (≈2016)-03/2021 (cumul)', 2016, 2021, false, true],
    ['2007-2012 (cumul, 5 ans)', 2007, 2012, false, true],
    ['≈2022 (moyenne annuelle)', 2022, 2022, true, true],
    ['2019 (et prévision 2020)', 2019, 2019, true, true],
    ['n.c. (vers 2012-2013)', null, null, false, false],
  ] as const)('period %s → %s–%s, annual %s, known %s', (raw, debut, fin, annuel, connue) => {
    expect(parsePeriod(raw)).toMatchObject({ libelle: raw, annee_debut: debut, annee_fin: fin, annuel, connue });
  });

  it('splits and classifies the scope prefix', () => {
    expect(splitScope('[périmètre: marchés propres du Département] 346 marchés')).toEqual({
      perimetre: 'marchés propres du Département',
      note: '346 marchés',
    });
    expect(splitScope('pas de préfixe')).toEqual({ perimetre: null, note: 'pas de préfixe' });
    expect(classifyScope('marchés propres de la Région')).toBe('MARCHES_PROPRES');
    expect(classifyScope("territoire régional, tous donneurs d'ordre")).toBe('PLUSIEURS_DONNEURS_ORDRE');
    expect(classifyScope('marchés de la Région + marchés subventionnés')).toBe('MARCHES_PROPRES_ET_AUTRES');
    expect(classifyScope(null)).toBe('NON_PRECISE');
  });

  it('reads the kind of hours from the quote and the caveat', () => {
    expect(natureOfHours('« 8,4 millions d’heures ont été réalisées »', '')).toBe('REALISEES');
    expect(natureOfHours('« 74 695 heures d’insertion clausées »', '')).toBe('PREVUES');
    expect(natureOfHours('« ont généré 13 millions d’heures »', '')).toBe('GENEREES');
    expect(natureOfHours('« au total, 112 000 heures d’insertion »', '')).toBe('NON_PRECISEE');
  });

  it('finds approximations only when the round number is the row’s own value', () => {
    const base = parseReferences(bytes).rows[0]!;
    expect(approximations({ ...base, exact_quote: '« près de 8,4 millions d’heures »' })).toEqual(['heures_realisees : près de 8,4 millions']);
    expect(approximations({ ...base, exact_quote: '« près de 6 millions en 2012 »', autre: '' })).toEqual([]);
  });

  it('reports bad rows with their line, never skips them', () => {
    const header = 'territoire;type_territoire;periode;heures_realisees;personnes;marches;operations;part_femmes;part_siae_heures;autre;source;date_source;exact_quote';
    const good = 'A;region;2020;1000;10;;;;;[périmètre: marchés propres];https://a.example;2021;« q »';
    const bad = 'B;planete;2020;12h;10;;;;150;x;pas une adresse;2021;« q »';
    const { rows, issues } = parseReferences(`${header}\n${good}\n${bad}\n`);
    expect(rows).toHaveLength(1);
    expect(issues.map((i) => i.line)).toEqual([3, 3, 3, 3]);
    expect(issues.map((i) => i.message.split(':')[0])).toEqual(['type_territoire', 'heures_realisees', 'part_siae_heures', 'source']);
    expect(() => publishedResults(`${header}\n${bad}\n`)).toThrow(/ligne 2/);
    expect(parseReferences('a;b\n1;2\n').issues[0]!.message).toContain('manquantes');
  });
});

describe('published table', () => {
  const t = referencesTable(bytes);

  it('keeps source URL, date and quote, and says on every row « publié, non vérifié »', () => {
    const lines = t.csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(REFERENCE_TABLE_COLUMNS.map((c) => c.nom).join(','));
    for (const r of t.lignes) {
      expect(r.statut).toBe('publié, non vérifié');
      expect(r.statut_en).toBe('published, not verified');
      expect(String(r.url)).toMatch(/^https?:\/\//);
      expect(r.citation).toBeTruthy();
      expect(r.date_source).toBeTruthy();
      for (const flag of ['annuel', 'perimetre', 'nature_heures', 'ambigu', 'incertain', 'approximation']) expect(r[flag], flag).not.toBeNull();
    }
    expect(t.lignes).toHaveLength(30);
  });

  it('writes its CSV and JSON next to the publishers’ comparison, deterministically', () => {
    const ds = dataset({
      marches: [{ id_marche: 'M1' }],
      participants: [{ id_participant: 'P1' }],
      heures: [{ id_participant: 'P1', id_marche: 'M1', mois: '2017-04', heures: 10 }],
    });
    const releases = [comparedRelease(ds)];
    const files = buildComparison({ releases, references: bytes });
    expect([...files.keys()]).toEqual([
      'donnees/comparaison/comparaison-editeurs.csv',
      'donnees/comparaison/comparaison-editeurs.json',
      'donnees/comparaison/resultats-publies-autres-territoires.csv',
      'donnees/comparaison/resultats-publies-autres-territoires.json',
    ]);
    const json = JSON.parse(new TextDecoder().decode(files.get('donnees/comparaison/resultats-publies-autres-territoires.json'))) as { statut: unknown; lignes: unknown[] };
    expect(json.statut).toEqual({ fr: 'publié, non vérifié', en: 'published, not verified' });
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers as any
    expect(json.lignes[0]).toMatchObject({ rang: 1, urls: [expect.stringMatching(/^https:/)], citation: expect.any(String) });
    const again = buildComparison({ releases, references: new TextDecoder().decode(bytes) });
    for (const [path, b] of files) expect(Buffer.from(again.get(path)!).equals(Buffer.from(b)), path).toBe(true);
  });
});
