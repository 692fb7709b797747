/**
 * A watchdog for fuzzing: the code under test runs in a worker thread, and a call that does not
 * return within the limit terminates the worker and fails as a hang.
 *
 * Why not vitest's test timeout alone: it is a timer on the test's own thread, so a synchronous
 * loop that never ends (the hang a parser bug causes) blocks it too — the test would run forever.
 * `Worker.terminate()` stops JavaScript even in the middle of a loop. The worker also has a heap
 * limit, so a runaway allocation fails one call instead of the whole test process.
 */
import { Worker } from 'node:worker_threads';
import type * as Tasks from './tasks.ts';

type TaskName = {
  [K in keyof typeof Tasks]: (typeof Tasks)[K] extends (...args: never[]) => unknown ? K : never;
}[keyof typeof Tasks];
type Fn<K extends TaskName> = (typeof Tasks)[K] extends (...args: infer A) => infer R ? { args: A; result: Awaited<R> } : never;

/** The call did not return in time: a hang (or a pathological slowdown). */
export class HangError extends Error {
  override name = 'HangError';
}

export class Watchdog {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private next = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  /** Set once a call hung: later runs of a property skip themselves (shrinking a hang takes forever). */
  hung: HangError | undefined;

  /**
   * @param limitMs how long one call may take, start-up of the worker excluded. Generous: the
   *   machine may be loaded; a hang is an infinite loop, not a slow run.
   * @param heapMb heap limit of the worker: a runaway allocation kills the worker, not vitest.
   */
  constructor(
    readonly limitMs = 30_000,
    private readonly heapMb = 1536,
  ) {}

  /** Starts the worker (loading the code under test takes a few seconds): call in `beforeAll`. */
  start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
      stdout: false,
      stderr: false,
    });
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (m: { ready?: true; id?: number; ok?: boolean; value?: unknown; error?: { name: string; message: string; stack: string } }) => {
        if (m.ready) return resolve();
        const p = this.pending.get(m.id!);
        if (!p) return;
        this.pending.delete(m.id!);
        if (m.ok) p.resolve(m.value);
        else p.reject(Object.assign(new Error(`threw ${m.error!.name}: ${m.error!.message}\n${m.error!.stack}`), { name: 'CrashError' }));
      });
      const die = (e: Error) => {
        reject(e);
        for (const p of this.pending.values()) p.reject(Object.assign(new Error(`the worker died: ${e.message}`), { name: 'CrashError' }));
        this.pending.clear();
        if (this.worker === worker) this.reset();
      };
      worker.on('error', die);
      worker.on('exit', (code) => die(new Error(`exit code ${code}`)));
    });
    return this.ready;
  }

  /** Runs `task(...args)` in the worker; rejects with HangError after `limitMs`. */
  async run<K extends TaskName>(task: K, ...args: Fn<K>['args']): Promise<Fn<K>['result']> {
    await this.start();
    const worker = this.worker!;
    const id = this.next++;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await new Promise<Fn<K>['result']>((resolve, reject) => {
        this.pending.set(id, { resolve: resolve, reject });
        timer = setTimeout(() => {
          this.pending.delete(id);
          this.hung = new HangError(`${task} did not return within ${this.limitMs / 1000} s (input: ${describeArgs(args)})`);
          reject(this.hung);
          this.reset();
          void worker.terminate();
        }, this.limitMs);
        worker.postMessage({ id, task, args });
      });
    } finally {
      clearTimeout(timer);
    }
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.reset();
    await worker?.terminate();
  }

  private reset(): void {
    this.worker = undefined;
    this.ready = undefined;
  }
}

/** Sizes rather than contents: the inputs are up to megabytes. */
function describeArgs(args: unknown[]): string {
  return JSON.stringify(args, (_, v: unknown) => {
    if (typeof v === 'string' && v.length > 200) return `<string of ${v.length} chars: ${JSON.stringify(v.slice(0, 80))}…>`;
    if (v instanceof Uint8Array) return `<${v.length} bytes>`;
    return v;
  });
}
