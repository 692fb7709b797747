import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';

/**
 * Replace `target` (e.g. `dist/`) by the fully built folder `staged`, so that a reader never sees a
 * half-written site: until the swap, `target` is the previous build, untouched.
 *
 * Node has no atomic directory exchange (renameat2 RENAME_EXCHANGE), so the swap is two renames on
 * the same file system: target → backup, staged → target. A process killed between the two leaves
 * `target` missing and the backup whole; `recoverInterruptedSwap` (called at the start of every build)
 * puts the backup back.
 */
export async function swapInto(staged: string, target: string): Promise<void> {
  const backup = backupPath(target);
  await rm(backup, { recursive: true, force: true });
  if (existsSync(target)) await rename(target, backup);
  await rename(staged, target);
  await rm(backup, { recursive: true, force: true });
}

/** Restore the previous build if an earlier swap was interrupted between its two renames. */
export async function recoverInterruptedSwap(target: string): Promise<boolean> {
  const backup = backupPath(target);
  if (!existsSync(backup)) return false;
  if (existsSync(target)) {
    // The swap finished but the backup was not removed yet.
    await rm(backup, { recursive: true, force: true });
    return false;
  }
  await rename(backup, target);
  return true;
}

/** A fresh staging folder next to `target`, so the final rename stays on one file system. */
export async function makeStagingDir(target: string, label: string): Promise<string> {
  const dir = join(dirname(target), `.${basename(target)}-staging-${label}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

function backupPath(target: string): string {
  return join(dirname(target), `.${basename(target)}-previous`);
}
