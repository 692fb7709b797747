/**
 * The site against the fixture publication (test/fixtures/publication): what is shown equals what
 * is published and downloaded, secrets stay secret, every code has a label.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParseRows } from 'd3';
import { beforeAll, describe, expect, test } from 'vitest';
import { CODED_COLUMNS, codeLabel, hasCodeLabel, LANGS } from '../../src/i18n/index.ts';
import { formatCell, publishedLabel } from '../../src/site/format.ts';

process.env.PUBLICATION_DIR = join(import.meta.dirname, '../fixtures/publication');
const { publication, table } = await import('../../src/site/data.ts');
const { chartModel } = await import('../../src/site/charts.ts');
const { keyFigures } = await import('../../src/site/key-figures.ts');
const { keyFigureDefinition, partialYears } = await import('../../src/site/definitions.ts');
const { outcomes } = await import('../../src/site/outcomes.ts');
const { CHART_SPECS, PAGE_CONTENT, SDG_RELATED, SDG_TARGETS, KEY_FIGURES_TABLE } = await import('../../src/site/pages-manifest.ts');

let pub: ReturnType<typeof publication>;
beforeAll(() => {
  pub = publication();
});

describe('reading the publication', () => {
  test('publisher metadata comes from datapackage.json', () => {
    expect(pub.editeur).toMatchObject({ id: 'pays-de-la-loire', nom: 'Région Pays de la Loire', synthetique: true, seuil_secret: 5 });
  });
  test('every download has its size and the SHA-256 of the file', () => {
    for (const d of pub.downloads) {
      expect(d.bytes).toBe(readFileSync(join(pub.dir, d.file)).length);
      expect(d.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
    expect(pub.downloads.map((d) => d.format)).toEqual(expect.arrayContaining(['csv', 'json', 'xlsx', 'zip', 'md', 'txt']));
  });
  test('the validation report is read when present', () => {
    expect(pub.validation?.files.length).toBeGreaterThan(0);
    expect(pub.validation?.warningCount).toBe(3);
  });
});

describe('manifest', () => {
  test('every chart of the manifest finds its table and columns in the fixture', () => {
    for (const spec of CHART_SPECS) expect(chartModel(spec, 'fr'), spec.id).toBeDefined();
  });
  test('pages and SDG targets only name charts of the manifest', () => {
    const ids = new Set(CHART_SPECS.map((c) => c.id));
    const used = [...Object.values(PAGE_CONTENT).flatMap((p) => p?.charts ?? []), ...[...SDG_TARGETS.flatMap((g) => g.targets), ...SDG_RELATED].flatMap((t) => t.charts)];
    for (const id of used) expect(ids.has(id), id).toBe(true);
  });
  test('every code of a published table has a label: published, or from the data contract', () => {
    const missing: string[] = [];
    for (const tab of pub.tables.values())
      for (const c of tab.colonnes)
        if (CODED_COLUMNS.has(c.nom))
          for (const r of tab.lignes) {
            const v = r[c.nom];
            if (typeof v === 'string' && v !== 'secret' && publishedLabel('fr', c.nom, r) === undefined && !hasCodeLabel(c.nom, v)) missing.push(`${tab.id}.${c.nom}=${v}`);
          }
    expect([...new Set(missing)]).toEqual([]);
  });
});

describe('what is shown is what is published', () => {
  test('key figures equal the key-figures table', () => {
    const rows = table(KEY_FIGURES_TABLE)?.lignes ?? [];
    for (const lang of LANGS) for (const f of keyFigures(lang, PAGE_CONTENT.home?.keyFigures ?? [])) expect(f.value).toBe(rows.find((r) => r.indicateur === f.code)?.valeur);
    expect(keyFigures('fr', ['heures_realisees', 'part_heures_siae']).map((f) => f.text)).toEqual(['318\u202f400', '70\u202f%']);
  });
  test("a chart's rows are rows of its published table, and its CSV is the published CSV restricted to its columns", () => {
    for (const spec of CHART_SPECS) {
      const model = chartModel(spec, 'fr');
      if (!model) continue;
      const [header = [], ...published] = csvParseRows(readFileSync(join(pub.dir, `${spec.table}.csv`), 'utf8').replace(/^\uFEFF/, ''));
      const idx = model.columns.map((c) => header.indexOf(c.nom));
      const expected = new Set(published.map((cells) => JSON.stringify(idx.map((i) => cells[i]))));
      const [chartHeader, ...shown] = csvParseRows(model.csv);
      expect(chartHeader).toEqual(model.columns.map((c) => c.nom));
      for (const cells of shown) expect(expected.has(JSON.stringify(cells)), `${spec.id}: ${cells.join(',')}`).toBe(true);
      expect(model.rows.every((r) => model.table.lignes.includes(r))).toBe(true);
    }
  });
  test('secret cells stay secret in charts, summaries and tables, never 0', () => {
    const model = chartModel('heures-par-segment', 'fr');
    expect(model?.hasSecret).toBe(true);
    expect(model?.points.filter((p) => p.y === 'secret').map((p) => `${p.series} ${p.x}`)).toEqual(['Services 2015', 'Prestations intellectuelles 2015']);
    expect(model?.summary).toContain('secret statistique : Services 2015, Prestations intellectuelles 2015');
    expect(model?.csv).toContain('2015,SERVICES,secret');
  });
  test('a code reads as its published label in charts and tables; the codes shown without one are listed', () => {
    // Every code a page shows (charts of the manifest, tables of the release), by language: the
    // label it shows must be the row's published one when the row has one.
    const withoutPublished = new Set<string>();
    const unlabelled = new Set<string>();
    for (const lang of LANGS)
      for (const tab of pub.tables.values())
        for (const c of tab.colonnes.filter((col) => CODED_COLUMNS.has(col.nom)))
          for (const r of tab.lignes) {
            const v = r[c.nom];
            if (typeof v !== 'string' || v === 'secret') continue;
            const published = publishedLabel(lang, c.nom, r);
            expect(formatCell(lang, c, v, r), `${tab.id}.${c.nom}=${v}`).toBe(published ?? codeLabel(lang, c.nom, v));
            if (published === undefined) withoutPublished.add(`${lang} ${tab.id}.${c.nom}`);
            if (published === undefined && !hasCodeLabel(c.nom, v)) unlabelled.add(`${lang} ${tab.id}.${c.nom}=${v}`);
          }
    // French pages show the release's labels everywhere but in the contracts table, which
    // publishes codes only; English pages take the data contract's English labels, since the
    // release publishes French label columns only (`libelle_<col>`, no `libelle_<col>_en`).
    expect([...withoutPublished].filter((s) => s.startsWith('fr '))).toEqual(['fr marches.segment', 'fr marches.departement', 'fr marches.type_clause']);
    expect([...unlabelled]).toEqual([]);
    const model = chartModel('heures-par-segment', 'fr');
    const series = new Set(model?.points.map((p) => p.series));
    expect(series.size).toBeGreaterThan(1);
    expect(series).toEqual(new Set(model?.rows.map((r) => r.libelle_segment)));
  });
  test('a key figure shows with the precision its table publishes', () => {
    const fin = table(KEY_FIGURES_TABLE)?.lignes.find((r) => r.indicateur === 'part_femmes_fin');
    const [figure] = keyFigures('fr', ['part_femmes_fin']);
    const digits = typeof fin?.precision === 'number' ? fin.precision : 0;
    expect(figure?.text).toBe(`${(fin?.valeur as number).toFixed(digits).replace('.', ',')}\u202f%`);
  });
  test('the standalone SVG carries title, source and licence', () => {
    const model = chartModel('heures-par-annee', 'en');
    expect(model?.standalone).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(model?.standalone).toContain('<title>Insertion hours carried out by year</title>');
    expect(model?.standalone).toContain('Open Licence / Etalab 2.0');
  });
});

describe('one definition per figure, on screen', () => {
  test('a key figure shows the definition its table publishes, in the page language', () => {
    const rows = table(KEY_FIGURES_TABLE)?.lignes ?? [];
    for (const lang of LANGS) for (const r of rows) expect(keyFigureDefinition(lang, String(r.indicateur))).toBe(r[`definition_${lang}`]);
  });
  test('every chart of the manifest has a short definition in both languages', () => {
    for (const spec of CHART_SPECS) for (const lang of LANGS) expect(chartModel(spec, lang)?.definition, `${spec.id} ${lang}`).toMatch(/\S{3}/);
  });
  test('a year whose first months hold no hours is a part year: said in the subtitle, left out of the trend', () => {
    const months = (table('heures-par-mois')?.lignes ?? []).filter((r) => String(r.mois).startsWith('2012') && r.heures_realisees !== 0);
    const first = Number(String(months[0]?.mois).slice(5, 7));
    expect(partialYears()).toEqual([{ year: 2012, from: first, to: 12 }]);
    const model = chartModel('heures-par-annee', 'en');
    expect(model?.subtitle).toContain('2012: part year (October–December only)');
    expect(model?.summary).not.toMatch(/in 2012, /);
    // Charts by year of notification are not about hours worked: no part-year note.
    expect(chartModel('marches-par-annee', 'fr')?.subtitle).not.toContain('partielle');
  });
});

describe('does it work?', () => {
  test('each outcome is one published cell, secret shown as secret', () => {
    const exit = table('heures-par-situation-a-la-sortie')?.lignes.find((r) => r.situation_sortie === 'EMPLOI_DURABLE');
    const synth = table('synthese')?.lignes[0];
    const shown = outcomes('fr');
    expect(shown.map((o) => o.value)).toEqual([exit?.part_personnes, synth?.taux_realisation]);
    for (const o of shown) {
      expect(o.text).toBe(
        o.value === 'secret'
          ? 'secret'
          : formatCell(
              'fr',
              table(o.id === 'emploi_durable' ? 'heures-par-situation-a-la-sortie' : 'synthese')!.colonnes.find((c) => c.nom === (o.id === 'emploi_durable' ? 'part_personnes' : 'taux_realisation'))!,
              o.value,
            ),
      );
      expect(o.definition.length).toBeGreaterThan(40);
      expect(o.link).toMatch(/#/);
    }
  });
  test('lasting contracts over time keep their secret cells secret', () => {
    const model = chartModel('contrats-durables-par-annee', 'fr');
    const secret = model?.rows.filter((r) => r.part_heures === 'secret') ?? [];
    expect(secret.length).toBeGreaterThan(0);
    expect(model?.points.filter((p) => p.y === 'secret').length).toBe(secret.length);
    expect(new Set(model?.rows.map((r) => r.type_contrat))).toEqual(new Set(['CDI', 'APPRENTISSAGE', 'PROFESSIONNALISATION']));
  });
});

describe('downloads a reader can use as is', () => {
  test('a chart has a CSV in the page language: BOM, titles with units, labels, secret in words, source', () => {
    const model = chartModel('heures-par-segment', 'en')!;
    const [head, ...lines] = model.labelledCsv
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(model.labelledCsv.startsWith('\ufeff')).toBe(true);
    expect(head).toBe('Year the hours were carried out,Segment,Insertion hours carried out (hours),Source');
    expect(lines).toHaveLength(model.rows.length);
    // Codes read as the English labels of the data contract, never the French published label.
    expect(lines.some((l) => l.includes(',Works,'))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/Travaux|,secret,/);
    expect(lines.filter((l) => l.includes(',suppressed,'))).toHaveLength(model.rows.filter((r) => r.heures_realisees === 'secret').length);
  });
});
