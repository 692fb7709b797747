/**
 * Buyers who never exchange a file compare each other from their published addresses, end to end
 * with `scripts/build.ts`, every site served on 127.0.0.1 by scripts/lib/static-server.ts:
 *
 * 1. buyer B (a second synthetic publisher) builds its release, listing A's address: A is not
 *    published yet, so B's build says so and goes on;
 * 2. buyer A (the committed sample) builds its whole site listing B's address, a copy of B changed
 *    after its hashes were published, a server that never answers and one that drops the
 *    connection: B is compared over HTTP, the three others are listed as not included, with the
 *    reason in French and English, and the build is not held up;
 * 3. B builds again and now compares A;
 * 4. with `--strict-peers` A's build fails and publishes nothing; with `--offline` it compares B
 *    from its last good copy, with the same figures, saying how old the copy is;
 * 5. a third party builds a site that only compares, from a list of addresses alone.
 *
 * Budget: two full builds (A, the third party), three builds of the published files alone.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../scripts/sample/generate.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { PROJECT, projectCopy, runBuild, type BuildRun } from './helpers/site-build.ts';
import type { ReleaseTableJson } from '../../src/schemas/release.ts';

const TMP = mkdtempSync(join(tmpdir(), 'peers-sites-'));
const ROOT = projectCopy(TMP);
const A = 'pays-de-la-loire';
const B = 'territoire-b';
const B_NAME = 'Territoire B';
const dirs = { dataA: join(TMP, 'a', 'data'), outA: join(TMP, 'a', 'dist'), cacheA: join(TMP, 'a', 'cache'), offlineA: join(TMP, 'a', 'offline') };
const dirsB = { data: join(TMP, 'b', 'data'), out: join(TMP, 'b', 'dist'), cache: join(TMP, 'b', 'cache') };
const dirsC = { data: join(TMP, 'c', 'data'), out: join(TMP, 'c', 'dist'), cache: join(TMP, 'c', 'cache') };
const TAMPERED = join(TMP, 'tampered');

cpSync(join(PROJECT, 'data', A), join(dirs.dataA, A), { recursive: true });
cpSync(join(PROJECT, 'data', 'references'), join(dirs.dataA, 'references'), { recursive: true });
generateSample({ out: join(dirsB.data, B), seed: 7, publisher: { id: B, nom: B_NAME } });

/** A server that holds every connection without answering, or drops it at once. */
async function misbehaving(hang: boolean): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((req) => {
    if (!hang) req.socket.destroy();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/donnees/c/datapackage.json`,
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
}

let siteA: StaticServer;
let siteB: StaticServer;
let tampered: StaticServer;
let hang: Awaited<ReturnType<typeof misbehaving>>;
let drop: Awaited<ReturnType<typeof misbehaving>>;
const urlA = () => `${siteA.url}donnees/${A}/datapackage.json`;
const urlB = () => `${siteB.url}donnees/${B}/datapackage.json`;
const urlTampered = () => `${tampered.url}donnees/${B}/datapackage.json`;

const runs: Record<string, BuildRun> = {};
/** B's list of peers after its first build (the second one replaces it). */
let firstListOfB: { lignes: Record<string, unknown>[] };
const pairs = (file: string, list: unknown) => writeFileSync(file, JSON.stringify(list, null, 2));
const read = (out: string, path: string) => readFileSync(join(out, path), 'utf8');
const page = (out: string, path: string) => parseHTML(read(out, path)).document;
const json = (out: string, path: string) => JSON.parse(read(out, path)) as ReleaseTableJson;
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const buildB = () => runBuild(ROOT, ['--data', dirsB.data, '--out', dirsB.out, '--peer-cache', dirsB.cache, '--data-only']);
const buildA = (...extra: string[]) => runBuild(ROOT, ['--data', dirs.dataA, '--out', dirs.outA, '--peer-cache', dirs.cacheA, '--peer-timeout', '2', ...extra]);

beforeAll(async () => {
  [siteA, siteB, tampered] = await Promise.all([serveStatic(dirs.outA), serveStatic(dirsB.out), serveStatic(TAMPERED)]);
  [hang, drop] = await Promise.all([misbehaving(true), misbehaving(false)]);

  // 1. B lists A, not yet published.
  pairs(join(dirsB.data, B, 'pairs.json'), { pairs: [urlA()] });
  runs.b1 = await buildB();
  firstListOfB = json(dirsB.out, 'donnees/comparaison/pairs.json');

  // A copy of B's release with one digit changed after its hashes were published.
  cpSync(join(dirsB.out, 'donnees', B), join(TAMPERED, 'donnees', B), { recursive: true });
  const synthese = join(TAMPERED, 'donnees', B, 'synthese.csv');
  writeFileSync(
    synthese,
    readFileSync(synthese, 'utf8').replace(/\r\n(\d)/, (_, d) => `\r\n${(Number(d) + 1) % 10}`),
  );

  // 2. A lists B, the tampered copy, a server that hangs and one that drops the connection.
  pairs(join(dirs.dataA, A, 'pairs.json'), { pairs: [urlB(), urlTampered(), hang.url, { adresse: drop.url, note: 'coupe la connexion' }] });
  runs.a = await buildA();

  // 3. B again: A is published now.
  runs.b2 = await buildB();
}, 600_000);

afterAll(async () => {
  await Promise.all([siteA, siteB, tampered, hang, drop].filter(Boolean).map((s) => s.close()));
  rmSync(TMP, { recursive: true, force: true });
});

describe('two buyers comparing each other from their published addresses', () => {
  it('B, built first, goes on without A, saying why', () => {
    expect(runs.b1!.code, runs.b1!.stdout + runs.b1!.stderr).toBe(0);
    expect(firstListOfB.lignes).toMatchObject([{ adresse: urlA(), inclus: false, code_raison: 'injoignable' }]);
    expect(firstListOfB.lignes[0]!.raison).toMatch(/HTTP 404/);
  });

  it('A builds, comparing B over HTTP, without waiting on the servers that hang or drop', () => {
    expect(runs.a!.code, runs.a!.stdout + runs.a!.stderr).toBe(0);
    expect(runs.a!.stdout).toMatch(/Pairs \/ peers: 1 inclus \/ included, 3 non inclus \/ not included/);
    const rows = json(dirs.outA, 'donnees/comparaison/comparaison-editeurs.json').lignes as Record<string, unknown>[];
    const b = rows.filter((r) => r.editeur === B);
    expect(b.length).toBeGreaterThan(0);
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers as any
    expect(b[0]).toMatchObject({ origine: 'pair', adresse: urlB(), statut: 'publication vérifiée', copie: 'reseau', version: '2019.1', licence: expect.stringMatching(/Licence Ouverte/) });
    expect(rows.filter((r) => r.editeur === A)[0]).toMatchObject({ origine: 'site', statut: 'données validées', copie: null });
  });

  it('shows B with the figures of B’s own release', () => {
    const published = json(dirsB.out, `donnees/${B}/chiffres-cles.json`).lignes as { indicateur: string; valeur: number }[];
    const synthese = json(dirsB.out, `donnees/${B}/synthese.json`).lignes[0] as { heures_realisees: number; nombre_marches: number; taux_realisation: number };
    const rows = json(dirs.outA, 'donnees/comparaison/comparaison-editeurs.json').lignes as { editeur: string; mesure: string; valeur: number }[];
    const value = (m: string) => rows.find((r) => r.editeur === B && r.mesure === m)!.valeur;
    expect(value('part_heures_siae')).toBe(published.find((k) => k.indicateur === 'part_heures_siae')!.valeur);
    expect(value('heures_realisees')).toBe(synthese.heures_realisees);
    expect(value('heures_par_marche')).toBeCloseTo(synthese.heures_realisees / synthese.nombre_marches, 2);
    expect(value('taux_realisation')).toBe(synthese.taux_realisation);
  });

  it('lists the bad peers on the comparison page as not included, with the reason in French and in English', () => {
    const expected = [
      [urlB(), 'true', null],
      [urlTampered(), 'false', 'empreinte'],
      [hang.url, 'false', 'delai'],
      [drop.url, 'false', 'injoignable'],
    ];
    for (const [path, lang] of [
      ['comparaison/index.html', 'fr'],
      ['en/comparaison/index.html', 'en'],
    ] as const) {
      const doc = page(dirs.outA, path);
      const rows = [...doc.querySelectorAll('#pairs tbody tr')];
      expect(rows.map((tr) => [tr.querySelector('.address')!.textContent.trim(), tr.getAttribute('data-inclus'), tr.getAttribute('data-raison')])).toEqual(expected);
      const text = rows.map((tr) => tr.textContent).join('\n');
      if (lang === 'fr') {
        expect(text).toMatch(/Empreinte fausse : l'empreinte SHA-256 de synthese\.csv/);
        expect(text).toMatch(/Délai dépassé : pas de réponse complète de 127\.0\.0\.1:\d+ en 2 s/);
        expect(text).toMatch(/Injoignable : .* la connexion a échoué ou a été coupée/);
      } else {
        expect(text).toMatch(/Wrong hash: the SHA-256 of synthese\.csv/);
        expect(text).toMatch(/Timed out: no complete answer from 127\.0\.0\.1:\d+ within 2 s/);
        expect(text).toMatch(/Unreachable: .* the connection failed or was dropped/);
      }
      // B is in the table of measures, after A, as a peer.
      expect([...doc.querySelectorAll('#comparaison-mesures tbody tr')].map((tr) => [tr.getAttribute('data-editeur'), tr.getAttribute('data-origine')])).toEqual([
        [A, 'site'],
        [B, 'pair'],
      ]);
      expect(doc.querySelector('[data-comptes]')!.textContent).toMatch(
        lang === 'fr' ? /2 publication\(s\) comparée\(s\) : 1 de ce site et 1 publication\(s\) paire\(s\) ; 3/ : /2 release\(s\) compared: 1 of this site and 1 peer release\(s\); 3/,
      );
    }
  });

  it('B, built again, compares A from A’s published address', () => {
    expect(runs.b2!.code).toBe(0);
    const rows = json(dirsB.out, 'donnees/comparaison/comparaison-editeurs.json').lignes;
    expect([...new Set(rows.map((r) => `${String(r.editeur)}:${String(r.origine)}`))]).toEqual([`${B}:site`, `${A}:pair`]);
    const mine = json(dirs.outA, 'donnees/comparaison/comparaison-editeurs.json').lignes as Record<string, unknown>[];
    // The same measures of A, whether A computes them from its own release or B from A's address.
    const values = (list: Record<string, unknown>[]) => list.filter((r) => r.editeur === A).map((r) => [r.mesure, r.valeur]);
    expect(values(rows)).toEqual(values(mine));
  });
});

describe('asked to be strict, or without network', () => {
  let strict: BuildRun;
  let offline: BuildRun;
  let before: string;
  beforeAll(async () => {
    before = sha256(join(dirs.outA, 'comparaison', 'index.html'));
    strict = await buildA('--strict-peers');
    offline = await runBuild(ROOT, ['--data', dirs.dataA, '--out', dirs.offlineA, '--peer-cache', dirs.cacheA, '--offline', '--data-only']);
  }, 600_000);

  it('--strict-peers fails with exit 1 and publishes nothing', () => {
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/--strict-peers : 3 pair\(s\) non inclus, rien n'est publié/);
    expect(sha256(join(dirs.outA, 'comparaison', 'index.html'))).toBe(before);
  });

  it('--offline compares B from its last good copy, with the same figures, saying how old it is', () => {
    expect(offline.code, offline.stdout + offline.stderr).toBe(0);
    const online = json(dirs.outA, 'donnees/comparaison/comparaison-editeurs.json').lignes as Record<string, unknown>[];
    const cached = json(dirs.offlineA, 'donnees/comparaison/comparaison-editeurs.json').lignes as Record<string, unknown>[];
    const b = (rows: Record<string, unknown>[]) => rows.filter((r) => r.editeur === B);
    expect(b(cached).map((r) => r.valeur)).toEqual(b(online).map((r) => r.valeur));
    // The copy of the last build that read B (the strict one read it too, then stopped).
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers as any
    expect(b(cached)[0]).toMatchObject({ copie: 'cache', date_copie: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/), age_jours: 0 });
    expect(String(b(cached)[0]!.date_copie) >= String(b(online)[0]!.date_copie)).toBe(true);
    const list = json(dirs.offlineA, 'donnees/comparaison/pairs.json').lignes as Record<string, unknown>[];
    expect(list[0]).toMatchObject({ adresse: urlB(), inclus: true, copie: 'cache', code_raison: 'injoignable' });
    // Peers that never had a good copy stay out, with the reason.
    expect(list.slice(1).map((r) => r.inclus)).toEqual([false, false, false]);
  });
});

describe('a site that only compares, from a list of addresses alone', () => {
  let run: BuildRun;
  beforeAll(async () => {
    mkdirSync(dirsC.data, { recursive: true });
    pairs(join(dirsC.data, 'pairs.json'), {
      site: { nom: 'Observatoire des clauses', description: { fr: 'Deux acheteurs comparés.', en: 'Two buyers compared.' } },
      pairs: [urlA(), urlB()],
    });
    run = await runBuild(ROOT, ['--data', dirsC.data, '--out', dirsC.out, '--peer-cache', dirsC.cache]);
  }, 600_000);

  it('builds a site whose home page is the comparison of both releases, in French and English', () => {
    expect(run.code, run.stdout + run.stderr).toBe(0);
    for (const [path, lead] of [
      ['index.html', 'Deux acheteurs comparés.'],
      ['en/index.html', 'Two buyers compared.'],
    ] as const) {
      const doc = page(dirsC.out, path);
      expect(doc.querySelector('h1')!.textContent).toBe('Observatoire des clauses');
      expect(doc.querySelector('.lead')!.textContent).toBe(lead);
      expect([...doc.querySelectorAll('#comparaison-mesures tbody tr')].map((tr) => [tr.getAttribute('data-editeur'), tr.getAttribute('data-origine')])).toEqual([
        [A, 'pair'],
        [B, 'pair'],
      ]);
      expect(doc.querySelector('.brand-tag')!.textContent).toMatch(/^Observatoire des clauses — /);
    }
  });

  it('has no page about a publisher of its own, and no link to one', () => {
    for (const path of ['heures/index.html', 'editeurs/index.html', 'donnees-ouvertes/index.html', 'comparaison/index.html']) expect(existsSync(join(dirsC.out, path)), path).toBe(false);
    const links = [...page(dirsC.out, 'index.html').querySelectorAll('nav a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/', '/accessibilite/', '/recherche/']);
    expect(existsSync(join(dirsC.out, 'accessibilite', 'index.html'))).toBe(true);
  });
});
