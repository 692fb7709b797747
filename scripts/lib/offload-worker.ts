/**
 * A thread that reads table files for scripts/lib/offload.ts. It loads the validator once, says
 * so, then takes jobs one at a time: it opens the file itself (a file handle cannot cross
 * threads), reads it and checks its key with the validator's own code, and posts the reading back,
 * its typed arrays moved rather than copied.
 */
import { parentPort } from 'node:worker_threads';
import { TABLES } from '../../src/schemas/index.ts';
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

/** What the thread posts: that it is ready, then one reading (or failure) per job, in order. */
export type OffloadReply = { ready: true } | { reading: PackedTableRead } | { failure: string };

const port = parentPort!;

async function read(job: OffloadJob): Promise<void> {
  try {
    const def = TABLES.find((t) => t.file === job.file);
    if (!def) throw new Error(`No table is read from ${job.file}`);
    const { message, transfer } = packTableRead(await readTableAlone(def, fileSource(job.path, job.size)));
    port.postMessage({ reading: message } satisfies OffloadReply, transfer);
  } catch (e) {
    port.postMessage({ failure: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies OffloadReply);
  }
}

port.on('message', (job: OffloadJob) => void read(job));
port.postMessage({ ready: true } satisfies OffloadReply);
