/**
 * Frictionless Table Schemas (v2) generated from the field maps: one per table of the manifest.
 *
 * Constraints are read from each field's zod schema with `z.toJSONSchema`, never restated here.
 * Standard properties: `name`, `type`, `format`, `title`, `description` (French), `example`,
 * `constraints` (`required`, `unique`, `enum`, `minimum`, `maximum`, `exclusiveMinimum`,
 * `exclusiveMaximum`, `pattern`, `minLength`, `maxLength`), `categories` (`{ value, label }`,
 * French label), `trueValues` / `falseValues`, `delimiter` / `itemType` for `list` fields,
 * `primaryKey`, `foreignKeys` (only when there are some: the profile wants at least one),
 * `missingValues`. No `fieldsMatch`: the default (`exact`, same columns in the same order) is what
 * published files follow; the validator also accepts any column order on input.
 *
 * Custom properties (allowed by the spec, which lets descriptors carry other properties):
 * - `title_en`, `description_en` on the schema and on every field: the English texts;
 * - `label_en` on every category: the English label;
 * - `itemCategories` on `list` fields: allowed item codes with their labels (Table Schema has no
 *   per-item enumeration);
 * - `personal` on the schema: the table holds personal data and is never published.
 *
 * The schemas describe the canonical form of a file (dot decimal mark, ISO dates and months,
 * canonical codes). The validator is more lenient on input (decimal commas, `DD/MM/YYYY`, labels
 * and aliases of codes) and writes the canonical form.
 */
import { z } from 'zod';
import type { TableName } from '../lib/dataset.ts';
import type { EnumEntry, Enumeration } from './enums.ts';
import type { FieldDef, FieldKind } from './field.ts';
import { TABLES, type TableDef } from './index.ts';

export const TABLE_SCHEMA_PROFILE = 'https://datapackage.org/profiles/2.0/tableschema.json';

/** Constraints of a field as JSON Schema keywords, read from its zod schema. */
export interface JsonConstraints {
  enum?: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  /** Minimum number of items of a `multi` field. */
  minItems?: number;
  /** Allowed items of a `multi` field. */
  itemEnum?: string[];
}

/** Reads the constraints of a field from `z.toJSONSchema` of its schema. */
export function jsonConstraints(field: FieldDef): JsonConstraints {
  const js = z.toJSONSchema(field.schema) as Record<string, unknown>;
  const out: JsonConstraints = {};
  const num = (k: string): number | undefined => {
    const v = js[k];
    // `z.int()` adds the safe-integer range, which says nothing about the data.
    return typeof v === 'number' && Math.abs(v) !== Number.MAX_SAFE_INTEGER ? v : undefined;
  };
  if (Array.isArray(js.enum)) out.enum = js.enum.map(String);
  for (const k of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems'] as const) {
    const v = num(k);
    if (v !== undefined) out[k] = v;
  }
  // The pattern of a date or a month only restates its type (`date`, `yearmonth`).
  if (typeof js.pattern === 'string' && field.kind !== 'date' && field.kind !== 'month') out.pattern = js.pattern;
  const items = js.items as Record<string, unknown> | undefined;
  if (items && Array.isArray(items.enum)) out.itemEnum = items.enum.map(String);
  return out;
}

/** Spellings of booleans accepted on input, listed in the Table Schema. */
export const TRUE_VALUES = ['oui', 'Oui', 'OUI', 'o', 'O', 'vrai', 'true', 'TRUE', 'yes', '1'];
export const FALSE_VALUES = ['non', 'Non', 'NON', 'n', 'N', 'faux', 'false', 'FALSE', 'no', '0'];

const FRICTIONLESS_TYPE: Readonly<Record<FieldKind, string>> = {
  string: 'string',
  id: 'string',
  pseudonym: 'string',
  code: 'string',
  multi: 'list',
  number: 'number',
  integer: 'integer',
  date: 'date',
  month: 'yearmonth',
  boolean: 'boolean',
};

export interface Category {
  value: string;
  label: string;
  label_en: string;
}

export interface TableSchemaField {
  name: string;
  type: string;
  format?: string;
  title: string;
  title_en: string;
  description: string;
  description_en: string;
  example: string;
  constraints: {
    required: boolean;
    unique?: boolean;
    enum?: string[];
    minimum?: number;
    maximum?: number;
    exclusiveMinimum?: number;
    exclusiveMaximum?: number;
    pattern?: string;
    minLength?: number;
    maxLength?: number;
  };
  categories?: Category[];
  itemCategories?: Category[];
  delimiter?: string;
  itemType?: string;
  trueValues?: string[];
  falseValues?: string[];
}

export interface TableSchemaDescriptor {
  $schema: string;
  name: TableName;
  title: string;
  title_en: string;
  description: string;
  description_en: string;
  personal: boolean;
  fields: TableSchemaField[];
  missingValues: string[];
  primaryKey: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
}

function categories(values: Enumeration): Category[] {
  return values.map((e: EnumEntry) => ({ value: e.code, label: e.fr, label_en: e.en }));
}

/** The Table Schema field of one column. */
export function tableSchemaField(name: string, field: FieldDef, unique: boolean): TableSchemaField {
  const c = jsonConstraints(field);
  const out: TableSchemaField = {
    name,
    type: FRICTIONLESS_TYPE[field.kind],
    format: 'default',
    title: field.title.fr,
    title_en: field.title.en,
    description: field.description.fr,
    description_en: field.description.en,
    example: field.example,
    constraints: { required: field.required },
  };
  const k = out.constraints;
  if (unique) k.unique = true;
  if (c.enum) k.enum = c.enum;
  if (c.minimum !== undefined) k.minimum = c.minimum;
  if (c.maximum !== undefined) k.maximum = c.maximum;
  if (c.exclusiveMinimum !== undefined) k.exclusiveMinimum = c.exclusiveMinimum;
  if (c.exclusiveMaximum !== undefined) k.exclusiveMaximum = c.exclusiveMaximum;
  if (c.pattern !== undefined) k.pattern = c.pattern;
  if (c.minLength !== undefined) k.minLength = c.minLength;
  if (c.maxLength !== undefined) k.maxLength = c.maxLength;
  if (c.minItems !== undefined) k.minLength = c.minItems;
  if (field.kind === 'code' && field.values) out.categories = categories(field.values);
  if (field.kind === 'multi') {
    out.delimiter = '|';
    out.itemType = 'string';
    if (field.values) out.itemCategories = categories(field.values);
  }
  if (field.kind === 'boolean') {
    out.trueValues = TRUE_VALUES;
    out.falseValues = FALSE_VALUES;
  }
  return out;
}

/** The Table Schema of one table of the manifest. */
export function tableSchema(def: TableDef): TableSchemaDescriptor {
  const single = def.primaryKey.length === 1 ? def.primaryKey[0] : undefined;
  const schema: TableSchemaDescriptor = {
    $schema: TABLE_SCHEMA_PROFILE,
    name: def.name,
    title: def.title.fr,
    title_en: def.title.en,
    description: def.description.fr,
    description_en: def.description.en,
    personal: def.personal,
    fields: Object.entries(def.fields).map(([name, f]) => tableSchemaField(name, f, name === single)),
    missingValues: [''],
    primaryKey: [...def.primaryKey],
  };
  if (def.foreignKeys.length > 0) {
    schema.foreignKeys = def.foreignKeys.map((fk) => ({
      fields: [...fk.fields],
      reference: { resource: fk.reference.table, fields: [...fk.reference.fields] },
    }));
  }
  return schema;
}

/** The Table Schema of every table, in manifest order. */
export function tableSchemas(): TableSchemaDescriptor[] {
  return TABLES.map((t) => tableSchema(t));
}
