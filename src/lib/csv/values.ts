import type { ValueRule } from './messages.ts';

/** Result of a cell normaliser: the typed value, or the id of the rule the cell breaks. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; rule: ValueRule };

const fail = <R extends ValueRule>(rule: R) => ({ ok: false, rule }) as const;

// Cells coming from `parseCsv` are already trimmed; trimming again costs nothing when there is
// nothing to trim, and lets the normalisers be used on any string.

/** Plain number: optional sign, digits, optional `.` or `,` decimals; or decimals only. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;
/** Groups of exactly 3 digits separated by one space, U+00A0 or U+202F; decimal comma only. */
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?$/;
const GROUP_SEPARATORS = /[ \u00a0\u202f]/g;

/**
 * Reads a decimal number written the French or the English way.
 *
 * Accepted: `1234.5`, `1234,5`, `-3,25`, `+2`, `0,5`, `,5` and `.5` (no digit before the mark:
 * unambiguous, so accepted), `1 234,5`, `1 234 567,25`, `1 234` (thousands in groups of exactly
 * three digits separated by one space, U+00A0 or U+202F, only when the decimal mark is a comma or
 * absent).
 * A single `,` or `.` is always the decimal mark: `1,234` is 1.234, never 1234.
 *
 * Rejected with `nombre.format`: `1.234,5`, `1,234.5`, `1 234.5`, `1,2,3`, `1 23,4`, `12h`, `5,`,
 * `1e5`, `NaN`, `Infinity`, `--1`, `+`, the empty string, and numbers too large for a double.
 * `-0` reads as 0.
 */
export function parseDecimal(raw: string): ParseResult<number> {
  const s = raw.trim();
  let n: number;
  if (PLAIN_NUMBER.test(s)) {
    n = Number(s.replace(',', '.'));
  } else if (GROUPED_NUMBER.test(s)) {
    n = Number(s.replace(GROUP_SEPARATORS, '').replace(',', '.'));
  } else {
    return fail('nombre.format');
  }
  if (!Number.isFinite(n)) return fail('nombre.format');
  return { ok: true, value: n === 0 ? 0 : n };
}

/** The euro sign or code at the end of an amount, as Excel's currency format writes it. */
const EURO_SUFFIX = /[\s\u00a0\u202f]*(?:€|EUR|euros?)$/i;

/**
 * Reads an amount in euros: {@link parseDecimal}, after a trailing `€` (or `EUR`, `euros`) that
 * Excel's currency format writes (`1 245 800,50 €`, with its narrow or non-breaking spaces).
 */
export function parseAmount(raw: string): ParseResult<number> {
  return parseDecimal(raw.trim().replace(EURO_SUFFIX, ''));
}

// At most two zero decimals: `1.000` or `1,000` might be a thousand, so they are refused.
const PLAIN_INTEGER = /^[+-]?\d+(?:[.,]0{1,2})?$/;
const GROUPED_INTEGER = /^[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,0{1,2})?$/;

/**
 * Reads a whole number: `12`, `-3`, `1 234` (thousands as in {@link parseDecimal}). One or two zero
 * decimals (`12,0`, `12.00`: what Excel writes for a cell formatted with decimals) are accepted;
 * three (`1.000`, `1,000`) are refused because they may mean a thousand. Anything else, including
 * `12,5` and integers beyond ±2^53, is `entier.format`.
 */
export function parseInteger(raw: string): ParseResult<number> {
  const s = raw.trim();
  let digits: string;
  if (PLAIN_INTEGER.test(s)) digits = s;
  else if (GROUPED_INTEGER.test(s)) digits = s.replace(GROUP_SEPARATORS, '');
  else return fail('entier.format');
  const mark = digits.search(/[.,]/);
  const n = Number(mark < 0 ? digits : digits.slice(0, mark));
  if (!Number.isSafeInteger(n)) return fail('entier.format');
  return { ok: true, value: n === 0 ? 0 : n };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FR_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * Reads a calendar date as `YYYY-MM-DD` (text that sorts as dates, no time zone involved).
 * Accepted: `2018-03-31`, `31/03/2018`, `1/3/2018`. Any other shape (`2018-3-31`, `31-03-2018`,
 * `31/03/18`, a time after the date) is `date.format`; a day that does not exist (`31/02/2018`,
 * `2018-13-01`, `29/02/2019`) is `date.invalide`.
 */
export function parseDate(raw: string): ParseResult<string> {
  const s = raw.trim();
  let y: number;
  let m: number;
  let d: number;
  let match = ISO_DATE.exec(s);
  if (match !== null) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else if ((match = FR_DATE.exec(s)) !== null) {
    d = Number(match[1]);
    m = Number(match[2]);
    y = Number(match[3]);
  } else {
    return fail('date.format');
  }
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return fail('date.invalide');
  return { ok: true, value: `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}` };
}

const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const FR_MONTH = /^(\d{1,2})\/(\d{4})$/;
/** A month name or abbreviation, an optional dot, then a 2- or 4-digit year: `mars-22`, `janv.-2023`, `Mar 2022`. */
const NAMED_MONTH = /^(\p{L}+)\.?[\s-]?(\d{2}|\d{4})$/u;

/**
 * French and English month names and the abbreviations Excel writes (`janv.`, `févr.`, `mars`,
 * `avr.`… in French; `Jan`, `Feb`… in English), without accents, lower case.
 */
const MONTH_NAMES: ReadonlyMap<string, number> = new Map(
  [
    ['janvier', 'janv', 'jan', 'january'],
    ['fevrier', 'fevr', 'fev', 'feb', 'february'],
    ['mars', 'mar', 'march'],
    ['avril', 'avr', 'apr', 'april'],
    ['mai', 'may'],
    ['juin', 'jun', 'june'],
    ['juillet', 'juil', 'jul', 'july'],
    ['aout', 'aug', 'august'],
    ['septembre', 'sept', 'sep', 'september'],
    ['octobre', 'oct', 'october'],
    ['novembre', 'nov', 'november'],
    ['decembre', 'dec', 'december'],
  ].flatMap((names, i) => names.map((name): [string, number] => [name, i + 1])),
);

/**
 * Reads a month as `YYYY-MM`. Accepted: `2018-03`, `03/2018`, `3/2018`; what Excel makes of a
 * month typed in a cell: `mars-18`, `mars 2018`, `Mar-18`, `janv.-18` (a French or English month
 * name or abbreviation, any case and accents, then the year; a 2-digit year is 20YY); and the
 * first of the month written as a date, `01/03/2018` or `2018-03-01` (a cell typed `03/2018`
 * that Excel turned into a date). Another day of the month (`15/03/2018`) is
 * `mois.date_complete`: which month was meant is for the publisher to say. Another shape is
 * `mois.format`; a month number outside 1–12 (`13/2018`, `2018-00`) is `mois.invalide`.
 */
export function parseMonth(raw: string): ParseResult<string> {
  const s = raw.trim();
  let y: number;
  let m: number;
  let match = ISO_MONTH.exec(s);
  if (match !== null) {
    y = Number(match[1]);
    m = Number(match[2]);
  } else if ((match = FR_MONTH.exec(s)) !== null) {
    m = Number(match[1]);
    y = Number(match[2]);
  } else if ((match = NAMED_MONTH.exec(s)) !== null) {
    const named = MONTH_NAMES.get(match[1]!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
    if (named === undefined) return fail('mois.format');
    m = named;
    y = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  } else if (ISO_DATE.test(s) || FR_DATE.test(s)) {
    const date = parseDate(s);
    if (!date.ok) return fail('mois.invalide');
    if (!date.value.endsWith('-01')) return fail('mois.date_complete');
    return { ok: true, value: date.value.slice(0, 7) };
  } else {
    return fail('mois.format');
  }
  if (m < 1 || m > 12) return fail('mois.invalide');
  return { ok: true, value: `${String(y).padStart(4, '0')}-${pad2(m)}` };
}

const BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ['oui', true],
  ['o', true],
  ['vrai', true],
  ['true', true],
  ['yes', true],
  ['1', true],
  ['non', false],
  ['n', false],
  ['faux', false],
  ['false', false],
  ['no', false],
  ['0', false],
]);

/**
 * Reads a yes/no cell: `oui`/`non`, `o`/`n`, `vrai`/`faux`, `true`/`false`, `yes`/`no`, `1`/`0`,
 * in any case. Anything else (including the empty string) is `booleen.format`.
 */
export function parseBoolean(raw: string): ParseResult<boolean> {
  const value = BOOLEANS.get(raw.trim().toLowerCase());
  return value === undefined ? fail('booleen.format') : { ok: true, value };
}

const MULTI_SEPARATORS = /[|,]/;

/**
 * Splits a multi-valued cell on `|` (and `,`): `RSA|QPV`, `RSA, QPV`. Each part is trimmed, empty
 * parts are dropped, repeated parts are kept once in their first position (exact comparison:
 * case-insensitive matching of codes is the enumeration's job). Never fails: an empty cell gives
 * `[]`. The result type matches the other normalisers so they can be used interchangeably.
 */
export function splitMulti(raw: string): ParseResult<string[]> {
  const value: string[] = [];
  for (const part of raw.split(MULTI_SEPARATORS)) {
    const item = part.trim();
    if (item !== '' && !value.includes(item)) value.push(item);
  }
  return { ok: true, value };
}
