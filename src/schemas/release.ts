/**
 * The published release, as one schema: `datapackage.json` (a Frictionless Tabular Data Package)
 * and the tables it lists, each described by its Table Schema; `publication.json` (what the
 * changelog compares); `protection.json` (the protection log). The code that writes a release
 * (src/lib/release/) takes its types from here and checks what it writes with it, and the code
 * that reads a release — the site (src/site/data.ts), the comparison of peers, and of the site's
 * own publishers through their release (src/lib/compare/release.ts) — reads with it. A release is what buyers share with each other:
 * nothing else of a publisher ever leaves its machine.
 *
 * Objects are loose: a later minor version of the format may add properties (the Parquet files
 * and the DCAT catalogue add resources and fields) and a reader of this version keeps working.
 * `format_publication` says which version of this format a release follows; a reader accepts
 * every minor version of its major version and refuses the others.
 *
 * Pure: no `node:` import.
 */
import { z } from 'zod';
import type { Bilingual } from '../lib/lang.ts';
import { FREQUENCES } from './metadonnees.ts';
import { ProfilSchema } from './profil.ts';
import { SECRET } from './secret.ts';

/** Version of the release format the writer follows (`MAJEURE.MINEURE`). */
export const RELEASE_FORMAT_VERSION = '1.0';

/** Versions of the release format this code reads: every minor version of its major version. */
export const READABLE_FORMAT = new RegExp(`^${RELEASE_FORMAT_VERSION.split('.')[0]}\\.\\d+$`);

/** The name of a publisher's data package: `clauses-insertion-<editeur>`. */
export const PACKAGE_PREFIX = 'clauses-insertion-';

/** The publisher's id, as the name of its data package carries it (`clauses-insertion-<editeur>`). */
export const publisherIdOf = (packageName: string): string => (packageName.startsWith(PACKAGE_PREFIX) ? packageName.slice(PACKAGE_PREFIX.length) : packageName);

/** Table Schema types used by published columns. */
export const FIELD_TYPES = ['string', 'integer', 'number', 'boolean', 'date', 'year', 'yearmonth'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date AAAA-MM-JJ attendue / YYYY-MM-DD date expected');
const isoDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'date et heure UTC attendues / UTC date-time expected');
/** A text in both languages, as the published files write titles, descriptions and units. */
export const BilingualSchema = z.object({ fr: z.string(), en: z.string() }) satisfies z.ZodType<Bilingual>;

const tableId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'identifiant en kebab-case attendu / kebab-case id expected');

/** `sha256:` and 64 lower-case hexadecimal digits. */
export const SHA256_HASH = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'empreinte « sha256:<64 chiffres hexadécimaux> » attendue / "sha256:<64 hex digits>" hash expected');

/**
 * A path inside the release: relative, `/`-separated, no `.` or `..` segment, no scheme, no
 * backslash. A reader joins it to the release's address or folder and cannot be led outside it.
 */
export const RELEASE_PATH = z
  .string()
  .min(1)
  .max(300)
  .refine((p) => p.split('/').every((segment) => /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(segment)), {
    message: 'chemin relatif simple attendu (sans « .. », « / » initial ni schéma) / plain relative path expected (no "..", leading "/" or scheme)',
  });

const columnName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'nom de colonne en snake_case attendu / snake_case column name expected');
const columnRole = z.enum(['dimension', 'mesure']);

/** A column of a published table, as its Table Schema field (titles and descriptions in French, with `_en` twins). */
export const ReleaseFieldSchema = z
  .object({
    name: columnName,
    type: z.enum(FIELD_TYPES),
    title: z.string(),
    title_en: z.string(),
    description: z.string().optional(),
    description_en: z.string().optional(),
    unit: z.string().optional(),
    unit_en: z.string().optional(),
    role: columnRole,
  })
  .loose();
export type ReleaseField = z.output<typeof ReleaseFieldSchema>;

export const ReleaseTableSchemaSchema = z
  .object({
    fields: z.array(ReleaseFieldSchema).min(1),
    // An empty cell is missing, `secret` is hidden by disclosure control: never a number.
    missingValues: z.tuple([z.literal(''), z.literal(SECRET)]),
    primaryKey: z.array(z.string()).optional(),
  })
  .loose()
  .superRefine((s, ctx) => {
    const names = s.fields.map((f) => f.name);
    names.forEach((n, i) => {
      if (names.indexOf(n) !== i) ctx.addIssue({ code: 'custom', path: ['fields', i, 'name'], message: `colonne en double / duplicate column: ${n}` });
    });
    for (const k of s.primaryKey ?? []) {
      if (!names.includes(k)) ctx.addIssue({ code: 'custom', path: ['primaryKey'], message: `clé inconnue / unknown key column: ${k}` });
    }
  });
export type ReleaseTableSchema = z.output<typeof ReleaseTableSchemaSchema>;
/** A table's schema as the writer makes it (`tableSchema`, src/lib/release/datapackage.ts). */
export type WrittenTableSchema = z.input<typeof ReleaseTableSchemaSchema>;

/** A published table: a CSV file with its hash, size, dialect and Table Schema. */
export const TabularResourceSchema = z
  .object({
    name: tableId,
    path: RELEASE_PATH.refine((p) => p.endsWith('.csv'), 'fichier .csv attendu / .csv file expected'),
    profile: z.literal('tabular-data-resource'),
    title: z.string(),
    title_en: z.string(),
    description: z.string(),
    description_en: z.string(),
    format: z.literal('csv'),
    mediatype: z.literal('text/csv'),
    encoding: z.literal('utf-8'),
    bytes: z.number().int().min(0),
    hash: SHA256_HASH,
    dialect: z
      .object({
        delimiter: z.literal(','),
        lineTerminator: z.literal('\r\n'),
        quoteChar: z.literal('"'),
        doubleQuote: z.literal(true),
        header: z.literal(true),
      })
      .loose(),
    odd: z.array(z.string()),
    schema: ReleaseTableSchemaSchema,
  })
  .loose();
export type TabularResource = z.output<typeof TabularResourceSchema>;

/**
 * Any other file of the release (a Parquet copy of a table, tabular or not, a catalogue…): a name
 * and a path inside the release; when it gives a hash or a size, they have the published form.
 */
export const OtherResourceSchema = z
  .object({
    name: z.string().min(1),
    path: RELEASE_PATH,
    profile: z.string().optional(),
    format: z.string().optional(),
    bytes: z.number().int().min(0).optional(),
    hash: SHA256_HASH.optional(),
  })
  .loose()
  .refine((r) => r.format !== 'csv', {
    message: 'une table CSV doit suivre le schéma des tables publiées / a CSV table must follow the published table schema',
  });

type OtherResource = z.output<typeof OtherResourceSchema>;

/** Does a resource claim to be a published CSV table (its format, or its file without a format)? */
const claimsTable = (r: unknown): boolean => {
  if (r === null || typeof r !== 'object') return false;
  const { format, path } = r as Record<string, unknown>;
  return format === 'csv' || (format === undefined && typeof path === 'string' && path.toLowerCase().endsWith('.csv'));
};

/**
 * A resource: a published CSV table when it claims to be one (then it must follow the table schema,
 * and its own issues are reported), else any other file.
 */
export const ReleaseResourceSchema = z.unknown().transform((r, ctx): TabularResource | OtherResource => {
  const parsed = claimsTable(r) ? TabularResourceSchema.safeParse(r) : OtherResourceSchema.safeParse(r);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  return z.NEVER;
});
export type ReleaseResource = z.output<typeof ReleaseResourceSchema>;

/** A published CSV table (a Parquet copy may be tabular too, but it is not what readers read). */
export const isTabular = (r: ReleaseResource): r is TabularResource => r.format === 'csv';

/** `datapackage.json` of one publisher's release. */
export const ReleaseDatapackageSchema = z
  .object({
    profile: z.literal('tabular-data-package'),
    name: z.string().regex(new RegExp(`^${PACKAGE_PREFIX}[a-z0-9]+(?:-[a-z0-9]+)*$`), `nom « ${PACKAGE_PREFIX}<éditeur> » attendu / "${PACKAGE_PREFIX}<publisher>" name expected`),
    format_publication: z.string().regex(READABLE_FORMAT, `version du format lisible attendue (${RELEASE_FORMAT_VERSION.split('.')[0]}.x) / readable format version expected`),
    title: z.string(),
    title_en: z.string(),
    description: z.string(),
    description_en: z.string(),
    version: z.string().min(1).max(50),
    created: isoDateTime,
    keywords: z.array(z.string()).optional(),
    licenses: z.array(z.object({ name: z.string().min(1), title: z.string().min(1), path: z.string().regex(/^https?:\/\//) }).loose()).min(1),
    sources: z.array(z.object({ title: z.string(), path: z.string().optional() }).loose()),
    contributors: z
      .array(z.object({ title: z.string().min(1), role: z.string() }).loose())
      .refine((cs) => cs.some((c) => c.role === 'publisher'), 'un contributeur « publisher » attendu / a "publisher" contributor expected'),
    temporal: z.object({ start: isoDate, end: isoDate }).refine((t) => t.start <= t.end, 'période à l’envers / period ends before it starts'),
    // The territory, with its INSEE codes (region, départements) as the publisher's metadata gives them.
    spatial: z.object({ territoire: z.string().min(1), code_region: z.string().min(1), departements: z.array(z.string().min(1)) }).loose(),
    synthetique: z.boolean(),
    seuil_secret: z.number().int().min(1),
    // Whom to write to about the data (`contact` of the publisher's metadata). Written by every
    // release since the Parquet files; optional for the 1.0 releases written before.
    contact: z.string().min(1).optional(),
    // How often the publisher means to publish (`frequence` of its metadata), when it says.
    frequence: z.enum(FREQUENCES).optional(),
    // The publisher's profile as its metadata declares it (src/schemas/profil.ts); optional.
    profil: ProfilSchema.optional(),
    // The publisher's releases at their stable addresses (src/lib/release/versions.ts), when the
    // build knows the site's address: the latest's, and each release's, newest first.
    derniere_version: z.string().optional(),
    versions: z.array(z.object({ version: z.string().min(1), date_publication: isoDate, courante: z.boolean(), url: z.string() }).loose()).optional(),
    resources: z.array(ReleaseResourceSchema).min(1),
  })
  .loose()
  .superRefine((dp, ctx) => {
    const seen = new Set<string>();
    dp.resources.forEach((r, i) => {
      if (seen.has(r.name)) ctx.addIssue({ code: 'custom', path: ['resources', i, 'name'], message: `ressource en double / duplicate resource: ${r.name}` });
      seen.add(r.name);
    });
  });
export type ReleaseDatapackage = z.output<typeof ReleaseDatapackageSchema>;
/** `datapackage.json` as the writer makes it (src/lib/release/datapackage.ts). */
export type WrittenDatapackage = z.input<typeof ReleaseDatapackageSchema>;

/**
 * Who published a release, for how long, under which licence: what a comparison and the site keep
 * of it, read from the properties its data package writes (a release writes no other publisher
 * block).
 */
export function releasePublisher(dp: ReleaseDatapackage) {
  const licence = dp.licenses[0]!;
  return {
    id: publisherIdOf(dp.name),
    nom: dp.contributors.find((c) => c.role === 'publisher')!.title,
    territoire: dp.spatial.territoire,
    periode: { debut: dp.temporal.start, fin: dp.temporal.end },
    synthetique: dp.synthetique,
    seuil_secret: dp.seuil_secret,
    version: dp.version,
    date_publication: dp.created.slice(0, 10),
    licence: { id: licence.name, titre: licence.title, url: licence.path },
  };
}
export type ReleasePublisher = ReturnType<typeof releasePublisher>;

/** A published cell: a number, a text, a boolean, `null` (empty: missing or not applicable) or `secret`. */
export const ReleaseCellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type ReleaseCell = z.output<typeof ReleaseCellSchema>;

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const INTEGER = /^-?(0|[1-9]\d*)$/;

/**
 * The cell of a published CSV as its column's type says: empty → `null`, `secret` → `secret`,
 * numbers with a dot and no exponent, `true`/`false`, ISO dates. The writer's `cellText`
 * (src/lib/release/csv.ts) writes exactly these forms.
 */
export const cellSchema = (type: FieldType): z.ZodType<ReleaseCell, string> => {
  const typed = (test: RegExp, value: (s: string) => ReleaseCell, expected: string) =>
    z.string().transform((s, ctx) => {
      if (s === '') return null;
      if (s === SECRET) return SECRET;
      if (test.test(s)) return value(s);
      ctx.addIssue({ code: 'custom', message: expected });
      return z.NEVER;
    });
  switch (type) {
    case 'integer':
    case 'year':
      return typed(INTEGER, Number, 'nombre entier attendu / integer expected');
    case 'number':
      return typed(NUMBER, Number, 'nombre attendu (point décimal) / number expected (dot decimal)');
    case 'boolean':
      return typed(/^(true|false)$/, (s) => s === 'true', '« true » ou « false » attendu / "true" or "false" expected');
    case 'date':
      return typed(/^\d{4}-\d{2}-\d{2}$/, String, 'date AAAA-MM-JJ attendue / YYYY-MM-DD date expected');
    case 'yearmonth':
      return typed(/^\d{4}-\d{2}$/, String, 'mois AAAA-MM attendu / YYYY-MM month expected');
    case 'string':
      return z.string().transform((s) => (s === '' ? null : s));
  }
};

/**
 * A column of a published table as its JSON file describes it, titles, units and descriptions in
 * both languages (`describedColumn`, src/lib/release/parquet.ts); the comparison's files describe
 * theirs the same way.
 */
export const ReleaseColumnSchema = z
  .object({
    nom: columnName,
    type: z.enum(FIELD_TYPES),
    role: columnRole,
    titre: BilingualSchema,
    unite: BilingualSchema.optional(),
    description: BilingualSchema.optional(),
  })
  .loose();
export type ReleaseColumn = z.output<typeof ReleaseColumnSchema>;

/**
 * `<table>.json` of a release: one published table with its metadata, its columns and its rows,
 * every row holding exactly its table's columns (`null` when empty, `secret` when hidden). Written
 * by `tableJson` (src/lib/release/build.ts); the site reads a release's tables from these files.
 */
export const ReleaseTableJsonSchema = z
  .object({
    id: tableId,
    titre: BilingualSchema,
    description: BilingualSchema,
    editeur: z.object({ id: z.string().min(1), nom: z.string().min(1) }).loose(),
    periode: z.object({ debut: isoDate, fin: isoDate }),
    version: z.string().min(1).max(50),
    date_publication: isoDate,
    licence: z.object({ id: z.string().min(1), titre: z.string().min(1), url: z.string().regex(/^https?:\/\//) }).loose(),
    synthetique: z.boolean(),
    seuil_secret: z.number().int().min(1),
    odd: z.array(z.string()),
    colonnes: z.array(ReleaseColumnSchema).min(1),
    lignes: z.array(z.record(z.string(), ReleaseCellSchema)),
  })
  .loose()
  .superRefine((t, ctx) => {
    const names = t.colonnes.map((c) => c.nom);
    t.lignes.forEach((row, i) => {
      const missing = names.find((n) => !(n in row));
      if (missing !== undefined || Object.keys(row).length !== names.length) {
        ctx.addIssue({ code: 'custom', path: ['lignes', i], message: `ligne sans les colonnes de sa table / row without its table's columns${missing ? `: ${missing}` : ''}` });
      }
    });
  });
export type ReleaseTableJson = z.output<typeof ReleaseTableJsonSchema>;
/** A row of a published table. */
export type ReleaseRow = ReleaseTableJson['lignes'][number];
/** A table's JSON file as the writer makes it (`tableJson`, src/lib/release/build.ts). */
export type WrittenTableJson = z.input<typeof ReleaseTableJsonSchema>;

/**
 * Writer side: throws when what is about to be published does not follow the release schema (a
 * bug of the writer, never of the data). Returns the object unchanged, so that the bytes written
 * are the writer's own, key order included.
 */
export function checkWrittenDatapackage<T extends WrittenDatapackage>(dp: T): T {
  const r = ReleaseDatapackageSchema.safeParse(dp);
  if (!r.success) {
    const issues = r.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ');
    throw new Error(`datapackage.json hors du format de publication / outside the release format: ${issues}`);
  }
  return dp;
}

/**
 * `publication.json` of a release, and each entry of `data/<editeur>/publications.json` (the
 * record of a publisher's releases, oldest first): what `buildRelease` compares with the latest
 * entry to write CHANGELOG.md; `scripts/archive-release.ts` appends the current entry when a
 * release is cut.
 */
export const PublicationSchema = z.object({
  version: z.string().min(1),
  date_publication: z.iso.date(),
  notes: z.string().optional(),
  /** Published key figures: the value as published (rounded), `secret`, or null (not applicable). */
  chiffres_cles: z.record(z.string(), z.union([z.number(), z.literal(SECRET), z.null()])),
  /** Published tables: row count and SHA-256 of the CSV file. */
  tables: z.record(z.string(), z.object({ lignes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
export const PublicationsSchema = z.array(PublicationSchema);
export type Publication = z.output<typeof PublicationSchema>;

/**
 * `protection.json`: what disclosure control did and what the audit proved, in figures that
 * reveal nothing about any cell (written by src/lib/release/protection-log.ts; the methodology
 * page states the audit's result from it).
 */
export const ProtectionLogSchema = z.object({
  version: z.string(),
  seuil_secret: z.number().int().positive(),
  niveau_protection_pct: z.number().positive(),
  regle_entreprises: z.object({ entreprises_min: z.number().int(), part_max_pct: z.number() }),
  versions_auditees_ensemble: z.array(z.string()),
  tables: z.array(z.object({ table: z.string(), cellules: z.number().int(), primaires: z.number().int(), secondaires: z.number().int() })),
  audit: z.object({
    resultat: z.enum(['conforme', 'refuse']),
    heures: z.object({ cellules_primaires: z.number().int(), ecart_relatif_minimal_pct: z.number().nullable(), intervalles_exacts: z.number().int() }),
    personnes: z.object({ cellules_primaires: z.number().int(), comptes_figes: z.number().int() }),
    entreprises: z.object({ cellules_primaires: z.number().int(), prouvees_sous_3: z.number().int() }),
  }),
});
export type ProtectionLogJson = z.infer<typeof ProtectionLogSchema>;
