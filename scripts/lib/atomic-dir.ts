/**
 * The output side of the build: which folder it may replace (`checkOutputDir`), where a published
 * file may be written (`publishedPath`), and how the new site replaces the old one so that a reader
 * or a crash never leaves a half-written dist/ (`makeStagingDir`, `swapInto`,
 * `recoverInterruptedSwap`, `removeStaleStagingDirs`).
 */
import { lstatSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { lstat, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';
import type { Bilingual } from '../../src/lib/lang.ts';

/** Why the build refuses an output folder or a published path (French first, English second). */
export const OUTPUT_ERRORS = {
  racine: {
    fr: 'Dossier de sortie refusé : {out} est la racine du système de fichiers. Choisissez un dossier dédié, par exemple dist/.',
    en: 'Output folder refused: {out} is the root of the file system. Choose a dedicated folder, for example dist/.',
  },
  parent: {
    fr: 'Dossier de sortie refusé : {out} contient {what} ({path}), que la construction effacerait. Choisissez un dossier dédié, par exemple dist/.',
    en: 'Output folder refused: {out} holds {what} ({path}), which the build would erase. Choose a dedicated folder, for example dist/.',
  },
  interieur: {
    fr: 'Dossier de sortie refusé : {out} se trouve dans {what} ({path}). Choisissez un dossier dédié, par exemple dist/.',
    en: 'Output folder refused: {out} is inside {what} ({path}). Choose a dedicated folder, for example dist/.',
  },
  pas_un_dossier: {
    fr: "Dossier de sortie refusé : {out} existe et n'est pas un dossier.",
    en: 'Output folder refused: {out} exists and is not a folder.',
  },
  pas_un_site: {
    fr: "Dossier de sortie refusé : {out} n'est pas vide et ne contient ni un site construit par ce projet (index.html et donnees/) ni ses seules données (donnees/ et validation/) ; la construction le remplacerait entièrement. Videz-le ou choisissez un autre dossier.",
    en: 'Output folder refused: {out} is not empty and holds neither a site built by this project (index.html and donnees/) nor its data alone (donnees/ and validation/); the build would replace it entirely. Empty it or choose another folder.',
  },
  chemin_publie: {
    fr: 'Chemin de fichier publié refusé : « {path} » sortirait du dossier de publication (chemin absolu, « .. » ou caractère interdit).',
    en: 'Published file path refused: "{path}" would leave the publication folder (absolute path, ".." or forbidden character).',
  },
} as const satisfies Record<string, Bilingual>;

/** What the output folder must not hold, lie in, or be (`what` names it in both languages). */
export interface ProtectedDir {
  path: string;
  what: Bilingual;
}

/** An output folder or a published path the build refuses; `text` says why in both languages. */
export class OutputError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
    this.name = 'OutputError';
  }
}

function outputMessage(key: keyof typeof OUTPUT_ERRORS, params: Record<string, string | Bilingual>): Bilingual {
  const fill = (template: string, lang: keyof Bilingual) =>
    template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const p = params[name];
      return p === undefined ? '' : typeof p === 'string' ? p : p[lang];
    });
  const t = OUTPUT_ERRORS[key];
  return { fr: fill(t.fr, 'fr'), en: fill(t.en, 'en') };
}

/**
 * The real path of `path`, which may not exist yet: the deepest existing ancestor is resolved
 * (symbolic links included) and the rest appended, so `out/../x` or a link in the middle cannot
 * hide where the build would write.
 */
export function realPathOf(path: string): string {
  let head = resolve(path);
  const rest: string[] = [];
  for (;;) {
    try {
      return join(realpathSync(head), ...rest.reverse());
    } catch {
      const up = dirname(head);
      if (up === head) return join(head, ...rest.reverse());
      rest.push(basename(head));
      head = up;
    }
  }
}

/** True when `path` is `dir` or lies inside it (both absolute, real paths). */
function within(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Checks that `out` is a folder the build may replace as a whole: not the file-system root, not
 * a folder that holds or lies inside a protected one (the data, the project's sources), and, when it
 * exists, empty or holding an earlier build: a site (`index.html` and `donnees/`) or, from
 * `--data-only`, the published files alone (`donnees/` and `validation/`, nothing else). Throws
 * {@link OutputError}.
 *
 * @param guard.notParentOf folders `out` must not be nor hold (the data root, the project root).
 * @param guard.notInside folders `out` must not lie inside (the data root, `src/`, `public/`…).
 */
export function checkOutputDir(out: string, guard: { notParentOf: readonly ProtectedDir[]; notInside: readonly ProtectedDir[] }): void {
  const real = realPathOf(out);
  if (real === parse(real).root) throw new OutputError(outputMessage('racine', { out }));
  for (const p of guard.notParentOf) {
    if (within(real, realPathOf(p.path))) throw new OutputError(outputMessage('parent', { out, what: p.what, path: p.path }));
  }
  for (const p of guard.notInside) {
    if (within(realPathOf(p.path), real)) throw new OutputError(outputMessage('interieur', { out, what: p.what, path: p.path }));
  }
  const stat = lstatSync(real, { throwIfNoEntry: false });
  if (!stat) return;
  if (!stat.isDirectory()) throw new OutputError(outputMessage('pas_un_dossier', { out }));
  const entries = readdirSync(real);
  const isFile = (name: string) => lstatSync(join(real, name), { throwIfNoEntry: false })?.isFile() === true;
  const isDir = (name: string) => lstatSync(join(real, name), { throwIfNoEntry: false })?.isDirectory() === true;
  // A data-only build holds these two folders and nothing else: a folder of the user's that
  // happens to have them, with anything more, is not replaced.
  const dataOnly = entries.length === 2 && isDir('validation');
  const earlierBuild = isDir('donnees') && (isFile('index.html') || dataOnly);
  if (entries.length > 0 && !earlierBuild) throw new OutputError(outputMessage('pas_un_site', { out }));
}

/**
 * `root/path` for a published file whose relative `path` comes from the data (publisher ids,
 * versions): refused unless it is a plain relative path of named segments (no `..`, `.`, empty
 * segment, absolute path, backslash or control character), so nothing is written outside `root`.
 */
export function publishedPath(root: string, path: string): string {
  const bad = path === '' || isAbsolute(path) || /[\\\u0000-\u001f]/.test(path) || path.split('/').some((s) => s === '' || s === '.' || s === '..');
  const full = join(root, path);
  if (bad || !within(root, full) || full === root) throw new OutputError(outputMessage('chemin_publie', { path }));
  return full;
}

/**
 * Replace `target` (e.g. `dist/`) by the fully built folder `staged`, so that a reader never sees a
 * half-written site: until the swap, `target` is the previous build, untouched.
 *
 * Node has no atomic directory exchange (renameat2 RENAME_EXCHANGE), so the swap is two renames on
 * the same file system: target → backup, staged → target. A process killed between the two leaves
 * `target` missing and the backup whole; `recoverInterruptedSwap` (called at the start of every build,
 * and here first) puts the backup back.
 */
export async function swapInto(staged: string, target: string): Promise<void> {
  // An earlier swap killed between its renames left the only copy of the previous site in the
  // backup: restore it rather than delete it.
  await recoverInterruptedSwap(target);
  const backup = backupPath(target);
  const hadTarget = await exists(target);
  if (hadTarget) await rename(target, backup);
  try {
    await rename(staged, target);
  } catch (e) {
    // The new site could not be moved in (staged folder gone, other file system…): put the
    // previous one back rather than leave no site.
    if (hadTarget) await rename(backup, target);
    throw e;
  }
  await rm(backup, { recursive: true, force: true });
}

/** Restore the previous build if an earlier swap was interrupted between its two renames. */
export async function recoverInterruptedSwap(target: string): Promise<boolean> {
  const backup = backupPath(target);
  if (!(await exists(backup))) return false;
  if (await exists(target)) {
    // The swap finished but the backup was not (completely) removed.
    await rm(backup, { recursive: true, force: true });
    return false;
  }
  await rename(backup, target);
  return true;
}

/** A fresh staging folder next to `target`, so the final rename stays on one file system. */
export async function makeStagingDir(target: string, label: string): Promise<string> {
  const dir = stagingPath(target, label);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

/**
 * Removes staging folders of `target` left by builds that were killed (SIGKILL, power cut): those
 * labelled with the id of a process that no longer runs. A running build's folder is kept, and so
 * is a folder with another kind of label (nothing tells whether it is in use).
 * @returns the folders removed.
 */
export async function removeStaleStagingDirs(target: string, isRunning: (pid: number) => boolean = processRunning): Promise<string[]> {
  const prefix = `.${basename(target)}-staging-`;
  const parent = dirname(target);
  const removed: string[] = [];
  const entries = await readdir(parent).catch(() => [] as string[]);
  for (const name of entries.sort()) {
    if (!name.startsWith(prefix)) continue;
    const label = name.slice(prefix.length);
    // Only process ids can be checked; this process's own folder is never stale.
    if (!/^\d+$/.test(label) || Number(label) === process.pid || isRunning(Number(label))) continue;
    await rm(join(parent, name), { recursive: true, force: true });
    removed.push(join(parent, name));
  }
  return removed;
}

/** Synchronous removal of a staging folder, for exit and signal handlers. */
export function removeStagingDirSync(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** True when a process with this id exists (EPERM: it exists but belongs to another user). */
export function processRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The staging folder of a build labelled `label` (the build uses its process id). */
export function stagingPath(target: string, label: string): string {
  return join(dirname(target), `.${basename(target)}-staging-${label}`);
}

/** Where `swapInto` keeps the previous build between its two renames. */
export function backupPath(target: string): string {
  return join(dirname(target), `.${basename(target)}-previous`);
}

/** lstat-based: a dangling symbolic link at `path` exists too (existsSync would say no). */
async function exists(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined)) !== undefined;
}
