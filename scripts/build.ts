/**
 * npm run build — the whole pipeline: validate every publisher folder of data/, compute the
 * indicators, protect them, write the release, build the site with Astro, index it for search,
 * and only then replace dist/ (scripts/lib/atomic-dir.ts). Any error: exit 1, dist/ untouched,
 * the staging folder removed. Killed outright (SIGKILL, power cut), a build leaves dist/ whole: the
 * next build restores an interrupted swap and removes the dead build's staging folder.
 *
 *   npm run build                       data/ → dist/
 *   npm run build -- --data DIR --out DIR
 *   npm run build -- --data-only        only the published files (donnees/, validation/), no site
 *   npm run build -- --avec-synthetique a synthetic folder may be published next to real ones
 *
 * With several publisher folders, the build says which one the results pages show and why
 * (src/lib/main-publisher.ts: `EDITEUR`, else the only one, else the only one with real data,
 * else the first by id), and refuses a synthetic folder next to real ones unless asked for
 * (`--avec-synthetique` or `AVEC_SYNTHETIQUE=1`).
 *
 * Peers (docs/comparaison.md): the releases listed in `data/pairs.json` and `data/<editeur>/pairs.json`
 * are read and compared; one that cannot be included is listed with its reason and the build goes on.
 *
 *   --strict-peers        a peer not included fails the build (exit 1, nothing published)
 *   --offline             read no peer at its address: the last good copies in the cache only
 *   --peer-timeout S      seconds one peer may take, all its files (default 20)
 *   --peer-cache DIR      the last good copies (default .cache/pairs)
 *
 * A data folder without any publisher but with a `data/pairs.json` naming the site (`site.nom`)
 * builds a site that only compares.
 *
 * `--out` must be a folder of its own (it is replaced as a whole): not the file-system root, not the
 * project or the data or a folder holding them, not inside the data or the sources, and, if it
 * exists, empty or an earlier build.
 */
import { constants } from 'node:os';
import { cp, mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { catalogueFiles } from '../src/lib/catalogue/serialize.ts';
import { PublicationSchema, PublicationsSchema, type Publication } from '../src/schemas/release.ts';
import { latestDir } from '../src/lib/release/versions.ts';
import { runPipeline, type PublisherInput } from '../src/lib/pipeline.ts';
import { DEFAULT_BASE_URL } from '../src/lib/standard/version.ts';
import { formatReport, type ChunkSource } from '../src/lib/validate/index.ts';
import { inputMessage } from '../src/lib/validate/messages.ts';
import { checkOutputDir, makeStagingDir, OutputError, publishedPath, recoverInterruptedSwap, removeStaleStagingDirs, removeStagingDirSync, stagingPath, swapInto } from './lib/atomic-dir.ts';
import { chooseMainPublisher, syntheticOf } from '../src/lib/main-publisher.ts';
import { InputError, listPublisherFolders, openPublisherFolder } from './lib/fs-input.ts';
import { offloadLargest } from './lib/offload.ts';
import { loadSolver } from './lib/solver.ts';
import { localToday } from './lib/today.ts';
import { loadPeers, readPairsLists } from './lib/peers.ts';
import { PAIRS_FILE } from '../src/schemas/pairs.ts';
import { isIncluded, settlePeers } from '../src/lib/compare/index.ts';
import { siteUrl, siteWarning } from './lib/site-url.ts';
import { writeSitemap } from './lib/sitemap.ts';
import { catalogueInputOf, earlierReleaseOf, listKeptVersions, publishVersions, type KeptVersion } from './lib/versions.ts';

const REFERENCES_FILE = 'resultats-publies-autres-territoires.csv';

/** The project: Astro's root, and a folder the output must not replace. */
const PROJECT = resolve(import.meta.dirname, '..');

const PUBLICATIONS_FILE = 'publications.json';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'data' },
    out: { type: 'string', default: 'dist' },
    'keep-staging': { type: 'boolean', default: false },
    'data-only': { type: 'boolean', default: false },
    'avec-synthetique': { type: 'boolean', default: false },

    'strict-peers': { type: 'boolean', default: false },
    offline: { type: 'boolean', default: false },
    'peer-timeout': { type: 'string', default: '20' },
    'peer-cache': { type: 'string', default: join('.cache', 'pairs') },
  },
});

const log = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/**
 * Opens one folder: its tables are read piece by piece while they are validated, never held whole
 * (at x1000 the CSV files weigh 513 MB), the largest on other threads when they are big
 * (scripts/lib/offload.ts). `publications.json` (the release history) is not a data
 * table: its bytes are read here.
 */
async function readPublisher(dir: string, root: string): Promise<PublisherInput & { archived: KeptVersion[] }> {
  const input = { ...offloadLargest(await openPublisherFolder(dir, root)), today: localToday() };
  const history = input.files[PUBLICATIONS_FILE];
  delete input.files[PUBLICATIONS_FILE];
  // The peers it lists are read by scripts/lib/peers.ts: not a data table.
  delete input.files[PAIRS_FILE];
  let previous: Publication[] = [];
  if (history) previous = PublicationsSchema.parse(JSON.parse(await textOf(history)));
  // Earlier releases still published (`versions/<version>/`), checked before anything is computed.
  const archived = await listKeptVersions(dir, root);
  // Their published tables too: the audit sets them side by side with the new release.
  const earlier = await Promise.all(archived.map(earlierReleaseOf));
  return { input, previous, kept: archived.map(({ version, date_publication }) => ({ version, date_publication })), archived, earlier };
}

/**
 * After the release is written: the stable address of every release (`donnees/<id>/<version>/`)
 * and the DCAT catalogue of them all (`donnees/catalogue.{ttl,jsonld,rdf}`), the main publisher
 * first (it publishes the catalogue).
 */
async function publishVersionsAndCatalogue(publication: string, publishers: readonly (PublisherInput & { archived: KeptVersion[] })[]): Promise<void> {
  const ids: string[] = [];
  for (const p of publishers) {
    const id = p.input.publisher;
    const current = PublicationSchema.parse(JSON.parse(await readFile(join(publication, latestDir(id), 'publication.json'), 'utf8'))).version;
    await publishVersions(publication, id, current, p.archived);
    ids.push(id);
  }
  const main = process.env.EDITEUR && ids.includes(process.env.EDITEUR) ? process.env.EDITEUR : ids[0];
  const ordered = [...ids].sort((a, b) => (a === main ? -1 : b === main ? 1 : a < b ? -1 : 1));
  const files = catalogueFiles(await catalogueInputOf(publication, ordered, siteUrl() ?? DEFAULT_BASE_URL));
  for (const [path, text] of files) await writeFile(publishedPath(publication, path), text, { flag: 'wx' });
}

/** The text of a small file opened as a source. */
async function textOf(source: ChunkSource): Promise<string> {
  const pieces: Uint8Array[] = [];
  for await (const piece of source.chunks()) pieces.push(piece.slice()); // a piece's buffer is reused
  return new TextDecoder().decode(Buffer.concat(pieces));
}

async function main(): Promise<number> {
  const started = performance.now();
  const out = resolve(values.out);
  const named = (dir: string) => ({ fr: `${dir}/`, en: `${dir}/` });
  checkOutputDir(out, {
    notParentOf: [
      { path: values.data, what: { fr: 'les données', en: 'the data' } },
      { path: PROJECT, what: { fr: 'le projet', en: 'the project' } },
    ],
    notInside: [
      { path: values.data, what: { fr: 'les données', en: 'the data' } },
      ...['src', 'public', 'scripts', 'node_modules', '.git'].map((dir) => ({ path: join(PROJECT, dir), what: named(dir) })),
    ],
  });
  if (await recoverInterruptedSwap(out)) log(`Site précédent restauré / previous site restored: ${out}`);
  for (const dir of await removeStaleStagingDirs(out)) log(`Dossier provisoire abandonné supprimé / stale staging folder removed: ${dir}`);

  // No publisher folder: a site that only compares, when data/pairs.json names it.
  const folders = await listPublisherFolders(values.data, { allowNone: true });
  const lists = await readPairsLists(values.data, folders);
  if (folders.length === 0 && !lists.site) {
    const none = inputMessage('aucun_editeur', { root: values.data });
    throw new InputError({
      fr: `${none.fr} Un site qui ne fait que comparer nomme son site et ses pairs dans ${join(values.data, PAIRS_FILE)} (« site », « pairs » : docs/comparaison.md).`,
      en: `${none.en} A site that only compares gives its name and peers in ${join(values.data, PAIRS_FILE)} ("site", "pairs": docs/comparaison.md).`,
    });
  }
  const publishers: (PublisherInput & { archived: KeptVersion[] })[] = [];
  for (const dir of folders) publishers.push(await readPublisher(dir, values.data));

  // The publisher the results pages show, said with why; a synthetic sample left next to real
  // data is refused unless asked for. The site reads the choice from EDITEUR.
  // (A site that only compares has no publisher of its own: nothing to choose.)
  const choice =
    publishers.length === 0
      ? undefined
      : chooseMainPublisher(
          publishers.map((p) => ({ id: p.input.publisher, synthetique: syntheticOf(p.input.meta) })),
          { requested: process.env.EDITEUR, allowSynthetic: values['avec-synthetique'] || /^(1|oui|true|yes)$/i.test(process.env.AVEC_SYNTHETIQUE ?? '') },
        );
  if (choice && 'error' in choice) {
    process.stderr.write(`${choice.error.fr}\n${choice.error.en}\n`);
    log(`Rien n'est publié : ${values.out}/ reste tel quel. / Nothing published: ${values.out}/ is unchanged.`);
    return 1;
  }
  if (choice) {
    log(`Éditeur principal / main publisher: ${choice.main} — ${choice.reason.fr} / ${choice.reason.en}`);
    process.env.EDITEUR = choice.main;
  }

  // Peers' releases: each read, checked and cached, or reported with its reason.
  const timeout = Number(values['peer-timeout']);
  if (!(timeout > 0))
    throw new InputError({
      fr: `--peer-timeout : nombre de secondes attendu, reçu « ${values['peer-timeout']} ».`,
      en: `--peer-timeout: a number of seconds expected, got "${values['peer-timeout']}".`,
    });
  const peersStarted = performance.now();
  const peers = settlePeers(
    folders.map((dir) => basename(dir)),
    lists.peers.length === 0 ? [] : await loadPeers(lists.peers, { cacheDir: resolve(values['peer-cache']), timeoutMs: timeout * 1000, offline: values.offline, now: new Date() }),
  );
  if (lists.peers.length > 0) {
    const left = peers.filter((p) => !isIncluded(p));
    log(`Pairs / peers: ${peers.length - left.length} inclus / included, ${left.length} non inclus / not included (${seconds(peersStarted)})`);
    // Each peer with a problem, the first 20 in full (all of them are in donnees/comparaison/pairs.csv).
    const told = peers.filter((p) => p.probleme);
    for (const p of told.slice(0, 20)) {
      log(`  ${p.adresse}${isIncluded(p) ? ` — copie du / copy of ${p.copie?.date}` : ''}\n    ${p.probleme!.raison.fr}\n    ${p.probleme!.raison.en}`);
    }
    if (told.length > 20) log(`  … ${told.length - 20} autre(s) : voir donnees/comparaison/pairs.csv / ${told.length - 20} more: see donnees/comparaison/pairs.csv`);
    if (values['strict-peers'] && left.length > 0) {
      log(
        `--strict-peers : ${left.length} pair(s) non inclus, rien n'est publié : ${values.out}/ reste tel quel. / ${left.length} peer(s) not included, nothing published: ${values.out}/ is unchanged.`,
      );
      return 1;
    }
  }

  // Other territories' published results, shown apart on the comparison tables (optional).
  const references = await readFile(join(values.data, 'references', REFERENCES_FILE)).catch(() => undefined);

  // The published files are written into the staging folder as the pipeline makes them, a piece
  // at a time (a large release is never held in memory). Paths come from the data (publisher id,
  // version): each must stay inside the publication folder, checked before it is written; a file
  // is never written twice nor through a link ('wx'). On any error the staging folder goes and
  // dist/ is untouched.
  const staging = stagingPath(out, String(process.pid));
  const publication = join(staging, 'publication');
  const site = join(staging, 'site');
  stagingInUse = await makeStagingDir(out, String(process.pid));
  try {
    const result = await runPipeline(publishers, {
      highs: await loadSolver(),
      references: references && new Uint8Array(references.buffer, references.byteOffset, references.byteLength),
      peers,
      ...(folders.length === 0 && lists.site ? { comparisonSite: lists.site } : {}),
      ...(choice ? { mainPublisher: choice.main } : {}),
      siteUrl: siteUrl(),
      sink: async (path, pieces) => {
        const file = publishedPath(publication, path);
        await mkdir(dirname(file), { recursive: true });
        const handle = await open(file, 'wx');
        try {
          for (const piece of pieces) {
            // write(2) may take less than asked (a full disk, a signal): write the rest.
            for (let at = 0; at < piece.byteLength;) at += (await handle.write(piece, at)).bytesWritten;
          }
        } finally {
          await handle.close();
        }
      },
    });
    for (const report of result.reports) {
      if (!result.ok || report.errorCount > 0) log(`${formatReport(report, 'fr')}\n${formatReport(report, 'en')}`);
      else log(`${report.publisher}: données valides, ${report.warningCount} avertissement(s) / valid data, ${report.warningCount} warning(s)`);
    }
    for (const r of result.refused) log(`${r.publisher}: ${r.message}`);
    if (!result.ok) {
      log(`Rien n'est publié : ${values.out}/ reste tel quel. / Nothing published: ${values.out}/ is unchanged.`);
      return 1;
    }
    await publishVersionsAndCatalogue(publication, publishers);
    log(`Données calculées / data computed: ${result.count} fichiers / files (${seconds(started)})`);
    if (values['data-only']) {
      // The publication alone (the files a journalist downloads), replacing `out` as a site would.
      swapping = true;
      await swapInto(publication, out);
      swapping = false;
      log(`Publié / published: ${values.out}/ (${seconds(started)})`);
      return 0;
    }

    // Absolute addresses (embed codes, link previews, sitemap, oEmbed) need the address the site is
    // served from: without SITE they name a placeholder, which embed codes replace in the reader's
    // browser (src/browser/embed-code.ts) but the other files cannot.
    const warning = siteWarning();
    if (warning) console.warn(warning);
    // Astro reads the publication through src/site/data.ts (PUBLICATION_DIR).
    process.env.PUBLICATION_DIR = publication;
    const { build } = await import('astro');
    await build({ root: PROJECT, outDir: site, logLevel: 'warn' });
    await cp(join(publication, 'donnees'), join(site, 'donnees'), { recursive: true });
    const pages = await writeSitemap(site, siteUrl() ?? DEFAULT_BASE_URL);
    log(`Site construit / site built: ${pages} pages dans sitemap.xml / in sitemap.xml (${seconds(started)})`);

    const pagefind = await import('pagefind');
    const { index } = await pagefind.createIndex({});
    if (!index) throw new Error('pagefind: index not created');
    await index.addDirectory({ path: site });
    await index.writeFiles({ outputPath: join(site, 'pagefind') });
    await pagefind.close();

    swapping = true;
    await swapInto(site, out);
    swapping = false;
  } finally {
    // Success or failure, the staging folder goes (the site in it was moved to `out`).
    if (!values['keep-staging']) await rm(staging, { recursive: true, force: true });
    stagingInUse = undefined;
  }
  log(`Publié / published: ${values.out}/ (${seconds(started)})`);
  return 0;
}

/** The staging folder while it exists, for the signal handlers. */
let stagingInUse: string | undefined;
/** True during the two renames of the swap: a signal then leaves everything to the next build's recovery. */
let swapping = false;

// Ctrl-C or a stop from the host: remove the staging folder before exiting (a SIGKILL cannot be
// caught; the next build removes what it left).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    if (stagingInUse && !swapping && !values['keep-staging']) removeStagingDirSync(stagingInUse);
    process.stderr.write(`Construction interrompue (${signal}), rien n'est publié / build interrupted (${signal}), nothing published\n`);
    process.exit(128 + constants.signals[signal]);
  });
}

try {
  process.exitCode = await main();
} catch (e) {
  if (e instanceof InputError || e instanceof OutputError) {
    process.stderr.write(`${e.text.fr}\n${e.text.en}\n`);
  } else {
    process.stderr.write(`Échec de la construction, rien n'est publié / build failed, nothing published:\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  }
  process.exitCode = 1;
}
