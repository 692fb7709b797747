/** Cell formats of French spreadsheet exports: decimal comma, dd/mm/yyyy, `;`, Windows-1252. */

/** RFC 4180 quoting, only where needed (as Excel does). */
export function quote(cell: string): string {
  return /[;"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Hundredths of an hour → `87,5`, `151,67`, `120`. */
export function frenchHours(centihours: number): string {
  const whole = Math.floor(centihours / 100);
  const cents = centihours % 100;
  if (cents === 0) return String(whole);
  return `${whole},${cents % 10 === 0 ? String(cents / 10) : String(cents).padStart(2, '0')}`;
}

/** Amount with a decimal comma: `245870,5` (general format) or `245 870,50` (number format, NBSP). */
export function frenchAmount(value: number, grouped = false): string {
  const cents = Math.round(value * 100);
  const whole = Math.floor(cents / 100);
  const frac = cents % 100;
  if (grouped) {
    const digits = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
    return `${digits},${String(frac).padStart(2, '0')}`;
  }
  if (frac === 0) return String(whole);
  return `${whole},${frac % 10 === 0 ? String(frac / 10) : String(frac).padStart(2, '0')}`;
}

/** Unicode → Windows-1252 for the 0x80–0x9F block; Latin-1 elsewhere. */
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};

/** Encodes text as Windows-1252; throws on a character the code page cannot hold. */
export function encodeWindows1252(text: string): Buffer {
  const out = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) out[i] = code;
    else {
      const b = CP1252_HIGH[code];
      if (b === undefined) throw new Error(`character U+${code.toString(16).padStart(4, '0')} has no Windows-1252 code`);
      out[i] = b;
    }
  }
  return out;
}
