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
 *
 * `--out` must be a folder of its own (it is replaced as a whole): not the file-system root, not the
 * project or the data or a folder holding them, not inside the data or the sources, and, if it
 * exists, empty or an earlier build.
 */
import { constants } from 'node:os';
import { cp, mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { catalogueFiles } from '../src/lib/catalogue/serialize.ts';
import { PublicationSchema, PublicationsSchema, type Publication } from '../src/lib/release/publications.ts';
import { latestDir } from '../src/lib/release/versions.ts';
import { runPipeline, type PublisherInput } from '../src/lib/pipeline.ts';
import { DEFAULT_BASE_URL } from '../src/lib/standard/version.ts';
import { formatReport, type ChunkSource } from '../src/lib/validate/index.ts';
import {
  checkOutputDir,
  makeStagingDir,
  OutputError,
  publishedPath,
  recoverInterruptedSwap,
  removeStaleStagingDirs,
  removeStagingDirSync,
  stagingPath,
  swapInto,
} from './lib/atomic-dir.ts';
import { InputError, listPublisherFolders, openPublisherFolder } from './lib/fs-input.ts';
import { offloadLargest } from './lib/offload.ts';
import { siteUrl } from './lib/site-url.ts';
import { writeSitemap } from './lib/sitemap.ts';
import { catalogueInputOf, listKeptVersions, publishVersions, type KeptVersion } from './lib/versions.ts';

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
  const input = offloadLargest(await openPublisherFolder(dir, root));
  const history = input.files[PUBLICATIONS_FILE];
  delete input.files[PUBLICATIONS_FILE];
  let previous: Publication[] = [];
  if (history) previous = PublicationsSchema.parse(JSON.parse(await textOf(history)));
  // Earlier releases still published (`versions/<version>/`), checked before anything is computed.
  const archived = await listKeptVersions(dir, root);
  return { input, previous, kept: archived.map(({ version, date_publication }) => ({ version, date_publication })), archived };
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

  const folders = await listPublisherFolders(values.data);
  if (folders.length === 0) {
    log(`Aucun dossier d'éditeur dans ${values.data} / no publisher folder in ${values.data}`);
    return 1;
  }
  const publishers: (PublisherInput & { archived: KeptVersion[] })[] = [];
  for (const dir of folders) publishers.push(await readPublisher(dir, values.data));

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
      references: references && new Uint8Array(references.buffer, references.byteOffset, references.byteLength),
      siteUrl: siteUrl(),
      sink: async (path, pieces) => {
        const file = publishedPath(publication, path);
        await mkdir(dirname(file), { recursive: true });
        const handle = await open(file, 'wx');
        try {
          for (const piece of pieces) {
            // write(2) may take less than asked (a full disk, a signal): write the rest.
            for (let at = 0; at < piece.byteLength; ) at += (await handle.write(piece, at)).bytesWritten;
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
