/**
 * npm run bench:build — the whole site build (`npm run build`: validate, compute, publish, Astro,
 * Pagefind) at ×1, ×10 and ×100, each in a fresh child process, with its time by phase, wall and
 * CPU time, peak memory, pages written and size of the site, and how they grow with the data.
 *
 *   npm run bench:build                        scales 1, 10, 100
 *   npm run bench:build -- --scales 1,100      chosen scales (×1 is always run first, as reference)
 *   npm run bench:build -- --keep              keep the built sites in .cache/bench-build/x<N>/
 *   npm run bench:build -- --data-scales 1000  also the data step alone (`build.ts --data-only`:
 *                                              validate, compute, protect, write every published
 *                                              file, no pages) at these scales; 0: none.
 *                                              The default ×1000 adds ~200 s and ~3.6 GB.
 *
 * Samples ×N come from .cache/bench/x<N>/ (generated if missing, shared with `npm run bench`).
 * Each build is measured by scripts/bench/measured-build.ts (peak memory of the whole tree, CPU).
 * Results are printed and written to .cache/bench-build/results.json; method and figures:
 * docs/benchmark.md.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDataset } from './bench/datasets.ts';
import { measuredBuild } from './bench/measured-build.ts';
import { int, table } from './bench/report.ts';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '1,10,100' },
    keep: { type: 'boolean', default: false },
    'data-scales': { type: 'string', default: '1000' },
  },
});
const dataScales = values['data-scales'] === '0' ? [] : values['data-scales'].split(',').map(Number);
if (dataScales.some((s) => !Number.isInteger(s) || s < 1)) throw new Error('--data-scales takes positive integers: 1000, or 0');
const scales = [...new Set([1, ...values.scales.split(',').map(Number)])].sort((a, b) => a - b);
if (scales.some((s) => !Number.isInteger(s) || s < 1)) throw new Error('--scales takes positive integers: 1,10,100');

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, '.cache', 'bench-build');
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Run {
  scale: number;
  /** `--data-only`: the published files without the site. */
  dataOnly: boolean;
  contracts: number;
  operations: number;
  hourRows: number;
  ok: boolean;
  wallS: number;
  /** Cumulative seconds printed by the build at the end of each phase. */
  phases: { data?: number; astro?: number; published?: number };
  /** CPU seconds (user + system) of the whole tree (GNU time) or of its Node processes (preload). */
  cpuS: number;
  /** Peak resident memory, MB: largest process of the tree. */
  peakMB: number;
  nodePeakMB: number;
  pages: number;
  files: number;
  distMB: number;
  tail: string;
}

function countRows(file: string): number {
  const text = readFileSync(file);
  let n = 0;
  for (const b of text) if (b === 10) n++;
  return Math.max(0, n - 1);
}

function walk(dir: string): { pages: number; files: number; bytes: number } {
  let pages = 0;
  let files = 0;
  let bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      const sub = walk(full);
      pages += sub.pages;
      files += sub.files;
      bytes += sub.bytes;
    } else {
      files++;
      bytes += statSync(full).size;
      if (e.name.endsWith('.html')) pages++;
    }
  }
  return { pages, files, bytes };
}

/**
 * A data root holding only the scaled publisher's folder: `.cache/bench/x<N>/` also holds the
 * benchmark's manifest and DuckDB's UTF-8 copies (symbolic links, which the build rightly
 * refuses). The files are hard links (regular files, no copy), or copies where linking fails.
 */
function dataRoot(publisher: string, root: string): string {
  const folder = join(root, basename(publisher));
  rmSync(root, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const name of readdirSync(publisher)) {
    try {
      linkSync(join(publisher, name), join(folder, name));
    } catch {
      copyFileSync(join(publisher, name), join(folder, name));
    }
  }
  return root;
}

async function build(scale: number, dataOnly = false): Promise<Run> {
  const work = join(OUT, `x${scale}${dataOnly ? '-data' : ''}`);
  const publisher = scale === 1 ? join(ROOT, 'data', 'pays-de-la-loire') : ensureDataset(scale, log).dir;
  const data = scale === 1 ? join(ROOT, 'data') : dataRoot(publisher, join(work, 'data'));
  const out = join(work, 'dist');
  mkdirSync(work, { recursive: true });
  rmSync(out, { recursive: true, force: true });
  log(`×${scale}: scripts/build.ts --data ${data} --out ${out}${dataOnly ? ' --data-only' : ''}`);
  const m = await measuredBuild(['--data', data, '--out', out, ...(dataOnly ? ['--data-only'] : [])], work, log);
  const code = m.ok ? 0 : 1;
  const { wallS, phases, cpuS, peakMB, nodePeakMB } = m;
  const all = m.output;
  const site = code === 0 && existsSync(out) ? walk(out) : { pages: 0, files: 0, bytes: 0 };
  if (!values.keep) rmSync(out, { recursive: true, force: true });
  return {
    scale,
    dataOnly,
    contracts: countRows(join(publisher, 'marches.csv')),
    operations: countRows(join(publisher, 'operations.csv')),
    hourRows: countRows(join(publisher, 'heures.csv')),
    ok: code === 0,
    wallS,
    phases,
    cpuS,
    peakMB,
    nodePeakMB,
    pages: site.pages,
    files: site.files,
    distMB: site.bytes / 1e6,
    tail: code === 0 ? '' : all.split('\n').slice(-15).join('\n'),
  };
}

const f1 = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(1));

function report(runs: Run[]): string {
  const lines: string[] = [];
  lines.push(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`);
  lines.push('');
  const headers = ['scale', 'contracts', 'hour rows', 'pages', 'data s', 'astro s', 'pagefind s', 'wall s', 'cpu s', 'peak MB', 'node MB', 'dist MB'];
  const rows = runs.map((r) => {
    const p = r.phases;
    const astro = p.astro !== undefined && p.data !== undefined ? p.astro - p.data : undefined;
    const pagefind = p.published !== undefined && p.astro !== undefined ? p.published - p.astro : undefined;
    return [
      `×${r.scale}`,
      int(r.contracts),
      int(r.hourRows),
      r.ok ? int(r.pages) : 'FAILED',
      f1(p.data),
      f1(astro),
      f1(pagefind),
      f1(r.wallS),
      f1(r.cpuS),
      r.peakMB.toFixed(0),
      r.nodePeakMB.toFixed(0),
      r.distMB.toFixed(1),
    ];
  });
  lines.push(table(headers, rows));
  const ref = runs.find((r) => r.scale === 1 && r.ok);
  if (ref) {
    lines.push('');
    lines.push('Growth against ×1 (linear growth: time ratio ≈ data ratio; per page and per contract, ≈ 1):');
    for (const r of runs.filter((x) => x.ok && x.scale !== 1)) {
      const data = r.contracts / ref.contracts;
      lines.push(
        `  ×${r.scale}: contracts ×${data.toFixed(0)}, pages ×${(r.pages / ref.pages).toFixed(1)}, wall ×${(r.wallS / ref.wallS).toFixed(1)}, cpu ×${(r.cpuS / ref.cpuS).toFixed(1)}, peak memory ×${(r.peakMB / ref.peakMB).toFixed(1)}; ` +
          `wall per page ${((1000 * r.wallS) / r.pages).toFixed(1)} ms (×1: ${((1000 * ref.wallS) / ref.pages).toFixed(1)}), ` +
          `wall per contract ${((1000 * r.wallS) / r.contracts).toFixed(2)} ms (×1: ${((1000 * ref.wallS) / ref.contracts).toFixed(2)})`,
      );
    }
  }
  for (const r of runs.filter((x) => !x.ok)) lines.push('', `×${r.scale} failed:`, r.tail);
  return lines.join('\n');
}

/**
 * The data step alone: time, memory and published files, and how its time grows. `data s` is the
 * time the build prints when the files are written (from the start of its work, module loading
 * left out), measured alike in the ×1 site build, which serves as reference, and between scales.
 */
function reportDataOnly(runs: Run[], site: Run[]): string {
  const lines = ['', 'Data step alone (build.ts --data-only: validate, compute, protect, write the published files; no pages):'];
  const headers = ['scale', 'contracts', 'hour rows', 'files', 'data s', 'wall s', 'cpu s', 'peak MB', 'out MB'];
  const rows = runs.map((r) => [
    `×${r.scale}`,
    int(r.contracts),
    int(r.hourRows),
    r.ok ? int(r.files) : 'FAILED',
    f1(r.phases.data),
    f1(r.wallS),
    f1(r.cpuS),
    r.peakMB.toFixed(0),
    r.distMB.toFixed(1),
  ]);
  lines.push(table(headers, rows));
  // Without a data-only ×1, the ×1 site build's data phase is the reference (its peak memory,
  // Astro's included, is not comparable).
  const done = runs.filter((r) => r.ok && r.phases.data);
  const ref = done[0]?.scale === 1 ? undefined : site.find((r) => r.scale === 1 && r.ok && r.phases.data);
  const measured = [...(ref ? [ref] : []), ...done];
  for (let i = 1; i < measured.length; i++) {
    const [a, b] = [measured[i - 1]!, measured[i]!];
    const rows = b.hourRows / a.hourRows;
    const time = b.phases.data! / a.phases.data!;
    const memory = a === ref ? '' : `, peak memory ×${(b.peakMB / a.peakMB).toFixed(1)}`;
    lines.push(
      `  ×${a.scale}${a === ref ? ' (site build)' : ''} → ×${b.scale}: hour rows ×${rows.toFixed(1)}, data step ×${time.toFixed(1)} (time ∝ rows^${(Math.log(time) / Math.log(rows)).toFixed(2)})${memory}`,
    );
  }
  for (const r of runs.filter((x) => !x.ok)) lines.push('', `×${r.scale} --data-only failed:`, r.tail);
  return lines.join('\n');
}

const runs: Run[] = [];
for (const scale of scales) runs.push(await build(scale));
const dataRuns: Run[] = [];
for (const scale of dataScales) dataRuns.push(await build(scale, true));
const text = report(runs) + (dataRuns.length > 0 ? `\n${reportDataOnly(dataRuns, runs)}` : '');
console.log(text);
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'results.json'), JSON.stringify({ date: new Date().toISOString(), runs, dataRuns }, null, 2));
process.exitCode = [...runs, ...dataRuns].every((r) => r.ok) ? 0 : 1;
