/**
 * Cell validation: each cell is normalised by the reader of its field kind, then checked by the
 * field's zod schema. Both steps run once per distinct cell of a column (a million hour rows hold
 * a few hundred distinct months, hours and codes, and one id per person or contract), so zod stays
 * the truth for every value at the cost of a map lookup per cell.
 */
import type { z } from 'zod';
import { enumLookup, enumKey, type Enumeration } from '../../schemas/enums.ts';
import type { FieldDef, FieldKind } from '../../schemas/field.ts';
import { parseAmount, parseBoolean, parseDate, parseDecimal, parseInteger, parseMonth, splitMulti, type ParseResult } from '../csv/values.ts';
import { findControl, showControls } from './controls.ts';
import type { Params, RuleId } from './messages.ts';

/**
 * Result of a cell: its normalised value, or the rule it breaks (`shown`: the cell as the report
 * prints it, when it differs from the cell as written).
 */
export type CellResult = { ok: true; value: unknown } | { ok: false; rule: RuleId; params?: Params; shown?: string };

/** Kinds whose cells are text: invisible control characters are refused in them. */
const TEXT_KINDS: ReadonlySet<FieldKind> = new Set(['string', 'id', 'pseudonym', 'code', 'multi']);

function orderByEnumeration(values: Enumeration, items: string[]): string[] {
  const rank = new Map(values.map((v, i) => [v.code, i]));
  const known = items.filter((c) => rank.has(c)).sort((a, b) => rank.get(a)! - rank.get(b)!);
  return [...known, ...items.filter((c) => !rank.has(c))];
}

const READERS: Readonly<Record<FieldKind, (raw: string, field: FieldDef) => ParseResult<unknown>>> = {
  string: (raw) => ({ ok: true, value: raw }),
  id: (raw) => ({ ok: true, value: raw }),
  pseudonym: (raw) => ({ ok: true, value: raw.toUpperCase() }),
  // An unknown code goes through unchanged: the schema's enumeration rejects it. A code column
  // without a list (the publisher's directorates, listed in its metadata) is read in capitals.
  code: (raw, f) => ({ ok: true, value: f.values ? (enumLookup(f.values).get(enumKey(raw)) ?? raw) : raw.toUpperCase() }),
  multi: (raw, f) => {
    const lookup = enumLookup(f.values ?? []);
    const split = splitMulti(raw);
    if (!split.ok) return split;
    const codes = [...new Set(split.value.map((item) => lookup.get(enumKey(item)) ?? item))];
    return { ok: true, value: orderByEnumeration(f.values ?? [], codes) };
  },
  number: (raw, f) => (f.euros ? parseAmount(raw) : parseDecimal(raw)),
  integer: parseInteger,
  date: parseDate,
  month: parseMonth,
  boolean: parseBoolean,
};

const MAX_LISTED_CODES = 12;

function allowedCodes(field: FieldDef): string {
  const codes = (field.values ?? []).map((v) => v.code);
  return codes.length > MAX_LISTED_CODES ? `${codes.slice(0, MAX_LISTED_CODES).join(', ')}…` : codes.join(', ');
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A number as Excel writes it in scientific notation in a CSV export (`2,23500E+13`,
 * `4.52E+07`): the digits after the fourth or fifth are gone, whatever the column.
 */
const SCIENTIFIC = /^[+-]?\d(?:[.,]\d+)?E[+-]?\d+$/i;

/**
 * A cell that fails for a reason Excel is known to cause gets its own rule, which says what
 * happened and how to get the value back: a number written in scientific notation, a pseudonym
 * reduced to its digits.
 */
function excelArtefact(field: FieldDef, raw: string): CellResult | undefined {
  if (SCIENTIFIC.test(raw)) return { ok: false, rule: 'excel.notation_scientifique' };
  if (field.kind === 'pseudonym' && /^\d+$/.test(raw)) {
    // The column's own example says which letters it starts with (P for people, E for companies).
    const [, letters = 'P', digits = '000000'] = /^([A-Z]+)(\d+)$/.exec(field.example) ?? [];
    return { ok: false, rule: 'pseudonyme.numerique', params: { example: `${letters}${raw.padStart(digits.length, '0')}` } };
  }
  return undefined;
}

/** Maps the first zod issue of a value to a rule of the dictionary. */
function zodRule(issue: z.core.$ZodIssue, field: FieldDef, value: unknown): CellResult {
  switch (issue.code) {
    case 'invalid_value': {
      const at = issue.path[0];
      const item = typeof at === 'number' && Array.isArray(value) ? String(value[at]) : String(value);
      return { ok: false, rule: 'code.inconnu', params: { item, allowed: allowedCodes(field) } };
    }
    case 'too_small':
      if (issue.origin === 'number') {
        return { ok: false, rule: 'nombre.minimum', params: { op: issue.inclusive ? '≥' : '>', min: Number(issue.minimum) } };
      }
      return { ok: false, rule: 'valeur.manquante' };
    case 'too_big':
      if (issue.origin === 'number') {
        return { ok: false, rule: 'nombre.maximum', params: { op: issue.inclusive ? '≤' : '<', max: Number(issue.maximum) } };
      }
      return { ok: false, rule: 'texte.longueur', params: { length: String(value).length, max: Number(issue.maximum) } };
    case 'invalid_format':
      if (issue.format === 'date') return { ok: false, rule: 'date.invalide' };
      return { ok: false, rule: 'texte.format', params: { example: field.example } };
    case 'invalid_type':
      if (issue.expected === 'int') return { ok: false, rule: 'entier.format' };
      break;
    case 'custom':
      if (issue.params?.rule === 'siret.cle') {
        const { fr, en } = issue.params as { fr: string; en: string };
        return { ok: false, rule: 'siret.cle', params: { detail: { fr: capitalise(fr), en: capitalise(en) } } };
      }
      break;
  }
  return { ok: false, rule: 'valeur.invalide', params: { detail: { fr: issue.message, en: issue.message } } };
}

/** Keys of a zod definition that only shape the error of a failing value, not what passes. */
const ERROR_ONLY_KEYS: ReadonlySet<string> = new Set(['error', 'message', 'abort']);

/**
 * The regular expressions of a schema that is exactly `z.string()` with `.regex(…)` checks (no
 * coercion, transform, refinement or other check), or `undefined` for any other schema. Read from
 * the schema itself, so zod stays the source of truth.
 */
function regexChecks(schema: z.ZodType): readonly RegExp[] | undefined {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  if (def.type !== 'string' || Object.keys(def).some((k) => k !== 'type' && k !== 'checks' && !ERROR_ONLY_KEYS.has(k))) return undefined;
  const checks = (def.checks ?? []) as readonly { _zod: { def: Record<string, unknown> } }[];
  const patterns: RegExp[] = [];
  for (const check of checks) {
    const d = check._zod.def;
    if (d.check !== 'string_format' || d.format !== 'regex' || !(d.pattern instanceof RegExp)) return undefined;
    if (Object.keys(d).some((k) => k !== 'check' && k !== 'format' && k !== 'pattern' && !ERROR_ONLY_KEYS.has(k))) return undefined;
    patterns.push(d.pattern);
  }
  return patterns.length > 0 ? patterns : undefined;
}

/** Per schema, its regular expressions (see {@link regexChecks}), or null when it has none. */
const FAST_PATTERNS = new WeakMap<z.ZodType, readonly RegExp[] | null>();

/**
 * True when the schema is a plain regex-checked string and `value` matches every pattern: zod
 * would then accept it unchanged. False means "ask zod" (which also gives the error).
 */
function passesRegexChecks(schema: z.ZodType, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  let patterns = FAST_PATTERNS.get(schema);
  if (patterns === undefined) FAST_PATTERNS.set(schema, (patterns = regexChecks(schema) ?? null));
  if (patterns === null) return false;
  for (const p of patterns) {
    p.lastIndex = 0; // as zod does, for a pattern with the g or y flag
    if (!p.test(value)) return false;
  }
  return true;
}

/** Normalises one non-empty cell and checks it against the field's schema. */
export function checkCell(field: FieldDef, raw: string): CellResult {
  if (TEXT_KINDS.has(field.kind)) {
    const control = findControl(raw);
    if (control) return { ok: false, rule: 'texte.caractere_controle', params: control, shown: showControls(raw) };
  }
  const read = READERS[field.kind](raw, field);
  if (!read.ok) return excelArtefact(field, raw) ?? read;
  // Identifiers and pseudonyms (about one distinct value per row): the schema's regex, read from
  // zod, without a zod parse per value. Anything else, and every failure, goes through zod.
  if (passesRegexChecks(field.schema, read.value)) return { ok: true, value: read.value };
  const parsed = field.schema.safeParse(read.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return excelArtefact(field, raw) ?? zodRule(parsed.error.issues[0]!, field, read.value);
}
