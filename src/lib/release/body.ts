import { sha256 as sha256Hash } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { concatBytes, utf8 } from './bytes.ts';

/**
 * A published file's content made on demand: `pieces()` gives the file's bytes piece by piece,
 * the same bytes at every call. Large files (a table of every contract, the workbook, the zip)
 * are written from their pieces and never held whole: at ×1000 the contracts table alone is over
 * 512 MB of JSON, more than one V8 string can hold.
 */
export interface Lazy {
  readonly pieces: () => Iterable<Uint8Array>;
}

/** A published file's content: its bytes, or made on demand. */
export type FileBody = Uint8Array | Lazy;

/**
 * Where the published files go, one at a time, in the order they are made: `scripts/build.ts`
 * writes each to disk as its pieces come. Without one, the files are returned as bytes. The pieces
 * can be read once: a sink that needs them twice keeps them.
 */
export type Sink = (path: string, pieces: Iterable<Uint8Array>) => void | Promise<void>;

export const lazy = (pieces: () => Iterable<Uint8Array>): Lazy => ({ pieces });

/**
 * Made on demand once, then kept: for a file read twice whose bytes are much smaller than the
 * work of making them (the workbook: its deflated sheets are a tenth of their XML, and it is
 * written as a file and again into the zip).
 */
export function keptOnceMade(pieces: () => Iterable<Uint8Array>): Lazy {
  let made: Uint8Array[] | undefined;
  return {
    pieces: function* () {
      if (made) return yield* made;
      const out: Uint8Array[] = [];
      for (const piece of pieces()) {
        out.push(piece);
        yield piece;
      }
      made = out;
    },
  };
}

/** UTF-8 bytes of each piece of a text given in pieces. */
export function* utf8Each(pieces: Iterable<string>): Generator<Uint8Array> {
  for (const piece of pieces) yield utf8(piece);
}

export function* piecesOf(body: FileBody): Generator<Uint8Array> {
  if (body instanceof Uint8Array) yield body;
  else yield* body.pieces();
}

/** The whole file in one array (for tests, small files and callers without a sink). */
export function bytesOf(body: FileBody): Uint8Array {
  return body instanceof Uint8Array ? body : concatBytes([...body.pieces()]);
}

/** SHA-256 (lower-case hex) and size of a file, read piece by piece. */
export function digestOf(body: FileBody): { sha256: string; bytes: number } {
  const hash = sha256Hash.create();
  let bytes = 0;
  for (const piece of piecesOf(body)) {
    hash.update(piece);
    bytes += piece.byteLength;
  }
  return { sha256: bytesToHex(hash.digest()), bytes };
}
