/**
 * Reading a published release for the comparison, in two steps, whatever its source (a peer's
 * address, a folder, a zip, or this site's own publisher just written):
 *
 * 1. {@link readManifest}: `datapackage.json` against the release schema (src/schemas/release.ts):
 *    is it a release, of a format version this code reads, listing the compared tables with the
 *    columns they need? It says which files to get, with their size and hash.
 * 2. {@link readRelease}: those files, each checked against its published size and SHA-256, read
 *    as its Table Schema says, checked for consistency, then measured (./measures.ts).
 *
 * Every failure is a {@link PeerProblem} with its reason in French and English. Pure: the bytes
 * come from scripts/lib/peers.ts (network, disk, cache) or from the pipeline.
 */
import {
  cellSchema,
  isTabular,
  READABLE_FORMAT,
  RELEASE_FORMAT_VERSION,
  ReleaseDatapackageSchema,
  releasePublisher,
  type ReleaseDatapackage,
  type ReleasePublisher,
  type TabularResource,
} from '../../schemas/release.ts';
import { parseCsv } from '../csv/index.ts';
import { digestOf } from '../release/body.ts';
import { inconsistency } from './consistency.ts';
import { COMPARED_TABLE_IDS, COMPARED_TABLES, KEY_FIGURES, releaseMeasures, type ComparedTable, type PublisherComparison, type ReleaseTables, type Row } from './measures.ts';
import { bad, good, peerProblem, type Checked } from './problems.ts';

/** The largest `datapackage.json` read (a release of ~50 tables writes ~30 kB; Parquet copies double it). */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/** A file of the release the comparison needs. */
export interface NeededFile {
  table: ComparedTable;
  /** Path inside the release, checked by the schema (relative, no `..`). */
  path: string;
  bytes: number;
  /** Lower-case hexadecimal SHA-256. */
  sha256: string;
  resource: TabularResource;
}

export interface Manifest {
  datapackage: ReleaseDatapackage;
  publisher: ReleasePublisher;
  needed: NeededFile[];
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Text of a UTF-8 file without its byte-order mark, or undefined when it is not UTF-8. */
function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

const issueText = (issues: readonly { path: PropertyKey[]; message: string }[]) =>
  issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(racine / root)'} — ${i.message}`)
    .join(' ; ');

/** Step 1: `datapackage.json`, its format version, and the compared tables it must list. */
export function readManifest(bytes: Uint8Array): Checked<Manifest> {
  if (bytes.byteLength > MAX_MANIFEST_BYTES) {
    return bad(
      peerProblem(
        'trop_gros',
        `datapackage.json pèse ${bytes.byteLength} octets (au plus ${MAX_MANIFEST_BYTES}).`,
        `datapackage.json weighs ${bytes.byteLength} bytes (at most ${MAX_MANIFEST_BYTES}).`,
      ),
    );
  }
  const text = utf8Text(bytes);
  let json: unknown;
  try {
    json = text === undefined ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  const start = JSON.stringify((text ?? '').slice(0, 40));
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return bad(
      peerProblem('pas_une_publication', `l'adresse ne donne pas un datapackage.json (JSON attendu, reçu ${start}…).`, `the address does not give a datapackage.json (JSON expected, got ${start}…).`),
    );
  }
  const dp = json as Record<string, unknown>;
  if (dp.profile !== 'tabular-data-package' || !Array.isArray(dp.resources)) {
    return bad(
      peerProblem(
        'pas_une_publication',
        'ce JSON n’est pas le datapackage.json d’une publication (profil « tabular-data-package » et liste « resources » attendus).',
        'this JSON is not the datapackage.json of a release ("tabular-data-package" profile and a "resources" list expected).',
      ),
    );
  }
  const version = dp.format_publication;
  if (typeof version !== 'string' || !READABLE_FORMAT.test(version)) {
    const given = version === undefined ? 'absente / missing' : JSON.stringify(version).slice(0, 40);
    return bad(
      peerProblem(
        'format_inconnu',
        `format_publication ${given}, ce site lit les versions ${RELEASE_FORMAT_VERSION.split('.')[0]}.x (la sienne : ${RELEASE_FORMAT_VERSION}).`,
        `format_publication ${given}, this site reads versions ${RELEASE_FORMAT_VERSION.split('.')[0]}.x (its own: ${RELEASE_FORMAT_VERSION}).`,
      ),
    );
  }
  const parsed = ReleaseDatapackageSchema.safeParse(json);
  if (!parsed.success) {
    const detail = issueText(parsed.error.issues);
    return bad(peerProblem('pas_une_publication', `datapackage.json ne suit pas le format de publication : ${detail}.`, `datapackage.json does not follow the release format: ${detail}.`));
  }
  const datapackage = parsed.data;
  const needed: NeededFile[] = [];
  for (const table of COMPARED_TABLE_IDS) {
    const resource = datapackage.resources.find((r) => r.name === table);
    if (!resource || !isTabular(resource)) {
      return bad(peerProblem('incomplete', `la table ${table} n'est pas listée dans datapackage.json.`, `table ${table} is not listed in datapackage.json.`));
    }
    const names = resource.schema.fields.map((f) => f.name);
    const missing = COMPARED_TABLES[table].filter((c) => !names.includes(c));
    if (missing.length > 0) {
      return bad(peerProblem('incomplete', `la table ${table} n'a pas la colonne ${missing.join(', ')}.`, `table ${table} has no column ${missing.join(', ')}.`));
    }
    needed.push({ table, path: resource.path, bytes: resource.bytes, sha256: resource.hash.slice('sha256:'.length), resource });
  }
  return good({ datapackage, publisher: releasePublisher(datapackage), needed });
}

/** Is this file the one the release published? Its size, then its SHA-256. */
export function checkFile(file: NeededFile, bytes: Uint8Array): Checked<Uint8Array> {
  if (bytes.byteLength !== file.bytes) {
    return bad(
      peerProblem(
        'empreinte',
        `${file.path} pèse ${bytes.byteLength} octets, datapackage.json en annonce ${file.bytes} : le fichier a changé après sa publication.`,
        `${file.path} weighs ${bytes.byteLength} bytes, datapackage.json announces ${file.bytes}: the file changed after it was published.`,
      ),
    );
  }
  const digest = digestOf(bytes).sha256;
  if (digest !== file.sha256) {
    return bad(
      peerProblem(
        'empreinte',
        `l'empreinte SHA-256 de ${file.path} (${digest.slice(0, 12)}…) n'est pas celle de datapackage.json (${file.sha256.slice(0, 12)}…) : le fichier a changé après sa publication.`,
        `the SHA-256 of ${file.path} (${digest.slice(0, 12)}…) is not the one in datapackage.json (${file.sha256.slice(0, 12)}…): the file changed after it was published.`,
      ),
    );
  }
  return good(bytes);
}

/** A checked CSV file read as its Table Schema says: the header is the fields, each cell of its type. */
export function readTable(file: NeededFile, bytes: Uint8Array): Checked<Row[]> {
  const fail = (fr: string, en: string) => bad<Row[]>(peerProblem('incoherente', `${file.path} : ${fr}`, `${file.path}: ${en}`));
  const text = utf8Text(bytes);
  if (text === undefined) return fail("n'est pas en UTF-8.", 'is not UTF-8.');
  const csv = parseCsv(text, { delimiter: ',' });
  if (csv.issues.length > 0) {
    const i = csv.issues[0]!;
    return fail(`ligne ${i.line} — ${i.message.fr}`, `line ${i.line} — ${i.message.en}`);
  }
  const fields = file.resource.schema.fields;
  const names = fields.map((f) => f.name);
  if (csv.header.join(',') !== names.join(',')) {
    return fail(`en-tête ${csv.header.join(',')} au lieu de ${names.join(',')} (Table Schema).`, `header ${csv.header.join(',')} instead of ${names.join(',')} (Table Schema).`);
  }
  const parsers = fields.map((f) => cellSchema(f.type));
  const rows: Row[] = Array.from({ length: csv.rowCount }, () => ({}));
  for (const [c, field] of fields.entries()) {
    const column = csv.columns[c]!;
    for (let r = 0; r < csv.rowCount; r++) {
      const cell = parsers[c]!.safeParse(column[r] ?? '');
      if (!cell.success) {
        const line = csv.rowLines[r] ?? r + 2;
        return fail(
          `ligne ${line}, colonne ${field.name} : « ${column[r]} » — ${cell.error.issues[0]!.message.split(' / ')[0]}.`,
          `line ${line}, column ${field.name}: "${column[r]}" — ${cell.error.issues[0]!.message.split(' / ').at(-1)}.`,
        );
      }
      rows[r]![field.name] = cell.data;
    }
  }
  return good(rows);
}

/**
 * Step 2: the needed files (by path inside the release) checked, read, checked together, measured.
 * A file missing from `files` makes the release incomplete.
 */
export function readRelease(manifest: Manifest, files: ReadonlyMap<string, Uint8Array>): Checked<PublisherComparison> {
  const tables = {} as ReleaseTables;
  for (const file of manifest.needed) {
    const bytes = files.get(file.path);
    if (!bytes) return bad(peerProblem('incomplete', `${file.path} est listé mais absent.`, `${file.path} is listed but missing.`));
    const checked = checkFile(file, bytes);
    if (!checked.ok) return checked;
    const rows = readTable(file, bytes);
    if (!rows.ok) return rows;
    tables[file.table] = rows.value;
  }
  const keyFigures = new Set(tables['chiffres-cles'].map((r) => r.indicateur));
  const absent = KEY_FIGURES.filter((id) => !keyFigures.has(id));
  if (absent.length > 0) {
    return bad(peerProblem('incomplete', `chiffres-cles.csv ne donne pas ${absent.join(', ')}.`, `chiffres-cles.csv does not give ${absent.join(', ')}.`));
  }
  const problem = inconsistency(tables, manifest.publisher);
  if (problem) return bad(problem);
  return good(releaseMeasures(manifest.publisher, tables));
}

/**
 * Both steps on a release held whole as files by path (`datapackage.json` and its tables), for a
 * release just written by the pipeline and for tests.
 */
export function readReleaseFiles(files: ReadonlyMap<string, Uint8Array>): Checked<PublisherComparison> {
  const dp = files.get('datapackage.json');
  if (!dp) return bad(peerProblem('pas_une_publication', 'pas de datapackage.json.', 'no datapackage.json.'));
  const manifest = readManifest(dp);
  return manifest.ok ? readRelease(manifest.value, files) : manifest;
}
