/**
 * A copy of a publisher folder whose free-text fields carry hostile text: HTML and SVG markup with
 * event handlers, `javascript:` URLs, a template expression and a script-string break-out. Each
 * label starts with a marker word (`XssOp3`, `XssFac2`, `XssNom`…) so that the pages showing it
 * can be found in the built site and searched for. The data stays valid: only labels change,
 * the CSV files keep their encoding (Windows-1252) and RFC 4180 quoting.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What an attacker would put in a label; each sets `window.__xss` or opens a dialog if it ran. */
export const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '"><img src=x onerror="window.__xss=1">',
  'javascript:window.__xss=1',
  '</title><svg onload=window.__xss=1>',
  '{{7*7}}',
  "'; alert(1);//",
] as const;

export interface HostileLabel {
  /** `operations.csv: nom_operation`, `metadonnees.json: nom`… */
  field: string;
  /** First word of the label, plain letters and digits: what a search or a grep finds. */
  marker: string;
  /** The whole label as the publisher wrote it. */
  text: string;
}

/** `a;b` → `"a;b"`, quotes doubled (RFC 4180). */
const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;

/**
 * Replaces column `column` of the first `count` data rows of a `;`-separated CSV that has no quoted
 * cell on those rows. Bytes are kept as they are (latin1 maps bytes to code points one to one), so
 * the Windows-1252 accents of the other cells are untouched; the labels are ASCII.
 */
function poisonCsv(file: string, column: string, labels: (i: number) => string, count: number): string[] {
  const text = readFileSync(file).toString('latin1');
  const lines = text.split('\r\n');
  const index = lines[0]!
    .replace(/^\uFEFF|^ï»¿/, '')
    .split(';')
    .indexOf(column);
  if (index < 0) throw new Error(`${file}: no column ${column}`);
  const written: string[] = [];
  for (let row = 1; row <= count; row++) {
    const cells = lines[row]!.split(';');
    if (lines[row]!.includes('"')) throw new Error(`${file}:${row + 1}: quoted row, pick another`);
    const label = labels(row);
    cells[index] = quote(label);
    lines[row] = cells.join(';');
    written.push(label);
  }
  writeFileSync(file, Buffer.from(lines.join('\r\n'), 'latin1'));
  return written;
}

/** Writes hostile labels into the publisher folder `dir` (a copy) and returns them. */
export function poisonPublisher(dir: string): HostileLabel[] {
  const labels: HostileLabel[] = [];
  const csv = (file: string, column: string, prefix: string) => {
    const written = poisonCsv(join(dir, file), column, (i) => `${prefix}${i} ${PAYLOADS[(i - 1) % PAYLOADS.length]}`, PAYLOADS.length);
    for (const text of written) labels.push({ field: `${file}: ${column}`, marker: text.split(' ')[0]!, text });
  };
  csv('operations.csv', 'nom_operation', 'XssOp');
  csv('facilitateurs.csv', 'nom_facilitateur', 'XssFac');

  const metaFile = join(dir, 'metadonnees.json');
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Record<string, unknown>;
  const set = (field: string, text: string) => labels.push({ field: `metadonnees.json: ${field}`, marker: text.split(' ')[0]!, text });
  meta.nom = `XssNom ${PAYLOADS[3]} ${PAYLOADS[1]}`;
  set('nom', meta.nom as string);
  meta.territoire = `XssTerritoire ${PAYLOADS[0]}`;
  set('territoire', meta.territoire as string);
  meta.contact = `XssContact ${PAYLOADS[2]} ${PAYLOADS[5]}`;
  set('contact', meta.contact as string);
  // The schema refuses `javascript:` source URLs (http and https only); a web address can still
  // carry an attribute break-out in its query, which must stay inside the attribute.
  meta.sources = [{ titre: `XssSource ${PAYLOADS[4]} ${PAYLOADS[0]}`, url: `https://example.org/?q=${PAYLOADS[1]}` }];
  set('sources[0].titre', (meta.sources as { titre: string }[])[0]!.titre);
  writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
  return labels;
}

/** Marker words as they may appear in a built file. */
export const MARKER = /Xss(?:Op|Fac)\d+|Xss(?:Nom|Territoire|Contact|Source)/g;
