/**
 * Published files read back as plain JSON, for tests that look at any field or edit one to make
 * what a release is not. Types only: the files' shape is the writer's (src/lib/release/) and the
 * readers' schemas (src/schemas/release.ts, src/site/schema.ts).
 */

/** A resource of `datapackage.json` as written, read back as plain JSON. */
export interface RawResource {
  name: string;
  path: string;
  format: string;
  hash: string;
  bytes: number;
  schema?: { fields: { name: string; type: string }[]; primaryKey?: string[]; missingValues?: string[] };
  [key: string]: unknown;
}

/** `datapackage.json` as written, read back as plain JSON: a test looks at any field or edits it. */
export interface RawDatapackage {
  format_publication?: string;
  resources: RawResource[];
  [key: string]: unknown;
}

/** A published table's JSON file (src/lib/release/build.ts `tableJson`), read back. */
export interface RawTableJson {
  titre: { fr: string; en: string };
  colonnes: { nom: string; [key: string]: unknown }[];
  lignes: Record<string, string | number | boolean | null>[];
  [key: string]: unknown;
}
