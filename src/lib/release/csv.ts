import type { Colonne, Ligne, Valeur } from '../tables/types.ts';

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

/** Rows per piece of text written at once: a table of any size, never one string (V8 caps them at 512 MB). */
export const ROWS_PER_PIECE = 4096;

/** The items in arrays of {@link ROWS_PER_PIECE}, the last one shorter (none for no item). */
export function* inPieces<T>(items: Iterable<T>): Generator<T[]> {
  let piece: T[] = [];
  for (const item of items) {
    piece.push(item);
    if (piece.length === ROWS_PER_PIECE) {
      yield piece;
      piece = [];
    }
  }
  if (piece.length > 0) yield piece;
}

/**
 * RFC 4180 CSV: UTF-8 with a byte-order mark (so that French Excel reads the accents), comma
 * delimiter, CRLF line endings, fields quoted only when needed, header = column names. Yields the
 * header, then the text of {@link ROWS_PER_PIECE} rows at a time.
 */
export function* csvPieces(colonnes: readonly Colonne[], lignes: Iterable<Ligne>): Generator<string> {
  yield `\uFEFF${colonnes.map((c) => field(c.nom)).join(',')}\r\n`;
  const line = (row: Ligne) => colonnes.map((c) => field(cellText(row[c.nom] ?? null))).join(',');
  for (const rows of inPieces(lignes)) yield `${rows.map(line).join('\r\n')}\r\n`;
}

/** The CSV text of a table (see {@link csvPieces}); the release writes the pieces' bytes. */
export function toCSV(colonnes: readonly Colonne[], lignes: readonly Ligne[]): string {
  return [...csvPieces(colonnes, lignes)].join('');
}
