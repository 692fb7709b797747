/**
 * The only module through which pages read data: the published release in `PUBLICATION_DIR`
 * (default `.cache/publication`), the same files that are copied to `dist/donnees/` and downloaded.
 * Build time only (Node fs); never import it from client scripts.
 *
 * A release holds one folder per publisher (`donnees/<editeur>/`, with a `datapackage.json`) and
 * the comparison of them (`donnees/comparaison/`). `publications()` reads every publisher;
 * `publication()` is the site's main publisher, whose results the site's pages show (see
 * {@link mainPublisherId}); `comparison()` reads the comparison files. A release without any
 * publisher is a site that only compares (`hasPublishers()` false): it has the comparison pages,
 * named by `comparison().peers.site`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { COMPARISON_DIR } from '../lib/compare/codes.ts';
import { RELEASE_FOLDERS } from '../lib/release/folders.ts';
import { isTabular, ProtectionLogSchema, releasePublisher, ReleaseDatapackageSchema, ReleaseTableJsonSchema, type ProtectionLogJson } from '../schemas/release.ts';
import {
  ComparisonSchema,
  PeersSchema,
  ReferencesSchema,
  ValidationReportSchema,
  type Comparison,
  type Datapackage,
  type Peers,
  type PublishedTable,
  type Publisher,
  type References,
  type ValidationReport,
} from './schema.ts';

export interface Download {
  /** File name inside `donnees/<editeur>/`. */
  file: string;
  /** Path relative to the site root, without leading slash: `donnees/<editeur>/<file>`. */
  path: string;
  bytes: number;
  /** `sha256:<hex>` of the file as published. */
  hash: string;
  format: string;
  /** Table id when the file is one of the published tables. */
  table?: string;
}

export interface Publication {
  /** Folder name in `donnees/`, the publisher's id. */
  id: string;
  dir: string;
  editeur: Publisher;
  datapackage: Datapackage;
  tables: Map<string, PublishedTable>;
  downloads: Download[];
  readme?: string;
  changelog?: string;
  citation?: string;
  /** Whom to write to about the data: `contact` of the release's datapackage.json. */
  contact?: string;
  validation?: ValidationReport;
}

function fail(file: string, error: unknown): never {
  const detail = error && typeof error === 'object' && 'issues' in error ? JSON.stringify(error.issues, null, 1) : String(error);
  throw new Error(`Publication illisible / unreadable publication: ${file}\n${detail}`);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(file, e);
  }
}

/** `sha256:<hex>` of bytes, as the release's manifest and datapackages write a file's hash. */
export const sha256Of = (bytes: Uint8Array) => 'sha256:' + createHash('sha256').update(bytes).digest('hex');
const sha256 = (file: string) => sha256Of(readFileSync(file));

/** The release the site reads: `PUBLICATION_DIR`, by default `.cache/publication` (what `npm run build` writes). */
export function publicationDir(): string {
  return resolve(process.env.PUBLICATION_DIR ?? '.cache/publication');
}

function publicationRoot(): string {
  const root = publicationDir();
  if (!existsSync(join(root, 'donnees'))) {
    throw new Error(`Aucune publication dans ${join(root, 'donnees')}. Lancez « npm run build » ou PUBLICATION_DIR=test/fixtures/publication. / ` + `No publication in ${join(root, 'donnees')}.`);
  }
  return root;
}

/**
 * Publisher ids of a release: the folders of `donnees/` holding a `datapackage.json`, in id order,
 * except the release's own folders (the standard's data package, the comparison).
 */
function publisherIds(root: string): string[] {
  const donnees = join(root, 'donnees');
  return readdirSync(donnees)
    .filter((d) => !RELEASE_FOLDERS.has(d) && existsSync(join(donnees, d, 'datapackage.json')))
    .sort();
}

/**
 * The publisher whose results the site's pages show: the one named by `EDITEUR`, else the only
 * one, else the first in id order (the others still get their own section under `/editeurs/` and
 * a place on the comparison page). `npm run build` chooses it (src/lib/main-publisher.ts: it
 * also prefers the only publisher with real data), says so, and sets `EDITEUR` before Astro runs.
 */
export function mainPublisherId(ids: readonly string[], requested: string | undefined): string {
  const id = requested || ids[0];
  if (!id || !ids.includes(id)) {
    throw new Error(`Éditeur introuvable / publisher not found: ${id ?? '(aucun / none)'} (éditeurs / publishers: ${ids.join(', ') || '(aucun / none)'})`);
  }
  return id;
}

/**
 * The citation in one language: the release writes it in French then English, one paragraph each;
 * anything else is shown as it is, marked French.
 */
export function citationFor(citation: string, lang: 'fr' | 'en'): { text: string; lang: 'fr' | 'en' } {
  const paragraphs = citation
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return paragraphs.length === 2 ? { text: paragraphs[lang === 'fr' ? 0 : 1]!, lang } : { text: citation.trim(), lang: 'fr' };
}

/**
 * One publisher's release: its latest (`donnees/<id>/`) or, with `version`, one kept at its own
 * address (`donnees/<id>/<version>/`, whose downloads are then that folder's files).
 */
function load(root: string, id: string, version?: string): Publication {
  const dir = join(root, 'donnees', id, ...(version ? [version] : []));
  const prefix = `donnees/${id}/${version ? `${version}/` : ''}`;
  const dpFile = join(dir, 'datapackage.json');
  const dp = ReleaseDatapackageSchema.safeParse(readJson(dpFile));
  if (!dp.success) fail(dpFile, dp.error);
  const datapackage = dp.data;
  const editeur: Publisher = { ...releasePublisher(datapackage), ...(datapackage.profil ? { profil: datapackage.profil } : {}) };
  // Pages and links use the folder name; a data package describing another publisher is a release bug.
  if (editeur.id !== id) {
    throw new Error(`Éditeur incohérent / publisher mismatch: ${dpFile} décrit / describes « ${editeur.id} », dossier / folder « ${id} »`);
  }
  // Each table the data package lists has its JSON twin: read with the release's schema, or the build fails.
  const tableFiles = new Set(datapackage.resources.filter(isTabular).map((r) => r.path.replace(/\.csv$/, '.json')));

  const tables = new Map<string, PublishedTable>();
  const downloads: Download[] = [];
  const files = readdirSync(dir).sort();
  for (const file of files) {
    const full = join(dir, file);
    if (!statSync(full).isFile()) continue;
    const ext = extname(file).slice(1).toLowerCase();
    const hash = sha256(full);
    const declared = datapackage.resources.find((r) => r.path === file);
    // What the page says must be what is downloaded: a stale hash in the datapackage is a release bug.
    if (declared?.hash && declared.hash.replace(/^sha256:/, '') !== hash.slice(7)) {
      throw new Error(`Empreinte incohérente / hash mismatch for ${file}: datapackage says ${declared.hash}, file is ${hash}`);
    }
    let table: string | undefined;
    if (tableFiles.has(file)) {
      const parsed = ReleaseTableJsonSchema.safeParse(readJson(full));
      if (!parsed.success) fail(full, parsed.error);
      tables.set(parsed.data.id, parsed.data);
      table = parsed.data.id;
    }
    if (ext === 'csv' && files.includes(file.replace(/\.csv$/, '.json'))) table = file.replace(/\.csv$/, '');
    downloads.push({ file, path: `${prefix}${file}`, bytes: statSync(full).size, hash, format: ext, ...(table ? { table } : {}) });
  }
  // A CSV is a table download only if its JSON twin parsed as a table.
  for (const d of downloads) if (d.table && !tables.has(d.table)) delete d.table;

  const text = (name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : undefined);
  const validationFile = join(root, 'validation', `${id}.json`);
  let validation: ValidationReport | undefined;
  // The validation report is the latest release's: an earlier one kept in its folder has none here.
  if (!version && existsSync(validationFile)) {
    const v = ValidationReportSchema.safeParse(readJson(validationFile));
    if (!v.success) fail(validationFile, v.error);
    validation = v.data;
  }
  const pub: Publication = { id, dir, editeur, datapackage, tables, downloads };
  if (datapackage.contact) pub.contact = datapackage.contact;
  const readme = text('LISEZMOI.md');
  const changelog = text('CHANGELOG.md');
  const citation = text('CITATION.txt');
  if (readme) pub.readme = readme;
  if (changelog) pub.changelog = changelog;
  if (citation) pub.citation = citation.trim();
  if (validation) pub.validation = validation;
  return pub;
}

interface Release {
  all: Publication[];
  /** Undefined for a site that only compares. */
  main: Publication | undefined;
}
let cached: Release | undefined;

function release(): Release {
  if (!cached) {
    const root = publicationRoot();
    const ids = publisherIds(root);
    // No publisher at all: a site that only compares, if its release says so.
    const mainId = ids.length === 0 && existsSync(join(root, COMPARISON_DIR, 'pairs.json')) ? undefined : mainPublisherId(ids, process.env.EDITEUR);
    const all = ids.map((id) => load(root, id));
    cached = { all, main: all.find((p) => p.id === mainId) };
  }
  return cached;
}

const kept = new Map<string, Publication | undefined>();

/**
 * The main publisher's release as of `version`, read from its own folder (`donnees/<id>/<version>/`,
 * kept at a stable address: docs/donnees-ouvertes.md), or undefined when there is none. Pinned
 * embeds draw their chart from it.
 */
export function keptRelease(version: string): Publication | undefined {
  if (!kept.has(version)) {
    const main = release().main;
    const dir = main ? join(main.dir, version) : '';
    kept.set(version, main && /^[\w.-]+$/.test(version) && existsSync(join(dir, 'datapackage.json')) ? load(publicationRoot(), main.id, version) : undefined);
  }
  return kept.get(version);
}

/** Versions of the main publisher kept in their own folder, oldest first. */
export function keptVersions(): string[] {
  const main = release().main;
  if (!main) return [];
  return readdirSync(main.dir)
    .filter((d) => statSync(join(main.dir, d)).isDirectory() && existsSync(join(main.dir, d, 'datapackage.json')))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** True when the release has publishers of its own; false for a site that only compares. */
export function hasPublishers(): boolean {
  return release().main !== undefined;
}

/**
 * Who the site is by: its main publisher's name, or, for a site that only compares, the name its
 * `data/pairs.json` gives (`site.nom`).
 */
export function siteOwnerName(): string {
  const main = release().main;
  if (main) return main.editeur.nom;
  const name = comparison()?.peers?.site?.nom;
  if (!name) throw new Error('Site sans éditeur ni nom de comparaison (site.nom de data/pairs.json) / site without publisher nor comparison name');
  return name;
}

/** The site's main publisher, read once per build: every results page shows its tables. */
export function publication(): Publication {
  const main = release().main;
  if (!main) throw new Error('Ce site ne fait que comparer : il n’a pas d’éditeur principal / this site only compares: it has no main publisher');
  return main;
}

/**
 * The protection log of the main publisher's release (`donnees/<editeur>/protection.json`), as the
 * release wrote it: the methodology page states the audit's result from it. Undefined for a release
 * made before the log existed.
 */
export function protectionLog(): ProtectionLogJson | undefined {
  const file = join(publication().dir, 'protection.json');
  if (!existsSync(file)) return undefined;
  const parsed = ProtectionLogSchema.safeParse(readJson(file));
  if (!parsed.success) fail(file, parsed.error);
  return parsed.data;
}

/** Every publisher of the release, in id order (the main one included). */
export function publications(): Publication[] {
  return release().all;
}

/** One publisher of the release by id, or undefined. */
export function publicationOf(id: string): Publication | undefined {
  return release().all.find((p) => p.id === id);
}

export interface ComparisonFiles {
  /** Compared releases side by side (`comparaison-editeurs.json`): this site's publishers and included peers. */
  publishers: Comparison;
  /** The listed peers, included or not, and the name of a comparison-only site (`pairs.json`). */
  peers?: Peers;
  /** Other territories' published results, when the release has them. */
  references?: References;
  /** The comparison's files as downloads (`donnees/comparaison/…`). */
  downloads: Download[];
}

let comparisonCache: { value: ComparisonFiles | undefined } | undefined;

/**
 * The comparison files of the release (`donnees/comparaison/`), parsed and checked; undefined when
 * the release has none (a fixture made before the comparison existed).
 */
export function comparison(): ComparisonFiles | undefined {
  if (comparisonCache) return comparisonCache.value;
  const dir = join(publicationRoot(), COMPARISON_DIR);
  const file = (name: string) => join(dir, `${name}.json`);
  let value: ComparisonFiles | undefined;
  if (existsSync(file('comparaison-editeurs'))) {
    const pubs = ComparisonSchema.safeParse(readJson(file('comparaison-editeurs')));
    if (!pubs.success) fail(file('comparaison-editeurs'), pubs.error);
    value = { publishers: pubs.data, downloads: [] };
    const peersFile = file('pairs');
    if (existsSync(peersFile)) {
      const peers = PeersSchema.safeParse(readJson(peersFile));
      if (!peers.success) fail(peersFile, peers.error);
      value.peers = peers.data;
    }
    const refFile = file('resultats-publies-autres-territoires');
    if (existsSync(refFile)) {
      const refs = ReferencesSchema.safeParse(readJson(refFile));
      if (!refs.success) fail(refFile, refs.error);
      value.references = refs.data;
    }
    for (const f of readdirSync(dir).sort()) {
      const full = join(dir, f);
      if (!statSync(full).isFile()) continue;
      const format = extname(f).slice(1).toLowerCase();
      value.downloads.push({ file: f, path: `${COMPARISON_DIR}/${f}`, bytes: statSync(full).size, hash: sha256(full), format, table: f.replace(/\.\w+$/, '') });
    }
  }
  comparisonCache = { value };
  return value;
}

/** A published table, or undefined when this release does not contain it (its charts are skipped). */
export function table(id: string): PublishedTable | undefined {
  return release().main?.tables.get(id);
}
