import { zipSync, type Zippable } from 'fflate';

/**
 * The modification time written in archives: the publication date at midnight. fflate writes
 * DOS times from the *local* calendar fields of a Date, so the Date is built from local fields:
 * the bytes are the same whatever the machine's time zone.
 */
export function archiveTime(datePublication: string): Date {
  const [y, m, d] = datePublication.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 0, 0, 0);
}

/** A zip archive of `files` (in the given order), deflated, every entry dated `mtime`. */
export function zipFiles(files: ReadonlyMap<string, Uint8Array> | [string, Uint8Array][], mtime: Date): Uint8Array {
  const entries: Zippable = {};
  for (const [path, bytes] of files) entries[path] = [bytes, { mtime, level: 9 }];
  return zipSync(entries, { mtime, level: 9 });
}
