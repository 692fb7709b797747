/**
 * Invisible characters refused in text (issue 6): they cannot be seen in a spreadsheet or on the
 * site, and some change how the text around them is shown.
 *
 * - control characters (Unicode category Cc: C0 U+0000–U+001F, DEL U+007F, C1 U+0080–U+009F),
 *   except tab, line feed and carriage return, which a quoted cell may hold; C1 controls also come
 *   from the five bytes Windows-1252 leaves unassigned (0x81, 0x8D, 0x8F, 0x90, 0x9D);
 * - the Unicode line and paragraph separators U+2028 and U+2029;
 * - bidirectional embeddings and overrides U+202A–U+202E and isolates U+2066–U+2069, which can
 *   make a label read backwards ("Trojan Source").
 */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'g');

/** `U+202E` for a character. */
export function codePointName(c: string): string {
  return `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first refused character of a text, with its 1-based position, or undefined. */
export function findControl(text: string): { char: string; position: number } | undefined {
  const m = FORBIDDEN.exec(text);
  return m ? { char: codePointName(m[0]), position: m.index + 1 } : undefined;
}

/** The text with every refused character written `<U+XXXX>`, safe to print in a report. */
export function showControls(text: string): string {
  return text.replace(FORBIDDEN_ALL, (c) => `<${codePointName(c)}>`);
}
