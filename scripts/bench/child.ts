/**
 * One measurement = one child process, so that peak memory (`maxRSS`) belongs to that measurement
 * alone and no JIT state or garbage carries over from the previous one.
 *
 * The parent runs `node --trace-gc --import tsx <child> … --result <file>`; the child writes a
 * {@link Measurement} as JSON to `<file>`; the parent adds what it read from the GC trace (peak V8
 * heap used, GC pauses) and returns it.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Totals } from './totals.ts';

export type Engine = 'ours' | 'duckdb';

/** Wall-clock and CPU time of a phase, in ms, and memory at its end. */
export interface PhaseTime {
  wall: number;
  /** User + system CPU time of the whole process (all threads) during the phase. */
  cpu: number;
  /** RSS and V8 heap used at the end of the phase, MB. */
  rssMB: number;
  heapMB: number;
}

/** What one child measured. */
export interface Measurement {
  engine: Engine;
  scale: number;
  /** False when the engine could not produce the totals (for ours: the dataset did not validate). */
  ok: boolean;
  error?: string;
  /** Rows of heures.csv the engine read. */
  hourRows: number;
  /** Data rows per file (ours: every table). */
  rowsByFile: Record<string, number>;
  /** Phases in order (ours: read, validate, aggregate; DuckDB: load, query), then `total`. */
  phases: Record<string, PhaseTime>;
  /** Peak resident set size of the process (`process.resourceUsage().maxRSS`), MB. */
  peakRssMB: number;
  /** RSS when the measured work starts (Node, tsx and the imported modules), MB. */
  startRssMB: number;
  /** V8 heap used at the end of the measured work, MB. */
  endHeapUsedMB: number;
  /** Validation warnings and errors (ours). */
  warnings?: number;
  errors?: number;
  /** Threads that may work at once: DuckDB's workers; ours, the main thread and the files read on other threads. */
  threads?: number;
  /**
   * Start-up left out of the clock, ms, as process start and module loading are: ours, starting
   * the reading thread (`ReadingThreads.start`); DuckDB, creating its instance and connecting.
   */
  setupMs?: number;
  totals?: Totals;
  /** 1-minute load average of the machine at the start and end of the measurement. */
  load: [number, number];
  /** Start and end of the measured work, ms since the process started (`performance.now()`). */
  window: [number, number];
  /** Ours with `--breakdown`: each table file validated alone, after the measurement. */
  tables?: Record<string, PhaseTime>;
  /** From `--trace-gc`, filled by the parent. */
  gc?: GcSummary;
}

/** The main thread's collections during the measured window (module loading before it is left out). */
export interface GcSummary {
  /** Largest V8 heap "used" size seen at a collection or at the end, MB (a lower bound of the true peak). */
  peakHeapUsedMB: number;
  /** Sum of main-thread GC pauses, ms. */
  pauseMs: number;
  collections: number;
}

const MB = 1024 * 1024;

/** Helpers for the child side: time phases (wall and CPU), then write the result. */
export class Stopwatch {
  readonly phases: Record<string, PhaseTime> = {};
  /**
   * A full collection first, when the child runs with `--expose-gc` (as {@link runChild} starts
   * it): the measurement starts from a clean heap, and the trace tells this thread's isolate.
   */
  private readonly collected = (globalThis as { gc?: () => void }).gc?.();
  readonly startRssMB = process.memoryUsage().rss / MB;
  readonly loadStart = loadavg()[0]!;
  private readonly t0 = performance.now();
  private readonly c0 = process.cpuUsage();
  private t = this.t0;
  private c = this.c0;

  /** Ends the current phase, started at the previous `lap` (or at construction). */
  lap(name: string): void {
    const t = performance.now();
    const c = process.cpuUsage();
    const { rss, heapUsed } = process.memoryUsage();
    this.phases[name] = { wall: t - this.t, cpu: cpuMs(this.c, c), rssMB: rss / MB, heapMB: heapUsed / MB };
    this.t = t;
    this.c = c;
  }

  /** Adds the `total` phase and returns the fields every measurement has. */
  finish(): Pick<Measurement, 'phases' | 'peakRssMB' | 'startRssMB' | 'endHeapUsedMB' | 'load' | 'window'> {
    const { rss, heapUsed } = process.memoryUsage();
    this.phases.total = { wall: this.t - this.t0, cpu: cpuMs(this.c0, this.c), rssMB: rss / MB, heapMB: heapUsed / MB };
    return {
      phases: this.phases,
      peakRssMB: (process.resourceUsage().maxRSS * 1024) / MB,
      startRssMB: this.startRssMB,
      endHeapUsedMB: heapUsed / MB,
      load: [this.loadStart, loadavg()[0]!],
      window: [this.t0, this.t],
    };
  }
}

function cpuMs(from: NodeJS.CpuUsage, to: NodeJS.CpuUsage): number {
  return (to.user - from.user + to.system - from.system) / 1000;
}

export async function writeResult(path: string | undefined, m: Measurement): Promise<void> {
  const json = JSON.stringify(m);
  if (path) await writeFile(path, json);
  else process.stdout.write(`${json}\n`);
}

// `[pid:0x…]  1234 ms: Scavenge 135.2 (153.3) -> 120.1 (169.3) MB, pooled: 0 MB, 2.70 / 0.00 ms …`
// The time is since the isolate started, within a few ms of `performance.now()`.
const GC_LINE = /\s([\d.]+) ms: [A-Za-z-]+(?: \([a-z ]+\))? ([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB, (?:pooled: [\d.]+ MB, )?([\d.]+) \/ [\d.]+ ms/;

/** The isolate a trace line comes from: `[pid:0x…]`. */
const ISOLATE = /^\[\d+:(0x[0-9a-f]+)\]/;

/**
 * Reads the `--trace-gc` lines of `stdout` that fall in `window`; `rest` is the other output.
 * Every thread's isolate traces its collections (a worker thread's, tsx's loader thread's), each
 * with its own clock: only the main thread's count, found by the collection {@link Stopwatch}
 * asks for (reason `testing`). Without one, every line counts.
 */
export function summariseGcTrace(stdout: string, window: [number, number] = [0, Infinity]): { gc: GcSummary; rest: string } {
  const gc: GcSummary = { peakHeapUsedMB: 0, pauseMs: 0, collections: 0 };
  const rest: string[] = [];
  const lines = stdout.split('\n');
  const marker = lines.find((l) => GC_LINE.test(l) && / testing;/.test(l));
  const main = marker === undefined ? undefined : ISOLATE.exec(marker)?.[1];
  for (const line of lines) {
    const m = GC_LINE.exec(line);
    if (!m) {
      if (line.trim() !== '') rest.push(line);
      continue;
    }
    if (main !== undefined && ISOLATE.exec(line)?.[1] !== main) continue;
    const at = Number(m[1]);
    if (at < window[0] || at > window[1]) continue;
    gc.collections++;
    gc.peakHeapUsedMB = Math.max(gc.peakHeapUsedMB, Number(m[2]), Number(m[4]));
    gc.pauseMs += Number(m[6]);
  }
  return { gc, rest: rest.join('\n') };
}

/** A child that crashed (e.g. V8 out of memory): `output` is what it printed. */
export class ChildError extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
    this.name = 'ChildError';
  }

  /** One line saying why, e.g. `JavaScript heap out of memory`. */
  get reason(): string {
    const fatal = /FATAL ERROR: (.*)|^(\w*Error: .*)$/m.exec(this.output);
    return (fatal?.[1] ?? fatal?.[2] ?? this.message).trim();
  }
}

export interface ChildOptions {
  /** Extra Node flags, e.g. `--cpu-prof`. */
  nodeFlags?: string[];
}

/** Runs a child script under the same Node as the parent and returns its measurement. */
export async function runChild(script: string, args: string[], options: ChildOptions = {}): Promise<Measurement> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-'));
  const resultFile = join(dir, 'result.json');
  try {
    const argv = [...(options.nodeFlags ?? []), '--trace-gc', '--expose-gc', '--import', 'tsx', script, ...args, '--result', resultFile];
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const exit = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (exit !== 0) {
      const { rest } = summariseGcTrace(stdout);
      throw new ChildError(`${basename(script)} exited with code ${exit}`, `${rest}\n${stderr}`.trim());
    }
    const m = JSON.parse(await readFile(resultFile, 'utf8')) as Measurement;
    const { gc } = summariseGcTrace(stdout, m.window);
    gc.peakHeapUsedMB = Math.max(gc.peakHeapUsedMB, m.endHeapUsedMB);
    return { ...m, gc };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
