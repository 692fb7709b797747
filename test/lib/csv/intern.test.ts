/**
 * The per-column interning of cells (src/lib/csv/intern.ts) that the validator's parse runs on:
 * one id per distinct trimmed value, whatever the spaces around a cell or the order it comes in,
 * and Windows-1252 read as Latin-1 finished only once per distinct cell.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes, WINDOWS_1252_AS_LATIN1 } from '../../../src/lib/csv/decode.ts';
import { InternTable } from '../../../src/lib/csv/intern.ts';

const id = (t: InternTable, cell: string) => t.idOfString(cell);

describe('InternTable', () => {
  it('gives one id per trimmed value, the empty value 0, whatever comes first', () => {
    const t = new InternTable();
    expect(id(t, '')).toBe(0);
    expect(id(t, ' \u00a0\t')).toBe(0);
    const cddi = id(t, ' CDDI');
    expect(cddi).toBe(1);
    expect(id(t, 'CDDI')).toBe(cddi);
    expect(id(t, 'CDDI  ')).toBe(cddi);
    const p = id(t, 'P001');
    expect(id(t, '\u202fP001 ')).toBe(p);
    expect(id(t, 'p001')).not.toBe(p); // case is the validator's business, not the parser's
    expect(t.values).toEqual(['', 'CDDI', 'P001', 'p001']);
    expect(t.size).toBe(4);
  });

  it('reads a cell where it lies in the text, without cutting it out first', () => {
    const t = new InternTable();
    const text = 'P1;P22;P1;P22';
    expect([t.idOf(text, 0, 2), t.idOf(text, 3, 6), t.idOf(text, 7, 9), t.idOf(text, 10, 13), t.idOf(text, 5, 5)]).toEqual([1, 2, 1, 2, 0]);
  });

  it('finds a value seen as a cell or only with spaces, and nothing else', () => {
    const t = new InternTable();
    id(t, 'A');
    id(t, '  B ');
    expect(t.find('A')).toBe(1);
    expect(t.find('B')).toBe(2);
    expect(t.find('')).toBe(0);
    expect(t.find('C')).toBe(-1);
    expect(t.find(' A')).toBe(-1); // not a trimmed value
  });

  it('agrees with a Map of trimmed cells on any sequence of cells, across growth of the table', () => {
    const cell = fc.constantFrom('a', 'b', ' a', 'a ', '\u00a0b', 'ab', 'ba', '', ' ', 'é', 'x'.repeat(20));
    fc.assert(
      fc.property(fc.array(fc.oneof(cell, fc.string({ maxLength: 6 })), { maxLength: 300 }), (cells) => {
        const t = new InternTable();
        const reference = new Map<string, number>([['', 0]]);
        for (const c of cells) {
          const v = c.trim();
          if (!reference.has(v)) reference.set(v, reference.size);
          expect(t.values[id(t, c)]).toBe(v);
          expect(id(t, c)).toBe(reference.get(v));
        }
        expect(t.values).toEqual([...reference.keys()]);
        for (const [v, n] of reference) expect(t.find(v)).toBe(n);
      }),
    );
  });

  it('with Windows-1252 read as Latin-1: keys as read, values finished once', () => {
    // "Lycée — lot 1 ’bis’" and "œuvre €" in Windows-1252 bytes, read as Latin-1.
    const bytes = Uint8Array.from([...'Lyc\xe9e \x97 lot 1 \x92bis\x92;\x9cuvre \x80'].map((c) => c.charCodeAt(0)));
    const latin1 = String.fromCharCode(...bytes);
    const t = new InternTable(WINDOWS_1252_AS_LATIN1);
    const first = t.idOf(latin1, 0, latin1.indexOf(';'));
    const second = t.idOf(latin1, latin1.indexOf(';') + 1, latin1.length);
    const truth = decodeBytes(bytes).text.split(';');
    expect(t.values[first]).toBe(truth[0]);
    expect(t.values[second]).toBe(truth[1]);
    expect(t.values[second]).toBe('œuvre €');
    // The same cell with spaces, and find() with the finished value.
    expect(t.idOfString(` ${latin1.slice(0, latin1.indexOf(';'))} `)).toBe(first);
    expect(t.find('œuvre €')).toBe(second);
    expect(t.find('\x9cuvre \x80')).toBe(-1); // the unfinished spelling is not a value
  });
});

describe('WINDOWS_1252_AS_LATIN1', () => {
  it('finishes Latin-1 text of any bytes into the Windows-1252 text, and back', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const latin1 = String.fromCharCode(...all);
    const text = WINDOWS_1252_AS_LATIN1.finish(latin1);
    expect(text).toBe(new TextDecoder('windows-1252').decode(all));
    expect(WINDOWS_1252_AS_LATIN1.unfinish(text)).toBe(latin1);
    expect(WINDOWS_1252_AS_LATIN1.unfinish('\x92')).toBeUndefined();
  });
});
