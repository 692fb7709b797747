/**
 * Benchmark of parse + validate + aggregate against DuckDB (issue 2, « Benchmark »).
 *
 *   npm run bench                              scales 1, 10, 100, 263, 1000; profile at ×263
 *   npm run bench -- --quick                   scales 1 and 10 only, no profile
 *   npm run bench -- --scales 1,263 --runs 5   chosen scales, best of 5 everywhere
 *   npm run bench -- --profile 0               no CPU profile (or --profile N: profile at ×N)
 *   npm run bench -- --build 0                 no site build benchmark (default: ×1 and ×100;
 *                                              --build 1,10,100 chosen scales; off with --quick)
 *
 * After the data benchmark, the whole `npm run build` (pages and search index) is timed at the
 * build scales by scripts/bench-build.ts (also `npm run bench:build`), in a child process: time
 * by phase, CPU, peak memory, pages and growth against ×1.
 *
 * For each scale: the sample ×N is generated into .cache/bench/x<N>/ if missing; then, `runs`
 * times, our pipeline and DuckDB each run in a fresh child process (see scripts/bench/child.ts).
 * Runs: 3 by default, 1 at ×1000; `--runs` applies to every scale. Figures are printed and written
 * to .cache/bench/results.json; method and latest figures: docs/benchmark.md.
 *
 * Exit code 1 when a measurement is void (the data did not validate, the engines disagree);
 * missing a goal, even by running out of memory, is a finding printed as FAIL, not an error.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { SourceMapPayload } from 'node:module';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_DIR, ensureDataset } from './bench/datasets.ts';
import { describeMachine, formatMachine } from './bench/machine.ts';
import type { Measurement } from './bench/child.ts';
import { measureScale, profileScale, type ScaleResult } from './bench/measure.ts';
import { formatProfile, summariseProfile, type ProfileSummary } from './bench/profile.ts';
import { formatBreakdown, formatGrowth, formatScales, formatVerdicts, growth, verdicts } from './bench/report.ts';
import { snapshotSources } from './bench/snapshot.ts';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '1,10,100,263,1000' },
    runs: { type: 'string' },
    quick: { type: 'boolean', default: false },
    profile: { type: 'string' },
    build: { type: 'string' },
  },
});
const buildScales = values.build ?? (values.quick ? '0' : '1,100');
const scales = values.quick ? [1, 10] : values.scales.split(',').map(Number);
const profileAt = Number(values.profile ?? (values.quick ? 0 : 263));
const runs = values.runs === undefined ? undefined : Number(values.runs);
if (scales.some((s) => !Number.isInteger(s) || s < 1) || !Number.isInteger(profileAt) || profileAt < 0 || (runs !== undefined && !(Number.isInteger(runs) && runs >= 1))) {
  throw new Error('--scales takes positive integers (1,10,100), --runs a positive integer and --profile a scale or 0');
}
const runsAt = (scale: number) => runs ?? (scale >= 1000 ? 1 : 3);
const log = (line: string) => process.stderr.write(`${line}\n`);

const machine = describeMachine();
const code = snapshotSources();
console.log(`${formatMachine(machine)}\nCode: commit ${code.commit} + working tree as of the start, copied to ${relative(process.cwd(), code.dir)} (every child runs that copy)\n`);

const results: ScaleResult[] = [];
for (const scale of scales) {
  const data = ensureDataset(scale, log);
  results.push(await measureScale(data, runsAt(scale), code, log));
}

const goals = verdicts(results);
const curve = growth(results);
console.log(`${formatScales(results)}\n\n${formatVerdicts(goals, results)}\n\n${formatGrowth(curve)}`);

let profile: ProfileSummary | undefined;
let profileRun: Measurement | undefined;
if (profileAt > 0) {
  const dir = join(BENCH_DIR, 'profile');
  mkdirSync(dir, { recursive: true });
  log(`profiling our pipeline at ×${profileAt} …`);
  const data = ensureDataset(profileAt, log);
  const files = await profileScale(data, dir, code);
  profile = summariseProfile(files.profile, JSON.parse(readFileSync(files.sourceMaps, 'utf8')) as Record<string, SourceMapPayload>, {
    file: 'scripts/bench/ours.ts',
    functionName: 'measure',
  });
  const m = files.measurement;
  const text = `${formatProfile(profile)}\n(sources #${code.hash}; this run: ${Math.round(m.phases.total!.wall).toLocaleString('en-US')} ms wall, ${Math.round(m.phases.total!.cpu).toLocaleString('en-US')} ms CPU)`;
  const duckdb = results.find((r) => r.scale === profileAt)?.duckdb.best;
  const tables = formatBreakdown(m, data.sizes, duckdb);
  writeFileSync(join(BENCH_DIR, `profile-x${profileAt}.txt`), `${text}\n\n${tables}\n`);
  console.log(`\n${text}\n\n${tables}`);
  profileRun = m;
}

const out = join(BENCH_DIR, 'results.json');
const top = profile && { ...profile, bySelf: profile.bySelf.slice(0, 40), byTotal: profile.byTotal.slice(0, 40) };
writeFileSync(out, `${JSON.stringify({ machine, code, scales: results, goals, growth: curve, profile: top, profileRun }, null, 2)}\n`);
console.log(`\n→ ${out}`);
const isVoid = (r: ScaleResult) => r.mismatches.length > 0 || /validation failed/.test(r.ours.failure ?? '');
if (results.some(isVoid)) process.exitCode = 1;

// The whole site build at scale (issue 6, « Scale »), printed after the data figures.
if (buildScales !== '0') {
  console.log(`\n## Site build (npm run bench:build -- --scales ${buildScales})\n`);
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'bench-build.ts'), '--scales', buildScales], { stdio: 'inherit' });
  if (child.status !== 0) process.exitCode = 1;
}
