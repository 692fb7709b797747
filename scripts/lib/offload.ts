/**
 * A second core for validation: the largest table file of a publisher folder is read on a worker
 * thread while the main thread reads the others (see src/lib/validate/offload.ts). At ×263 (a
 * million hour rows) heures.csv takes about as long as the five other files together, so two
 * cores nearly halve the reading; docs/benchmark.md has the figures.
 *
 * A thread takes about 0.3 s to start (Node, tsx and the validator's modules, zod first), so:
 * - only a file of {@link OFFLOAD_MIN_BYTES} or more goes to one: the sample data (300 KB of hours)
 *   is read on the main thread, and no thread is started;
 * - threads are started once and reused for every publisher; {@link ReadingThreads.start} starts
 *   them ahead (the benchmark does so before its clock, as DuckDB's instance is created before its own);
 * - an idle thread does not keep the process alive (it is `unref`'d), so nothing needs closing.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { unpackTableRead, type TableRead } from '../../src/lib/validate/index.ts';
import { TABLES } from '../../src/schemas/index.ts';
import type { OpenedFolder } from './fs-input.ts';
import type { OffloadJob, OffloadReply } from './offload-worker.ts';

/** Files smaller than this are read on the main thread (16 MB: about 230,000 hour rows). */
export const OFFLOAD_MIN_BYTES = 16 * 1024 * 1024;

/**
 * The flags of a thread: tsx's loader, to load TypeScript (the process's own when tsx started it,
 * else, under vitest, tsx's), and the CPU profiler's, so that `--cpu-prof` profiles the thread
 * too (under Node's default file name: `--cpu-prof-name` is the main thread's). Nothing else: a
 * thread refuses the process-wide flags (`--trace-gc`, which traces its collections anyway).
 */
function workerExecArgv(): string[] {
  const args = process.execArgv;
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = args[i + 1] ?? '';
    if ((a === '--import' || a === '--require') && next.includes('tsx')) out.push(a, args[++i]!);
    else if (/^--(import|require)=.*tsx/.test(a) || a === '--cpu-prof' || /^--cpu-prof-(dir|interval)=/.test(a)) out.push(a);
    else if (a === '--cpu-prof-dir' || a === '--cpu-prof-interval') out.push(a, args[++i]!);
  }
  if (out.some((a) => a.includes('tsx'))) return out;
  return [...out, '--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];
}

/** One worker thread, its jobs answered in the order they were sent. */
class ReadingThread {
  private readonly worker: Worker;
  private readonly pending: { resolve: (r: TableRead) => void; reject: (e: Error) => void; file: string }[] = [];
  private broken: Error | undefined;
  /** Resolved once the thread has loaded the validator. */
  readonly ready: Promise<void>;

  constructor() {
    this.worker = new Worker(new URL('./offload-worker.ts', import.meta.url), { execArgv: workerExecArgv() });
    let readyNow!: () => void;
    let failNow!: (e: Error) => void;
    this.ready = new Promise((resolve, reject) => ((readyNow = resolve), (failNow = reject)));
    this.ready.catch(() => {}); // a failure to start is reported to the jobs
    this.worker.on('message', (m: OffloadReply) => {
      // Starting, or with a job under way, the thread keeps the process alive; idle, it does not.
      if ('ready' in m) {
        if (this.pending.length === 0) this.worker.unref();
        return readyNow();
      }
      const job = this.pending.shift();
      if (!job) return;
      if (this.pending.length === 0) this.worker.unref();
      if ('reading' in m) job.resolve(unpackTableRead(m.reading));
      else job.reject(new Error(`Reading ${job.file} on a worker thread failed: ${m.failure}`));
    });
    const fail = (e: Error) => {
      this.broken ??= e;
      failNow(e);
      for (const job of this.pending.splice(0)) job.reject(e);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`The thread reading table files stopped (exit code ${code})`)));
  }

  read(job: OffloadJob): Promise<TableRead> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject, file: job.file });
      this.worker.ref(); // a job under way keeps the process alive
      this.worker.postMessage(job);
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Worker threads that read table files, started on first use (or ahead) and reused. */
export class ReadingThreads {
  private readonly threads: ReadingThread[] = [];

  /** @param size most threads (default: one less than the cores). */
  constructor(readonly size = Math.max(0, availableParallelism() - 1)) {}

  /** Starts every thread now and waits until each has loaded the validator. */
  async start(): Promise<void> {
    while (this.threads.length < this.size) this.threads.push(new ReadingThread());
    await Promise.all(this.threads.map((t) => t.ready));
  }

  /** The `i`th thread, started if need be. */
  private thread(i: number): ReadingThread {
    while (this.threads.length <= i) this.threads.push(new ReadingThread());
    return this.threads[i]!;
  }

  /**
   * The folder with an `offload` that reads its largest table files of at least `minBytes`, up
   * to one per thread, each on a thread of its own. Unchanged on a single core, or when no file
   * is big enough.
   */
  offloadLargest(input: OpenedFolder, minBytes = OFFLOAD_MIN_BYTES): OpenedFolder {
    const tableFiles = new Set<string>(TABLES.map((t) => t.file));
    const chosen = Object.entries(input.files)
      .filter(([name, source]) => tableFiles.has(name) && source.size >= minBytes)
      .sort(([a, x], [b, y]) => y.size - x.size || a.localeCompare(b))
      .slice(0, this.size)
      .map(([name]) => name);
    return this.offload(input, chosen);
  }

  /** The folder with an `offload` that reads `files` (table files, at most one per thread) on threads of their own. */
  offload(input: OpenedFolder, files: readonly string[]): OpenedFolder {
    if (files.length > this.size) throw new Error(`${files.length} files for ${this.size} threads`);
    if (files.length === 0) return input;
    return {
      ...input,
      offload: (file) => {
        const i = files.indexOf(file);
        const source = input.files[file];
        return i < 0 || !source ? undefined : this.thread(i).read({ file, path: source.path, size: source.size });
      },
    };
  }

  /** Stops every thread (not needed before exiting: idle threads do not keep the process alive). */
  async close(): Promise<void> {
    await Promise.all(this.threads.splice(0).map((t) => t.terminate()));
  }
}

/** The process's reading threads. */
export const readingThreads = new ReadingThreads();

/** {@link ReadingThreads.offloadLargest} on the process's threads. */
export function offloadLargest(input: OpenedFolder, minBytes?: number): OpenedFolder {
  return readingThreads.offloadLargest(input, minBytes);
}
