/**
 * A thread that reads one table file for scripts/lib/offload.ts. It loads the validator, says so,
 * then takes its file: it opens it itself (a file handle cannot cross threads), reads it and
 * checks the table's own rules (`readTableAlone`: key, award criterion, monthly ceiling) with the
 * validator's own code, and posts the reading back, its typed arrays moved rather than copied.
 */
import { parentPort } from 'node:worker_threads';
import { tableOfFile } from '../../src/schemas/index.ts';
import { packTableRead, readTableAlone, type PackedTableRead } from '../../src/lib/validate/index.ts';
import { fileSource } from './fs-input.ts';

/** A table file to read. */
export interface OffloadJob {
  /** Table file name (`heures.csv`). */
  file: string;
  /** Its path in the checked publisher folder, and its size when opened. */
  path: string;
  size: number;
}

/** What the thread posts: that it is ready, then its reading, or why it could not read. */
export type OffloadReply = { ready: true } | { reading: PackedTableRead } | { failure: string };

const port = parentPort!;

/** Reads the one table asked for; every failure is posted back, so the promise never rejects. */
async function read(job: OffloadJob): Promise<void> {
  try {
    const def = tableOfFile(job.file);
    if (!def) throw new Error(`No table is read from ${job.file}`);
    const { message, transfer } = packTableRead(await readTableAlone(def, fileSource(job.path, job.size)));
    port.postMessage({ reading: message } satisfies OffloadReply, transfer);
  } catch (e) {
    port.postMessage({ failure: e instanceof Error ? e.message : String(e) } satisfies OffloadReply);
  }
}

port.once('message', (job: OffloadJob) => void read(job));
port.postMessage({ ready: true } satisfies OffloadReply);
