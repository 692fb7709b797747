import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parseBoolean } from '../../src/lib/csv/values.ts';
import { TABLES, heures, type FieldDef } from '../../src/schemas/index.ts';
import { FALSE_VALUES, jsonConstraints, TABLE_SCHEMA_PROFILE, TRUE_VALUES, tableSchema, tableSchemas, type TableSchemaDescriptor } from '../../src/schemas/table-schema.ts';

/**
 * What Table Schema v2 allows (datapackage.org/standard/table-schema): types, and the constraints
 * each type accepts.
 */
const CONSTRAINTS_BY_TYPE: Record<string, readonly string[]> = {
  string: ['required', 'unique', 'enum', 'pattern', 'minLength', 'maxLength'],
  number: ['required', 'unique', 'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'],
  integer: ['required', 'unique', 'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'],
  date: ['required', 'unique', 'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'],
  yearmonth: ['required', 'unique', 'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'],
  boolean: ['required', 'unique', 'enum'],
  list: ['required', 'unique', 'enum', 'minLength', 'maxLength'],
};

/** Structural checks of a Table Schema descriptor against the v2 specification. */
function specProblems(schema: TableSchemaDescriptor, all: readonly TableSchemaDescriptor[]): string[] {
  const problems: string[] = [];
  const names = schema.fields.map((f) => f.name);
  if (schema.fields.length === 0) problems.push('no fields');
  if (new Set(names).size !== names.length) problems.push('duplicate field names');
  for (const f of schema.fields) {
    const allowed = CONSTRAINTS_BY_TYPE[f.type];
    if (!allowed) {
      problems.push(`${f.name}: unknown type ${f.type}`);
      continue;
    }
    if (f.format !== undefined && f.format !== 'default') problems.push(`${f.name}: format ${f.format}`);
    for (const k of Object.keys(f.constraints)) if (!allowed.includes(k)) problems.push(`${f.name}: ${k} not allowed on ${f.type}`);
    if (f.categories) {
      if (f.type !== 'string' && f.type !== 'integer') problems.push(`${f.name}: categories on ${f.type}`);
      const values = f.categories.map((c) => c.value);
      if (new Set(values).size !== values.length) problems.push(`${f.name}: duplicate category values`);
      const labels = f.categories.map((c) => c.label);
      if (new Set(labels).size !== labels.length) problems.push(`${f.name}: duplicate category labels`);
      for (const e of f.constraints.enum ?? []) if (!values.includes(e)) problems.push(`${f.name}: enum ${e} not in categories`);
    }
    if (f.type === 'list' && (typeof f.delimiter !== 'string' || f.itemType !== 'string')) problems.push(`${f.name}: list without delimiter/itemType`);
    if ('pattern' in f) problems.push(`${f.name}: pattern outside constraints`);
  }
  for (const k of schema.primaryKey) if (!names.includes(k)) problems.push(`primaryKey ${k} is not a field`);
  if (schema.foreignKeys?.length === 0) problems.push('empty foreignKeys (the profile wants minItems 1)');
  for (const fk of schema.foreignKeys ?? []) {
    if (fk.fields.length !== fk.reference.fields.length) problems.push('foreign key arity');
    for (const k of fk.fields) if (!names.includes(k)) problems.push(`foreign key ${k} is not a field`);
    const target = all.find((t) => t.name === fk.reference.resource);
    if (!target) problems.push(`foreign key to unknown resource ${fk.reference.resource}`);
    for (const k of fk.reference.fields) if (!target?.fields.some((f) => f.name === k)) problems.push(`foreign key to unknown field ${k}`);
  }
  return problems;
}

describe('Table Schemas', () => {
  const schemas = tableSchemas();

  it('are one per table, valid Table Schema v2 structures', () => {
    expect(schemas.map((s) => s.name)).toEqual(TABLES.map((t) => t.name));
    for (const s of schemas) {
      expect(s.$schema).toBe(TABLE_SCHEMA_PROFILE);
      expect(specProblems(s, schemas), s.name).toEqual([]);
    }
  });

  it('read every constraint from the zod schema of the field', () => {
    for (const t of TABLES) {
      const schema = tableSchema(t);
      for (const [name, field] of Object.entries(t.fields as Readonly<Record<string, FieldDef>>)) {
        const f = schema.fields.find((x) => x.name === name)!;
        const js = z.toJSONSchema(field.schema) as Record<string, unknown>;
        if (Array.isArray(js.enum)) expect(f.constraints.enum, name).toEqual(js.enum);
        if (typeof js.maxLength === 'number') expect(f.constraints.maxLength, name).toBe(js.maxLength);
        if (typeof js.exclusiveMinimum === 'number') expect(f.constraints.exclusiveMinimum, name).toBe(js.exclusiveMinimum);
        if (typeof js.pattern === 'string' && field.kind !== 'date' && field.kind !== 'month') expect(f.constraints.pattern, name).toBe(js.pattern);
        expect(f.constraints.required, name).toBe(field.required);
      }
    }
  });

  it('describe the hour column with its bounds, and the hour table with its composite key', () => {
    const s = tableSchema(heures);
    expect(s.fields.find((f) => f.name === 'heures')).toMatchInlineSnapshot(`
      {
        "constraints": {
          "exclusiveMinimum": 0,
          "maximum": 208,
          "required": true,
        },
        "description": "Heures d'insertion réalisées dans le mois (> 0, ≤ 208) ; la somme par participant et par mois ne dépasse pas 208.",
        "description_en": "Insertion hours carried out in the month (> 0, ≤ 208); a participant's total in a month is at most 208.",
        "example": "151,67",
        "format": "default",
        "name": "heures",
        "title": "Heures réalisées",
        "title_en": "Hours carried out",
        "type": "number",
      }
    `);
    expect({ primaryKey: s.primaryKey, foreignKeys: s.foreignKeys, personal: s.personal }).toMatchInlineSnapshot(`
      {
        "foreignKeys": [
          {
            "fields": [
              "id_participant",
            ],
            "reference": {
              "fields": [
                "id_participant",
              ],
              "resource": "participants",
            },
          },
          {
            "fields": [
              "id_marche",
            ],
            "reference": {
              "fields": [
                "id_marche",
              ],
              "resource": "marches",
            },
          },
        ],
        "personal": true,
        "primaryKey": [
          "id_participant",
          "id_marche",
          "mois",
          "type_contrat",
          "type_structure",
        ],
      }
    `);
  });

  it('describe codes with categories, multi-code columns as lists, and booleans with their spellings', () => {
    const marches = schemas.find((s) => s.name === 'marches')!;
    const segment = marches.fields.find((f) => f.name === 'segment')!;
    expect(segment.constraints.enum).toEqual(['TRAVAUX', 'SERVICES', 'FOURNITURES', 'PRESTATIONS_INTELLECTUELLES']);
    expect(segment.categories?.[3]).toEqual({ value: 'PRESTATIONS_INTELLECTUELLES', label: 'Prestations intellectuelles', label_en: 'Intellectual services' });
    const considerations = marches.fields.find((f) => f.name === 'considerations_sociales')!;
    expect(considerations).toMatchObject({ type: 'list', delimiter: '|', itemType: 'string', constraints: { required: true, minLength: 1 } });
    expect(considerations.itemCategories?.map((c) => c.value)).toEqual(['CLAUSE_SOCIALE', 'CRITERE_SOCIAL', 'MARCHE_RESERVE', 'PAS_DE_CONSIDERATION_SOCIALE']);
    expect(marches.fields.find((f) => f.name === 'id_marche')!.constraints).toEqual({ required: true, unique: true, pattern: '^[A-Za-z0-9._/-]{1,40}$' });
    expect(marches.fields.find((f) => f.name === 'duree_mois')!.constraints).toEqual({ required: true, minimum: 1 });
    expect(marches.fields.find((f) => f.name === 'date_notification')).toMatchObject({ type: 'date', constraints: { required: true } });
    expect(schemas.find((s) => s.name === 'entreprises')!.fields.find((f) => f.name === 'departement')!.constraints.required).toBe(false);
  });

  it('list boolean spellings that the cell reader accepts', () => {
    for (const v of TRUE_VALUES) expect(parseBoolean(v)).toEqual({ ok: true, value: true });
    for (const v of FALSE_VALUES) expect(parseBoolean(v)).toEqual({ ok: true, value: false });
  });

  it('ignore the safe-integer bounds zod adds to integers', () => {
    const duree = TABLES[0].fields.duree_mois;
    expect(jsonConstraints(duree)).toEqual({ minimum: 1 });
  });

  it('carry English texts in custom properties', () => {
    const s = tableSchema(heures);
    expect([s.title, s.title_en]).toEqual(["Heures d'insertion réalisées", 'Insertion hours carried out']);
    const f = s.fields[0]!;
    expect([f.title, f.title_en, f.description, f.description_en]).toEqual([
      'Participant',
      'Participant',
      'Pseudonyme du participant (→ participants).',
      'Pseudonym of the participant (→ participants).',
    ]);
  });
});
