/**
 * Stable addresses of releases on disk (src/lib/release/versions.ts has the convention).
 *
 * - {@link listKeptVersions} reads `data/<editeur>/versions/<version>/`, the earlier releases a
 *   publisher still publishes, with the same safety as the input tables (scripts/lib/fs-input.ts):
 *   no symbolic link, nothing outside the data root, and only the files a release publishes
 *   (never a participant-level file). fs-input reads the six input tables from the folder's top
 *   level only, so the `versions/` folder is never taken for input.
 * - {@link publishVersions} lays out `donnees/<editeur>/<version>/` in the publication: the current
 *   release (a copy of `donnees/<editeur>/`, the unversioned address) and each kept release.
 * - {@link releaseFilesOf} lists a release folder's files with size and SHA-256, for the catalogue.
 * - {@link readReleasePackage} reads a release folder's `datapackage.json` with the release schema
 *   (src/schemas/release.ts), for the catalogue, the audit of earlier releases and the attack.
 */
import { createHash } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { copyFile, lstat, mkdir, readdir, readFile, realpath } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { CatalogueInput, CataloguePublisher, CatalogueRelease } from '../../src/lib/catalogue/input.ts';
import type { EarlierRelease } from '../../src/lib/audit/earlier.ts';
import { RELEASE_DOCUMENTS } from '../../src/lib/release/documents.ts';
import { PublicationSchema, ReleaseDatapackageSchema, type ReleaseDatapackage } from '../../src/schemas/release.ts';
import { VERSIONS_DIR, latestDir, versionDir, type ReleaseVersion } from '../../src/lib/release/versions.ts';
import { VERSION_PATTERN } from '../../src/schemas/metadonnees.ts';
import { publishedPath } from './atomic-dir.ts';
import { InputError } from './fs-input.ts';
import type { Bilingual } from '../../src/lib/lang.ts';

/** Files that hold one row per person: they never leave the publisher's machine. */
export const PARTICIPANT_LEVEL_FILES: ReadonlySet<string> = new Set(['participants.csv', 'heures.csv']);

const ERRORS = {
  lien: {
    fr: 'Version archivée refusée : {path} est un lien symbolique. Copiez les fichiers eux-mêmes (tsx scripts/archive-release.ts).',
    en: 'Archived release refused: {path} is a symbolic link. Copy the files themselves (tsx scripts/archive-release.ts).',
  },
  hors: { fr: 'Version archivée refusée : {path} est hors du dossier des données.', en: 'Archived release refused: {path} lies outside the data folder.' },
  nom: {
    fr: 'Version archivée refusée : le dossier {path} ne porte pas un nom de version (lettres, chiffres, « . », « _ », « - »).',
    en: 'Archived release refused: folder {path} is not named after a version (letters, digits, ".", "_", "-").',
  },
  pas_dossier: { fr: "Version archivée refusée : {path} n'est pas un dossier.", en: 'Archived release refused: {path} is not a folder.' },
  individuel: {
    fr: 'Version archivée refusée : {path} est un fichier de données individuelles, qui ne se publie jamais. Retirez-le.',
    en: 'Archived release refused: {path} is a person-level file, which is never published. Remove it.',
  },
  etranger: {
    fr: 'Version archivée refusée : {path} ne fait pas partie des fichiers de cette version (datapackage.json). Retirez-le.',
    en: 'Archived release refused: {path} is not one of the files of this release (datapackage.json). Remove it.',
  },
  manquant: {
    fr: 'Version archivée incomplète : {path} manque. Archivez la version avec tsx scripts/archive-release.ts.',
    en: 'Archived release incomplete: {path} is missing. Archive the release with tsx scripts/archive-release.ts.',
  },
  version: {
    fr: 'Version archivée incohérente : {path} décrit la version {found}, le dossier porte le nom {version}.',
    en: 'Archived release inconsistent: {path} describes release {found}, its folder is named {version}.',
  },
  paquet: {
    fr: 'Version refusée : {path} ne suit pas le format de publication ({probleme}). Reconstruisez le site (npm run build) ; pour une version archivée, archivez-la à nouveau (tsx scripts/archive-release.ts).',
    en: 'Release refused: {path} does not follow the release format ({problem}). Build the site again (npm run build); for an archived release, archive it again (tsx scripts/archive-release.ts).',
  },
  modifiee: {
    fr: "La version {version} est déjà publiée (data/{id}/versions/{version}/) avec d'autres fichiers ({path}) : une adresse stable ne change pas. Donnez une nouvelle version dans metadonnees.json.",
    en: 'Release {version} is already published (data/{id}/versions/{version}/) with other files ({path}): a stable address never changes. Give a new version in metadonnees.json.',
  },
} as const satisfies Record<string, Bilingual>;

function fail(key: keyof typeof ERRORS, params: Record<string, string>): never {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
  throw new InputError({ fr: fill(ERRORS[key].fr), en: fill(ERRORS[key].en) });
}

/** An earlier release kept by a publisher, checked. */
export interface KeptVersion extends ReleaseVersion {
  /** Real path of its folder. */
  dir: string;
  /** Its file names, sorted. */
  files: string[];
}

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..';
};

/**
 * `<dir>/datapackage.json`, read with the release schema (src/schemas/release.ts). An absent,
 * unreadable or non-conforming file is an {@link InputError} naming the file and its first problem.
 */
export async function readReleasePackage(dir: string): Promise<ReleaseDatapackage> {
  const path = join(dir, 'datapackage.json');
  const refuse = (problem: Bilingual): never => fail('paquet', { path, probleme: problem.fr, problem: problem.en });
  const text = await readFile(path, 'utf8').catch(() => refuse({ fr: 'fichier introuvable ou illisible', en: 'file missing or unreadable' }));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    refuse({ fr: `JSON invalide : ${why}`, en: `invalid JSON: ${why}` });
  }
  const parsed = ReleaseDatapackageSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.join('.');
  return refuse(where ? { fr: `${where} : ${issue.message}`, en: `${where}: ${issue.message}` } : { fr: issue.message, en: issue.message });
}

/** The files a release folder may hold: its data package's resources, their JSON twins, the workbook, the archive, the documents. */
function allowedFiles(id: string, version: string, datapackage: ReleaseDatapackage): Set<string> {
  const allowed = new Set<string>([...Object.keys(RELEASE_DOCUMENTS), `${id}-${version}.xlsx`, `${id}-${version}.zip`]);
  for (const r of datapackage.resources) {
    allowed.add(r.path);
    if (r.path.endsWith('.csv')) allowed.add(r.path.replace(/\.csv$/, '.json'));
  }
  return allowed;
}

/**
 * The earlier releases kept in `<publisherDir>/versions/`, oldest first; none when the folder is
 * absent. Any link, stray file, person-level file or inconsistent release is an error.
 */
export async function listKeptVersions(publisherDir: string, root: string): Promise<KeptVersion[]> {
  const dir = join(publisherDir, VERSIONS_DIR);
  const stat = await lstat(dir).catch(() => undefined);
  if (!stat) return [];
  if (stat.isSymbolicLink()) fail('lien', { path: dir });
  if (!stat.isDirectory()) fail('pas_dossier', { path: dir });
  const realRoot = await realpath(root);
  if (!inside(realRoot, await realpath(dir))) fail('hors', { path: dir });
  const id = resolve(publisherDir).split(sep).pop()!;
  const kept: KeptVersion[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) fail('lien', { path });
    if (!entry.isDirectory()) fail('pas_dossier', { path });
    if (!VERSION_PATTERN.test(entry.name)) fail('nom', { path });
    const files: string[] = [];
    for (const f of await readdir(path, { withFileTypes: true })) {
      const file = join(path, f.name);
      if (f.isSymbolicLink()) fail('lien', { path: file });
      if (PARTICIPANT_LEVEL_FILES.has(f.name)) fail('individuel', { path: file });
      if (!f.isFile()) fail('etranger', { path: file });
      files.push(f.name);
    }
    for (const name of ['publication.json', 'datapackage.json']) if (!files.includes(name)) fail('manquant', { path: join(path, name) });
    const publication = PublicationSchema.parse(JSON.parse(await readFile(join(path, 'publication.json'), 'utf8')));
    const datapackage = await readReleasePackage(path);
    for (const [name, found] of [
      ['publication.json', publication.version],
      ['datapackage.json', datapackage.version],
    ] as const) {
      if (found !== entry.name) fail('version', { path: join(path, name), found, version: entry.name });
    }
    const allowed = allowedFiles(id, entry.name, datapackage);
    for (const f of files) if (!allowed.has(f)) fail('etranger', { path: join(path, f) });
    kept.push({ version: entry.name, date_publication: publication.date_publication, dir: await realpath(path), files: files.sort() });
  }
  return kept.sort((a, b) => (a.date_publication < b.date_publication ? -1 : a.date_publication > b.date_publication ? 1 : 0));
}

/** The regular files at the top of a folder (a release folder's own files, not its version folders), sorted. */
async function topFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
}

const sameBytes = async (a: string, b: string) => (await readFile(a)).equals(await readFile(b));

/**
 * Lays out the stable addresses of one publisher in the publication folder: the current release
 * (already at `donnees/<id>/`) copied to `donnees/<id>/<version>/`, and each kept release to
 * `donnees/<id>/<its version>/`. A kept release with the current version must be the current
 * release, file for file: a stable address never changes.
 */
export async function publishVersions(publication: string, id: string, current: string, kept: readonly KeptVersion[]): Promise<void> {
  const latest = publishedPath(publication, latestDir(id));
  const copy = async (from: string, to: string) => {
    const target = publishedPath(publication, to);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(from, target, constants.COPYFILE_EXCL);
  };
  const currentFiles = await topFiles(latest);
  for (const v of kept.filter((k) => k.version === current)) {
    const differs = v.files.find((f) => !currentFiles.includes(f)) ?? currentFiles.find((f) => !v.files.includes(f));
    if (differs) fail('modifiee', { version: current, id, path: differs });
    for (const f of v.files) if (!(await sameBytes(join(v.dir, f), join(latest, f)))) fail('modifiee', { version: current, id, path: f });
  }
  for (const f of currentFiles) await copy(join(latest, f), `${versionDir(id, current)}/${f}`);
  for (const v of kept) {
    if (v.version === current) continue;
    for (const f of v.files) await copy(join(v.dir, f), `${versionDir(id, v.version)}/${f}`);
  }
}

/** A published file: name, size and SHA-256 (lower-case hex). */
export interface FileDigest {
  name: string;
  bytes: number;
  sha256: string;
}

/** The files of a release folder with their size and SHA-256, in name order. */
export async function releaseFilesOf(dir: string): Promise<FileDigest[]> {
  const out: FileDigest[] = [];
  for (const name of await topFiles(dir)) {
    // Read piece by piece: at x1000 a table's JSON weighs over 500 MB.
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const piece of createReadStream(join(dir, name)) as AsyncIterable<Buffer>) {
      hash.update(piece);
      bytes += piece.byteLength;
    }
    out.push({ name, bytes, sha256: hash.digest('hex') });
  }
  return out;
}

/**
 * The catalogue's input read from a built publication: for each publisher (the main one first),
 * every release folder `donnees/<id>/<version>/` with its data package and files.
 */
export async function catalogueInputOf(publication: string, ids: readonly string[], siteUrl: string): Promise<CatalogueInput> {
  const publishers: CataloguePublisher[] = [];
  for (const id of ids) {
    const latest = publishedPath(publication, latestDir(id));
    const current = PublicationSchema.parse(JSON.parse(await readFile(join(latest, 'publication.json'), 'utf8'))).version;
    const releases: CatalogueRelease[] = [];
    for (const entry of (await readdir(latest, { withFileTypes: true })).filter((e) => e.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const dir = join(latest, entry.name);
      const datapackage = await readReleasePackage(dir);
      releases.push({ datapackage, files: await releaseFilesOf(dir) });
    }
    publishers.push({ id, current, releases });
  }
  return { siteUrl, publishers };
}

/**
 * A kept release as the audit reads it (src/lib/audit/earlier.ts): the end of its period (its
 * datapackage's `temporal.end`) and its published CSV tables by table id.
 */
export async function earlierReleaseOf(kept: KeptVersion): Promise<EarlierRelease> {
  const fin = (await readReleasePackage(kept.dir)).temporal.end;
  const tables = new Map<string, Uint8Array>();
  for (const name of kept.files) if (name.endsWith('.csv')) tables.set(name.slice(0, -4), new Uint8Array(await readFile(join(kept.dir, name))));
  return { version: kept.version, date_publication: kept.date_publication, fin, tables };
}
