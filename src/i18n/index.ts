/**
 * Language helpers. Every user-facing string comes from `dictionary.ts` (French first, English
 * second); this module only looks strings up and formats numbers and dates for a language.
 * Pure: usable at build time, in tests and in client scripts.
 */
import { CODE_LISTS } from '../lib/indicators/codes.ts';
import { codes, dictionary, type Key } from './dictionary.ts';
import type { Bilingual, Lang } from '../lib/lang.ts';

export { LANGS, type Bilingual, type Lang } from '../lib/lang.ts';
export const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
export type { Key };

/** The other language of the site (the language switch points there). */
export const otherLang = (lang: Lang): Lang => (lang === 'fr' ? 'en' : 'fr');

export type Params = Record<string, string | number>;

/** Look a string up and fill its `{name}` placeholders. */
export function t(lang: Lang, key: Key, params?: Params): string {
  const s: string = dictionary[key][lang];
  if (!params) return s;
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** `t` with a count: uses `<key>.one` when n is 1 (or less, in French), `<key>.other` otherwise. */
/** Both languages of a key, for a bilingual title (a table column's `titre`). */
export function bilingual(key: Key): Bilingual {
  return { fr: t('fr', key), en: t('en', key) };
}

export function tn(lang: Lang, key: string, n: number, params?: Params): string {
  const one = lang === 'fr' ? Math.abs(n) < 2 : n === 1;
  const k = `${key}.${one ? 'one' : 'other'}` as Key;
  return t(lang, k, { n: formatNumber(lang, n), ...params });
}

type Labels = Record<string, Record<string, Bilingual>>;

/**
 * Fallback label of a code of a published column (`segment` → `TRAVAUX` → « Travaux »), for a
 * page that has no published label to show (pages show the tables' `libelle_*` columns first:
 * `publishedLabel` in src/site/format.ts). Codes of the data contract take the labels of its
 * enumerations (src/schemas/enums.ts), the same the release publishes; a few other columns
 * (`type`, `role` of the data dictionary) have theirs in the dictionary. Unknown codes are shown
 * as they are, so a new code in the data is visible rather than dropped.
 */
export function codeLabel(lang: Lang, column: string, code: string): string {
  return (CODE_LISTS as Labels)[column]?.[code]?.[lang] ?? (codes as Labels)[column]?.[code]?.[lang] ?? code;
}

export function hasCodeLabel(column: string, code: string): boolean {
  return Boolean((CODE_LISTS as Labels)[column]?.[code] ?? (codes as Labels)[column]?.[code]);
}

/** Columns whose values are codes to translate. */
export const CODED_COLUMNS = new Set([...Object.keys(CODE_LISTS), ...Object.keys(codes)]);

const numberFormats = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, digits: number): Intl.NumberFormat {
  const k = `${lang}:${digits}`;
  let f = numberFormats.get(k);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    numberFormats.set(k, f);
  }
  return f;
}

/** 318400 → « 318 400 » / "318,400"; at most `digits` decimals (1 by default). */
export const formatNumber = (lang: Lang, n: number, digits = 1): string => nf(lang, digits).format(n);

/**
 * 45.67 → « 45,7 % » / "45.7%" with `digits` = 1 (a share already expressed in percent, 0–100),
 * always `digits` decimals so that a column of shares aligns. No default: the precision is the
 * published one (key figures) or the measure's (src/site/format.ts), never a guess.
 */
export function formatPercent(lang: Lang, n: number, digits: number): string {
  const s = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
  return lang === 'fr' ? `${s}\u202f%` : `${s}%`;
}

/** Signed relative change between two numbers, in percent: « +204 % ». */
export function formatChange(lang: Lang, from: number, to: number): string {
  if (from === 0) return '—';
  const c = ((to - from) / Math.abs(from)) * 100;
  const s = formatPercent(lang, Math.abs(c), 0);
  return `${c >= 0 ? '+' : '−'}${s}`;
}

/** `2019-03-15` → « 15 mars 2019 » / "15 March 2019" (calendar date, no time zone shift). */
export function formatDate(lang: Lang, iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A period: whole calendar years as « 2019–2021 », otherwise « 1 mars 2019 – 31 mai 2021 ». */
export function formatPeriod(lang: Lang, p: { debut: string; fin: string } | string): string {
  if (typeof p === 'string') return p.replace(/^(\d{4})-(\d{4})$/, '$1–$2');
  const whole = p.debut.slice(5, 10) === '01-01' && p.fin.slice(5, 10) === '12-31';
  if (whole) {
    const a = p.debut.slice(0, 4);
    const b = p.fin.slice(0, 4);
    return a === b ? a : `${a}–${b}`;
  }
  return `${formatDate(lang, p.debut)} – ${formatDate(lang, p.fin)}`;
}

/** File size: « 1,2 Mo » / "1.2 MB" (decimal units, as file managers show). */
export function formatBytes(lang: Lang, bytes: number): string {
  const units = lang === 'fr' ? ['o', 'ko', 'Mo', 'Go'] : ['B', 'kB', 'MB', 'GB'];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${formatNumber(lang, v, i === 0 ? 0 : 1)}\u00a0${units[i]}`;
}
