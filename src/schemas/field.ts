import { z } from 'zod';
import type { Bilingual } from '../lib/lang.ts';
import { codesOf, type Enumeration } from './enums.ts';
import { siretProblem } from './siret.ts';

/**
 * How a CSV cell is read before its zod schema checks it. The validator maps each kind to a
 * normaliser (src/lib/validate/normalise.ts); the Table Schema generator maps it to a Frictionless
 * type.
 *
 * - `string`: free text (trimmed). Scanned by the anonymisation guard.
 * - `id`: an identifier, kept as written (trimmed, case-sensitive).
 * - `pseudonym`: a pseudonymous identifier, upper-cased (`p001234` → `P001234`).
 * - `code`: one code of an enumeration, matched loosely and replaced by its canonical code.
 * - `multi`: several codes of an enumeration separated by `|`; canonical codes in enumeration order.
 * - `number`, `integer`: `1234.5`, `1234,5`, `1 234,5`.
 * - `date`: `YYYY-MM-DD` or `DD/MM/YYYY`, normalised to `YYYY-MM-DD`.
 * - `month`: `YYYY-MM` or `MM/YYYY`, normalised to `YYYY-MM`.
 * - `boolean`: oui/non and friends.
 */
export type FieldKind = 'string' | 'id' | 'pseudonym' | 'code' | 'multi' | 'number' | 'integer' | 'date' | 'month' | 'boolean';

/** One column of a table. */
export interface FieldDef<S extends z.ZodType = z.ZodType, R extends boolean = boolean> {
  /** Selects the cell normaliser and the Table Schema type. */
  readonly kind: FieldKind;
  /** Schema of the normalised, non-missing value: it holds every constraint (enum, bounds, regex…). */
  readonly schema: S;
  /** Whether an empty cell is an error (otherwise it becomes `null`). */
  readonly required: R;
  /** Short label of the column. */
  readonly title: Bilingual;
  /** What the column holds, for the dictionary and the Table Schema. */
  readonly description: Bilingual;
  /** An example cell, as written in the CSV. */
  readonly example: string;
  /** Allowed values of a `code` or `multi` column. */
  readonly values?: Enumeration;
  /** The value must also be one of the publisher's `departements` (metadata). */
  readonly territorial?: boolean;
  /** A `number` column of euros: a trailing `€` (Excel's currency format, `1 245 800,50 €`) is accepted. */
  readonly euros?: boolean;
  /**
   * What an empty cell of an optional column stands for in the validated dataset, when it is a
   * value of its own (a contract outside any operation: `SANS_OPERATION`) rather than unknown.
   */
  readonly missing?: string;
}

/** Identity function that keeps the literal types of a field definition. */
export function field<S extends z.ZodType, R extends boolean>(def: FieldDef<S, R>): FieldDef<S, R> {
  return def;
}

type Docs = Pick<FieldDef, 'title' | 'description' | 'example' | 'territorial'>;

/** A `code` column whose schema is the enumeration of `values`. */
export function codeField<const E extends Enumeration, R extends boolean>(values: E, def: Docs & { required: R }): FieldDef<z.ZodEnum<{ [C in E[number]['code']]: C }>, R> {
  return { kind: 'code', schema: z.enum(codesOf(values)), values, ...def };
}

/** A `multi` column: a non-empty list of codes of `values`. */
export function multiField<const E extends Enumeration, R extends boolean>(values: E, def: Docs & { required: R }): FieldDef<z.ZodArray<z.ZodEnum<{ [C in E[number]['code']]: C }>>, R> {
  return { kind: 'multi', schema: z.array(z.enum(codesOf(values))).min(1), values, ...def };
}

/** A map from column name to field, in the column order of the contract. */
export type FieldMap = Readonly<Record<string, FieldDef>>;

/** The zod shape of a row: a required field's schema, or that schema made nullable. */
export type RowShape<F extends FieldMap> = {
  -readonly [K in keyof F]: F[K]['required'] extends true ? F[K]['schema'] : z.ZodNullable<F[K]['schema']>;
};

/** The row schema of a table, derived from its field map (the only place row types come from). */
export function rowSchema<const F extends FieldMap>(fields: F): z.ZodObject<RowShape<F>, z.core.$strict> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, f] of Object.entries(fields)) shape[name] = f.required ? f.schema : f.schema.nullable();
  return z.strictObject(shape) as unknown as z.ZodObject<RowShape<F>, z.core.$strict>;
}

// Shared column schemas. Each is used by several tables, so a rule changes in one place.

/** Identifier of a contract, operation or facilitator: DECP `id` characters. */
export const identifier = z.string().regex(/^[A-Za-z0-9._/-]{1,40}$/);

/**
 * SIRET of an establishment: 14 digits whose check digit is right (see {@link siretProblem}).
 * A wrong one is a `custom` issue whose `params.rule` is `siret.cle`, with the sentence in
 * `params.fr` / `params.en`.
 */
export const siret = z
  .string()
  .regex(/^\d{14}$/)
  .superRefine((value, ctx) => {
    const problem = siretProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.en, params: { rule: 'siret.cle', ...problem } });
  });

/** Pseudonymous identifier of a company or a person: letters then digits (never a SIRET, never a name). */
export const pseudonym = z.string().regex(/^[A-Z]{1,4}[0-9]{3,9}$/);

/** Public label (operation, facilitator, contract object). */
export const label = z.string().min(1).max(250);
