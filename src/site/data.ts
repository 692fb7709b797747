/**
 * The only module through which pages read data: the published release in `PUBLICATION_DIR`
 * (default `.cache/publication`), the same files that are copied to `dist/donnees/` and downloaded.
 * Build time only (Node fs); never import it from client scripts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import {
  DatapackageSchema,
  PublishedTableSchema,
  ValidationReportSchema,
  type Datapackage,
  type PublishedTable,
  type Publisher,
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
  dir: string;
  editeur: Publisher;
  datapackage: Datapackage;
  tables: Map<string, PublishedTable>;
  downloads: Download[];
  readme?: string;
  changelog?: string;
  citation?: string;
  validation?: ValidationReport;
}

function fail(file: string, error: unknown): never {
  const detail =
    error && typeof error === 'object' && 'issues' in error
      ? JSON.stringify((error as { issues: unknown }).issues, null, 1)
      : String(error);
  throw new Error(`Publication illisible / unreadable publication: ${file}\n${detail}`);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(file, e);
  }
}

const sha256 = (file: string) => 'sha256:' + createHash('sha256').update(readFileSync(file)).digest('hex');

function load(): Publication {
  const root = resolve(process.env.PUBLICATION_DIR ?? '.cache/publication');
  const donnees = join(root, 'donnees');
  if (!existsSync(donnees)) {
    throw new Error(
      `Aucune publication dans ${donnees}. Lancez « npm run build » ou PUBLICATION_DIR=test/fixtures/publication. / ` +
        `No publication in ${donnees}.`,
    );
  }
  const editeurs = readdirSync(donnees)
    .filter((d) => existsSync(join(donnees, d, 'datapackage.json')))
    .sort();
  const id = process.env.EDITEUR ?? editeurs[0];
  if (!id || !editeurs.includes(id)) throw new Error(`Éditeur introuvable / publisher not found: ${id ?? '(aucun)'} in ${donnees}`);
  const dir = join(donnees, id);

  const dpFile = join(dir, 'datapackage.json');
  const dp = DatapackageSchema.safeParse(readJson(dpFile));
  if (!dp.success) fail(dpFile, dp.error);
  const datapackage = dp.data;

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
    if (ext === 'json' && file !== 'datapackage.json') {
      const parsed = PublishedTableSchema.safeParse(readJson(full));
      if (parsed.success) {
        tables.set(parsed.data.id, parsed.data);
        table = parsed.data.id;
      }
    }
    if (ext === 'csv' && files.includes(file.replace(/\.csv$/, '.json'))) table = file.replace(/\.csv$/, '');
    downloads.push({ file, path: `donnees/${id}/${file}`, bytes: statSync(full).size, hash, format: ext, ...(table ? { table } : {}) });
  }
  // A CSV is a table download only if its JSON twin parsed as a table.
  for (const d of downloads) if (d.table && !tables.has(d.table)) delete d.table;

  const text = (name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : undefined);
  const validationFile = join(root, 'validation', `${id}.json`);
  let validation: ValidationReport | undefined;
  if (existsSync(validationFile)) {
    const v = ValidationReportSchema.safeParse(readJson(validationFile));
    if (!v.success) fail(validationFile, v.error);
    validation = v.data;
  }
  const pub: Publication = { dir, editeur: datapackage.editeur, datapackage, tables, downloads };
  const readme = text('LISEZMOI.md');
  const changelog = text('CHANGELOG.md');
  const citation = text('CITATION.txt');
  if (readme) pub.readme = readme;
  if (changelog) pub.changelog = changelog;
  if (citation) pub.citation = citation.trim();
  if (validation) pub.validation = validation;
  return pub;
}

let cached: Publication | undefined;
/** The publication, read once per build. */
export function publication(): Publication {
  cached ??= load();
  return cached;
}

/** A published table, or undefined when this release does not contain it (its charts are skipped). */
export function table(id: string): PublishedTable | undefined {
  return publication().tables.get(id);
}
