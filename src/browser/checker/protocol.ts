/**
 * Messages between the checker page (src/browser/checker/page.ts) and its worker (worker.ts).
 * Files go to the worker as `File` handles (structured clone, no copy of the bytes) and never
 * leave the browser: the worker reads them, validates them and sends the report back.
 */
import type { ValidationReport } from '../../lib/validate/index.ts';

/** Page → worker: check these files. `id` tells the answers of one run from those of a previous one. */
export interface CheckRequest {
  id: number;
  files: File[];
}

/** Worker → page. */
export type CheckMessage =
  /** Reading the files: `done` of `total` bytes read, `file` being read. */
  | { type: 'reading'; id: number; file: string; done: number; total: number }
  /** Every file read; the validator runs (it reports no progress of its own). */
  | { type: 'checking'; id: number; files: string[] }
  /** The report, with its two downloadable forms, and the time spent in the worker (ms) in all and by step. */
  | { type: 'done'; id: number; report: ValidationReport; json: string; csv: string; milliseconds: number; steps: Steps }
  | { type: 'failed'; id: number; message: string };

/** Milliseconds of each step in the worker: reading the files, validating, writing the reports. */
export interface Steps {
  read: number;
  validate: number;
  write: number;
}
