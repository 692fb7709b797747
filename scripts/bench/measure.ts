/** Measuring one scale: alternate our child and DuckDB's child `runs` times, keep the best. */
import { join, resolve } from 'node:path';
import { ChildError, runChild, type Measurement } from './child.ts';
import type { BenchDataset } from './datasets.ts';
import type { Snapshot } from './snapshot.ts';
import { compareTotals } from './totals.ts';

/** The child scripts, in the snapshot of the sources taken at the start of the run. */
const children = (code: Snapshot) => ({ ours: join(code.dir, 'scripts/bench/ours.ts'), duckdb: join(code.dir, 'scripts/bench/duckdb.ts') });

/** The runs of one engine at one scale. */
export interface EngineResult {
  /** Fastest successful run (total wall time); absent when every run failed. */
  best?: Measurement;
  /** Why the runs failed, when none succeeded (e.g. `JavaScript heap out of memory`). */
  failure?: string;
  /** Largest peak RSS and V8 heap over the successful runs, MB (memory is reported conservatively). */
  peakRssMB: number;
  peakHeapMB: number;
  runs: Measurement[];
}

export interface ScaleResult {
  scale: number;
  /** Rows of heures.csv, and data rows of the six tables (ours validates them all; DuckDB reads heures.csv only). */
  hourRows: number;
  allRows: number;
  /** Size of the six CSV files, and of heures.csv alone, bytes. */
  bytes: number;
  heuresBytes: number;
  ours: EngineResult;
  /** DuckDB on heures.csv alone (the comparison issue 2 names). */
  duckdb: EngineResult;
  /** DuckDB loading the six tables with the contract's types, then the same queries (like for like). */
  duckdb6: EngineResult;
  /** ours / DuckDB on heures.csv, total wall time and CPU time (all threads) of the best runs. */
  ratio?: number;
  cpuRatio?: number;
  /** ours / DuckDB on the six tables, wall and CPU. */
  ratio6?: number;
  cpuRatio6?: number;
  /** Differences between the totals of the two engines (empty: they agree, or one failed). */
  mismatches: string[];
}

async function attempt(script: string, args: string[], failures: string[]): Promise<Measurement | undefined> {
  try {
    const m = await runChild(script, args);
    if (m.ok) return m;
    failures.push(m.error ?? 'failed');
  } catch (e) {
    if (!(e instanceof ChildError)) throw e;
    failures.push(e.reason);
  }
  return undefined;
}

function summarise(runs: Measurement[], failures: string[]): EngineResult {
  return {
    ...(runs.length > 0 ? { best: runs.reduce((a, b) => (b.phases.total!.wall < a.phases.total!.wall ? b : a)) } : { failure: [...new Set(failures)].join('; ') }),
    peakRssMB: Math.max(0, ...runs.map((m) => m.peakRssMB)),
    peakHeapMB: Math.max(0, ...runs.map((m) => m.gc?.peakHeapUsedMB ?? 0)),
    runs,
  };
}

export async function measureScale(data: BenchDataset, runs: number, code: Snapshot, log: (line: string) => void): Promise<ScaleResult> {
  const { ours: OURS, duckdb: DUCKDB } = children(code);
  const [ours, duckdb, duckdb6] = [[] as Measurement[], [] as Measurement[], [] as Measurement[]];
  const [oursFailures, duckdbFailures, duckdb6Failures] = [[] as string[], [] as string[], [] as string[]];
  const scale = String(data.scale);
  const show = (m: Measurement | undefined, failures: string[]) => (m ? ms(m.phases.total!.wall) : `failed (${failures.at(-1)})`);
  for (let r = 1; r <= runs; r++) {
    const o = await attempt(OURS, ['--dir', data.dir, '--scale', scale], oursFailures);
    if (o) ours.push(o);
    const d = await attempt(DUCKDB, ['--csv', data.heuresCsv, '--scale', scale], duckdbFailures);
    if (d) duckdb.push(d);
    const d6 = await attempt(DUCKDB, ['--dir', data.utf8Dir, '--scale', scale], duckdb6Failures);
    if (d6) duckdb6.push(d6);
    const load = (o ?? d)?.load[0];
    log(
      `  ×${data.scale} run ${r}/${runs}: ours ${show(o, oursFailures)}, DuckDB heures ${show(d, duckdbFailures)}, ` +
        `DuckDB 6 tables ${show(d6, duckdb6Failures)}${load === undefined ? '' : ` (load ${load.toFixed(1)})`}`,
    );
  }
  const [o, d, d6] = [summarise(ours, oursFailures), summarise(duckdb, duckdbFailures), summarise(duckdb6, duckdb6Failures)];
  const rows = data.rows;
  const result: ScaleResult = {
    scale: data.scale,
    hourRows: rows['heures.csv'] ?? 0,
    allRows: Object.entries(rows).reduce((sum, [f, n]) => sum + (f.endsWith('.csv') ? n : 0), 0),
    bytes: data.bytes,
    heuresBytes: data.heuresBytes,
    ours: o,
    duckdb: d,
    duckdb6: d6,
    mismatches: [],
  };
  if (o.best && d.best) {
    result.ratio = o.best.phases.total!.wall / d.best.phases.total!.wall;
    result.cpuRatio = o.best.phases.total!.cpu / d.best.phases.total!.cpu;
    const counts = [o.best.hourRows, d.best.hourRows, result.hourRows];
    if (new Set(counts).size > 1) result.mismatches.push(`hour rows: ours ${counts[0]}, DuckDB ${counts[1]}, generator ${counts[2]}`);
    result.mismatches.push(...compareTotals(o.best.totals!, d.best.totals!));
  }
  if (o.best && d6.best) {
    result.ratio6 = o.best.phases.total!.wall / d6.best.phases.total!.wall;
    result.cpuRatio6 = o.best.phases.total!.cpu / d6.best.phases.total!.cpu;
    for (const [file, n] of Object.entries(o.best.rowsByFile)) {
      if (d6.best.rowsByFile[file] !== n) result.mismatches.push(`${file} rows: ours ${n}, DuckDB ${d6.best.rowsByFile[file]}`);
    }
    result.mismatches.push(...compareTotals(o.best.totals!, d6.best.totals!).map((p) => `six tables: ${p}`));
  }
  return result;
}

/**
 * Our child once more, under `--cpu-prof`, then validating each table alone (`--breakdown`, after
 * the profiled part); returns the paths of the profile and of the source maps, and the measurement.
 */
export async function profileScale(data: BenchDataset, dir: string, code: Snapshot): Promise<{ profile: string; sourceMaps: string; measurement: Measurement }> {
  const name = `x${data.scale}.cpuprofile`;
  const sourceMaps = resolve(dir, `x${data.scale}.sourcemaps.json`);
  const args = ['--dir', data.dir, '--scale', String(data.scale), '--source-maps', sourceMaps, '--breakdown'];
  const measurement = await runChild(children(code).ours, args, {
    nodeFlags: ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-name', name],
  });
  return { profile: resolve(dir, name), sourceMaps, measurement };
}

export function ms(v: number): string {
  return `${Math.round(v).toLocaleString('en-US')} ms`;
}
