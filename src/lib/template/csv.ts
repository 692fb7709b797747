/**
 * CSV the way French Excel opens it with a double click: `;` between fields, UTF-8 with a
 * byte-order mark (so that accents read right), CRLF line ends. For the files a publisher opens
 * and fills in (templates, examples); the published tables keep the RFC 4180 comma.
 */

/** One field, quoted when it holds `;`, a quote or a line break. */
function field(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The text of a `;`-separated file: a header, then rows of cells as written. */
export function frenchCsv(header: readonly string[], rows: readonly (readonly string[])[] = []): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(field).join(';')).join('\r\n')}\r\n`;
}
