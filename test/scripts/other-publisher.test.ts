/**
 * A buyer other than the sample publishes its own site, with no code change: a Département's
 * folder (test/fixtures/departement/: 15 contracts, 60 persons, 2022–2023, its own name forms,
 * directorates « Collèges » and « Routes », no earlier published results), built alone with
 * `scripts/build.ts --data … --out …`. No page, in either language, carries the sample's names
 * or prose; the name is written as its profile gives it; the key figures mean something for its
 * period; its accessibility page makes no statement in its name.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profil } from '../../src/schemas/profil.ts';
import { PROJECT, projectCopy, runBuild } from './helpers/site-build.ts';

const TMP = mkdtempSync(join(tmpdir(), 'other-publisher-'));
const DATA = join(TMP, 'data');
const OUT = join(TMP, 'dist');
const ID = 'departement-ille-et-vilaine';
const FIXTURE = join(PROJECT, 'test', 'fixtures', 'departement');
const ROOT = projectCopy(TMP);
cpSync(FIXTURE, join(DATA, ID), { recursive: true });
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const meta = JSON.parse(readFileSync(join(FIXTURE, 'metadonnees.json'), 'utf8')) as { profil: Profil };
const sample = JSON.parse(readFileSync(join(PROJECT, 'data', 'pays-de-la-loire', 'metadonnees.json'), 'utf8')) as { profil: Required<Profil> };

/** Every HTML page of the built site, by path. */
function pages(dir = OUT): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'donnees' ? [] : pages(path);
    return name.endsWith('.html') ? [relative(OUT, path)] : [];
  });
}
const read = (path: string) => readFileSync(join(OUT, path), 'utf8');
const doc = (path: string) => parseHTML(read(path)).document;
/** What a reader sees (and what a screen reader or search engine reads): the text and attributes, scripts' data included. */
const textOf = (path: string) =>
  read(path)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ');

/**
 * The sample's own words: its names, the sentences of its profile (each split at its first
 * punctuation, so a fragment is found even where a page cuts the sentence), its directorates.
 */
function sampleWords(): string[] {
  const p = sample.profil;
  const texts = (['presentation', 'objectifs', 'odd', 'note_donnees', 'limites'] as const).flatMap((k) => [p[k].fr, p[k].en]);
  const fragments = texts.map((s: string) => s.split(/[:;,.]/)[0]!.trim()).filter((s: string) => s.length > 20);
  return [
    'Pays de la Loire',
    'pays-de-la-loire',
    'Région',
    p.formes.fr.nom,
    p.formes.en.nom,
    ...fragments,
    // Its own directorates (the others — Communication, Finance… — are common words any page may use).
    ...p.directions
      .filter((d: { code: string }) => ['LYCEES', 'PATRIMOINE', 'TRANSPORTS'].includes(d.code))
      // (an English one-word label such as “Property” is in schema.org's vocabulary: left out)
      .flatMap((d: { fr: string; en: string }) => [d.fr, ...(d.en.includes(' ') ? [d.en] : [])]),
    p.resultats_publies.titre.fr,
    '2012',
  ];
}

describe('a Département builds its own site from its folder alone', () => {
  let run: Awaited<ReturnType<typeof runBuild>>;
  beforeAll(async () => {
    run = await runBuild(ROOT, ['--data', DATA, '--out', OUT]);
  }, 300_000);

  it('builds', () => {
    expect(run.stdout).toContain(`${ID}: données valides`);
    expect(run.code, run.stderr).toBe(0);
  });

  it('shows none of the sample’s names or prose, on any page, in either language', () => {
    const all = pages();
    expect(all.length).toBeGreaterThan(20);
    expect(all.filter((p) => p.startsWith('en/')).length).toBeGreaterThan(10);
    const words = sampleWords();
    const found = all.flatMap((path) => {
      const text = textOf(path);
      return words.filter((w) => text.includes(w)).map((w) => `${path}: « ${w} »`);
    });
    expect(found).toEqual([]);
  });

  it('writes its name as its profile gives it, never with a guessed article', () => {
    const { fr, en } = meta.profil.formes;
    expect(doc('index.html').querySelector('h1')!.textContent).toBe(`Les clauses d’insertion ${fr.de_nom}`);
    expect(doc('en/index.html').querySelector('h1')!.textContent).toBe(`Insertion clauses ${en.de_nom}`);
    expect(doc('accessibilite/index.html').querySelector('.lead')!.textContent).toMatch(/^Le Département d'Ille-et-Vilaine s’engage/);
    expect(doc('en/accessibilite/index.html').querySelector('.lead')!.textContent).toMatch(/^The Département d'Ille-et-Vilaine is committed/);
    for (const path of pages()) expect(textOf(path), path).not.toMatch(/\b(la|La|de la|de|De) Département|\bde le\b|\bthe the\b|of the of|\bof Département/);
    expect(doc('editeurs/departement-ille-et-vilaine/index.html').querySelector('.lead')!.textContent).toContain(`Le jeu de données ${fr.de_nom} (`);
    // Its own presentation, not the Région's.
    expect(textOf('index.html')).toContain(meta.profil.presentation!.fr);
    expect(textOf('en/index.html')).toContain(meta.profil.presentation!.en);
  });

  it('publishes its directorates with its own labels', () => {
    const published = read(`donnees/${ID}/heures-par-direction.csv`);
    expect(published).toContain('COLLEGES');
    expect(published).toContain('Collèges');
    expect(published).toContain('ROUTES');
  });

  it('gives key figures for its period: totals, the latest full year and its change, without “n.d.”', () => {
    const home = doc('index.html');
    const figure = (code: string) => home.querySelector(`[data-indicateur="${code}"]`);
    expect(figure('heures_realisees')).not.toBeNull();
    expect(figure('heures_annee')!.textContent).toContain('(2023)');
    expect(figure('heures_annee')!.querySelector('[data-evolution]')!.textContent).toMatch(/^ — [+−]\d+\s%\spar rapport à 2022$/);
    expect(home.querySelector('.kf')!.textContent).not.toContain('n.d.');
    // No earlier published results declared: nothing is said to be « published before ».
    expect(home.querySelector('[data-publie]')).toBeNull();
  });

  it('makes no accessibility statement in its name: it has declared none, so the site is « non conforme »', () => {
    expect(doc('accessibilite/index.html').querySelector('h1')!.textContent).toBe('Accessibilité : non conforme');
    expect(textOf('accessibilite/index.html')).toContain('n’a pas encore publié de déclaration d’accessibilité');
    expect(textOf('accessibilite/index.html')).not.toMatch(/NVDA|Firefox/);
    expect(doc('index.html').querySelector('footer a[href$="accessibilite/"]')!.textContent.trim()).toBe('Accessibilité : non conforme');
  });
});
