/**
 * The checker's module Web Worker: reads the dropped files and runs the build's own validator on
 * them (`validateDataset` with `partial: true`), off the main thread so the page never freezes.
 * Bundled by Vite from `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`
 * and loaded only when someone checks files: zod and the validator stay out of the page's JS.
 */
import { validateDataset } from '../../lib/validate/index.ts';
import { METADATA_FILE } from '../../schemas/index.ts';
import type { CheckMessage, CheckRequest } from './protocol.ts';
import { publisherOf, reportCsv } from './report.ts';

/** The part of the worker's global scope used here (the project's types are the DOM's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
  postMessage(message: CheckMessage): void;
}
const scope = self as unknown as WorkerScope;

async function check({ id, files }: CheckRequest): Promise<void> {
  const started = performance.now();
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const bytes: Record<string, Uint8Array> = {};
  let meta: Uint8Array | undefined;
  let done = 0;
  for (const file of files) {
    scope.postMessage({ type: 'reading', id, file: file.name, done, total });
    const content = new Uint8Array(await file.arrayBuffer());
    done += file.size;
    // Same names as in a publisher's folder; metadonnees.json is the metadata, not a table.
    if (file.name === METADATA_FILE) meta = content;
    else bytes[file.name] = content;
  }
  scope.postMessage({ type: 'checking', id, files: files.map((f) => f.name) });
  const read = performance.now();
  const { report } = await validateDataset({ publisher: publisherOf(meta), meta, files: bytes, partial: true });
  const validated = performance.now();
  const json = JSON.stringify(report, null, 2) + '\n';
  const csv = reportCsv(report);
  const end = performance.now();
  const steps = { read: read - started, validate: validated - read, write: end - validated };
  scope.postMessage({ type: 'done', id, report, json, csv, milliseconds: end - started, steps });
}

scope.onmessage = (event) => {
  check(event.data).catch((error: unknown) => {
    scope.postMessage({ type: 'failed', id: event.data.id, message: error instanceof Error ? error.message : String(error) });
  });
};
