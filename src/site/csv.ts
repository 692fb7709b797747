/** RFC 4180 CSV writing (comma, CRLF, quotes when needed), as the published CSV files. Pure. */
import type { Cell, Column, Row } from './schema.ts';

export function csvCell(v: Cell | undefined): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Header of column names, then one line per row; a secret cell stays the word `secret`. */
export function toCsv(columns: Column[], rows: Row[]): string {
  const lines = [columns.map((c) => csvCell(c.nom)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c.nom])).join(','));
  return lines.join('\r\n') + '\r\n';
}
