/**
 * Fuzzing the CSV layer (src/lib/csv): `decodeBytes` on arbitrary bytes, `parseCsv` and the
 * streaming parser on arbitrary text, and on tables written the RFC 4180 way whose expected cells
 * and line numbers are known. Every call runs under the watchdog (no exception, no hang).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_RULES, type CsvDelimiter, type ParsedCsv } from '../../src/lib/csv/index.ts';
import { physicalLines, referenceDecode } from './harness/reference.ts';
import { budget, runs } from './harness/settings.ts';
import { Watchdog } from './harness/watchdog.ts';

const dog = new Watchdog();
beforeAll(() => dog.start(), 120_000);
afterAll(() => dog.stop());

const MILLION = 1_000_000;
const THIRD = 333_333;
const DELIMITERS: CsvDelimiter[] = [';', ',', '\t'];
const RULES = new Set<string>(CSV_RULES);

/** Characters that matter to a CSV reader, often; then any code point (lone surrogates included). */
const csvChar = fc.oneof(
  { arbitrary: fc.constantFrom(';', ',', '\t', '"', '\r', '\n', ' ', 'a', 'b', '1', '\u00a0', '\u202f', '\ufeff', '\u0000', '\u2028', 'é'), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 1 },
);
const csvText = fc.string({ unit: csvChar, maxLength: 400 });
/** A few delimiters per line, so that headers stay narrow (see the report: wide headers are costly). */
const narrowCsvText = fc.string({ unit: fc.oneof({ arbitrary: csvChar, weight: 1 }, { arbitrary: fc.constantFrom('x', 'yz', 'Ab'), weight: 3 }), maxLength: 400 });

/** What holds for the result of any parse (plain loops: some results have a million cells). */
function checkParsed(text: string, r: ParsedCsv): void {
  const lines = physicalLines(text);
  const problems: string[] = [];
  const fail = (what: string) => problems.length < 10 && problems.push(what);
  if (r.columns.length !== r.header.length) fail(`${r.columns.length} columns for ${r.header.length} header names`);
  r.columns.forEach((column, k) => column.length !== r.rowCount && fail(`column ${k}: ${column.length} cells for ${r.rowCount} rows`));
  if (r.rowLines.length !== r.rowCount) fail(`${r.rowLines.length} row lines for ${r.rowCount} rows`);
  for (let i = 0; i < r.rowLines.length; i++) {
    const line = r.rowLines[i]!;
    if (line < 1 || line > lines) fail(`row ${i} at line ${line} of ${lines}`);
    if (i > 0 && line <= r.rowLines[i - 1]!) fail(`row ${i} at line ${line}, not after row ${i - 1}`);
  }
  // Cells and header names are trimmed.
  for (const name of r.header) if (name !== name.trim()) fail(`header name not trimmed: ${JSON.stringify(name)}`);
  for (const column of r.columns) for (const cell of column) if (cell !== cell.trim()) fail(`cell not trimmed: ${JSON.stringify(cell.slice(0, 50))}`);
  if ((r.header.length === 0) !== r.issues.some((i) => i.rule === 'csv.vide')) fail('csv.vide exactly when there is no header');
  for (const issue of r.issues) {
    const where = JSON.stringify(issue).slice(0, 200);
    if (!RULES.has(issue.rule)) fail(`unknown rule: ${where}`);
    if (!(issue.line >= 1 && issue.line <= lines)) fail(`line outside the text (${lines} lines): ${where}`);
    if (!/\S/.test(issue.message.fr) || !/\S/.test(issue.message.en)) fail(`no message: ${where}`);
    if (issue.value !== undefined && issue.value.length > 100) fail(`value not cut: ${where}`);
  }
  expect(problems).toEqual([]);
}

/** One cell the RFC 4180 way: quoted when needed (or always), quotes doubled. */
function writeCell(cell: string, delimiter: string, quoteAll: boolean): string {
  const needs = quoteAll || cell.includes(delimiter) || /["\r\n]/.test(cell) || cell.trim() === '';
  return needs ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Cells of a generated table: anything, including delimiters, quotes, line breaks, edge spaces. */
const cellText = fc.string({
  unit: fc.oneof(
    { arbitrary: fc.constantFrom(';', ',', '\t', '"', '\r', '\n', '\r\n', ' ', '\u00a0'), weight: 1 },
    { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), weight: 3 },
  ),
  maxLength: 12,
});

/** Plain cells: never quoted, no line break, not blank. */
const plainCell = fc.stringMatching(/^[a-z0-9é][a-z0-9é ]{0,6}$/);

/**
 * A table with distinct header names, written with a delimiter and line end, blank lines here and
 * there; with the physical line where each record starts.
 */
const tableOf = (cell: fc.Arbitrary<string>, quoteAll: fc.Arbitrary<boolean>) =>
  fc
    .record({
      ncols: fc.integer({ min: 1, max: 6 }),
      nrows: fc.integer({ min: 0, max: 12 }),
      delimiter: fc.constantFrom(...DELIMITERS),
      eol: fc.constantFrom('\n', '\r\n', '\r'),
      quoteAll,
      trailingEol: fc.boolean(),
      seed: fc.nat(),
    })
    .chain((t) =>
      fc.record({
        ...Object.fromEntries(Object.entries(t).map(([k, v]) => [k, fc.constant(v)])),
        rows: fc.array(fc.array(cell, { minLength: t.ncols, maxLength: t.ncols }), { minLength: t.nrows, maxLength: t.nrows }),
        blanks: fc.array(fc.nat({ max: 2 }), { minLength: t.nrows + 1, maxLength: t.nrows + 1 }),
      }),
    )
    .map((t) => {
      const { ncols, delimiter, eol, quoteAll, trailingEol, rows, blanks } = t as unknown as {
        ncols: number;
        delimiter: CsvDelimiter;
        eol: string;
        quoteAll: boolean;
        trailingEol: boolean;
        rows: string[][];
        blanks: number[];
      };
      const header = Array.from({ length: ncols }, (_, k) => `col_${k}`);
      // The text, and the physical line where each record starts.
      let text = '';
      let line = 1;
      const rowLines: number[] = [];
      const emit = (cells: string[], blankBefore: number) => {
        for (let b = 0; b < blankBefore; b++) {
          text += (b % 2 ? ' ' : '') + eol;
          line++;
        }
        rowLines.push(line);
        const written = cells.map((c) => writeCell(c, delimiter, quoteAll)).join(delimiter);
        text += written;
        line += (written.match(/\r\n|\r|\n/g) ?? []).length;
      };
      emit(header, blanks[0]!);
      rows.forEach((row, i) => {
        text += eol;
        line++;
        emit(row, blanks[i + 1]!);
      });
      if (trailingEol) text += eol;
      return { text, delimiter, header, rows, rowLines: rowLines.slice(1) };
    });
const tableArbitrary = tableOf(cellText, fc.boolean());
const plainTableArbitrary = tableOf(plainCell, fc.constant(false));

describe('decodeBytes', () => {
  const RUNS = 300;
  it(
    `reads any bytes (${RUNS} runs) exactly as the data contract says, and never throws`,
    async () => {
      const bom = fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]);
      await fc.assert(
        fc.asyncProperty(bom, fc.uint8Array({ maxLength: 2048 }), async (prefix, body) => {
          const bytes = new Uint8Array([...prefix, ...body]);
          const r = await dog.run('decode', bytes);
          expect({ text: r.text, encoding: r.encoding }).toEqual(referenceDecode(bytes));
          const bomLength =
            prefix.length > 0
              ? prefix.length
              : bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
                ? 3
                : (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
                  ? 2
                  : 0;
          expect(r.bom).toBe(bomLength > 0);
          if (r.encoding === 'utf-8') expect(Buffer.from(r.text, 'utf8')).toEqual(Buffer.from(bytes.subarray(bomLength)));
          if (r.encoding === 'windows-1252') expect(r.text.length).toBe(bytes.length - bomLength);
        }),
        runs(RUNS),
      );
    },
    budget(RUNS, 50),
  );
});

describe('parseCsv on arbitrary text', () => {
  const RUNS = 150;
  it(
    `never throws or hangs; columns, lines and issues stay consistent (${RUNS} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(narrowCsvText, fc.constantFrom(undefined, ...DELIMITERS), async (text, delimiter) => {
          fc.pre(!dog.hung);
          checkParsed(text, await dog.run('parse', text, delimiter));
        }),
        runs(RUNS),
      );
    },
    budget(RUNS, 200),
  );

  it(
    `the streaming parser gives the same result for any split of the text and any batch size (${RUNS} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(csvText, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }), fc.integer({ min: 1, max: 7 }), async (text, cuts, batchSize) => {
          fc.pre(!dog.hung);
          const points = [...new Set(cuts.map((c) => Math.floor(c * text.length)))].sort((a, b) => a - b);
          const chunks = [0, ...points].map((p, i, all) => text.slice(p, all[i + 1] ?? text.length));
          const whole = await dog.run('parse', text);
          const streamed = await dog.run('parseChunks', chunks, batchSize);
          expect(streamed.header).toEqual(whole.header);
          expect(streamed.delimiter).toBe(whole.delimiter);
          expect(streamed.rowCount).toBe(whole.rowCount);
          expect(streamed.columns).toEqual(whole.columns);
          expect(streamed.rowLines).toEqual([...whole.rowLines]);
          expect(streamed.issues).toEqual(whole.issues);
          expect(streamed.firstRows).toEqual(streamed.firstRows.map((_, i) => i * batchSize));
        }),
        runs(RUNS),
      );
    },
    budget(RUNS, 300),
  );
});

describe('parseCsv on well-formed tables', () => {
  const RUNS = 150;
  it(
    `reads back every cell (trimmed) and the physical line of every record, whatever the delimiter, quoting and line ends (${RUNS} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(tableArbitrary, async (t) => {
          fc.pre(!dog.hung);
          const r = await dog.run('parse', t.text, t.delimiter);
          expect(r.issues).toEqual([]);
          expect(r.header).toEqual(t.header);
          expect(r.rowCount).toBe(t.rows.length);
          expect(r.columns).toEqual(t.header.map((_, k) => t.rows.map((row) => row[k]!.trim())));
          expect([...r.rowLines]).toEqual(t.rowLines);
          checkParsed(t.text, r);
          // The delimiter is found on the header line when there are several columns.
          if (t.header.length > 1) expect((await dog.run('parse', t.text)).delimiter).toBe(t.delimiter);
        }),
        runs(RUNS),
      );
    },
    budget(RUNS, 200),
  );

  it(
    `a quote left open is reported at the line of its field, and nothing after it is lost (${RUNS} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(plainTableArbitrary, fc.nat(), async (t, pick) => {
          fc.pre(!dog.hung && t.rows.length > 0);
          const k = pick % t.rows.length;
          // Open a quote at the start of record k+1 that never closes (the text has no other quote).
          const lines = t.text.split(/(?<=\r\n|\r(?!\n)|\n)/);
          const at = t.rowLines[k]! - 1;
          const text = [...lines.slice(0, at), `"${lines.slice(at).join('')}`].join('');
          const r = await dog.run('parse', text, t.delimiter);
          const open = r.issues.filter((i) => i.rule === 'csv.guillemet_non_ferme');
          expect(open.map((i) => i.line)).toEqual([t.rowLines[k]]);
          expect(r.rowCount).toBe(k + 1);
        }),
        runs(RUNS),
      );
    },
    budget(RUNS, 200),
  );
});

describe('hostile shapes', () => {
  const header = 'id;libelle;heures';
  const cases: [string, string, (r: ParsedCsv) => void][] = [
    ['empty text', '', (r) => expect(r.issues.map((i) => [i.rule, i.line])).toEqual([['csv.vide', 1]])],
    ['a lone BOM', '\ufeff', (r) => expect(r.issues.map((i) => [i.rule, i.line])).toEqual([['csv.vide', 1]])],
    ['a million blank lines', '\n'.repeat(MILLION), (r) => expect(r.issues.map((i) => i.rule)).toEqual(['csv.vide'])],
    [
      'a million CR-only lines',
      `${header}\r${'1;a;2\r'.repeat(200_000)}`,
      (r) => {
        expect(r.rowCount).toBe(200_000);
        expect(r.rowLines[199_999]).toBe(200_001);
      },
    ],
    [
      'a line of a million characters',
      `${header}\n1;a;2\n${'x'.repeat(MILLION)}\n3;b;4\n`,
      (r) => {
        expect(r.issues.map((i) => [i.rule, i.line])).toEqual([['csv.champs_manquants', 3]]);
        expect(r.columns[0]).toEqual(['1', 'x'.repeat(MILLION), '3']);
        expect([...r.rowLines]).toEqual([2, 3, 4]);
      },
    ],
    [
      'a quoted field of a million characters with line breaks',
      `${header}\n1;"${'ab\n'.repeat(THIRD)}";2\n3;b;4\n`,
      (r) => {
        expect(r.issues).toEqual([]);
        expect(r.columns[1]![0]!.length).toBe(THIRD * 3 - 1); // the last line break trimmed
        expect([...r.rowLines]).toEqual([2, 3 + THIRD]); // the field ends on line 2 + THIRD
      },
    ],
    ['a million quotes', `${header}\n${'"'.repeat(MILLION)}\n`, (r) => expect(r.rowCount).toBe(1)],
    [
      'a record of a million empty fields (blank, as Excel writes it)',
      `${header}\n${';'.repeat(MILLION)}\n`,
      (r) => {
        expect(r.issues).toEqual([]);
        expect(r.rowCount).toBe(0);
      },
    ],
    ['a record of a million fields', `${header}\n${';'.repeat(MILLION)}x\n`, (r) => expect(r.issues.map((i) => [i.rule, i.line])).toEqual([['csv.champs_en_trop', 2]])],
    [
      'an unclosed quote on line 3 swallowing a million characters',
      `${header}\n1;a;2\n3;"b${'c;\n'.repeat(THIRD)}`,
      (r) => {
        expect(r.issues.filter((i) => i.rule === 'csv.guillemet_non_ferme').map((i) => [i.line, i.column, i.columnName])).toEqual([[3, 2, 'libelle']]);
        expect(r.issues.every((i) => i.value === undefined || i.value.length <= 100)).toBe(true);
      },
    ],
    ['NUL bytes everywhere', `${header}\n\u0000;\u0000a\u0000;2\n`, (r) => expect(r.columns[0]).toEqual(['\u0000'])],
    ['lone surrogates and control characters', `${header}\n\ud800;\udfff\u0001;\u001b[31m\n`, (r) => expect(r.columns[2]).toEqual(['\u001b[31m'])],
  ];
  it.each(cases)(
    '%s',
    async (_, text, then) => {
      const r = await dog.run('parse', text);
      checkParsed(text, r);
      then(r);
    },
    60_000,
  );
});
