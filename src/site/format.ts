/** Formatting of published cells for display, by column. Pure. */
import { codeLabel, CODED_COLUMNS, formatNumber, formatPercent, t, type Lang } from '../i18n/index.ts';
import type { Cell, Column, Row } from './schema.ts';
import { SECRET } from '../schemas/secret.ts';

/** A measure expressed in percent (0–100), recognised by its unit. */
export const isPercent = (c: Column | undefined): boolean => c?.unite?.fr.trim() === '%';

/**
 * Decimals shown for a measure in percent, in charts and tables (docs/methodologie.md, « Précision
 * affichée »). Files keep 2 decimals; pages show what the measure can tell: a share of a whole
 * (`part_*`, cells of a few dozen persons or a few thousand hours) with 1 decimal, a completion
 * rate of planned hours (`taux_*`, a ratio of two estimates) as a whole number. Key figures use
 * the `precision` their table publishes instead.
 */
export function percentDigits(column: Column): number {
  return column.nom.startsWith('taux_') ? 0 : 1;
}

/**
 * Formats a number of this column for chart labels and summaries: « 12,9 % », « 318 453 »
 * (no decimals from 100 up: 45 696,08 hours read as 45 696), « 1,3 ».
 */
export function numberFormatter(lang: Lang, column: Column | undefined): (n: number) => string {
  if (column && isPercent(column)) {
    const digits = percentDigits(column);
    return (n) => formatPercent(lang, n, digits);
  }
  if (column?.type === 'year') return (n) => String(n);
  return (n) => formatNumber(lang, n, Math.abs(n) >= 100 ? 0 : 1);
}

/** Axis ticks: percentages without decimals. */
export function tickFormatter(lang: Lang, column: Column | undefined): (n: number) => string {
  if (isPercent(column)) return (n) => formatPercent(lang, n, 0);
  return (n) => formatNumber(lang, n, 1);
}

/** Row keys whose label is in the row's `libelle_fr` / `libelle_en` (key figures, comparisons). */
const KEYS_LABELLED_BY_LANG = new Set(['indicateur', 'mesure']);

/**
 * Names of the published columns that label a code column, most specific first: `libelle_<col>_<lang>`,
 * `libelle_<col>` (the release's labels, in French), `nom_<col>` (names of départements, the same
 * in both languages), and `libelle_<lang>` for a row key such as `indicateur`. Ids (`id_operation`)
 * are not codes: they stay as published, beside their name.
 */
export function labelColumns(column: string, lang: Lang): string[] {
  return [`libelle_${column}_${lang}`, ...(lang === 'fr' ? [`libelle_${column}`] : []), `nom_${column}`, ...(KEYS_LABELLED_BY_LANG.has(column) ? [`libelle_${lang}`] : [])];
}

/** The label a published row gives to its code in `column`, in this language, if it has one. */
export function publishedLabel(lang: Lang, column: string, row: Row | undefined): string | undefined {
  if (!row) return undefined;
  for (const name of labelColumns(column, lang)) {
    const v = row[name];
    if (typeof v === 'string' && v !== '' && v !== SECRET) return v;
  }
  return undefined;
}

/** Whether `name` is the label column of another column of `columns` (shown through it, not twice). */
export function isLabelColumn(name: string, columns: readonly Column[]): boolean {
  return columns.some((c) => c.nom !== name && (['fr', 'en'] as const).some((lang) => labelColumns(c.nom, lang).includes(name)));
}

/**
 * Display text of a cell in tables: the published label of a code (dictionary or data contract
 * only when the row has none), numbers in the page's locale (shares with their measure's
 * precision, other numbers with the published one, up to 2 decimals), « secret », « n.d. ».
 */
export function formatCell(lang: Lang, column: Column, v: Cell, row?: Row): string {
  if (v === null || v === '') return t(lang, 'chart.missing');
  if (v === SECRET) return t(lang, 'chart.secret');
  if (typeof v === 'boolean') return t(lang, v ? 'chart.yes' : 'chart.no');
  if (typeof v === 'number') {
    if (column.type === 'year') return String(v);
    return isPercent(column) ? formatPercent(lang, v, percentDigits(column)) : formatNumber(lang, v, 2);
  }
  const published = publishedLabel(lang, column.nom, row);
  if (published !== undefined) return published;
  if (CODED_COLUMNS.has(column.nom)) return codeLabel(lang, column.nom, v);
  return v;
}
