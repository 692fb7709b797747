/**
 * A second core for validation: the largest table file of a publisher folder is read on a worker
 * thread while the main thread reads the others (see src/lib/validate/offload.ts). At ×263 (a
 * million hour rows) heures.csv takes about as long as the five other files together, so two
 * cores nearly halve the reading; docs/benchmark.md has the figures.
 *
 * A thread takes about 0.3 s to start (Node, tsx and the validator's modules, zod first), so:
 * - only a file of {@link OFFLOAD_MIN_BYTES} or more goes to one: the sample data (300 KB of hours)
 *   is read on the main thread, and no thread is started;
 * - {@link ReadingThreads.start} may start them ahead (the benchmark does so before its clock, as
 *   DuckDB's instance is created before its own); a thread waiting for its file does not keep the
 *   process alive (it is `unref`'d), so nothing needs closing.
 * Each thread reads one file and ends, its heap with it; the next file gets a new thread.
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

/**
 * One worker thread, for one table file: it ends once it has answered, and its heap goes with it
 * (the strings of the distinct values it read, which V8 would not collect in an idle thread: at
 * ×1000, 0.3 GB kept through the rest of the build).
 */
class ReadingThread {
  private readonly worker: Worker;
  private job: { resolve: (r: TableRead) => void; reject: (e: Error) => void; file: string } | undefined;
  private broken: Error | undefined;
  /** True once given its file. */
  used = false;
  /** Resolved once the thread has loaded the validator. */
  readonly ready: Promise<void>;

  constructor() {
    this.worker = new Worker(new URL('./offload-worker.ts', import.meta.url), { execArgv: workerExecArgv() });
    let readyNow!: () => void;
    let failNow!: (e: Error) => void;
    this.ready = new Promise((resolve, reject) => ((readyNow = resolve), (failNow = reject)));
    this.ready.catch(() => {}); // a failure to start is reported to the job
    this.worker.on('message', (m: OffloadReply) => {
      // Starting, or with its file under way, the thread keeps the process alive; started ahead
      // and waiting, it does not.
      if ('ready' in m) {
        if (!this.job) this.worker.unref();
        return readyNow();
      }
      const job = this.job;
      this.job = undefined;
      if (!job) return;
      void this.worker.terminate();
      if ('reading' in m) job.resolve(unpackTableRead(m.reading));
      else job.reject(new Error(`Reading ${job.file} on a worker thread failed: ${m.failure}`));
    });
    const fail = (e: Error) => {
      this.broken ??= e;
      failNow(e);
      this.job?.reject(e);
      this.job = undefined;
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`The thread reading table files stopped (exit code ${code})`)));
  }

  read(job: OffloadJob): Promise<TableRead> {
    if (this.used) throw new Error('A reading thread reads one file');
    this.used = true;
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.job = { resolve, reject, file: job.file };
      this.worker.ref();
      this.worker.postMessage(job);
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Worker threads that read table files, one file each, started on demand or ahead of it. */
export class ReadingThreads {
  private readonly threads: ReadingThread[] = [];

  /** @param size most threads at once (default: one less than the cores). */
  constructor(readonly size = Math.max(0, availableParallelism() - 1)) {}

  /** Starts every thread now and waits until each has loaded the validator. */
  async start(): Promise<void> {
    for (let i = 0; i < this.size; i++) this.thread(i);
    await Promise.all(this.threads.map((t) => t.ready));
  }

  /** The `i`th thread not yet given a file, started if need be. */
  private thread(i: number): ReadingThread {
    let t = this.threads[i];
    if (!t || t.used) this.threads[i] = t = new ReadingThread();
    return t;
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

  /** Stops every thread (not needed before exiting: a thread waiting for a file does not keep the process alive). */
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
