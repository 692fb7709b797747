/**
 * The data dictionary: one row per column of every table, generated from the manifest, for the
 * data page and the downloads (`dictionnaire.csv`).
 */
import type { TableName } from '../lib/dataset.ts';
import type { Bilingual } from '../lib/lang.ts';
import type { FieldDef, FieldKind } from './field.ts';
import { TABLES } from './index.ts';
import { jsonConstraints } from './table-schema.ts';

/** An allowed value of a column, with its labels. */
export interface DictionaryValue {
  code: string;
  fr: string;
  en: string;
}

export interface DictionaryRow {
  table: TableName;
  file: string;
  column: string;
  kind: FieldKind;
  type: Bilingual;
  required: boolean;
  /** Part of the table's primary key. */
  key: boolean;
  /** The table is personal data, never published. */
  personal: boolean;
  title: Bilingual;
  description: Bilingual;
  /** Constraints in words (bounds, length, format), empty when none beyond the type. */
  constraints: Bilingual;
  /** Allowed values of a code or multi-code column, in their natural order. */
  values: DictionaryValue[];
  example: string;
}

const TYPE_LABEL: Readonly<Record<FieldKind, Bilingual>> = {
  string: { fr: 'texte', en: 'text' },
  id: { fr: 'identifiant', en: 'identifier' },
  pseudonym: { fr: 'pseudonyme', en: 'pseudonym' },
  code: { fr: 'code', en: 'code' },
  multi: { fr: 'codes multiples (séparés par |)', en: 'several codes (separated by |)' },
  number: { fr: 'nombre', en: 'number' },
  integer: { fr: 'nombre entier', en: 'whole number' },
  date: { fr: 'date (AAAA-MM-JJ)', en: 'date (YYYY-MM-DD)' },
  month: { fr: 'mois (AAAA-MM)', en: 'month (YYYY-MM)' },
  boolean: { fr: 'oui/non', en: 'yes/no' },
};

function constraintText(field: FieldDef): Bilingual {
  const c = jsonConstraints(field);
  const fr: string[] = [];
  const en: string[] = [];
  const add = (f: string, e: string = f) => {
    fr.push(f);
    en.push(e);
  };
  if (c.minimum !== undefined) add(`≥ ${c.minimum}`);
  if (c.exclusiveMinimum !== undefined) add(`> ${c.exclusiveMinimum}`);
  if (c.maximum !== undefined) add(`≤ ${c.maximum}`);
  if (c.exclusiveMaximum !== undefined) add(`< ${c.exclusiveMaximum}`);
  if (c.maxLength !== undefined) add(`${c.maxLength} caractères au plus`, `at most ${c.maxLength} characters`);
  if (c.pattern !== undefined) add(`format ${c.pattern}`, `pattern ${c.pattern}`);
  return { fr: fr.join(', '), en: en.join(', ') };
}

/** Every column of every table, in manifest and column order. */
export function buildDictionary(): DictionaryRow[] {
  return TABLES.flatMap((t) =>
    Object.entries(t.fields as Readonly<Record<string, FieldDef>>).map(([column, f]) => ({
      table: t.name,
      file: t.file,
      column,
      kind: f.kind,
      type: TYPE_LABEL[f.kind],
      required: f.required,
      key: t.primaryKey.includes(column),
      personal: t.personal,
      title: f.title,
      description: f.description,
      constraints: constraintText(f),
      values: (f.values ?? []).map((v) => ({ code: v.code, fr: v.fr, en: v.en })),
      example: f.example,
    })),
  );
}

/** Header of {@link dictionaryCsv}. */
export const DICTIONARY_CSV_COLUMNS = [
  'table',
  'colonne',
  'type',
  'type_en',
  'obligatoire',
  'cle',
  'donnees_personnelles',
  'titre',
  'titre_en',
  'description',
  'description_en',
  'contraintes',
  'contraintes_en',
  'valeurs',
  'valeurs_en',
  'exemple',
] as const;

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The dictionary as CSV (UTF-8, comma-separated, LF line ends). Allowed values are written
 * `CODE = label` and separated by ` ; `.
 */
export function dictionaryCsv(rows: readonly DictionaryRow[] = buildDictionary()): string {
  const yes = (b: boolean) => (b ? 'oui' : 'non');
  const values = (r: DictionaryRow, lang: 'fr' | 'en') => r.values.map((v) => `${v.code} = ${v[lang]}`).join(' ; ');
  const lines = [DICTIONARY_CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.table,
        r.column,
        r.type.fr,
        r.type.en,
        yes(r.required),
        yes(r.key),
        yes(r.personal),
        r.title.fr,
        r.title.en,
        r.description.fr,
        r.description.en,
        r.constraints.fr,
        r.constraints.en,
        values(r, 'fr'),
        values(r, 'en'),
        r.example,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return lines.join('\n') + '\n';
}
