/**
 * Streams tables to disk, replicated `scale` times with suffixed identifiers (for benchmarks):
 * one copy of the rows is turned into text at a time, so memory stays flat at any scale.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { encodeWindows1252, quote } from './format.ts';

export type IdKind =
  /** `[A-Z]{1,4}[0-9]{3,9}` pseudonyms: the copy number is appended as digits. */
  | 'pseudonym'
  /** Free identifiers (`[A-Za-z0-9._/-]`): the copy number is appended after `_`. */
  | 'code';

export interface Table {
  file: string;
  encoding: 'windows-1252' | 'utf-8-bom';
  header: readonly string[];
  rows: readonly (readonly string[])[];
  /** Identifier columns, suffixed in every copy but the first. */
  ids: Readonly<Record<number, IdKind>>;
  /** Reference tables (the facilitators) are written once, whatever the scale. */
  replicate: boolean;
  /** Cells quoted although they need not be (some tools quote lists): column → row indices. */
  forceQuote?: Readonly<Record<number, ReadonlySet<number>>>;
}

const EOL = '\r\n';
const CHUNK = 4 << 20;

/** Row templates: literal text and identifiers, alternating (even = literal, odd = id). */
function templates(table: Table): { parts: string[]; kinds: IdKind[] }[] {
  const always = (cell: string): string => `"${cell.replace(/"/g, '""')}"`;
  return table.rows.map((row, r) => {
    const parts: string[] = [''];
    const kinds: IdKind[] = [];
    row.forEach((cell, col) => {
      const sep = col === 0 ? '' : ';';
      const kind = table.ids[col];
      if (kind) {
        parts[parts.length - 1] += sep;
        parts.push(cell, '');
        kinds.push(kind);
      } else {
        parts[parts.length - 1] += sep + (table.forceQuote?.[col]?.has(r) ? always(cell) : quote(cell));
      }
    });
    parts[parts.length - 1] += EOL;
    return { parts, kinds };
  });
}

/** Writes one table; returns the number of data rows written. */
export function writeTable(path: string, table: Table, scale: number): number {
  const fd = openSync(path, 'w');
  const encode = table.encoding === 'windows-1252' ? encodeWindows1252 : (s: string) => Buffer.from(s, 'utf8');
  try {
    const head = table.header.map(quote).join(';') + EOL;
    writeSync(fd, encode(table.encoding === 'utf-8-bom' ? `\ufeff${head}` : head));
    const rows = templates(table);
    const copies = table.replicate ? scale : 1;
    const width = String(Math.max(0, copies - 1)).length;
    let buffer = '';
    for (let k = 0; k < copies; k++) {
      const digits = k === 0 ? '' : String(k).padStart(width, '0');
      const suffix: Record<IdKind, string> = { pseudonym: digits, code: k === 0 ? '' : `_${digits}` };
      for (const { parts, kinds } of rows) {
        let line = parts[0] as string;
        for (let i = 0; i < kinds.length; i++) line += (parts[2 * i + 1] as string) + suffix[kinds[i] as IdKind] + (parts[2 * i + 2] as string);
        buffer += line;
      }
      if (buffer.length >= CHUNK) {
        writeSync(fd, encode(buffer));
        buffer = '';
      }
    }
    if (buffer.length > 0) writeSync(fd, encode(buffer));
    return rows.length * copies;
  } finally {
    closeSync(fd);
  }
}
