/** Formatting of published cells for display, by column. Pure. */
import { codeLabel, CODED_COLUMNS, formatNumber, formatPercent, t, type Lang } from '../i18n/index.ts';
import type { Cell, Column } from './schema.ts';

/** A measure expressed in percent (0–100), recognised by its unit. */
export const isPercent = (c: Column | undefined): boolean => c?.unite?.fr.trim() === '%';

/**
 * Formats a number of this column for chart labels and summaries: « 12,9 % », « 318 453 »
 * (no decimals from 100 up: 45 696,08 hours read as 45 696), « 1,3 ».
 */
export function numberFormatter(lang: Lang, column: Column | undefined): (n: number) => string {
  if (isPercent(column)) return (n) => formatPercent(lang, n, 1);
  if (column?.type === 'year') return (n) => String(n);
  return (n) => formatNumber(lang, n, Math.abs(n) >= 100 ? 0 : 1);
}

/** Axis ticks: percentages without decimals. */
export function tickFormatter(lang: Lang, column: Column | undefined): (n: number) => string {
  if (isPercent(column)) return (n) => formatPercent(lang, n, 0);
  return (n) => formatNumber(lang, n, 1);
}

/**
 * Display text of a cell in tables: code labels, numbers in the page's locale with the published
 * precision (up to 2 decimals), « secret », « n.d. ».
 */
export function formatCell(lang: Lang, column: Column, v: Cell): string {
  if (v === null || v === '') return t(lang, 'chart.missing');
  if (v === 'secret') return t(lang, 'chart.secret');
  if (typeof v === 'boolean') return t(lang, v ? 'chart.yes' : 'chart.no');
  if (typeof v === 'number') {
    if (column.type === 'year') return String(v);
    const s = formatNumber(lang, v, 2);
    return isPercent(column) ? (lang === 'fr' ? `${s}\u202f%` : `${s}%`) : s;
  }
  if (CODED_COLUMNS.has(column.nom)) return codeLabel(lang, column.nom, v);
  return v;
}

/** Sort key of a cell in a sortable table (numbers as numbers, secret and missing last). */
export function sortKey(v: Cell): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  return v ?? '';
}
