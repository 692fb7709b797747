/**
 * src/site/data.ts with several publishers: every publisher is read, the main one is chosen as
 * documented, the release's own folders are not publishers, and the comparison files are checked
 * with zod like the rest. On a temporary release made of the fixture publication copied under a
 * second id, plus comparison files written by src/lib/compare.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compareTable, referencesTable } from '../../src/lib/compare/index.ts';
import { citationFor, mainPublisherId } from '../../src/site/data.ts';
import type { ReleaseDatapackage } from '../../src/schemas/release.ts';
import { dataset } from '../lib/indicators/fixtures.ts';
import { comparedRelease } from '../lib/compare/helpers.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/publication');
const REFERENCES = readFileSync(join(import.meta.dirname, '../../data/references/resultats-publies-autres-territoires.csv'));
const root = mkdtempSync(join(tmpdir(), 'publications-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A tiny dataset: one contract with a clause, five persons. */
const tiny = (id: string) =>
  dataset({
    marches: [{ id_marche: 'M1', id_titulaire: 'E001', date_notification: '2018-02-01' }],
    participants: ['P1', 'P2', 'P3', 'P4', 'P5'].map((p) => ({ id_participant: p, sexe: 'H' as const })),
    heures: ['P1', 'P2', 'P3', 'P4', 'P5'].map((p) => ({ id_participant: p, id_marche: 'M1', mois: '2018-04', heures: 35 })),
    meta: { id, periode: { debut: '2018-01-01', fin: '2018-12-31' } },
  });

/** A release with the fixture publisher, a copy of it as `autre-editeur`, the standard's folder and a comparison. */
function release(name: string, comparison: unknown = compareTable([comparedRelease(tiny('a')), comparedRelease(tiny('b'))]).json): string {
  const dir = join(root, name);
  cpSync(FIXTURE, dir, { recursive: true });
  const other = join(dir, 'donnees', 'autre-editeur');
  cpSync(join(dir, 'donnees', 'pays-de-la-loire'), other, { recursive: true });
  const dp = JSON.parse(readFileSync(join(other, 'datapackage.json'), 'utf8')) as ReleaseDatapackage;
  writeFileSync(join(other, 'datapackage.json'), JSON.stringify({ ...dp, name: 'clauses-insertion-autre-editeur', contributors: [{ title: 'Autre éditeur', role: 'publisher' }], synthetique: false }));
  // The standard's data package has no publisher block: it must not be taken for a publisher.
  mkdirSync(join(dir, 'donnees', 'standard'), { recursive: true });
  writeFileSync(join(dir, 'donnees', 'standard', 'datapackage.json'), JSON.stringify({ name: 'standard', version: '1.0.0', resources: [] }));
  mkdirSync(join(dir, 'donnees', 'comparaison'), { recursive: true });
  writeFileSync(join(dir, 'donnees', 'comparaison', 'comparaison-editeurs.json'), JSON.stringify(comparison));
  writeFileSync(join(dir, 'donnees', 'comparaison', 'resultats-publies-autres-territoires.json'), JSON.stringify(referencesTable(REFERENCES).json));
  return dir;
}

const env = { PUBLICATION_DIR: process.env.PUBLICATION_DIR, EDITEUR: process.env.EDITEUR };
beforeEach(() => {
  vi.resetModules();
  delete process.env.EDITEUR;
});
afterEach(() => {
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

/** data.ts freshly imported (it reads the release once per build). */
const fresh = () => import('../../src/site/data.ts');

describe('mainPublisherId', () => {
  it('takes EDITEUR, else the only publisher, else the first by id', () => {
    expect(mainPublisherId(['a', 'b'], 'b')).toBe('b');
    expect(mainPublisherId(['seul'], undefined)).toBe('seul');
    expect(mainPublisherId(['a', 'b'], undefined)).toBe('a');
    expect(mainPublisherId(['a', 'b'], '')).toBe('a');
  });
  it('refuses an unknown or missing publisher, in both languages', () => {
    expect(() => mainPublisherId(['a'], 'z')).toThrow(/Éditeur introuvable \/ publisher not found: z/);
    expect(() => mainPublisherId([], undefined)).toThrow(/publisher not found/);
  });
});

describe('several publishers', () => {
  it('reads every publisher, keeps the first by id as the main one, and skips the release folders', async () => {
    process.env.PUBLICATION_DIR = release('deux');
    const data = await fresh();
    expect(data.publications().map((p) => [p.id, p.editeur.nom])).toEqual([
      ['autre-editeur', 'Autre éditeur'],
      ['pays-de-la-loire', 'Région Pays de la Loire'],
    ]);
    expect(data.publication().id).toBe('autre-editeur');
    // Each publisher's downloads point into its own folder.
    for (const p of data.publications()) {
      expect(p.downloads.length).toBeGreaterThan(0);
      expect(p.downloads.every((d) => d.path.startsWith(`donnees/${p.id}/`))).toBe(true);
    }
    expect(data.publicationOf('standard')).toBeUndefined();
  });

  it('takes the main publisher from EDITEUR; the others stay readable', async () => {
    process.env.PUBLICATION_DIR = release('editeur');
    process.env.EDITEUR = 'pays-de-la-loire';
    const data = await fresh();
    expect(data.publication().id).toBe('pays-de-la-loire');
    expect(data.publicationOf('autre-editeur')?.editeur.synthetique).toBe(false);
  });

  it('reads the comparison files, validated publishers and other territories apart', async () => {
    process.env.PUBLICATION_DIR = release('comparaison');
    const files = (await fresh()).comparison()!;
    expect([...new Set(files.publishers.lignes.map((r) => r.editeur))]).toEqual(['a', 'b']);
    expect(files.publishers.lignes.every((r) => r.perimetre === 'MARCHES_PROPRES' && r.nature_heures === 'REALISEES')).toBe(true);
    expect(files.references!.lignes.length).toBeGreaterThan(0);
    expect(files.references!.statut.fr).toBe('publié, non vérifié');
    expect(files.downloads.map((d) => d.path)).toEqual(['donnees/comparaison/comparaison-editeurs.json', 'donnees/comparaison/resultats-publies-autres-territoires.json']);
  });

  it('refuses a comparison row of a validated publisher with another scope, naming the file', async () => {
    const json = compareTable([comparedRelease(tiny('a'))]).json as { lignes: Record<string, unknown>[] };
    json.lignes[0]!.perimetre = 'PLUSIEURS_DONNEURS_ORDRE';
    process.env.PUBLICATION_DIR = release('casse', json);
    const data = await fresh();
    expect(() => data.comparison()).toThrow(/Publication illisible \/ unreadable publication: .*comparaison-editeurs\.json[\s\S]*perimetre/);
  });

  it('refuses a data package that describes another publisher than its folder', async () => {
    const dir = release('melange');
    const file = join(dir, 'donnees', 'autre-editeur', 'datapackage.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), name: 'clauses-insertion-pays-de-la-loire' }));
    process.env.PUBLICATION_DIR = dir;
    const data = await fresh();
    expect(() => data.publications()).toThrow(/publisher mismatch: .*autre-editeur.*« pays-de-la-loire »/);
  });

  it('reads the contact from datapackage.json, as the release writes it, not from the read-me', async () => {
    const dir = release('contact');
    const folder = join(dir, 'donnees', 'autre-editeur');
    const file = join(folder, 'datapackage.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), contact: 'Mission clause — https://example.org' }));
    writeFileSync(join(folder, 'LISEZMOI.md'), '# Lisez-moi\n\n- Contact : ailleurs\n');
    process.env.PUBLICATION_DIR = dir;
    const pubs = (await fresh()).publications();
    expect(pubs.find((p) => p.id === 'autre-editeur')!.contact).toBe('Mission clause — https://example.org');
    expect(pubs.find((p) => p.id === 'pays-de-la-loire')!.contact).toBeUndefined();
  });

  it('has no comparison when the release has none', async () => {
    process.env.PUBLICATION_DIR = FIXTURE;
    expect((await fresh()).comparison()).toBeUndefined();
  });
});

describe('helpers', () => {
  it('picks the citation paragraph of the language', () => {
    expect(citationFor('Français.\n\nEnglish.', 'en')).toEqual({ text: 'English.', lang: 'en' });
    expect(citationFor('Seul.', 'en')).toEqual({ text: 'Seul.', lang: 'fr' });
  });
});
