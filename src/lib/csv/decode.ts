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

/** Thrown by {@link ChunkDecoder} when bytes read as UTF-8 turn out not to be UTF-8. */
export class NotUtf8Error extends Error {
  constructor() {
    super('not UTF-8: read the file again as Windows-1252');
    this.name = 'NotUtf8Error';
  }
}

/**
 * Streaming counterpart of {@link decodeBytes}, for files too big to hold as one string: push
 * byte chunks split anywhere (even inside a multi-byte character), get text chunks back. It takes
 * the same decision as `decodeBytes`, except that "not UTF-8" can only be known when the first
 * invalid byte arrives: `push` or `end` then throw {@link NotUtf8Error}, and the caller reads the
 * file again from the start with `new ChunkDecoder({ windows1252: true })`.
 */
export class ChunkDecoder {
  /** Known once the first bytes (3, or the whole input if shorter) were pushed. */
  encoding: CsvEncoding | undefined;
  bom = false;
  private decoder: TextDecoder | undefined;
  private head: Uint8Array | undefined;

  /** @param options.windows1252 read as Windows-1252 (after a UTF-8 BOM, if any) */
  constructor(private readonly options: { windows1252?: boolean } = {}) {}

  /** Decodes the next chunk (`''` while fewer than 3 bytes in all were pushed). */
  push(chunk: Uint8Array): string {
    if (this.decoder === undefined) {
      const head = this.head === undefined ? chunk : concat(this.head, chunk);
      if (head.length < 3) {
        this.head = head.slice();
        return '';
      }
      this.head = undefined;
      const rest = this.start(head);
      return this.run(() => this.decoder!.decode(rest, { stream: true }));
    }
    return this.run(() => this.decoder!.decode(chunk, { stream: true }));
  }

  /** The text of the bytes still held (an incomplete character, or a short input). */
  end(): string {
    if (this.decoder === undefined) {
      const head = this.head ?? new Uint8Array(0);
      this.head = undefined;
      const rest = this.start(head);
      return this.run(() => this.decoder!.decode(rest));
    }
    return this.run(() => this.decoder!.decode());
  }

  /** Chooses the encoding from the first bytes; returns the bytes after the BOM. */
  private start(head: Uint8Array): Uint8Array {
    const n = head.length;
    if (n >= 2 && head[0] === 0xff && head[1] === 0xfe) return this.use('utf-16le', true, head.subarray(2));
    if (n >= 2 && head[0] === 0xfe && head[1] === 0xff) return this.use('utf-16be', true, head.subarray(2));
    const bom = n >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    return this.use(this.options.windows1252 ? 'windows-1252' : 'utf-8', bom, bom ? head.subarray(3) : head);
  }

  private use(encoding: CsvEncoding, bom: boolean, rest: Uint8Array): Uint8Array {
    this.encoding = encoding;
    this.bom = bom;
    // No `ignoreBOM` for Windows-1252: it has no BOM, and Node 22's decoder with that option drops
    // a leading 0xFF (ÿ) when not streaming.
    this.decoder =
      encoding === 'windows-1252' ? new TextDecoder(encoding) : new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: true });
    return rest;
  }

  private run(decode: () => string): string {
    try {
      return decode();
    } catch (e) {
      if (this.encoding === 'utf-8' && e instanceof TypeError) throw new NotUtf8Error();
      throw e;
    }
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
