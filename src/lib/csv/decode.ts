/** Text encodings `decodeBytes` recognises. */
export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** Result of {@link decodeBytes}. */
export interface DecodedText {
  /** The decoded text, without its byte order mark. */
  text: string;
  /** The encoding the bytes were read with. `windows-1252` means "not valid UTF-8". */
  encoding: CsvEncoding;
  /** True when the bytes started with a byte order mark (it is stripped from `text`). */
  bom: boolean;
}

// Decoders are stateless between `decode()` calls without `{ stream: true }`, so share them.
// `ignoreBOM: true` because we strip the BOM ourselves (and report it).
let utf8: TextDecoder | undefined;
let cp1252: TextDecoder | undefined;

/**
 * Decodes the bytes of a CSV file to text.
 *
 * - A UTF-8 BOM (EF BB BF), a UTF-16LE BOM (FF FE) or a UTF-16BE BOM (FE FF) selects the encoding
 *   and is stripped.
 * - Otherwise the bytes are read as strict UTF-8; if they are not valid UTF-8 the file is read as
 *   Windows-1252 (what French Excel writes with "CSV (séparateur : point-virgule)"), where every
 *   byte is a character, so nothing is lost. ASCII-only files are reported as `utf-8`.
 * - A file that starts with a UTF-8 BOM but is not valid UTF-8 after it (bytes appended by another
 *   tool) is read as Windows-1252 after the BOM, with `bom: true`.
 * - UTF-16 input is decoded leniently: an unpaired surrogate or a trailing odd byte becomes U+FFFD.
 *
 * Windows-1252 follows the WHATWG Encoding Standard: 0x80 is €, 0x92 is ’, 0x9C is œ; the five
 * unassigned bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 controls of the same value.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  const n = bytes.length;
  if (n >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2)),
      encoding: 'utf-16le',
      bom: true,
    };
  }
  if (n >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes.subarray(2)),
      encoding: 'utf-16be',
      bom: true,
    };
  }
  const bom = n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  utf8 ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    return { text: utf8.decode(body), encoding: 'utf-8', bom };
  } catch {
    cp1252 ??= new TextDecoder('windows-1252');
    return { text: cp1252.decode(body), encoding: 'windows-1252', bom };
  }
}
