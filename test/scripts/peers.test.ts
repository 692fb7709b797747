/**
 * scripts/lib/peers.ts as a build uses it: peers' releases served on 127.0.0.1 by the project's
 * static server (scripts/lib/static-server.ts) or by small servers that misbehave on purpose — one
 * that never answers, one that drops the connection, one that stops in the middle of a file, one
 * that trickles — then read from a folder and a zip; the cache of last good copies used when a peer
 * is out of reach, and refused when it was tampered with. No network beyond this machine.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeerOutcome } from '../../src/lib/compare/index.ts';
import { cacheKey, loadPeers, peerIdentity, readPairsLists, type ListedPeer } from '../../scripts/lib/peers.ts';
import { InputError } from '../../scripts/lib/fs-input.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { releaseFilesOf, twelve } from '../lib/compare/helpers.ts';

const TMP = mkdtempSync(join(tmpdir(), 'peers-'));
const SITE = join(TMP, 'site');
const CACHE = join(TMP, 'cache');
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** Writes a release under `SITE/donnees/<id>/` (as a built site has it). */
function publish(id: string, nom: string, edit?: (files: Map<string, Uint8Array>) => void): string {
  const files = releaseFilesOf(twelve({ id, nom, seuil_secret: 2 }));
  edit?.(files);
  const dir = join(SITE, 'donnees', id);
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
  return dir;
}

/** A server that does something wrong with every request, and the sockets it holds. */
async function misbehaving(handle: (res: import('node:http').ServerResponse, socket: Socket) => void): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => handle(res, req.socket));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/donnees/x/datapackage.json`,
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
}

let server: StaticServer;
const servers: { close(): Promise<void> }[] = [];
const NOW = new Date('2026-12-06T12:00:00Z');
const options = (extra: Partial<Parameters<typeof loadPeers>[1]> = {}) => ({ cacheDir: CACHE, timeoutMs: 1500, now: NOW, ...extra });
const listed = (adresse: string): ListedPeer => ({ adresse, base: TMP });
const one = async (adresse: string, extra: Partial<Parameters<typeof loadPeers>[1]> = {}) => (await loadPeers([listed(adresse)], options(extra)))[0]!;
const reason = (o: PeerOutcome) => `${o.probleme?.raison.fr}\n${o.probleme?.raison.en}`;

beforeAll(async () => {
  publish('alpha', 'Alpha');
  // A file changed after its hash was published: same size, one digit different.
  publish('beta', 'Bêta', (files) => {
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(files.get('synthese.csv'));
    files.set('synthese.csv', new TextEncoder().encode(csv.replace(/\r\n(\d)/, (_, d) => `\r\n${(Number(d) + 1) % 10}`)));
  });
  mkdirSync(join(SITE, 'page'), { recursive: true });
  writeFileSync(join(SITE, 'page', 'index.html'), '<!doctype html><html lang="fr"><title>Accueil</title></html>');
  server = await serveStatic(SITE);
});
afterAll(async () => {
  await server.close();
  for (const s of servers) await s.close();
});

describe('a peer served over HTTP', () => {
  it('is read, checked, measured and kept in the cache', async () => {
    const o = await one(`${server.url}donnees/alpha/datapackage.json`);
    expect(o.probleme).toBeUndefined();
    expect(o.comparison?.contexte).toMatchObject({ editeur: 'alpha', nom: 'Alpha' });
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers as any
    expect(o.publication).toMatchObject({ id: 'alpha', version: expect.any(String), licence: { id: 'etalab-2.0' } });
    expect(o.copie).toEqual({ origine: 'reseau', date: '2026-12-06T12:00:00Z', age_jours: 0 });
    // Only the datapackage and the compared tables were fetched.
    const fetched = server.requests.filter((r) => r.path.startsWith('/donnees/alpha/')).map((r) => r.path.split('/').pop());
    expect(fetched.sort()).toEqual(['chiffres-cles.csv', 'datapackage.json', 'heures-par-annee.csv', 'heures-par-sexe.csv', 'marches-par-annee-et-segment.csv', 'synthese.csv']);
    expect(readdirSync(join(CACHE, cacheKey(`${server.url}donnees/alpha/datapackage.json`))).sort()).toEqual(['0.json', '1.csv', '2.csv', '3.csv', '4.csv', '5.csv', 'copie.json']);
  });

  it('by the address of its folder too', async () => {
    expect((await one(`${server.url}donnees/alpha/`)).comparison?.contexte.editeur).toBe('alpha');
  });

  it('is refused when a file changed after its hashes were published', async () => {
    const o = await one(`${server.url}donnees/beta/datapackage.json`);
    expect(o.comparison).toBeUndefined();
    expect(o.probleme?.code).toBe('empreinte');
    expect(reason(o)).toMatch(/SHA-256 de synthese\.csv .* le fichier a changé après sa publication[\s\S]*the file changed after it was published/);
    // Who it claims to be is still said.
    expect(o.publication?.nom).toBe('Bêta');
  });

  it('is not a release when the address gives a web page, and unreachable on a 404', async () => {
    expect((await one(`${server.url}page/index.html`)).probleme?.code).toBe('pas_une_publication');
    const missing = await one(`${server.url}donnees/absent/datapackage.json`);
    expect(missing.probleme?.code).toBe('injoignable');
    expect(reason(missing)).toMatch(/HTTP 404/);
  });
});

describe('a peer server that misbehaves is reported, not waited on', () => {
  it('one that never answers: timed out', async () => {
    const hang = await misbehaving(() => undefined);
    servers.push(hang);
    const o = await one(hang.url, { timeoutMs: 800 });
    expect(o.probleme?.code).toBe('delai');
    expect(reason(o)).toMatch(/pas de réponse complète de 127\.0\.0\.1:\d+ en 0\.8 s[\s\S]*no complete answer/);
  });

  it('one that drops the connection: unreachable', async () => {
    const drop = await misbehaving((_, socket) => socket.destroy());
    servers.push(drop);
    const o = await one(drop.url);
    expect(o.probleme?.code).toBe('injoignable');
    expect(reason(o)).toMatch(/la connexion a échoué ou a été coupée[\s\S]*the connection failed or was dropped/);
  });

  it('one that stops in the middle of a file: unreachable', async () => {
    const dp = readFileSync(join(SITE, 'donnees', 'alpha', 'datapackage.json'));
    const cut = await misbehaving((res, socket) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': dp.byteLength });
      res.write(dp.subarray(0, 100), () => socket.destroy());
    });
    servers.push(cut);
    expect((await one(cut.url)).probleme?.code).toBe('injoignable');
  });

  it('one that trickles its answer: timed out', async () => {
    const slow = await misbehaving((res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const tick = setInterval(() => (res.destroyed ? clearInterval(tick) : res.write(' ')), 100);
      res.on('close', () => clearInterval(tick));
    });
    servers.push(slow);
    expect((await one(slow.url, { timeoutMs: 700 })).probleme?.code).toBe('delai');
  });
});

describe('the last good copy', () => {
  const address = () => `${server.url}donnees/alpha/datapackage.json`;

  it('stands in for a peer out of reach, saying how old it is', async () => {
    await one(address());
    const later = new Date(NOW.getTime() + 3.5 * 86_400_000);
    const offline = await one(address(), { offline: true, now: later });
    expect(offline.comparison?.contexte.editeur).toBe('alpha');
    expect(offline.copie).toEqual({ origine: 'cache', date: '2026-12-06T12:00:00Z', age_jours: 3 });
    expect(offline.probleme?.code).toBe('injoignable');
    expect(reason(offline)).toMatch(/hors ligne \(--offline\)[\s\S]*offline build/);
  });

  it('gives the same measures as the peer read at its address', async () => {
    const online = await one(address());
    const offline = await one(address(), { offline: true });
    expect(offline.comparison).toEqual(online.comparison);
  });

  it('is checked again, hashes included, before it is used', async () => {
    const other = `${server.url}donnees/alpha/`;
    await one(other);
    const dir = join(CACHE, cacheKey(peerIdentity(listed(other))));
    const copy = JSON.parse(readFileSync(join(dir, 'copie.json'), 'utf8')) as { fichiers: Record<string, string> };
    const synthese = Object.entries(copy.fichiers).find(([, path]) => path === 'synthese.csv')![0];
    const bytes = readFileSync(join(dir, synthese));
    bytes[bytes.length - 3] = bytes[bytes.length - 3] === 0x31 ? 0x32 : 0x31;
    writeFileSync(join(dir, synthese), bytes);
    const o = await one(other, { offline: true });
    expect(o.comparison).toBeUndefined();
    expect(o.probleme?.code).toBe('injoignable');
  });

  it('is never used for a peer whose current release is wrong', async () => {
    // beta was never good: no copy; and a peer that turns bad keeps its copy unused.
    const o = await one(`${server.url}donnees/beta/datapackage.json`);
    expect(o.copie).toBeUndefined();
    expect(o.comparison).toBeUndefined();
  });

  it('of addresses no longer listed is removed', async () => {
    await loadPeers([listed(address())], options());
    expect(readdirSync(CACHE)).toEqual([cacheKey(address())]);
  });
});

describe('a peer on this machine', () => {
  it('in a folder, or the zip archive the kit publishes', async () => {
    const dir = join(SITE, 'donnees', 'alpha');
    expect((await one(dir)).copie?.origine).toBe('fichier');
    expect((await one(join(dir, 'datapackage.json'))).comparison?.contexte.editeur).toBe('alpha');
    const zip = readdirSync(dir).find((f) => f.endsWith('.zip'))!;
    const fromZip = await one(join(dir, zip));
    expect(fromZip.probleme).toBeUndefined();
    expect(fromZip.comparison).toEqual((await one(dir)).comparison);
  });

  it('a folder that is not there, a zip without a release', async () => {
    expect((await one('nulle-part')).probleme?.code).toBe('injoignable');
    writeFileSync(join(TMP, 'vide.zip'), zipSync({ 'LISEZMOI.md': new TextEncoder().encode('rien') }));
    const o = await one('vide.zip');
    expect(o.probleme?.code).toBe('pas_une_publication');
    expect(reason(o)).toMatch(/ne contient pas de datapackage\.json/);
  });
});

describe('pairs.json', () => {
  const data = join(TMP, 'data');

  it('is read at the root of the data and in each publisher folder, relative paths from its folder', async () => {
    mkdirSync(join(data, 'editeur-a'), { recursive: true });
    writeFileSync(join(data, 'pairs.json'), JSON.stringify({ site: { nom: 'Observatoire' }, pairs: ['https://b.example.org/donnees/b/'] }));
    writeFileSync(join(data, 'editeur-a', 'pairs.json'), JSON.stringify({ pairs: [{ adresse: '../../site/donnees/alpha', note: 'voisin' }] }));
    const lists = await readPairsLists(data, [join(data, 'editeur-a')]);
    expect(lists.site).toEqual({ nom: 'Observatoire' });
    expect(lists.peers.map((p) => p.adresse)).toEqual(['https://b.example.org/donnees/b/', '../../site/donnees/alpha']);
    const outcome = (await loadPeers([lists.peers[1]!], options()))[0]!;
    expect(outcome.comparison?.contexte.editeur).toBe('alpha');
  });

  it('with an error names the file and what to do, in French and English', async () => {
    const bad = join(TMP, 'bad');
    mkdirSync(join(bad, 'x'), { recursive: true });
    writeFileSync(join(bad, 'pairs.json'), JSON.stringify({ pairs: ['http://b.example.org/datapackage.json'] }));
    const e = await readPairsLists(bad, []).catch((error: unknown) => error);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).text.fr).toMatch(/pairs\.json, pairs\.0 : https attendu \(http seulement sur cette machine\)/);
    expect((e as InputError).text.en).toMatch(/pairs\.json, pairs\.0: https expected \(http only on this machine\)/);
    writeFileSync(join(bad, 'pairs.json'), '{ "pairs": [');
    expect(((await readPairsLists(bad, []).catch((error: unknown) => error)) as InputError).text.fr).toMatch(/JSON illisible/);
    cpSync(join(data, 'pairs.json'), join(bad, 'x', 'pairs.json'));
    rmSync(join(bad, 'pairs.json'));
    expect(((await readPairsLists(bad, [join(bad, 'x')]).catch((error: unknown) => error)) as InputError).text.en).toMatch(/"site" only belongs in the pairs\.json at the root/);
  });
});
