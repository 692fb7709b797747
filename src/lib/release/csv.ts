import type { Colonne, Ligne, Valeur } from './types.ts';

/**
 * Spreadsheet formula injection: a text cell starting with `=`, `+`, `-`, `@`, tab or carriage
 * return would be run as a formula by a spreadsheet. Such text gets a leading apostrophe.
 * Numbers are numbers and are never touched.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A number as text: dot decimal, no thousands separator, no exponent. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const s = String(Object.is(n, -0) ? 0 : n);
  if (!/e/i.test(s)) return s;
  return Number.isInteger(n) ? BigInt(n).toString() : n.toFixed(20).replace(/\.?0+$/, '');
}

/** The text of one cell: empty for missing, `secret`, numbers, `true`/`false`, neutralised text. */
export function cellText(value: Valeur): string {
  if (value === null) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return neutralise(value);
}

function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV: UTF-8 with a byte-order mark (so that French Excel reads the accents), comma
 * delimiter, CRLF line endings, fields quoted only when needed, header = column names.
 */
export function toCSV(colonnes: readonly Colonne[], lignes: readonly Ligne[]): string {
  const lines = [colonnes.map((c) => field(c.nom)).join(',')];
  for (const row of lignes) lines.push(colonnes.map((c) => field(cellText(row[c.nom] ?? null))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
