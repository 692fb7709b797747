/**
 * npm run build — the whole pipeline: validate every publisher folder of data/, compute the
 * indicators, protect them, write the release, build the site with Astro, index it for search,
 * and only then replace dist/ (scripts/lib/atomic-dir.ts). Any error: exit 1, dist/ untouched.
 *
 *   npm run build                       data/ → dist/
 *   npm run build -- --data DIR --out DIR
 */
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PublicationsSchema, type Publication } from '../src/lib/release/publications.ts';
import { runPipeline, type PublisherInput } from '../src/lib/pipeline.ts';
import { formatReport } from '../src/lib/validate/index.ts';
import { makeStagingDir, recoverInterruptedSwap, swapInto } from './lib/atomic-dir.ts';
import { InputError, listPublisherFolders, readPublisherFolder } from './lib/fs-input.ts';

const PUBLICATIONS_FILE = 'publications.json';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'data' },
    out: { type: 'string', default: 'dist' },
    'keep-staging': { type: 'boolean', default: false },
  },
});

const log = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Reads one folder; `publications.json` (the release history) is not a data table. */
async function readPublisher(dir: string, root: string): Promise<PublisherInput> {
  const input = await readPublisherFolder(dir, root);
  const history = input.files[PUBLICATIONS_FILE];
  delete input.files[PUBLICATIONS_FILE];
  let previous: Publication[] = [];
  if (history) previous = PublicationsSchema.parse(JSON.parse(new TextDecoder().decode(history)));
  return { input, previous };
}

async function main(): Promise<number> {
  const started = performance.now();
  const out = resolve(values.out);
  if (await recoverInterruptedSwap(out)) log(`Site précédent restauré / previous site restored: ${out}`);

  const folders = await listPublisherFolders(values.data);
  if (folders.length === 0) {
    log(`Aucun dossier d'éditeur dans ${values.data} / no publisher folder in ${values.data}`);
    return 1;
  }
  const publishers: PublisherInput[] = [];
  for (const dir of folders) publishers.push(await readPublisher(dir, values.data));

  const result = await runPipeline(publishers);
  for (const report of result.reports) {
    if (!result.ok || report.errorCount > 0) log(`${formatReport(report, 'fr')}\n${formatReport(report, 'en')}`);
    else log(`${report.publisher}: données valides, ${report.warningCount} avertissement(s) / valid data, ${report.warningCount} warning(s)`);
  }
  if (!result.ok) {
    log(`Rien n'est publié : ${values.out}/ reste tel quel. / Nothing published: ${values.out}/ is unchanged.`);
    return 1;
  }
  log(`Données calculées / data computed: ${result.files.size} fichiers / files (${seconds(started)})`);

  const staging = await makeStagingDir(out, String(process.pid));
  const publication = join(staging, 'publication');
  const site = join(staging, 'site');
  for (const [path, bytes] of [...result.files].sort(([a], [b]) => a.localeCompare(b))) {
    const file = join(publication, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, bytes);
  }

  // Astro reads the publication through src/site/data.ts (PUBLICATION_DIR).
  process.env.PUBLICATION_DIR = publication;
  const { build } = await import('astro');
  await build({ root: process.cwd(), outDir: site, logLevel: 'warn' });
  await cp(join(publication, 'donnees'), join(site, 'donnees'), { recursive: true });
  log(`Site construit / site built (${seconds(started)})`);

  const pagefind = await import('pagefind');
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('pagefind: index not created');
  await index.addDirectory({ path: site });
  await index.writeFiles({ outputPath: join(site, 'pagefind') });
  await pagefind.close();

  await swapInto(site, out);
  if (!values['keep-staging']) await rm(staging, { recursive: true, force: true });
  log(`Publié / published: ${values.out}/ (${seconds(started)})`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (e) {
  if (e instanceof InputError) {
    process.stderr.write(`${e.text.fr}\n${e.text.en}\n`);
  } else {
    process.stderr.write(`Échec de la construction, rien n'est publié / build failed, nothing published:\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  }
  process.exitCode = 1;
}
