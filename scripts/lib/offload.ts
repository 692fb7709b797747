/**
 * More cores for validation: the largest table files of a publisher folder, one per core beyond
 * the first, are read on worker threads while the main thread reads the others (see
 * src/lib/validate/offload.ts). At ×263 (a million hour rows) heures.csv takes about as long as
 * the five other files together, so two cores nearly halve the reading; docs/benchmark.md has
 * the figures.
 *
 * A thread takes about 0.3 s to start (Node, tsx and the validator's modules, zod first), so:
 * - only a file of {@link OFFLOAD_MIN_BYTES} or more goes to one: the sample data (300 KB of hours)
 *   is read on the main thread, and no thread is started;
 * - {@link ReadingThreads.start} may start them ahead (the benchmark does so before its clock, as
 *   DuckDB's instance is created before its own); a thread waiting for its file does not keep the
 *   process alive (it is `unref`'d).
 * Each thread reads one file and ends, its heap with it; the next file gets a new thread. A thread
 * that stops without an answer (it could not start, ran out of memory, was stopped) is not the
 * data's fault: its file is then read on the main thread, and a warning says so.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readTableAlone, unpackTableRead, type TableRead } from '../../src/lib/validate/index.ts';
import { tableOfFile } from '../../src/schemas/index.ts';
import { fileSource, type OpenedFolder } from './fs-input.ts';
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

/** Why a file could not be read on its thread: the reading itself failed (it would here too). */
export class OffloadError extends Error {
  constructor(file: string, reason: string) {
    super(`Lecture de ${file} sur un autre fil impossible / Reading ${file} on a worker thread failed: ${reason}`);
    this.name = 'OffloadError';
  }
}

/** A thread that stopped without answering (its own failure, not the file's). */
class ThreadStopped extends Error {}

/**
 * One worker thread, for one table file: it ends once it has answered, and its heap goes with it
 * (the strings of the distinct values it read, which V8 would not collect in an idle thread: at
 * ×1000, 0.3 GB kept through the rest of the build).
 */
class ReadingThread {
  private readonly worker: Worker;
  private job: { resolve: (r: TableRead) => void; reject: (e: Error) => void; file: string } | undefined;
  /** Set once the thread has stopped or failed: it can take no file. */
  broken: Error | undefined;
  /** True once given its file. */
  used = false;
  /** Resolved once the thread has loaded the validator. */
  readonly ready: Promise<void>;

  constructor() {
    this.worker = new Worker(new URL('./offload-worker.ts', import.meta.url), { execArgv: workerExecArgv() });
    let readyNow!: () => void;
    let failNow!: (e: Error) => void;
    this.ready = new Promise((resolve, reject) => ((readyNow = resolve), (failNow = reject)));
    this.ready.catch(() => {}); // a failure to start is the job's
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
      if ('failure' in m) return job.reject(new OffloadError(job.file, m.failure));
      try {
        job.resolve(unpackTableRead(m.reading));
      } catch (e) {
        job.reject(new OffloadError(job.file, e instanceof Error ? e.message : String(e)));
      }
    });
    const stop = (e: Error) => {
      this.broken ??= e;
      failNow(e);
      this.job?.reject(new ThreadStopped(e.message));
      this.job = undefined;
    };
    this.worker.on('error', stop);
    this.worker.on('exit', (code) => stop(new Error(`exit code ${code}`)));
  }

  read(job: OffloadJob): Promise<TableRead> {
    if (this.used) throw new Error('A reading thread reads one file');
    this.used = true;
    if (this.broken) return Promise.reject(new ThreadStopped(this.broken.message));
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
  /** Files given to threads so far. */
  filesSent = 0;

  /** @param size most threads at once (default: one less than the cores). */
  constructor(readonly size = Math.max(0, availableParallelism() - 1)) {}

  /** Starts `count` threads now (default: {@link size}) and waits until each has loaded the validator. */
  async start(count = this.size): Promise<void> {
    const started = Array.from({ length: Math.min(count, this.size) }, (_, i) => this.thread(i));
    await Promise.all(started.map((t) => t.ready));
  }

  /** The `i`th thread not yet given a file, started if need be. */
  private thread(i: number): ReadingThread {
    let t = this.threads[i];
    if (!t || t.used || t.broken) this.threads[i] = t = new ReadingThread();
    return t;
  }

  /** The table files {@link offloadLargest} gives threads: the largest of at least `minBytes`, one per thread. */
  plan(input: OpenedFolder, minBytes = OFFLOAD_MIN_BYTES): string[] {
    return Object.entries(input.files)
      .filter(([name, source]) => tableOfFile(name) !== undefined && source.size >= minBytes)
      .sort(([a, x], [b, y]) => y.size - x.size || a.localeCompare(b))
      .slice(0, this.size)
      .map(([name]) => name);
  }

  /**
   * The folder with an `offload` that reads its largest table files of at least `minBytes`, up
   * to one per thread, each on a thread of its own. Unchanged on a single core, or when no file
   * is big enough.
   */
  offloadLargest(input: OpenedFolder, minBytes = OFFLOAD_MIN_BYTES): OpenedFolder {
    return this.offload(input, this.plan(input, minBytes));
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
        const def = tableOfFile(file);
        if (i < 0 || !source || !def) return undefined;
        this.filesSent++;
        return this.thread(i)
          .read({ file, path: source.path, size: source.size })
          .catch((e: unknown) => {
            if (!(e instanceof ThreadStopped)) throw e;
            process.stderr.write(`Fil de lecture arrêté (${e.message}) : ${file} est lu sur le fil principal. / ` + `Reading thread stopped (${e.message}): ${file} is read on the main thread.\n`);
            return readTableAlone(def, fileSource(source.path, source.size));
          });
      },
    };
  }

  /** Stops every thread, those still reading included (a validation that failed meanwhile). */
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
