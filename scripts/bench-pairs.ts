/**
 * npm run bench:pairs — a site comparing many peer releases: the whole `npm run build` of the
 * committed sample with 10, 100 and 1,000 peers listed in its pairs.json, each read over HTTP from
 * a static server on 127.0.0.1 (cache empty: every peer fetched and checked), then the same build
 * again `--offline` (every peer from the cache, checked again). Prints time by phase, CPU, peak
 * memory, the comparison page's size, and how they grow with the number of peers.
 *
 *   npm run bench:pairs                         10, 100, 1000 peers
 *   npm run bench:pairs -- --peers 10,100       chosen counts
 *   npm run bench:pairs -- --keep               keep the sites in .cache/bench-pairs/
 *
 * The peers are generated from the sample: the sample generator makes a few publishers under
 * other seeds, the build publishes their releases, and each peer is one of them under its own id
 * and name (`clauses-insertion-pair-0001`…, its datapackage.json rewritten; its tables, hashes and
 * figures are those of the release it copies). A peer folder holds its datapackage.json and the
 * tables a comparison reads: the other files it lists are never fetched.
 * Figures and method: docs/benchmark.md (« Comparer des pairs »).
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { COMPARED_TABLE_IDS } from '../src/lib/compare/index.ts';
import { measuredBuild, type MeasuredBuild } from './bench/measured-build.ts';
import { int, table } from './bench/report.ts';
import { serveStatic } from './lib/static-server.ts';
import { generateSample } from './sample/generate.ts';

const { values } = parseArgs({
  options: {
    peers: { type: 'string', default: '10,100,1000' },
    keep: { type: 'boolean', default: false },
  },
});
const counts = values.peers.split(',').map(Number);
if (counts.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--peers takes positive integers: 10,100,1000');

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, '.cache', 'bench-pairs');
const MAIN = 'pays-de-la-loire';
/** Distinct releases the peers copy: the sample generator under these seeds. */
const SEEDS = [7, 11, 13, 17];
const log = (line: string) => process.stderr.write(`${line}\n`);

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

// The releases the peers copy, published by the build itself.
log(`Releases to copy: the sample generator, seeds ${SEEDS.join(', ')}`);
const sources = join(OUT, 'sources');
for (const seed of SEEDS) generateSample({ out: join(sources, 'data', `source-${seed}`), seed, publisher: { id: `source-${seed}`, nom: `Source ${seed}` } });
const published = await measuredBuild(['--data', join(sources, 'data'), '--out', join(sources, 'dist'), '--data-only'], join(sources, 'work'), log);
if (!published.ok) throw new Error(`the releases to copy were not built:\n${published.output}`);

// The peers: one folder each, served over HTTP.
const maxPeers = Math.max(...counts);
const peersDir = join(OUT, 'peers');
for (let i = 1; i <= maxPeers; i++) {
  const id = `pair-${String(i).padStart(4, '0')}`;
  const from = join(sources, 'dist', 'donnees', `source-${SEEDS[(i - 1) % SEEDS.length]}`);
  const to = join(peersDir, 'donnees', id);
  mkdirSync(to, { recursive: true });
  const dp = JSON.parse(readFileSync(join(from, 'datapackage.json'), 'utf8')) as Record<string, unknown>;
  dp.name = `clauses-insertion-${id}`;
  dp.contributors = [{ title: `Pair ${String(i).padStart(4, '0')}`, role: 'publisher' }];
  writeFileSync(join(to, 'datapackage.json'), `${JSON.stringify(dp, null, 2)}\n`);
  for (const t of COMPARED_TABLE_IDS) copyFileSync(join(from, `${t}.csv`), join(to, `${t}.csv`));
}
const server = await serveStatic(peersDir);
log(`${maxPeers} peers served at ${server.url}`);

interface Run {
  peers: number;
  offline: boolean;
  build: MeasuredBuild;
  /** The French comparison page: bytes, and gzip level 9. */
  pageBytes: number;
  pageGzip: number;
}

async function run(peers: number, offline: boolean): Promise<Run> {
  const work = join(OUT, `n${peers}`);
  const data = join(work, 'data');
  if (!offline) {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(data, { recursive: true });
    for (const dir of [MAIN, 'references']) {
      mkdirSync(join(data, dir));
      for (const f of readdirSync(join(ROOT, 'data', dir))) copyFileSync(join(ROOT, 'data', dir, f), join(data, dir, f));
    }
    const list = Array.from({ length: peers }, (_, i) => `${server.url}donnees/pair-${String(i + 1).padStart(4, '0')}/datapackage.json`);
    writeFileSync(join(data, MAIN, 'pairs.json'), JSON.stringify({ pairs: list }));
  }
  const out = join(work, offline ? 'dist-offline' : 'dist');
  log(`${peers} peers${offline ? ', offline' : ''}: scripts/build.ts --data ${data} --out ${out}`);
  const build = await measuredBuild(['--data', data, '--out', out, '--peer-cache', join(work, 'cache'), ...(offline ? ['--offline'] : [])], join(work, offline ? 'work-offline' : 'work'), log);
  const page = build.ok ? readFileSync(join(out, 'comparaison', 'index.html')) : Buffer.alloc(0);
  const result = { peers, offline, build, pageBytes: page.byteLength, pageGzip: gzipSync(page, { level: 9 }).byteLength };
  if (!values.keep) rmSync(out, { recursive: true, force: true });
  return result;
}

const runs: Run[] = [];
for (const n of counts) {
  runs.push(await run(n, false));
  runs.push(await run(n, true));
}
await server.close();

const f1 = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(1));
const lines = [`Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`, ''];
lines.push(
  table(
    ['peers', 'copies', 'peers s', 'data s (from start)', 'astro s', 'wall s', 'cpu s', 'peak MB', 'node MB', 'page kB', 'page gzip kB'],
    runs.map((r) => {
      const p = r.build.phases;
      return [
        int(r.peers),
        r.offline ? 'cache' : 'HTTP',
        f1(p.peers),
        f1(p.data),
        f1(p.astro !== undefined && p.data !== undefined ? p.astro - p.data : undefined),
        r.build.ok ? f1(r.build.wallS) : 'FAILED',
        f1(r.build.cpuS),
        r.build.peakMB.toFixed(0),
        r.build.nodePeakMB.toFixed(0),
        (r.pageBytes / 1000).toFixed(0),
        (r.pageGzip / 1000).toFixed(1),
      ];
    }),
  ),
);
lines.push('', 'Growth (linear: time and memory grow at most as the number of peers; per peer, the cost stays flat):');
for (const offline of [false, true]) {
  const these = runs.filter((r) => r.offline === offline && r.build.ok);
  for (let i = 1; i < these.length; i++) {
    const [a, b] = [these[i - 1]!, these[i]!];
    const k = b.peers / a.peers;
    const slope = (x: number, y: number) => (Math.log(y / x) / Math.log(k)).toFixed(2);
    const peersS = (r: Run) => r.build.phases.peers ?? 0;
    lines.push(
      `  ${offline ? 'cache' : 'HTTP '} ${a.peers} → ${b.peers} peers (×${k}): peers phase ×${(peersS(b) / peersS(a)).toFixed(1)} (∝ n^${slope(peersS(a), peersS(b))}), ` +
        `${((1000 * peersS(b)) / b.peers).toFixed(1)} ms per peer (${((1000 * peersS(a)) / a.peers).toFixed(1)}); wall ×${(b.build.wallS / a.build.wallS).toFixed(2)}; ` +
        `peak memory ×${(b.build.peakMB / a.build.peakMB).toFixed(2)} (+${(b.build.peakMB - a.build.peakMB).toFixed(0)} MB, ${((1024 * (b.build.peakMB - a.build.peakMB)) / (b.peers - a.peers)).toFixed(0)} kB per added peer); ` +
        `page ×${(b.pageBytes / a.pageBytes).toFixed(1)}`,
    );
  }
}
for (const r of runs.filter((x) => !x.build.ok)) lines.push('', `${r.peers} peers${r.offline ? ' offline' : ''} failed:`, r.build.output.split('\n').slice(-15).join('\n'));
console.log(lines.join('\n'));
writeFileSync(join(OUT, 'results.json'), JSON.stringify({ date: new Date().toISOString(), runs: runs.map((r) => ({ ...r, build: { ...r.build, output: undefined } })) }, null, 2));
process.exitCode = runs.every((r) => r.build.ok) ? 0 : 1;
