import { Zip, ZipDeflate, type FlateError } from 'fflate';
import { piecesOf, type FileBody } from './body.ts';
import { concatBytes } from './bytes.ts';

/**
 * The modification time written in archives: the publication date at midnight. fflate writes
 * DOS times from the *local* calendar fields of a Date, so the Date is built from local fields:
 * the bytes are the same whatever the machine's time zone.
 */
export function archiveTime(datePublication: string): Date {
  const [y, m, d] = datePublication.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 0, 0, 0);
}

/**
 * A zip archive of `files` (in the given order), deflated at level 9, every entry dated `mtime`,
 * in pieces as fflate's streaming `Zip` makes them: an entry made on demand (a worksheet of a
 * million rows, a table's JSON) is deflated piece by piece and never held whole. The same files
 * and date give the same bytes.
 */
export function* zipPieces(files: Iterable<readonly [string, FileBody]>, mtime: Date): Generator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: FlateError | undefined;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else ready.push(data);
  });
  function* drain(): Generator<Uint8Array> {
    if (failure) throw failure;
    yield* ready.splice(0);
  }
  for (const [path, body] of files) {
    const entry = new ZipDeflate(path, { level: 9 });
    entry.mtime = mtime;
    zip.add(entry);
    for (const piece of piecesOf(body)) {
      entry.push(piece);
      yield* drain();
    }
    entry.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

/** A zip archive as one array of bytes (see {@link zipPieces}). */
export function zipFiles(files: Iterable<readonly [string, FileBody]>, mtime: Date): Uint8Array {
  return concatBytes([...zipPieces(files, mtime)]);
}
