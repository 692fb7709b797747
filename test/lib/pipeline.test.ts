/**
 * The sample data, computed through the whole pipeline, reproduces every published result of the
 * Région Pays de la Loire for 2012–2018 (../shared/DOMAIN.md, "Published results the sample data
 * must reproduce"). Expected values below are the published figures, not outputs of our code.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { headlineFigures, type HeadlineId } from '../../src/lib/indicators/index.ts';
import { runPipeline, type PipelineResult } from '../../src/lib/pipeline.ts';
import { validateDataset } from '../../src/lib/validate/index.ts';
import type { Dataset } from '../../src/lib/dataset.ts';
import { readPublisherFolder } from '../../scripts/lib/fs-input.ts';
import { highs, protectionOf, released } from './released.ts';

let dataset: Dataset;
let published: PipelineResult;

beforeAll(async () => {
  const input = await readPublisherFolder('data/pays-de-la-loire', 'data');
  delete input.files['publications.json'];
  const { ok, dataset: ds, report } = await validateDataset(input);
  expect(report.errorCount).toBe(0);
  expect(ok).toBe(true);
  dataset = ds!;
  published = await runPipeline([{ input }], { highs, siteUrl: SITE_URL });
  released(dataset); // the protected cells the key figures read, computed once here rather than in the first test
}, 180_000);

/** The headline figures, read from the dataset's cells (the key figures' own computation). */
const figures = () => headlineFigures(protectionOf(dataset).cells);

/** Where the build says the site is served (SITE + BASE). */
const SITE_URL = 'https://donnees.region.example/clauses/';

/** Rounded the way the source states the figure. */
const round = (v: number | null, decimals: number) => (v === null ? null : Number(v.toFixed(decimals)));

describe('published results of the Région Pays de la Loire, recomputed from data/', () => {
  const exact: [HeadlineId, number][] = [
    ['marches_avec_clause', 564],
    ['operations', 104],
    ['marches_avec_clause_annee', 79],
    ['operations_annee', 10],
    ['personnes', 1435],
    ['personnes_alternance', 239],
    ['personnes_cdi', 78],
    ['marches_critere_attribution', 27],
    ['marches_critere_attribution_annee', 6],
    ['operations_critere_attribution_annee', 2],
    ['facilitateurs', 12],
    ['directions_executantes', 7],
  ];
  it.each(exact)('%s = %d', (id, expected) => {
    expect(figures()[id].valeur).toBe(expected);
  });

  const percentages: [HeadlineId, number, number][] = [
    ['part_heures_siae', 70, 0],
    ['part_heures_alternance', 24, 0],
    ['part_heures_cdi', 8, 0],
    ['part_femmes_debut', 3, 0],
    ['part_femmes_fin', 12.96, 2],
    ['part_marches_services_debut', 8, 0],
    ['part_marches_services_annee', 20, 0],
  ];
  it.each(percentages)('%s ≈ %d %% (to %d decimals, as published)', (id, expected, decimals) => {
    expect(round(figures()[id].valeur, decimals)).toBe(expected);
  });

  it('hours carried out: "a little over 318,000"', () => {
    const hours = figures().heures_realisees.valeur!;
    expect(hours).toBeGreaterThan(318_000);
    expect(hours).toBeLessThan(319_000);
  });

  it('companies that hired: "more than 514"', () => {
    expect(figures().entreprises_ayant_embauche.valeur!).toBeGreaterThan(514);
  });
});

describe('the published key-figures table says the same as the computation', () => {
  it('chiffres-cles.json carries every headline figure with its computed value', () => {
    const bytes = published.files.get('donnees/pays-de-la-loire/chiffres-cles.json');
    expect(bytes).toBeDefined();
    const table = JSON.parse(new TextDecoder().decode(bytes)) as { lignes: { indicateur: string; valeur: unknown }[] };
    const computed = figures();
    const byId = new Map(table.lignes.map((l) => [l.indicateur, l.valeur]));
    expect(byId.get('personnes')).toBe(1435);
    expect(byId.get('marches_avec_clause')).toBe(564);
    const hours = byId.get('heures_realisees');
    expect(typeof hours).toBe('number');
    expect(Math.abs((hours as number) - computed.heures_realisees.valeur!)).toBeLessThan(1);
  });

  it('publishes nothing at participant level', () => {
    // The standard (donnees/standard/) describes the input tables with one invented example row
    // each; no file holds their rows.
    const paths = [...published.files.keys()].filter((p) => !p.startsWith('donnees/standard/'));
    expect(paths.filter((p) => /participants|\/heures\.(csv|json)$/.test(p))).toEqual([]);
    for (const [path, bytes] of published.files) {
      if (!path.startsWith('donnees/pays-de-la-loire/') || !/\.(csv|json)$/.test(path)) continue;
      const text = new TextDecoder().decode(bytes);
      expect(text, path).not.toMatch(/\bP\d{5,}\b/); // participant pseudonyms
    }
  });
});

describe('the published standard', () => {
  it('points its schemas to the address the site is served from', () => {
    const bytes = published.files.get('donnees/standard/heures/schema.json');
    expect(bytes).toBeDefined();
    const schema = JSON.parse(new TextDecoder().decode(bytes)) as { homepage: string; path: string };
    expect(schema.homepage).toBe(SITE_URL);
    expect(schema.path.startsWith(`${SITE_URL}donnees/standard/`)).toBe(true);
  });
});

describe('a dataset with an error publishes nothing', () => {
  it('returns no file and the report names file, line, column, value and rule', async () => {
    const input = await readPublisherFolder('data/pays-de-la-loire', 'data');
    delete input.files['publications.json'];
    const text = new TextDecoder().decode(input.files['heures.csv']);
    const lines = text.split('\r\n');
    lines[5] = lines[5]!.replace(/;\d+(,\d+)?;/, ';12h;');
    input.files['heures.csv'] = new TextEncoder().encode(lines.join('\r\n'));
    const result = await runPipeline([{ input }], { highs });
    expect(result.ok).toBe(false);
    expect(result.files.size).toBe(0);
    const issue = result.reports[0]!.issues.find((i) => i.severity === 'error')!;
    expect(issue).toMatchObject({ file: 'heures.csv', line: 6, column: 'heures', value: '12h', rule: 'nombre.format' });
    expect(issue.message.fr).toMatch(/nombre/i);
    expect(issue.message.en).toMatch(/number/i);
  });
});
