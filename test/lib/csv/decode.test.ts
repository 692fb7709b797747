import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkDecoder, decodeBytes, decodeWindows1252, NotUtf8Error } from '../../../src/lib/csv/decode.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const utf8 = (s: string) => new TextEncoder().encode(s);
/** Any Unicode scalar values, astral planes included (built by hand: cheaper than unit 'binary'). */
const unicodeString = (maxLength: number) =>
  fc
    .array(fc.oneof(fc.integer({ min: 0, max: 0xd7ff }), fc.integer({ min: 0xe000, max: 0x10ffff }), fc.constantFrom(0xfeff, 0xe9, 0x20ac)), { maxLength })
    .map((codePoints) => String.fromCodePoint(...codePoints));

describe('decodeBytes', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decodeBytes(utf8('libellé;montant\n'))).toEqual({
      text: 'libellé;montant\n',
      encoding: 'utf-8',
      bom: false,
    });
  });

  it('strips and reports a UTF-8 BOM', () => {
    const result = decodeBytes(bytes(0xef, 0xbb, 0xbf, ...utf8('id;é')));
    expect(result).toEqual({ text: 'id;é', encoding: 'utf-8', bom: true });
  });

  it('reads ASCII and empty input as UTF-8', () => {
    expect(decodeBytes(bytes(...ascii('a;b')))).toEqual({
      text: 'a;b',
      encoding: 'utf-8',
      bom: false,
    });
    expect(decodeBytes(bytes())).toEqual({ text: '', encoding: 'utf-8', bom: false });
    expect(decodeBytes(bytes(0xef, 0xbb, 0xbf))).toEqual({
      text: '',
      encoding: 'utf-8',
      bom: true,
    });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8 (French Excel export)', () => {
    // "libellé;montant\r\nCafé €;5\r\n" as written by Excel: é = 0xE9, € = 0x80.
    const excel = bytes(...ascii('libell'), 0xe9, ...ascii(';montant\r\nCaf'), 0xe9, 0x20, 0x80, ...ascii(';5\r\n'));
    expect(decodeBytes(excel)).toEqual({
      text: 'libellé;montant\r\nCafé €;5\r\n',
      encoding: 'windows-1252',
      bom: false,
    });
  });

  it('maps the 0x80–0x9F range of Windows-1252 to typographic characters, not C1 controls', () => {
    const { text, encoding } = decodeBytes(bytes(0x80, 0x85, 0x8c, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x9c, 0x9f));
    expect(encoding).toBe('windows-1252');
    expect(text).toBe('€…Œ‘’“”–—œŸ');
  });

  it('maps every byte to one character in Windows-1252, so nothing is lost', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    const { text, encoding } = decodeBytes(all);
    expect(encoding).toBe('windows-1252');
    expect(text).toHaveLength(256);
    expect(text.includes('\ufffd')).toBe(false);
    expect(text.slice(0xe0, 0xf0)).toBe('àáâãäåæçèéêëìíîï');
  });

  it('decodes every byte as the platform decoder for Windows-1252 does (Latin-1 plus the 0x80–0x9F table)', () => {
    const all = new Uint8Array(512).map((_, i) => i % 256);
    const expected = new TextDecoder('windows-1252').decode(all);
    expect(decodeWindows1252(all)).toBe(expected);
    // Chunk boundaries do not matter (one byte, one character), nor the view's offset.
    expect(decodeWindows1252(all.subarray(1, 300))).toBe(expected.slice(1, 300));
    // Spot checks against the WHATWG index: € ‚ Ÿ, an unassigned byte kept as its C1 control, ÿ.
    const text = decodeWindows1252(new Uint8Array([0xff, 0x80, 0x82, 0x9f, 0x81, 0x8d, 0xa0, 0xff]));
    expect(text).toBe('ÿ€‚Ÿ\u0081\u008d\u00a0ÿ');
  });

  it('reads the rest as Windows-1252 after a UTF-8 BOM when it is not valid UTF-8', () => {
    expect(decodeBytes(bytes(0xef, 0xbb, 0xbf, 0x41, 0xe9))).toEqual({
      text: 'Aé',
      encoding: 'windows-1252',
      bom: true,
    });
  });

  it('reads a truncated UTF-8 sequence as Windows-1252 rather than replacing it', () => {
    // "é" cut after its first byte.
    expect(decodeBytes(bytes(0x61, 0xc3)).encoding).toBe('windows-1252');
    expect(decodeBytes(bytes(0x61, 0xc3)).text).toBe('aÃ');
  });

  it('reads UTF-16 with a BOM', () => {
    expect(decodeBytes(bytes(0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00, 0xac, 0x20))).toEqual({
      text: 'Aé€',
      encoding: 'utf-16le',
      bom: true,
    });
    expect(decodeBytes(bytes(0xfe, 0xff, 0x00, 0x41, 0x00, 0xe9, 0x20, 0xac))).toEqual({
      text: 'Aé€',
      encoding: 'utf-16be',
      bom: true,
    });
  });

  it('round-trips any Unicode text encoded as UTF-8 (a leading U+FEFF is the BOM)', () => {
    fc.assert(
      fc.property(unicodeString(100), fc.boolean(), (s, withBom) => {
        const encoded = utf8(withBom ? `\ufeff${s}` : s);
        const result = decodeBytes(encoded);
        expect(result.encoding).toBe('utf-8');
        if (withBom) {
          expect(result).toEqual({ text: s, encoding: 'utf-8', bom: true });
        } else {
          expect(result.text).toBe(s.startsWith('\ufeff') ? s.slice(1) : s);
        }
      }),
    );
  });

  it('never throws, and reads any non-UTF-8 bytes one character per byte', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (input) => {
        const result = decodeBytes(input);
        if (result.encoding === 'windows-1252') {
          expect(result.text).toHaveLength(input.length - (result.bom ? 3 : 0));
        }
      }),
    );
  });
});

describe('ChunkDecoder: the same decision and text as decodeBytes, on bytes split anywhere', () => {
  /** Decodes chunks as readTable does: restart as Windows-1252 when UTF-8 fails. */
  function streamed(chunks: Uint8Array[]): { text: string; encoding: string | undefined; bom: boolean } {
    for (const windows1252 of [false, true]) {
      const d = new ChunkDecoder({ windows1252 });
      try {
        let text = '';
        for (const c of chunks) text += d.push(c);
        text += d.end();
        return { text, encoding: d.encoding, bom: d.bom };
      } catch (e) {
        if (!(e instanceof NotUtf8Error) || windows1252) throw e;
      }
    }
    throw new Error('unreachable');
  }
  const split = (all: Uint8Array, cuts: number[]) => {
    const at = [...new Set(cuts.map((c) => Math.floor(c * (all.length + 1))))].sort((a, b) => a - b);
    return [0, ...at].map((from, i) => all.subarray(from, at[i] ?? all.length));
  };

  it('on any bytes, UTF-8 text, BOMs and Windows-1252', () => {
    const input = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      unicodeString(30).map(utf8),
      unicodeString(30).map((s) => bytes(0xef, 0xbb, 0xbf, ...utf8(s))),
      fc.uint8Array({ maxLength: 40 }).map((b) => bytes(0xff, 0xfe, ...b)),
      fc.uint8Array({ maxLength: 40 }).map((b) => bytes(0xfe, 0xff, ...b)),
      fc.array(fc.constantFrom(0x41, 0xe9, 0x80, 0x92, 0x9c, 0x3b, 0x0a), { maxLength: 40 }).map((a) => bytes(...a)),
    );
    fc.assert(
      fc.property(input, fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { maxLength: 6 }), (all, cuts) => {
        const whole = decodeBytes(all);
        expect(streamed(split(all, cuts))).toEqual(whole);
      }),
      { numRuns: 2000 },
    );
  });

  it('says "not UTF-8" only when an invalid byte arrives, even split inside a character', () => {
    const d = new ChunkDecoder();
    expect(d.push(bytes(0x61))).toBe(''); // the encoding is chosen on the first 3 bytes
    expect(d.encoding).toBeUndefined();
    expect(d.push(bytes(0x62, 0xc3))).toBe('ab');
    expect(d.encoding).toBe('utf-8');
    expect(d.push(bytes(0xa9))).toBe('é');
    expect(() => d.push(bytes(0xe9, 0x3b))).toThrow(NotUtf8Error);
    const truncated = new ChunkDecoder();
    truncated.push(bytes(0x61, 0x62, 0xc3));
    expect(() => truncated.end()).toThrow(NotUtf8Error);
  });

  it('reads ASCII chunks on the fast path only when no character is left half-read', () => {
    const d = new ChunkDecoder();
    expect(d.push(bytes(0x61, 0x62, 0x63))).toBe('abc'); // all ASCII
    expect(d.push(bytes(0x64, 0xc3))).toBe('d'); // "é" begins
    expect(d.push(bytes(0xa9, 0x65))).toBe('\u00e9e'); // …and ends
    expect(d.push(bytes(0x66))).toBe('f');
    // An ASCII chunk after a half character is not ASCII text: the file is not UTF-8.
    const cut = new ChunkDecoder();
    cut.push(bytes(0x61, 0x62, 0xc3));
    expect(() => cut.push(bytes(0x61, 0x62))).toThrow(NotUtf8Error);
  });
});
