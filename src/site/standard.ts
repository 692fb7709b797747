/**
 * The published data standard, `donnees/standard/` of the release in `PUBLICATION_DIR` (default
 * `.cache/publication`), read for the standard page: the same files that are downloaded, so what
 * the page says about a table (title, description, field count) is what its `schema.json` says.
 * Read-only, build time only (Node fs); `data.ts` reads the publisher's own folder.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { standardArchiveName, STANDARD_DIR, STANDARD_VERSION } from '../lib/standard/version.ts';
import { publicationDir, sha256Of } from './data.ts';
import type { Bilingual } from '../lib/lang.ts';

export interface StandardFile {
  /** Path relative to the site root, without leading slash: `donnees/standard/marches/schema.json`. */
  path: string;
  bytes: number;
  /** `sha256:<hex>` of the file as published. */
  hash: string;
}

export interface StandardTable {
  /** Table name, also its folder and the file name a publisher writes (`marches` → `marches.csv`). */
  name: string;
  title: Bilingual;
  description: Bilingual;
  fields: number;
  primaryKey: string[];
  /** Personal data: the file stays with the publisher. */
  personal: boolean;
  schema: StandardFile;
  example: StandardFile;
  readme: StandardFile;
}

export interface PublishedStandard {
  version: string;
  /** Date of the current version (`lastModified` of the schemas). */
  lastModified: string;
  title: Bilingual;
  description: Bilingual;
  licence: { title: string; path: string };
  tables: StandardTable[];
  /** `metadonnees.json`: JSON Schema, example, README and its number of keys. */
  metadata: { keys: number; schema: StandardFile; example: StandardFile; readme: StandardFile };
  readme: StandardFile;
  changelog: StandardFile;
  datapackage: StandardFile;
  archive: StandardFile;
  dictionary: { csv: StandardFile; json: StandardFile };
}

const DatapackageShape = z.object({
  title: z.string(),
  title_en: z.string(),
  description: z.string(),
  description_en: z.string(),
  version: z.string(),
  licenses: z.array(z.object({ title: z.string(), path: z.string() })).min(1),
  resources: z
    .array(
      z.object({
        name: z.string().regex(/^[a-z0-9-]+$/),
        title: z.string(),
        title_en: z.string(),
        path: z.string(),
        schema: z.string(),
        documentation: z.string(),
      }),
    )
    .min(1),
});

const SchemaShape = z.object({
  description: z.string(),
  description_en: z.string(),
  version: z.string(),
  lastModified: z.string(),
  personal: z.boolean().default(false),
  primaryKey: z.union([z.string(), z.array(z.string())]).optional(),
  fields: z.array(z.object({ name: z.string() })).min(1),
});

const JsonSchemaShape = z.object({ version: z.string(), properties: z.record(z.string(), z.unknown()) });

function unreadable(file: string, detail: string): never {
  throw new Error(`Standard illisible / unreadable standard: ${file}\n${detail}`);
}

function load(): PublishedStandard {
  const dir = join(publicationDir(), STANDARD_DIR);
  if (!existsSync(dir)) {
    throw new Error(
      `Aucun standard dans ${dir} : la publication doit contenir ${STANDARD_DIR}/ (lancez « npm run build »). / ` +
        `No standard in ${dir}: the publication must hold ${STANDARD_DIR}/ (run "npm run build").`,
    );
  }
  const file = (rel: string): StandardFile => {
    const full = join(dir, rel);
    if (!existsSync(full) || !statSync(full).isFile()) unreadable(full, 'fichier manquant / missing file');
    const bytes = readFileSync(full);
    return { path: `${STANDARD_DIR}/${rel}`, bytes: bytes.length, hash: sha256Of(bytes) };
  };
  const parse = <T extends z.ZodType>(rel: string, shape: T): z.output<T> => {
    const full = join(dir, rel);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(full, 'utf8'));
    } catch (e) {
      unreadable(full, String(e));
    }
    const r = shape.safeParse(json);
    if (!r.success) unreadable(full, z.prettifyError(r.error));
    return r.data;
  };

  const dp = parse('datapackage.json', DatapackageShape);
  const version = dp.version;
  // The page shows the version history of the code that builds the site: it must be the one published.
  if (version !== STANDARD_VERSION) {
    unreadable(join(dir, 'datapackage.json'), `version ${version} ≠ ${STANDARD_VERSION} (src/lib/standard) : reconstruire la publication / rebuild the publication`);
  }
  // Every schema of one release carries the same version: a mixed folder is a release bug.
  const sameVersion = (rel: string, v: string) => {
    if (v !== version) unreadable(join(dir, rel), `version ${v} ≠ datapackage.json ${version}`);
  };
  const tables = dp.resources.map((r): StandardTable => {
    const s = parse(r.schema, SchemaShape);
    sameVersion(r.schema, s.version);
    return {
      name: r.name,
      title: { fr: r.title, en: r.title_en },
      description: { fr: s.description, en: s.description_en },
      fields: s.fields.length,
      primaryKey: s.primaryKey === undefined ? [] : [s.primaryKey].flat(),
      personal: s.personal,
      schema: file(r.schema),
      example: file(r.path),
      readme: file(r.documentation),
    };
  });
  const meta = parse('metadonnees/schema.json', JsonSchemaShape);
  sameVersion('metadonnees/schema.json', meta.version);
  const lastModified = parse(dp.resources[0]!.schema, SchemaShape).lastModified;
  return {
    version,
    lastModified,
    title: { fr: dp.title, en: dp.title_en },
    description: { fr: dp.description, en: dp.description_en },
    licence: { title: dp.licenses[0]!.title, path: dp.licenses[0]!.path },
    tables,
    metadata: {
      keys: Object.keys(meta.properties).length,
      schema: file('metadonnees/schema.json'),
      example: file('metadonnees/exemple-valide.json'),
      readme: file('metadonnees/README.md'),
    },
    readme: file('README.md'),
    changelog: file('CHANGELOG.md'),
    datapackage: file('datapackage.json'),
    archive: file(standardArchiveName(version)),
    dictionary: { csv: file('dictionnaire.csv'), json: file('dictionnaire.json') },
  };
}

let cached: { root: string; standard: PublishedStandard } | undefined;
/** The published standard, read once per build (and again if `PUBLICATION_DIR` changes, for tests). */
export function publishedStandard(): PublishedStandard {
  const root = publicationDir();
  if (cached?.root !== root) cached = { root, standard: load() };
  return cached.standard;
}
