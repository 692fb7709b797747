/**
 * Reading publisher folders from disk for the validator (the only place validation touches the
 * disk; src/lib/validate stays pure so it also runs in the browser).
 *
 * Safety: publisher folder names must match `PUBLISHER_ID` (`[a-z0-9]+(-[a-z0-9]+)*`); a folder that is a symbolic link, or
 * that resolves outside the data root, is refused; inside a folder, symbolic links are not followed
 * (reported as `fichier.lien_symbolique`) and only regular files are read.
 */
import { constants as fsConstants } from 'node:fs';
import { lstat, open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { METADATA_FILE } from '../../src/schemas/index.ts';
import { PUBLISHER_ID } from '../../src/schemas/publisher-id.ts';
import { RELEASE_FOLDERS } from '../../src/lib/release/folders.ts';
import { inputMessage } from '../../src/lib/validate/messages.ts';
import type { BytesInput, ChunkSource, FileSource, ValidateInput } from '../../src/lib/validate/index.ts';
import type { Bilingual } from '../../src/lib/lang.ts';

/** Folder names accepted as publishers: the metadata's `id` pattern. */
export const PUBLISHER_NAME = PUBLISHER_ID;

/** A folder that cannot be validated at all. */
export class InputError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
    this.name = 'InputError';
  }
}

/** True when `path` is strictly inside `root` (both real, absolute paths). */
function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** Checks a publisher folder before reading it; returns its real path. */
async function checkFolder(root: string, dir: string): Promise<string> {
  const name = basename(dir);
  if (!PUBLISHER_NAME.test(name)) throw new InputError(inputMessage('nom_dossier', { name }));
  const stat = await lstat(dir).catch(() => undefined);
  if (!stat) throw new InputError(inputMessage('introuvable', { path: dir }));
  if (stat.isSymbolicLink()) throw new InputError(inputMessage('lien_symbolique', { path: dir }));
  if (!stat.isDirectory()) throw new InputError(inputMessage('introuvable', { path: dir }));
  const real = await realpath(dir);
  if (!isInside(root, real)) throw new InputError(inputMessage('hors_dossier', { path: dir, root }));
  return real;
}

/**
 * Reads one publisher folder: `metadonnees.json` as text (the validator parses it and reports
 * syntax errors), every other regular file as bytes.
 * @param root the data root the folder must lie in (its real path is compared).
 */
export async function readPublisherFolder(dir: string, root: string): Promise<BytesInput> {
  return scanPublisherFolder(dir, root, async (path) => {
    // A Buffer is a Uint8Array: view its bytes rather than copying them.
    const buf = await readFile(path);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  });
}

/**
 * Opens one publisher folder without reading it: the same checks and the same entries as
 * {@link readPublisherFolder}, but every file other than the metadata is a {@link ChunkSource}
 * that the validator reads in 1 MB pieces. Nothing is held whole in memory: for big folders (the
 * benchmark, `npm run validate`).
 */
export async function openPublisherFolder(dir: string, root: string): Promise<OpenedFolder> {
  return scanPublisherFolder(dir, root, async (path) => fileSource(path, (await stat(path)).size));
}

/** A file of a checked folder, read piece by piece; `path` lets another thread open it (scripts/lib/offload.ts). */
export interface FileChunks extends ChunkSource {
  readonly path: string;
}

/** A publisher folder opened by {@link openPublisherFolder}. */
export type OpenedFolder = ValidateInput & { files: Record<string, FileChunks> };

/** Bytes read from a file at a time. */
const PIECE_BYTES = 1 << 20;

/** Opening flags: read only, and never through a symbolic link put in place after the folder was checked. */
const READ_NO_FOLLOW = fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0);

/**
 * A file as a {@link ChunkSource}: each call of `chunks()` opens it and reads it from the start
 * in pieces of 1 MB, the next piece being read (on libuv's thread pool) while the validator
 * decodes the current one. Two buffers take turns, so reading 135 MB does not allocate 135 MB.
 */
export function fileSource(path: string, size: number): FileChunks {
  return {
    size,
    path,
    async *chunks() {
      const handle = await open(path, READ_NO_FOLLOW);
      const buffers = [new Uint8Array(PIECE_BYTES), new Uint8Array(PIECE_BYTES)];
      let at = 0;
      let turn = 0;
      const read = () => {
        const buffer = buffers[turn++ % 2]!;
        const from = at;
        return handle.read(buffer, 0, PIECE_BYTES, from).then(({ bytesRead }) => {
          at = from + bytesRead;
          return buffer.subarray(0, bytesRead);
        });
      };
      let next = read();
      try {
        for (;;) {
          const piece = await next;
          if (piece.length === 0) return;
          next = read();
          yield piece;
        }
      } finally {
        await next.catch(() => undefined);
        await handle.close();
      }
    },
  };
}

async function scanPublisherFolder<F extends FileSource>(dir: string, root: string, open: (path: string) => Promise<F>): Promise<ValidateInput & { files: Record<string, F> }> {
  const realRoot = await realpath(root).catch(() => {
    throw new InputError(inputMessage('introuvable', { path: root }));
  });
  const real = await checkFolder(realRoot, resolve(dir));
  const files: Record<string, F> = {};
  const refused: string[] = [];
  let meta: string | undefined;
  for (const entry of (await readdir(real, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isSymbolicLink()) {
      refused.push(entry.name);
      continue;
    }
    if (!entry.isFile()) continue;
    const path = join(real, entry.name);
    if (entry.name === METADATA_FILE) meta = await readFile(path, 'utf8');
    else files[entry.name] = await open(path);
  }
  return { publisher: basename(real), meta, files, refused };
}

/**
 * Folders of the data root that are not publishers: `references/` holds other territories'
 * published results (data/references/README.md).
 */
export const NOT_PUBLISHERS: ReadonlySet<string> = new Set(['references']);

/** Ids a publisher cannot take: the release's own folders (`donnees/standard/`, `donnees/comparaison/`). */
export const RESERVED_PUBLISHER_IDS: ReadonlySet<string> = RELEASE_FOLDERS;

/**
 * The publisher folders of a data root, in name order. Every directory entry of the root is
 * checked: a badly named folder or a symbolic link is an error, not silently skipped. Plain files
 * (a README) are ignored. None is an error, unless `allowNone` (a site that only compares).
 */
export async function listPublisherFolders(root: string, options: { allowNone?: boolean } = {}): Promise<string[]> {
  const realRoot = await realpath(root).catch(() => {
    throw new InputError(inputMessage('introuvable', { path: root }));
  });
  const out: string[] = [];
  for (const entry of await readdir(realRoot, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isSymbolicLink()) throw new InputError(inputMessage('lien_symbolique', { path }));
    if (!entry.isDirectory() || NOT_PUBLISHERS.has(entry.name)) continue;
    if (!PUBLISHER_NAME.test(entry.name)) throw new InputError(inputMessage('nom_dossier', { name: entry.name }));
    if (RESERVED_PUBLISHER_IDS.has(entry.name)) throw new InputError(inputMessage('nom_reserve', { name: entry.name }));
    out.push(path);
  }
  if (out.length === 0 && !options.allowNone) throw new InputError(inputMessage('aucun_editeur', { root }));
  return out.sort();
}

/**
 * Resolves a command-line path to a publisher folder and the root it must lie in: a folder is
 * validated as is (its parent is the root), a file stands for its folder.
 */
export async function publisherFolderOf(path: string): Promise<{ dir: string; root: string }> {
  const stat = await lstat(path).catch(() => undefined);
  if (!stat) throw new InputError(inputMessage('introuvable', { path }));
  const dir = stat.isFile() ? dirname(path) : path;
  return { dir, root: dirname(resolve(dir)) };
}
