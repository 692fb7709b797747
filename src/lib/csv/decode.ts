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

/**
 * The characters of the bytes 0x80–0x9F in Windows-1252 (WHATWG Encoding Standard, index
 * windows-1252); the five unassigned bytes keep their C1 control. Every other byte is the Unicode
 * character of the same value, as in Latin-1.
 */
export const WINDOWS_1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** The C1 bytes whose Windows-1252 character differs from Latin-1's. */
const C1_REMAPPED = /[\x80\x82-\x8c\x8e\x91-\x9c\x9e\x9f]/g;

const NON_ASCII = /[^\x00-\x7f]/;

/** Node's `Buffer`, when there is one (not in a browser). */
type LatinBuffer = { from(b: ArrayBufferLike, offset: number, length: number): { toString(encoding: 'latin1'): string } };
const NodeBuffer = (globalThis as { Buffer?: LatinBuffer }).Buffer;

/** The characters Windows-1252 gives the bytes of {@link C1_REMAPPED}, as a class. */
const C1_TARGETS = new RegExp(`[${[...WINDOWS_1252_C1].filter((c) => c.charCodeAt(0) > 0xff).join('')}]`, 'g');
const BYTE_OF_TARGET = new Map([...WINDOWS_1252_C1].map((c, i) => [c, String.fromCharCode(0x80 + i)]));

/** Latin-1 text of Windows-1252 bytes → the true text: the 27 characters 0x80–0x9F that differ are replaced. */
function fixC1(latin1: string): string {
  C1_REMAPPED.lastIndex = 0;
  return C1_REMAPPED.test(latin1) ? latin1.replace(C1_REMAPPED, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!) : latin1;
}

/**
 * Text read with part of its decoding left for later: a parser can then work on the cheap text and
 * finish the decoding only for the strings it keeps (each distinct cell once, not every byte).
 */
export interface DeferredDecoding {
  /** The true text of a string cut from the decoded text. */
  finish(s: string): string;
  /** The decoded spelling of a true string; undefined when no decoded string gives it. */
  unfinish(s: string): string | undefined;
}

/**
 * Windows-1252 read as Latin-1 (native and fast in Node), the C1 bytes left as U+0080–U+009F:
 * `finish` maps them to their Windows-1252 characters (€, ’, —, œ…).
 */
export const WINDOWS_1252_AS_LATIN1: DeferredDecoding = {
  finish: fixC1,
  unfinish(s) {
    C1_REMAPPED.lastIndex = 0;
    if (C1_REMAPPED.test(s)) return undefined; // finished text never has these
    C1_TARGETS.lastIndex = 0;
    return C1_TARGETS.test(s) ? s.replace(C1_TARGETS, (c) => BYTE_OF_TARGET.get(c)!) : s;
  },
};

/** Latin-1 text of bytes, when Node's `Buffer` is there (native); undefined in a browser. */
function latin1Text(bytes: Uint8Array): string | undefined {
  return NodeBuffer?.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
}

/**
 * Windows-1252 bytes to text. A single-byte encoding has no state between chunks, so each chunk
 * decodes alone. In Node, the bytes are read as Latin-1 by `Buffer` (native, about 7× faster
 * than Node's `TextDecoder('windows-1252')` on a 38 MB file) and the 27 bytes 0x80–0x9F that
 * differ are then replaced; a browser's own `TextDecoder` is used as is.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = latin1Text(bytes);
  return latin1 === undefined ? (browser1252 ??= new TextDecoder('windows-1252')).decode(bytes) : fixC1(latin1);
}
let browser1252: TextDecoder | undefined;

/** The `decode` of a `TextDecoder`, for {@link ChunkDecoder}. */
interface Decoder {
  decode(bytes?: Uint8Array, options?: { stream?: boolean }): string;
}

const WINDOWS_1252_DECODER: Decoder = { decode: (bytes) => (bytes === undefined ? '' : decodeWindows1252(bytes)) };
const LATIN1_DECODER: Decoder = { decode: (bytes) => (bytes === undefined ? '' : latin1Text(bytes)!) };

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
    return { text: decodeWindows1252(body), encoding: 'windows-1252', bom };
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
  private decoder: Decoder | undefined;
  private head: Uint8Array | undefined;

  /**
   * Set when the text given back is not finished: Windows-1252 read as Latin-1, with
   * `deferC1` in Node. Every string kept from it must go through `deferred.finish`.
   */
  deferred: DeferredDecoding | undefined;

  /**
   * @param options.windows1252 read as Windows-1252 (after a UTF-8 BOM, if any)
   * @param options.deferC1 for Windows-1252, give back Latin-1 text when that is faster (Node),
   *   and say so in {@link deferred}
   */
  constructor(private readonly options: { windows1252?: boolean; deferC1?: boolean } = {}) {}

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
      return this.utf8Ascii(rest) ?? this.run(() => this.decoder!.decode(rest, { stream: true }));
    }
    return this.utf8Ascii(chunk) ?? this.run(() => this.decoder!.decode(chunk, { stream: true }));
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
    if (encoding === 'windows-1252' && this.options.deferC1 === true && NodeBuffer !== undefined) {
      this.decoder = LATIN1_DECODER;
      this.deferred = WINDOWS_1252_AS_LATIN1;
    } else {
      this.decoder = encoding === 'windows-1252' ? WINDOWS_1252_DECODER : new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: true });
    }
    return rest;
  }

  /** The last byte given to the UTF-8 decoder was ASCII: it holds no partial character. */
  private settled = true;

  /**
   * UTF-8 bytes that are all ASCII are their Latin-1 text: read natively by Node's `Buffer`
   * (several times faster than `TextDecoder`, which stays the judge of anything else). Only
   * when the decoder holds no partial character. Undefined: not this fast path.
   */
  private utf8Ascii(bytes: Uint8Array): string | undefined {
    if (this.encoding !== 'utf-8' || bytes.length === 0) return undefined;
    const fast = this.settled ? latin1Text(bytes) : undefined;
    if (fast !== undefined && !NON_ASCII.test(fast)) return fast;
    this.settled = bytes[bytes.length - 1]! < 0x80;
    return undefined;
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
