/**
 * npm run bench:open-data — what the open-data files add to a build, at ×1 and ×100 (or
 * `-- --scales 1,10,100`): time and bytes of the Parquet files (every table), of the link
 * preview images (every chart, both languages), and of the DCAT catalogue with the version
 * folders. Each measured part is timed alone, best of `--runs` (3), on data computed beforehand;
 * the rest of the build is `npm run bench:build`'s. Figures: docs/benchmark.md.
 *
 * Samples ×N come from .cache/bench/x<N>/ (generated if missing, shared with `npm run bench`).
 */
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDataset } from './bench/datasets.ts';
import { int, table } from './bench/report.ts';
import { LANGS } from '../src/i18n/index.ts';
import { catalogueFiles } from '../src/lib/catalogue/serialize.ts';
import { csvPieces } from '../src/lib/release/csv.ts';
import { TABLES } from '../src/lib/tables/index.ts';
import { parquetOf } from '../src/lib/release/parquet.ts';
import { releaseOf } from '../src/lib/pipeline.ts';
import { validateDataset } from '../src/lib/validate/index.ts';
import { readPublisherFolder } from './lib/fs-input.ts';
import { loadSolver } from './lib/solver.ts';
import { catalogueInputOf } from './lib/versions.ts';

const { values } = parseArgs({ options: { scales: { type: 'string', default: '1,100' }, runs: { type: 'string', default: '3' } } });
const scales = values.scales.split(',').map(Number);
const runs = Number(values.runs);
const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, '.cache', 'bench-open-data');
const log = (line: string) => process.stderr.write(`${line}\n`);
const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;

/** Best wall time of `runs` calls, ms. */
function best<T>(fn: () => T): { ms: number; value: T } {
  let ms = Infinity;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = fn();
    ms = Math.min(ms, performance.now() - t);
  }
  return { ms, value };
}
const bestAsync = async <T>(fn: () => Promise<T>) => {
  let ms = Infinity;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = await fn();
    ms = Math.min(ms, performance.now() - t);
  }
  return { ms, value };
};

// The site's chart models read one publication per process (src/site/data.ts caches it): one
// child process per scale.
if (scales.length > 1) {
  for (const scale of scales) {
    process.stdout.write(
      execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--scales', String(scale), '--runs', String(runs)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] }),
    );
  }
  process.exit(0);
}

const rows: string[][] = [];
for (const scale of scales) {
  const data = ensureDataset(scale, log);
  log(`×${scale}: validating and computing the tables…`);
  const input = await readPublisherFolder(data.dir, resolve(data.dir, '..'));
  delete input.files['publications.json'];
  const { dataset } = await validateDataset(input);
  if (!dataset) throw new Error(`×${scale}: invalid sample`);
  const computed = releaseOf(dataset, { highs: await loadSolver() }).tables;
  const csvBytes = computed.reduce((n, { t, rows: r }) => n + [...csvPieces(t.colonnes, r)].reduce((m, p) => m + Buffer.byteLength(p), 0), 0);
  const parquet = best(() => computed.map(({ t, rows: r }) => parquetOf(dataset.meta, t, r)));
  const parquetBytes = parquet.value.reduce((n, b) => n + b.byteLength, 0);

  // The published files of this scale (data step only), for the previews and the catalogue.
  const dist = join(OUT, `x${scale}`);
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  // A data root holding this publisher alone (the bench folder holds other variants), files hard-linked.
  const root = join(OUT, `data-x${scale}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'pays-de-la-loire'), { recursive: true });
  for (const f of readdirSync(data.dir)) if (statSync(join(data.dir, f)).isFile()) linkSync(join(data.dir, f), join(root, 'pays-de-la-loire', f));
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build.ts'), '--data', root, '--out', dist, '--data-only'], { stdio: 'ignore', cwd: ROOT });
  const ids = readdirSync(join(dist, 'donnees')).filter((d) => statSync(join(dist, 'donnees', d, 'publication.json'), { throwIfNoEntry: false }));
  const catalogue = await bestAsync(async () => catalogueFiles(await catalogueInputOf(dist, ids, 'https://example.org/')));
  const catalogueBytes = [...catalogue.value.values()].reduce((n, s) => n + Buffer.byteLength(s), 0);

  // Previews: the chart models are the site's (read from the publication), made before the clock.
  process.env.PUBLICATION_DIR = dist;
  const { chartModel } = await import('../src/site/charts.ts');
  const { previewPng } = await import('../src/site/preview.ts');
  const { CHART_SPECS } = await import('../src/site/pages-manifest.ts');
  const models = LANGS.flatMap((lang) => CHART_SPECS.map((s: { id: string }) => chartModel(s.id, lang)).filter(Boolean));
  const previews = best(() => models.map((m: unknown) => previewPng(m as never)));
  const previewBytes = previews.value.reduce((n: number, b: Uint8Array) => n + b.byteLength, 0);

  rows.push(
    [`×${scale}`, 'Parquet (every table)', String(TABLES.length), int(parquet.ms), mb(parquetBytes), `${((100 * parquetBytes) / csvBytes).toFixed(0)} % of the CSV (${mb(csvBytes)})`],
    [`×${scale}`, 'preview PNG (every chart, FR + EN)', String(models.length), int(previews.ms), mb(previewBytes), ''],
    [`×${scale}`, 'DCAT catalogue (3 syntaxes)', '3', int(catalogue.ms), mb(catalogueBytes), 'hashes every file of every release'],
  );
  log(`×${scale}: done`);
}
process.stdout.write(`${table(['scale', 'what', 'files', 'ms (best)', 'bytes', 'note'], rows, new Set([1, 5]))}\n`);
