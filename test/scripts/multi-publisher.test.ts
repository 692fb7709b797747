/**
 * Several publishers, end to end: the committed sample (Région Pays de la Loire) beside a second
 * synthetic publisher written by the sample generator under another id, name and seed
 * (scripts/sample, `--id`/`--nom`/`--seed`), built with `scripts/build.ts --data … --out …` into a
 * temporary folder. The public data/ keeps one publisher; the second exists only here.
 *
 * Two builds (the budget of this file): a good one, whose output is checked — each publisher's
 * files, section, downloads and metadata, the comparison page with both, other territories apart —
 * then one where the second publisher has a bad cell: nothing is published, the first site stays.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../scripts/sample/generate.ts';
import { PROJECT, projectCopy, runBuild } from './helpers/site-build.ts';

const TMP = mkdtempSync(join(tmpdir(), 'multi-publisher-'));
const DATA = join(TMP, 'data');
const OUT = join(TMP, 'dist');
const MAIN = 'pays-de-la-loire';
const SECOND = 'territoire-exemple';
const SECOND_NAME = 'Territoire d’exemple';
const IDS = [MAIN, SECOND];

const ROOT = projectCopy(TMP);

cpSync(join(PROJECT, 'data', MAIN), join(DATA, MAIN), { recursive: true });
cpSync(join(PROJECT, 'data', 'references'), join(DATA, 'references'), { recursive: true });
generateSample({ out: join(DATA, SECOND), seed: 7, publisher: { id: SECOND, nom: SECOND_NAME } });

afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** `scripts/build.ts` in a child process, with the environment of `npm run build`. */
const build = () => runBuild(ROOT, ['--data', DATA, '--out', OUT]);

const read = (path: string) => readFileSync(join(OUT, path), 'utf8');
const page = (path: string) => parseHTML(read(path)).document;
/** The publisher's name as its data package gives it (Frictionless `contributors`). */
const nameOf = (id: string): string =>
  (JSON.parse(read(`donnees/${id}/datapackage.json`)) as { contributors: { role: string; title: string }[] }).contributors.find((c) => c.role === 'publisher')!.title;
const sha256 = (path: string) =>
  createHash('sha256')
    .update(readFileSync(join(OUT, path)))
    .digest('hex');

describe('a release with two publishers', () => {
  let first: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    first = await build();
  }, 600_000);

  it('builds', () => {
    expect(first.stderr + first.stdout).toMatch(new RegExp(`${SECOND}: données valides`));
    expect(first.code).toBe(0);
  });

  it('publishes each publisher in its own folder, validated on its own', () => {
    for (const id of IDS) {
      expect((JSON.parse(read(`donnees/${id}/datapackage.json`)) as { name: string }).name).toBe(`clauses-insertion-${id}`);
      expect(existsSync(join(OUT, 'donnees', id, 'chiffres-cles.csv'))).toBe(true);
      expect(readdirSync(join(OUT, 'donnees', id)).some((f) => f.endsWith('.zip'))).toBe(true);
    }
    expect(nameOf(SECOND)).toBe(SECOND_NAME);
    expect(nameOf(MAIN)).toBe('Région Pays de la Loire');
  });

  it('keeps the site’s pages on the main publisher (the first by id without EDITEUR), and says so', () => {
    expect(first.stdout).toContain(`Éditeur principal / main publisher: ${MAIN} — le premier par ordre alphabétique parmi ${IDS.join(', ')}`);
    const home = page('index.html');
    expect(home.querySelector('h1')!.textContent).toContain('Région Pays de la Loire');
    expect(read('donnees-ouvertes/index.html')).toContain(`donnees/${MAIN}/datapackage.json`);
    expect(read('donnees-ouvertes/index.html')).not.toContain(`donnees/${SECOND}/`);
  });

  it('lists every publisher with its territory, period, version, synthetic flag, licence, contact and warnings', () => {
    for (const path of ['editeurs/index.html', 'en/editeurs/index.html']) {
      const rows = [...page(path).querySelectorAll('tr[data-editeur]')];
      expect(rows.map((r) => r.getAttribute('data-editeur'))).toEqual(IDS);
      for (const row of rows) {
        const id = row.getAttribute('data-editeur')!;
        const cells = [...row.querySelectorAll('th, td')].map((c) => c.textContent.trim());
        expect(cells[0]).toContain(nameOf(id));
        expect(cells[2]).toBe('2012–2018');
        expect(cells[3]).toContain('2019.1');
        expect(cells[4]).toMatch(/^(oui|yes)$/);
        expect(cells[5]).toMatch(/Licence/);
        expect(cells[6]).toMatch(/Mission clause d'insertion/);
        // The warnings the build reported for this publisher.
        expect(cells[7]).toBe(new RegExp(`${id}: données valides, (\\d+) avertissement`).exec(first.stdout)![1]);
      }
    }
  });

  it('gives each publisher its page, in both languages, with metadata, key figures, downloads, checks, citation and changelog', () => {
    for (const id of IDS) {
      for (const path of [`editeurs/${id}/index.html`, `en/editeurs/${id}/index.html`]) {
        const doc = page(path);
        expect(doc.querySelector('h1')!.textContent).toBe(nameOf(id));
        expect(doc.querySelector('[data-synthetique="true"]')).not.toBeNull();
        expect(doc.querySelectorAll('.kf li[data-indicateur]').length).toBeGreaterThan(5);
        for (const id of ['metadonnees', 'chiffres-cles', 'fichiers', 'controle', 'citer', 'historique']) expect(doc.getElementById(id)).not.toBeNull();
        // Every published file of the publisher is offered, with the hash of the file as published.
        const links = [...doc.querySelectorAll('#fichiers-editeur-legende ~ tbody tr')];
        // The release's own files; its version folders (donnees/<id>/<version>/) are not downloads.
        const files = readdirSync(join(OUT, 'donnees', id), { withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => e.name)
          .sort();
        expect(links.map((tr) => tr.querySelector('a')!.textContent).sort()).toEqual(files);
        for (const tr of links) {
          const href = tr.querySelector('a')!.getAttribute('href')!;
          expect(href).toBe(`/donnees/${id}/${tr.querySelector('a')!.textContent}`);
          expect(tr.querySelector('.hash')!.textContent).toBe(sha256(href.slice(1)));
        }
      }
    }
    // Only the main publisher's page links to the site's results pages.
    expect(page(`editeurs/${MAIN}/index.html`).querySelector('nav[aria-labelledby="pages-du-site"]')).not.toBeNull();
    expect(page(`editeurs/${SECOND}/index.html`).querySelector('nav[aria-labelledby="pages-du-site"]')).toBeNull();
  });

  it('compares both publishers in the published table, the page table and every chart', () => {
    const json = JSON.parse(read('donnees/comparaison/comparaison-editeurs.json')) as { mesures: { id: string; role: string }[]; lignes: { editeur: string; mesure: string }[] };
    const measures = json.mesures.map((m) => m.id);
    for (const id of IDS) expect(json.lignes.filter((r) => r.editeur === id).map((r) => r.mesure)).toEqual(measures);

    const doc = page('comparaison/index.html');
    expect([...doc.querySelectorAll('#comparaison-mesures tbody tr[data-editeur]')].map((tr) => tr.getAttribute('data-editeur'))).toEqual(IDS);
    expect([...doc.querySelectorAll('#comparaison-mesures tbody tr')].every((tr) => tr.getAttribute('data-origine') === 'site')).toBe(true);
    expect(doc.querySelectorAll('#comparaison-mesures thead th[data-mesure]').length).toBe(measures.length);
    const comparable = json.mesures.filter((m) => m.role === 'comparable');
    const charts = [...doc.querySelectorAll('.validated figure.chart')];
    expect(charts.length).toBe(comparable.length);
    for (const figure of charts) {
      expect(figure.querySelector('.chart-title')!.textContent).not.toBe('');
      expect(figure.querySelector('.chart-sub')!.textContent).toMatch(/pluriannuel ; marchés propres de l'acheteur ; heures réalisées/);
      expect(figure.querySelector('.chart-summary')!.textContent).not.toBe('');
      expect(figure.querySelector('.chart-source')!.textContent).toMatch(/Licence Ouverte/);
      expect(figure.querySelector('details.chart-data table')).not.toBeNull();
      const csv = figure.querySelector('a[href$=".csv"]')!.getAttribute('href')!;
      const svg = figure.querySelector('a[href$=".svg"]')!.getAttribute('href')!;
      expect(read(svg.slice(1))).toMatch(/^<svg [\s\S]*Licence Ouverte/);
      const lines = read(csv.slice(1)).trim().split('\r\n');
      expect(lines[0]).toBe('nom,statut,periode,valeur');
      expect(lines.filter((l) => l.includes('données validées')).map((l) => l.split(',')[0])).toEqual(['Région Pays de la Loire', SECOND_NAME]);
    }
  });

  it('shows other territories apart, « publié, non vérifié », with source, date, scope and flags', () => {
    const doc = page('comparaison/index.html');
    const refs = JSON.parse(read('donnees/comparaison/resultats-publies-autres-territoires.json')) as {
      lignes: { rang: number; url: string; date_source: string; libelle_perimetre: string; libelle_nature_heures: string; annuel: boolean; perimetre: string; territoire: string }[];
    };
    const section = doc.querySelector('section.references')!;
    expect(section.querySelector('h2')!.textContent).toMatch(/publiés, non vérifiés/);
    expect(section.closest('.validated')).toBeNull();
    const rows = [...section.querySelectorAll('tbody tr[data-rang]')];
    expect(rows.length).toBe(refs.lignes.length);
    for (const tr of rows) {
      const r = refs.lignes.find((l) => String(l.rang) === tr.getAttribute('data-rang'))!;
      expect(tr.querySelector(`a[href="${r.url}"]`)).not.toBeNull();
      expect(tr.textContent).toContain(r.date_source);
      expect(tr.textContent).toContain('publié, non vérifié');
      expect(tr.textContent).toContain(r.libelle_perimetre);
      expect(tr.textContent).toContain(r.libelle_nature_heures);
      expect(tr.textContent).toMatch(r.annuel ? /Annuel/ : /Pluriannuel|Période inconnue/);
    }
    // No chart of the validated section draws a published figure with other flags.
    const validated = [...doc.querySelectorAll('.validated figure.chart')].map((f) => f.textContent);
    for (const r of refs.lignes.filter((l) => l.perimetre !== 'MARCHES_PROPRES' || l.annuel)) {
      for (const text of validated) expect(text).not.toContain(r.territoire);
    }
  });

  describe('when the second publisher has an error', () => {
    let second: Awaited<ReturnType<typeof build>>;
    let before: string;
    beforeAll(async () => {
      before = sha256('comparaison/index.html');
      const file = join(DATA, SECOND, 'heures.csv');
      const lines = readFileSync(file, 'utf8').split('\r\n');
      const cells = lines[1]!.split(';');
      cells[3] = 'beaucoup';
      lines[1] = cells.join(';');
      writeFileSync(file, lines.join('\r\n'));
      second = await build();
    }, 600_000);

    it('publishes nothing, says which file, line and column, and leaves the previous site whole', () => {
      expect(second.code).toBe(1);
      expect(second.stdout).toMatch(/heures\.csv:2 \[heures\] "beaucoup"/);
      expect(second.stdout).toMatch(/Rien n'est publié/);
      expect(sha256('comparaison/index.html')).toBe(before);
      expect(existsSync(join(OUT, 'editeurs', MAIN, 'index.html'))).toBe(true);
    });
  });
});
