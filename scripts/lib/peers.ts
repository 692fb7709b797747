/**
 * Peers' releases, read from where `pairs.json` says they are — an https address (Node's global
 * `fetch`, every request of one peer under one `AbortSignal.timeout`), a folder or a zip archive
 * on this machine — then checked by the pure reader (src/lib/compare/release.ts): the schema of a
 * release, the hash of every file read, the consistency of the tables. Only `datapackage.json`
 * and the compared tables are read (a few kB per peer), each no larger than its published size.
 *
 * The last good copy of each peer is kept in the cache folder (`.cache/pairs/` by default, never
 * in the published site nor in `data/`): when a peer cannot be reached — no network, a server
 * down, too slow — that copy is compared instead and the page says how old it is. A peer whose
 * content is wrong (not a release, unknown format version, a file changed after its hash was
 * published, inconsistent tables) is not compared at all, even with an older copy: its current
 * release is wrong, and the page says why. The cached copy is checked again, hashes included,
 * every time it is used.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { unzipSync } from 'fflate';
import { z } from 'zod';
import { addressKind, PAIRS_FILE, PairsFileSchema, type PairsSite } from '../../src/schemas/pairs.ts';
import type { ReleasePublisher } from '../../src/schemas/release.ts';
import {
  COMPARED_TABLE_IDS,
  MAX_MANIFEST_BYTES,
  peerProblem,
  readManifest,
  readRelease,
  type Manifest,
  type PeerOutcome,
  type PeerProblem,
  type PublisherComparison,
} from '../../src/lib/compare/index.ts';
import { concatBytes } from '../../src/lib/release/bytes.ts';
import { InputError } from './fs-input.ts';

/** A peer as listed: its address, and the folder its relative path starts from. */
export interface ListedPeer {
  adresse: string;
  /** Folder of the `pairs.json` that lists it. */
  base: string;
}

export interface PeerLoadOptions {
  /** Folder of the last good copies (one sub-folder per address). */
  cacheDir: string;
  /** Longest time one peer may take, all its files included, ms. */
  timeoutMs: number;
  /** Read no peer at its address: every peer comes from the cache (or is reported). */
  offline?: boolean;
  /** The build's time, for the copies' dates and ages. */
  now: Date;
  /** Peers read at once. */
  concurrency?: number;
}

// ---------------------------------------------------------------------------------------------
// pairs.json

/** What `pairs.json` files list: the peers, in order, and the name of a comparison-only site. */
export interface PairsLists {
  peers: ListedPeer[];
  site?: PairsSite;
  /** The files read. */
  files: string[];
}

async function readPairsFile(file: string, allowSite: boolean): Promise<z.output<typeof PairsFileSchema> | undefined> {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : Promise.reject(e)));
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InputError({
      fr: `${file} : JSON illisible (${(e as Error).message}). Corrigez la syntaxe (guillemets droits, virgules) ; voir docs/comparaison.md.`,
      en: `${file}: unreadable JSON (${(e as Error).message}). Fix the syntax (straight quotes, commas); see docs/comparaison.md.`,
    });
  }
  const parsed = PairsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.map(String).join('.') || '(racine / root)';
    const [fr, en = fr] = issue.message.split(' / ');
    throw new InputError({
      fr: `${file}, ${at} : ${fr}. Format attendu : { "pairs": ["https://…/datapackage.json", "../dossier", "archive.zip"] } (docs/comparaison.md).`,
      en: `${file}, ${at}: ${en}. Expected: { "pairs": ["https://…/datapackage.json", "../folder", "archive.zip"] } (docs/comparaison.md).`,
    });
  }
  if (parsed.data.site && !allowSite) {
    throw new InputError({
      fr: `${file} : « site » n'a de sens que dans le pairs.json à la racine des données (un site qui compare sans données propres). Retirez-le.`,
      en: `${file}: "site" only belongs in the pairs.json at the root of the data (a site that compares without data of its own). Remove it.`,
    });
  }
  return parsed.data;
}

/** `data/pairs.json`, then each publisher's `data/<editeur>/pairs.json`. */
export async function readPairsLists(dataDir: string, publisherDirs: readonly string[]): Promise<PairsLists> {
  const out: PairsLists = { peers: [], files: [] };
  const sources = [{ file: join(dataDir, PAIRS_FILE), root: true }, ...publisherDirs.map((d) => ({ file: join(d, PAIRS_FILE), root: false }))];
  for (const { file, root } of sources) {
    const list = await readPairsFile(file, root);
    if (!list) continue;
    out.files.push(file);
    if (list.site) out.site = list.site;
    for (const p of list.pairs) out.peers.push({ adresse: p.adresse, base: resolve(dirname(file)) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading one release from its source

/** A release read from its source: the checked measures and the files, for the cache. */
interface Read {
  manifest: Manifest;
  comparison: PublisherComparison;
  /** `datapackage.json` and the compared tables, by path inside the release. */
  files: Map<string, Uint8Array>;
}

/** Why reading failed, and whether an older copy may stand in (the source was out of reach). */
interface Failure {
  problem: PeerProblem;
  unreachable: boolean;
  publication?: ReleasePublisher;
}

type Attempt = { ok: true; read: Read } | { ok: false; failure: Failure };

const unreachable = (problem: PeerProblem, publication?: ReleasePublisher): Attempt => ({ ok: false, failure: { problem, unreachable: true, ...(publication ? { publication } : {}) } });
const wrong = (problem: PeerProblem, publication?: ReleasePublisher): Attempt => ({ ok: false, failure: { problem, unreachable: false, ...(publication ? { publication } : {}) } });

/** A table larger than its published size: it changed after its hash was published. */
const tooLarge = (path: string, max: number) =>
  new Stop(
    wrong(
      peerProblem(
        'empreinte',
        `${path} dépasse les ${max - 1} octets annoncés par datapackage.json : le fichier a changé après sa publication.`,
        `${path} exceeds the ${max - 1} bytes datapackage.json announces: the file changed after it was published.`,
      ),
    ),
  );

/** Thrown inside a source's reader: the attempt's failure. */
class Stop extends Error {
  constructor(readonly attempt: Attempt) {
    super('stop');
  }
}

/** A source of release files: `get(path)` gives a file's bytes, no more than `max` (at once for an archive already in memory). */
interface Source {
  get(path: string, max: number): Promise<Uint8Array> | Uint8Array;
}

/** Reads a release through a source: manifest, then the compared tables, then the checks. */
async function readFrom(source: Source): Promise<Attempt> {
  try {
    const dpBytes = await source.get('datapackage.json', MAX_MANIFEST_BYTES);
    const manifest = readManifest(dpBytes);
    if (!manifest.ok) return wrong(manifest.problem);
    const files = new Map<string, Uint8Array>([['datapackage.json', dpBytes]]);
    const publication = manifest.value.publisher;
    for (const file of manifest.value.needed) {
      try {
        // One byte more than published: a larger file is read far enough to be refused.
        files.set(file.path, await source.get(file.path, file.bytes + 1));
      } catch (e) {
        if (e instanceof Stop && !e.attempt.ok) throw new Stop({ ok: false, failure: { ...e.attempt.failure, publication } });
        throw e;
      }
    }
    const read = readRelease(manifest.value, files);
    if (!read.ok) return wrong(read.problem, publication);
    return { ok: true, read: { manifest: manifest.value, comparison: read.value, files } };
  } catch (e) {
    if (e instanceof Stop) return e.attempt;
    throw e;
  }
}

const describeError = (e: unknown): string => {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e as Error).message ?? String(e);
};

/** The body of a response, no more than `max` bytes, under the peer's signal. */
async function bodyOf(response: Response, max: number, what: string): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  let size = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      if (what !== 'datapackage.json') throw tooLarge(what, max);
      throw new Stop(wrong(peerProblem('trop_gros', `${what} dépasse ${max} octets.`, `${what} exceeds ${max} bytes.`)));
    }
    pieces.push(value);
  }
  return concatBytes(pieces);
}

/** A release at an http(s) address, every request under one signal. */
function webSource(address: string, signal: AbortSignal, seconds: number): Source {
  const manifestUrl = new URL(address.endsWith('/') ? `${address}datapackage.json` : address);
  return {
    async get(path, max) {
      const url = path === 'datapackage.json' ? manifestUrl : new URL(path, manifestUrl);
      let response: Response;
      try {
        response = await fetch(url, { signal, redirect: 'follow', headers: { accept: path.endsWith('.json') ? 'application/json' : 'text/csv' } });
        if (response.status !== 200) {
          await response.body?.cancel().catch(() => undefined);
          throw new Stop(unreachable(peerProblem('injoignable', `${url.href} répond HTTP ${response.status}.`, `${url.href} answers HTTP ${response.status}.`)));
        }
        const final = new URL(response.url || url.href);
        if (final.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(final.hostname)) {
          await response.body?.cancel().catch(() => undefined);
          throw new Stop(wrong(peerProblem('pas_une_publication', `${url.href} redirige vers ${final.href}, en http.`, `${url.href} redirects to ${final.href}, over http.`)));
        }
        return await bodyOf(response, max, path);
      } catch (e) {
        if (e instanceof Stop) throw e;
        if (signal.aborted || (e as Error).name === 'TimeoutError' || (e as Error).name === 'AbortError') {
          throw new Stop(unreachable(peerProblem('delai', `pas de réponse complète de ${url.host} en ${seconds} s (${path}).`, `no complete answer from ${url.host} within ${seconds} s (${path}).`)));
        }
        throw new Stop(
          unreachable(
            peerProblem('injoignable', `${url.href} : la connexion a échoué ou a été coupée (${describeError(e)}).`, `${url.href}: the connection failed or was dropped (${describeError(e)}).`),
          ),
        );
      }
    },
  };
}

/** True when `path` is `root` or inside it. */
const within = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
};

const missingFile = (file: string) => new Stop(unreachable(peerProblem('injoignable', `${file} est introuvable.`, `${file} cannot be found.`)));

/** A release in a folder of this machine (the folder, or its `datapackage.json`). */
async function folderSource(path: string): Promise<Source> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw missingFile(path);
  const dir = await realpath(info.isDirectory() ? path : dirname(path));
  return {
    async get(name, max) {
      const file = join(dir, name);
      const real = await realpath(file).catch(() => undefined);
      if (!real) throw missingFile(file);
      // A link leading out of the release is not followed.
      if (!within(dir, real)) throw new Stop(wrong(peerProblem('pas_une_publication', `${file} mène hors du dossier de la publication.`, `${file} leads outside the release folder.`)));
      if ((await stat(real)).size > max) {
        if (name !== 'datapackage.json') throw tooLarge(name, max);
        throw new Stop(wrong(peerProblem('trop_gros', `${file} dépasse ${max} octets.`, `${file} exceeds ${max} bytes.`)));
      }
      const bytes = await readFile(real);
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
  };
}

/** Largest archive read, bytes. */
const MAX_ZIP_BYTES = 1024 * 1024 * 1024;
const WANTED = new Set(['datapackage.json', ...COMPARED_TABLE_IDS.map((t) => `${t}.csv`)]);

/**
 * A release in a zip archive (`<editeur>-<version>.zip` as the kit publishes it, or any archive
 * holding one `datapackage.json`): only the release's `datapackage.json` and compared tables are
 * inflated, each no larger than a cap.
 */
async function zipSource(path: string): Promise<Source> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw missingFile(path);
  if (info.size > MAX_ZIP_BYTES) throw new Stop(wrong(peerProblem('trop_gros', `${path} dépasse ${MAX_ZIP_BYTES} octets.`, `${path} exceeds ${MAX_ZIP_BYTES} bytes.`)));
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(await readFile(path), {
      filter: (f) => WANTED.has(basename(f.name)) && f.name.split('/').length <= 3 && f.originalSize <= MAX_MANIFEST_BYTES * 8,
    });
  } catch (e) {
    throw new Stop(
      wrong(peerProblem('pas_une_publication', `${path} n'est pas une archive zip lisible (${(e as Error).message}).`, `${path} is not a readable zip archive (${(e as Error).message}).`)),
    );
  }
  const manifests = Object.keys(entries)
    .filter((n) => basename(n) === 'datapackage.json')
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
  if (manifests.length === 0) throw new Stop(wrong(peerProblem('pas_une_publication', `${path} ne contient pas de datapackage.json.`, `${path} holds no datapackage.json.`)));
  const prefix = manifests[0]!.slice(0, -'datapackage.json'.length);
  return {
    get(name, max) {
      const bytes = entries[prefix + name];
      if (!bytes) throw new Stop(wrong(peerProblem('incomplete', `${prefix + name} manque dans ${basename(path)}.`, `${prefix + name} is missing from ${basename(path)}.`)));
      if (bytes.byteLength > max)
        throw name === 'datapackage.json' ? new Stop(wrong(peerProblem('trop_gros', `${name} dépasse ${max} octets.`, `${name} exceeds ${max} bytes.`))) : tooLarge(name, max);
      return bytes;
    },
  };
}

/** Reads a peer from its address, within the time allowed. */
async function readPeer(peer: ListedPeer, timeoutMs: number): Promise<{ attempt: Attempt; origine: 'reseau' | 'fichier' }> {
  if (addressKind(peer.adresse) === 'web') {
    const signal = AbortSignal.timeout(timeoutMs);
    return { attempt: await readFrom(webSource(peer.adresse, signal, Math.round(timeoutMs / 100) / 10)), origine: 'reseau' };
  }
  const path = resolve(peer.base, peer.adresse);
  try {
    const source = path.toLowerCase().endsWith('.zip') ? await zipSource(path) : await folderSource(path);
    return { attempt: await readFrom(source), origine: 'fichier' };
  } catch (e) {
    if (e instanceof Stop) return { attempt: e.attempt, origine: 'fichier' };
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// The cache of last good copies

const CopySchema = z.object({
  adresse: z.string(),
  date: z.string(),
  /** File name in the cache folder → path inside the release. */
  fichiers: z.record(z.string().regex(/^\d+\.(json|csv)$/), z.string()),
});

/** What a listed address points to: the address itself, or the absolute path of a folder or zip. */
export const peerIdentity = (peer: ListedPeer) => (addressKind(peer.adresse) === 'web' ? peer.adresse : resolve(peer.base, peer.adresse));

/** The cache folder of a peer: a hash of its identity, so that any address makes a safe name. */
export const cacheKey = (identity: string) => createHash('sha256').update(identity).digest('hex').slice(0, 32);

/** Writes the copy whole, then swaps it for the older one (a build killed meanwhile leaves one or the other). */
async function writeCopy(cacheDir: string, identity: string, read: Read, date: string): Promise<void> {
  const final = join(cacheDir, cacheKey(identity));
  const temp = `${final}.tmp-${process.pid}`;
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp, { recursive: true });
  const fichiers: Record<string, string> = {};
  let n = 0;
  for (const [path, bytes] of read.files) {
    const name = `${n++}.${path.endsWith('.json') ? 'json' : 'csv'}`;
    fichiers[name] = path;
    await writeFile(join(temp, name), bytes);
  }
  await writeFile(join(temp, 'copie.json'), `${JSON.stringify({ adresse: identity, date, fichiers }, null, 2)}\n`);
  const old = `${final}.old-${process.pid}`;
  await rename(final, old).catch(() => undefined);
  await rename(temp, final);
  await rm(old, { recursive: true, force: true });
}

/** The last good copy of an address, checked again as if it had just been fetched. */
async function readCopy(cacheDir: string, identity: string): Promise<{ attempt: Attempt; date: string } | undefined> {
  const dir = join(cacheDir, cacheKey(identity));
  const copy = CopySchema.safeParse(await readFile(join(dir, 'copie.json'), 'utf8').then(JSON.parse, () => undefined));
  if (!copy.success || copy.data.adresse !== identity) return undefined;
  const byPath = new Map(Object.entries(copy.data.fichiers).map(([name, path]) => [path, name]));
  const source: Source = {
    async get(path, max) {
      const name = byPath.get(path);
      const bytes = name ? await readFile(join(dir, name)).catch(() => undefined) : undefined;
      if (!bytes) throw new Stop(wrong(peerProblem('incomplete', `la copie en cache n'a pas ${path}.`, `the cached copy has no ${path}.`)));
      if (bytes.byteLength > max) throw tooLarge(path, max);
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
  };
  return { attempt: await readFrom(source), date: copy.data.date };
}

/** Removes the copies the lists no longer name, and unfinished ones. */
async function pruneCache(cacheDir: string, identities: readonly string[]): Promise<void> {
  const keep = new Set(identities.map(cacheKey));
  for (const name of await readdir(cacheDir).catch(() => [] as string[])) {
    if (!keep.has(name)) await rm(join(cacheDir, name), { recursive: true, force: true });
  }
}

const DAY = 86_400_000;

/** One peer: its release now, else its last good copy when it could not be reached. */
async function loadPeer(peer: ListedPeer, options: PeerLoadOptions): Promise<PeerOutcome> {
  const now = options.now.toISOString().replace(/\.\d+Z$/, 'Z');
  const { attempt, origine } = options.offline
    ? {
        attempt: unreachable(
          peerProblem('injoignable', 'construction hors ligne (--offline) : la publication n’a pas été lue à son adresse.', 'offline build (--offline): the release was not read at its address.'),
        ),
        origine: 'reseau' as const,
      }
    : await readPeer(peer, options.timeoutMs);
  const identity = peerIdentity(peer);
  if (attempt.ok) {
    await writeCopy(options.cacheDir, identity, attempt.read, now);
    return { adresse: peer.adresse, publication: attempt.read.manifest.publisher, comparison: attempt.read.comparison, copie: { origine, date: now, age_jours: 0 } };
  }
  const { failure } = attempt;
  if (failure.unreachable) {
    const cached = await readCopy(options.cacheDir, identity);
    if (cached?.attempt.ok) {
      const age = Math.max(0, Math.floor((options.now.getTime() - Date.parse(cached.date)) / DAY));
      return {
        adresse: peer.adresse,
        publication: cached.attempt.read.manifest.publisher,
        comparison: cached.attempt.read.comparison,
        probleme: failure.problem,
        copie: { origine: 'cache', date: cached.date, age_jours: age },
      };
    }
  }
  return { adresse: peer.adresse, probleme: failure.problem, ...(failure.publication ? { publication: failure.publication } : {}) };
}

/**
 * Every listed peer, in list order, `concurrency` at a time: included (read now, or its last good
 * copy when out of reach) or not, with the reason. Never throws for a peer's sake; the cache keeps
 * the copies of the listed addresses only.
 */
export async function loadPeers(peers: readonly ListedPeer[], options: PeerLoadOptions): Promise<PeerOutcome[]> {
  await mkdir(options.cacheDir, { recursive: true });
  const unique = [...new Map(peers.map((p) => [peerIdentity(p), p])).values()];
  const out = new Array<PeerOutcome>(unique.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < unique.length; i = next++) out[i] = await loadPeer(unique[i]!, options);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 8, unique.length)) }, worker));
  await pruneCache(options.cacheDir, unique.map(peerIdentity));
  return out;
}
