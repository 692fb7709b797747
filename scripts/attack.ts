/**
 * A second opinion on a built site, run on the publisher's machine before it is deployed: the
 * outsider of scripts/lib/outsider.ts (written apart from the production audit) reads every CSV
 * file the site publishes for a publisher — the latest release and every earlier release still at
 * its stable address — and bounds each primary secret cell by linear programs.
 *
 *   npm run build && npm run attack                 every publisher of data/, against dist/
 *   npm run attack -- --dist DIR --data DIR         another build, other data
 *   npm run attack -- pays-de-la-loire              one publisher
 *
 * It needs the participant-level files (to know which combinations occur and the true hours of
 * each secret cell), so it runs where they are, never in a forge. Prints, for each publisher, the
 * releases read, the cells attacked and the cells bounded closer than the protection level;
 * exit code 1 when any is found, 2 on bad input.
 */
import { access, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { rulesFor } from '../src/lib/protect/rules.ts';
import { latestDir } from '../src/lib/release/versions.ts';
import { validateDataset } from '../src/lib/validate/index.ts';
import { InputError, listPublisherFolders, readPublisherFolder } from './lib/fs-input.ts';
import { attackPublished, type PublishedEarlier } from './lib/outsider.ts';
import { loadSolver } from './lib/solver.ts';
import { readReleasePackage } from './lib/versions.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { data: { type: 'string', default: 'data' }, dist: { type: 'string', default: 'dist' } },
});

/** The CSV files of one release folder, by file name. */
async function csvFiles(dir: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith('.csv')) files.set(e.name, new Uint8Array(await readFile(join(dir, e.name))));
  }
  return files;
}

/** The version and the end of the period a release folder's datapackage.json states (read with the release schema). */
async function describe(dir: string): Promise<{ version: string; fin: string }> {
  const pkg = await readReleasePackage(dir);
  return { version: pkg.version, fin: pkg.temporal.end };
}

async function attackOne(dir: string, root: string, highs: Awaited<ReturnType<typeof loadSolver>>): Promise<number> {
  const input = await readPublisherFolder(dir, root);
  const { dataset, report } = await validateDataset(input);
  if (!dataset)
    throw new InputError({
      fr: `${dir} : données invalides (${report.errorCount} erreurs) ; lancez npm run validate.`,
      en: `${dir}: invalid data (${report.errorCount} errors); run npm run validate.`,
    });
  const id = dataset.meta.id;
  const latest = join(values.dist, latestDir(id));
  await access(join(latest, 'datapackage.json')).catch(() => {
    throw new InputError({
      fr: `${latest}/datapackage.json introuvable : construisez le site d’abord (npm run build).`,
      en: `${latest}/datapackage.json not found: build the site first (npm run build).`,
    });
  });
  const current = await describe(latest);
  const files = new Map([...(await csvFiles(latest))].map(([name, bytes]) => [`${latestDir(id)}/${name}`, bytes]));
  const earlier: PublishedEarlier[] = [];
  for (const e of await readdir(latest, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const { version, fin } = await describe(join(latest, e.name));
    if (version === current.version) continue; // the current release again, at its versioned address
    earlier.push({ version, fin, files: await csvFiles(join(latest, e.name)) });
  }
  const level = rulesFor(dataset.meta).niveau;
  const started = performance.now();
  const found = attackPublished(dataset, files, highs, { level, earlier });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const read = [current.version, ...earlier.map((e) => e.version)].join(', ');
  process.stdout.write(`${id}: releases ${read} read together (${files.size + earlier.reduce((n, e) => n + e.files.size, 0)} CSV files), ${seconds} s\n`);
  for (const f of found) {
    process.stdout.write(`  EXPOSED ${f.table} ${JSON.stringify(f.cell)}: ${f.heures} h bounded to [${f.min.toFixed(2)}, ${f.max.toFixed(2)}]\n`);
  }
  process.stdout.write(found.length === 0 ? `  no secret cell bounded within ±${level * 100} %\n` : `  ${found.length} secret cells bounded within ±${level * 100} %: do not publish\n`);
  return found.length;
}

async function main(): Promise<number> {
  const highs = await loadSolver();
  const folders = await listPublisherFolders(values.data);
  const chosen = positionals.length === 0 ? folders : folders.filter((d) => positionals.some((p) => d.endsWith(`/${p}`) || d === p));
  let exposed = 0;
  for (const dir of chosen) exposed += await attackOne(dir, values.data, highs);
  return exposed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof InputError) {
      process.stderr.write(`${e.text.fr}\n${e.text.en}\n`);
      process.exit(2);
    }
    throw e;
  },
);
