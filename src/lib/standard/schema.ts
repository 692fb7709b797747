/**
 * `schema.json` of each table as the French public schema catalogue (schema.data.gouv.fr) expects
 * it: the Table Schema generated from the zod field maps (src/schemas/table-schema.ts), preceded by
 * the catalogue's metadata keys (`title`, `description`, `keywords`, `countryCode`, `homepage`,
 * `path`, `resources`, `sources`, `created`, `lastModified`, `version`, `contributors`, `licenses`).
 */
import type { TableName } from '../dataset.ts';
import { tableDef, TABLES, type TableDef } from '../../schemas/index.ts';
import { tableSchema, type TableSchemaDescriptor } from '../../schemas/table-schema.ts';
import type { FieldDef } from '../../schemas/field.ts';
import { cellText } from '../release/csv.ts';
import { canonicalExample } from './example.ts';
import { LICENCE } from '../release/documents.ts';
import { DEFAULT_BASE_URL, STANDARD_CREATED, STANDARD_DIR, STANDARD_ID, STANDARD_LAST_MODIFIED, STANDARD_TITLE, STANDARD_VERSION } from './version.ts';

export interface StandardOptions {
  /** Absolute URL the site is served from, ending with `/` (default: {@link DEFAULT_BASE_URL}). */
  baseUrl?: string;
  /**
   * Who publishes this copy of the standard, named as its author (Table Schema `contributors`):
   * the site's main publisher, as its folder names it (`nom` in metadonnees.json), or the name of
   * a site that only compares (pairs.json). Without it the schemas name no contributor.
   */
  author?: string;
}

export const KEYWORDS = ["clause d'insertion", 'clause sociale', 'commande publique', 'marchés publics', 'insertion professionnelle', 'insertion par l’activité économique'];

/** Documents the standard builds on. */
export const SOURCES = [
  {
    title: 'Format des données essentielles de la commande publique (DECP) v2, schéma JSON 2.0.3',
    path: 'https://github.com/139bercy/format-commande-publique',
  },
  {
    title: "Critères d'éligibilité IAE et GEIQ de la plateforme de l'inclusion (codes des publics)",
    path: 'https://github.com/gip-inclusion/les-emplois',
  },
  {
    title: 'Spécification Table Schema (Data Package v2)',
    path: 'https://datapackage.org/standard/table-schema/',
  },
];

/** Added to the description of a table of personal data. */
export const PERSONAL_NOTE = {
  fr: ' Le fichier reste chez l’éditeur, qui le valide et l’agrège : seuls des agrégats protégés par le secret statistique sont publiés.',
  en: ' The file stays with the publisher, who validates and aggregates it: only aggregates protected by disclosure control are published.',
};

/** The base URL with exactly one trailing slash. */
export function baseUrlOf(options: StandardOptions = {}): string {
  return `${(options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '')}/`;
}

/** Absolute URL of a file of the standard (`marches/schema.json`…). */
export function standardUrl(file: string, options: StandardOptions = {}): string {
  return `${baseUrlOf(options)}${STANDARD_DIR}/${file}`;
}

/** Name of a table's schema in the catalogue, e.g. `clauses-insertion-marches`. */
export function schemaName(table: TableName): string {
  return `${STANDARD_ID}-${table}`;
}

export type StandardSchema = Omit<TableSchemaDescriptor, 'name'> & {
  name: string;
  keywords: string[];
  countryCode: 'FR';
  homepage: string;
  path: string;
  resources: { title: string; name: string; path: string }[];
  sources: { title: string; path: string }[];
  created: string;
  lastModified: string;
  version: string;
  contributors?: { title: string; organisation?: string; role: string }[];
  licenses: { name: string; title: string; path: string }[];
};

/** The catalogue `schema.json` of one table. */
export function standardSchema(def: TableDef | TableName, options: StandardOptions = {}): StandardSchema {
  const t = typeof def === 'string' ? tableDef(def) : def;
  const { $schema, name, title, title_en, description, description_en, ...generated } = tableSchema(t);
  const personal = t.personal ? PERSONAL_NOTE : { fr: '', en: '' };
  const fieldDefs = t.fields as Readonly<Record<string, FieldDef>>;
  return {
    $schema,
    name: schemaName(name),
    title: `${STANDARD_TITLE.fr} — ${title}`,
    title_en: `${STANDARD_TITLE.en} — ${title_en}`,
    description: `${description}${personal.fr}`,
    description_en: `${description_en}${personal.en}`,
    keywords: [...KEYWORDS],
    countryCode: 'FR',
    homepage: baseUrlOf(options),
    path: standardUrl(`${t.name}/schema.json`, options),
    resources: [
      {
        title: 'Exemple de fichier valide',
        name: 'exemple-valide',
        path: standardUrl(`${t.name}/exemple-valide.csv`, options),
      },
    ],
    sources: SOURCES.map((s) => ({ ...s })),
    created: STANDARD_CREATED,
    lastModified: STANDARD_LAST_MODIFIED,
    version: STANDARD_VERSION,
    ...(options.author ? { contributors: [{ title: options.author, organisation: options.author, role: 'author' }] } : {}),
    licenses: [{ name: LICENCE.name, title: LICENCE.title, path: LICENCE.path }],
    ...generated,
    // The canonical form of each example: the one this schema's types describe (the generated
    // schema keeps the spelling a publisher may type, which the kit's validator also accepts).
    fields: generated.fields.map((f) => ({ ...f, example: cellText(canonicalExample(f.name, fieldDefs[f.name]!)) })),
  };
}

/**
 * `datapackage.json` of the standard: one resource per table (named after the table, so that the
 * schemas' foreign keys resolve), whose data is the example file and whose schema is the table's
 * `schema.json`. `frictionless validate datapackage.json` checks the example files together.
 */
export function standardDataPackage(options: StandardOptions = {}) {
  return {
    name: `datapackage-${STANDARD_ID}`,
    id: `datapackage-${STANDARD_ID}`,
    title: STANDARD_TITLE.fr,
    title_en: STANDARD_TITLE.en,
    description: `Standard de données « ${STANDARD_TITLE.fr} » : ${TABLES.length} tables d'un dossier d'éditeur, chacune avec son schéma et un exemple valide.`,
    description_en: `Data standard "${STANDARD_TITLE.en}": the ${TABLES.length} tables of a publisher folder, each with its schema and a valid example.`,
    version: STANDARD_VERSION,
    homepage: baseUrlOf(options),
    licenses: [{ name: LICENCE.name, title: LICENCE.title, path: LICENCE.path }],
    resources: TABLES.map((t) => ({
      name: t.name,
      title: t.title.fr,
      title_en: t.title.en,
      path: `${t.name}/exemple-valide.csv`,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: `${t.name}/schema.json`,
      documentation: `${t.name}/README.md`,
    })),
  };
}
