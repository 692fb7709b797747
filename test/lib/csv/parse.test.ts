import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvParser, parseCsv, parseCsvStream, type CsvDelimiter, type CsvIssue, type CsvParserOptions, type ParsedCsv } from '../../../src/lib/csv/parse.ts';

/** The essentials of an issue, to compare positions without the message text. */
const where = (issue: CsvIssue) => {
  const { message: _message, ...rest } = issue;
  return rest;
};

/** Parses by pushing `chunks` into the streaming parser and reassembles its batches. */
function parseChunks(chunks: readonly string[], options: Omit<CsvParserOptions, 'onBatch'> = {}): ParsedCsv {
  let columns: string[][] | undefined;
  const lines: number[] = [];
  let expectedFirstRow = 0;
  const parser = createCsvParser({
    ...options,
    onBatch(batch) {
      expect(batch.rowCount).toBeGreaterThan(0);
      expect(batch.firstRow).toBe(expectedFirstRow);
      expect(batch.rowLines).toHaveLength(batch.rowCount);
      for (const column of batch.columns) expect(column).toHaveLength(batch.rowCount);
      expectedFirstRow += batch.rowCount;
      columns ??= batch.columns.map(() => []);
      batch.columns.forEach((column, k) => columns![k]!.push(...column));
      lines.push(...batch.rowLines);
    },
  });
  for (const chunk of chunks) parser.push(chunk);
  const end = parser.end();
  expect(end.rowCount).toBe(expectedFirstRow);
  return {
    delimiter: end.delimiter,
    header: end.header,
    columns: columns ?? end.header.map(() => []),
    rowLines: Uint32Array.from(lines),
    rowCount: end.rowCount,
    issues: end.issues,
  };
}

/** Plain view of a parse, for `toEqual` and readable diffs. */
const plain = (r: ParsedCsv) => ({ ...r, rowLines: [...r.rowLines] });

describe('parseCsv: records and columns', () => {
  it('reads a semicolon file into trimmed columns with the line of each record', () => {
    const r = parseCsv('id_marche ; montant\n M1 ;1234,5\nM2;\u00a010 \u202f\n');
    expect(plain(r)).toEqual({
      delimiter: ';',
      header: ['id_marche', 'montant'],
      columns: [
        ['M1', 'M2'],
        ['1234,5', '10'],
      ],
      rowLines: [2, 3],
      rowCount: 2,
      issues: [],
    });
  });

  it('reads CRLF, LF and lone CR line endings, and a last line without line end', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const r = parseCsv(['a;b', '1;2', '3;4'].join(eol));
      expect(r.columns).toEqual([
        ['1', '3'],
        ['2', '4'],
      ]);
      expect([...r.rowLines]).toEqual([2, 3]);
    }
  });

  it('reads mixed line endings, each counting as one line', () => {
    const r = parseCsv('a\r\n1\n2\r3\r\n4');
    expect(r.columns).toEqual([['1', '2', '3', '4']]);
    expect([...r.rowLines]).toEqual([2, 3, 4, 5]);
  });

  it('skips blank lines (spaces, tabs, non-breaking spaces), before the header too, keeping line numbers', () => {
    const r = parseCsv('\r\n  \r\na;b\r\n1;2\r\n\t \u00a0\r\n\r\n3;4\r\n   ');
    expect(r.header).toEqual(['a', 'b']);
    expect(r.columns).toEqual([
      ['1', '3'],
      ['2', '4'],
    ]);
    expect([...r.rowLines]).toEqual([4, 7]);
    expect(r.issues).toEqual([]);
  });

  it('skips a line of tabs before the header of a tab-separated file', () => {
    const r = parseCsv('\t\t\r\na\tb\r\n1\t2\r\n');
    expect(r.delimiter).toBe('\t');
    expect(r.header).toEqual(['a', 'b']);
    expect(r.columns).toEqual([['1'], ['2']]);
    expect([...r.rowLines]).toEqual([3]);
  });

  it('skips a line of empty fields like a blank line (Excel writes them for formatted rows)', () => {
    const r = parseCsv('a;b\n;\n1;2\n;;;\n');
    expect(r.columns).toEqual([['1'], ['2']]);
    expect([...r.rowLines]).toEqual([3]);
    expect(r.issues).toEqual([]);
  });

  it('reads a quoted empty field as a record', () => {
    const r = parseCsv('a;b\n"";\n');
    expect(r.columns).toEqual([[''], ['']]);
    expect(r.rowCount).toBe(1);
  });

  it("accepts Excel's trailing empty columns: unnamed in the header, empty in the rows", () => {
    const r = parseCsv('a;b;;;\n1;2;;;\n3;4\n5;6;;;;;\n');
    expect(r.header).toEqual(['a', 'b', '', '', '']);
    expect(r.columns.slice(0, 2)).toEqual([
      ['1', '3', '5'],
      ['2', '4', '6'],
    ]);
    expect(r.issues).toEqual([]);
  });

  it('reports an unnamed trailing column once a row uses it, and a non-empty field past the header', () => {
    const r = parseCsv('a;b;;\n1;2;;\n3;4;x;\n5;6;;;y\n');
    expect(r.issues.map((i) => [i.rule, i.line, i.column])).toEqual([
      ['csv.champs_en_trop', 4, undefined],
      ['csv.entete_vide', 1, 3],
    ]);
  });

  it('skips a line of tabs in a tab-separated file, and reads a quoted empty field as a record', () => {
    const r = parseCsv('a\tb\n\t\n \t \n""\t\n1\t2\n');
    expect(r.delimiter).toBe('\t');
    expect(r.columns).toEqual([
      ['', '1'],
      ['', '2'],
    ]);
    expect([...r.rowLines]).toEqual([4, 5]);
  });

  it('reads quoted fields: delimiters, doubled quotes, line breaks; rowLines is the start line', () => {
    const text = 'objet;n\r\n"Lycée A; lot 2";1\r\n"dit ""clos""";2\r\n"ligne 1\r\nligne 2\nligne 3";3\r\n"";4\r\n';
    const r = parseCsv(text);
    expect(r.columns).toEqual([
      ['Lycée A; lot 2', 'dit "clos"', 'ligne 1\r\nligne 2\nligne 3', ''],
      ['1', '2', '3', '4'],
    ]);
    expect([...r.rowLines]).toEqual([2, 3, 4, 7]);
    expect(r.issues).toEqual([]);
  });

  it('counts a lone CR inside a quoted field as a line', () => {
    const r = parseCsv('a;b\n"x\ry";1\n2;3\n');
    expect(r.columns[0]).toEqual(['x\ry', '2']);
    expect([...r.rowLines]).toEqual([2, 4]);
  });

  it('trims quoted cells too, and ignores spaces between the closing quote and the delimiter', () => {
    const r = parseCsv('a;b\n"  x  "  ;" \n y\n"\n');
    expect(r.columns).toEqual([['x'], ['y']]);
    expect(r.issues).toEqual([]);
  });

  it('trims header names but keeps their case; a BOM left in the text is trimmed away', () => {
    const r = parseCsv('\ufeff Id_Marche ;Montant\n');
    expect(r.header).toEqual(['Id_Marche', 'Montant']);
    expect(r.rowCount).toBe(0);
    expect(r.columns).toEqual([[], []]);
  });

  it('reads a trailing delimiter at the very end as an empty last field', () => {
    const r = parseCsv('a;b\n1;');
    expect(r.columns).toEqual([['1'], ['']]);
    expect(r.issues).toEqual([]);
  });
});

describe('parseCsv: delimiter detection on the header line', () => {
  it.each([
    ['a;b;c\n1;2;3', ';'],
    ['a,b,c\n1,2,3', ','],
    ['a\tb\tc\n1\t2\t3', '\t'],
    ['a;b,c\n1;2,3', ';'], // tie: ; wins
    ['a,b\tc\n1,2\t3', ','], // tie between , and tab: , wins
    ['"a;x","b;y",c\n1,2,3', ','], // delimiters inside quotes do not count
    ['\n\n a,b \n1,2', ','], // blank lines before the header are skipped
    ['seul\n1,5', ';'], // no delimiter on the header: ;
    ['', ';'],
  ] as const)('%j → %j', (text, delimiter) => {
    expect(parseCsv(text).delimiter).toBe(delimiter);
  });

  it('uses the given delimiter instead of detecting one', () => {
    const r = parseCsv('a;b,c\n1;2,3', { delimiter: ',' });
    expect(r.header).toEqual(['a;b', 'c']);
    expect(r.columns).toEqual([['1;2'], ['3']]);
  });

  it('reads a comma file with French decimal commas in quotes', () => {
    const r = parseCsv('id,heures\nP1,"12,5"\n');
    expect(r.columns).toEqual([['P1'], ['12,5']]);
  });
});

describe('parseCsv: issues with their exact position', () => {
  it('csv.vide: empty file or only blank lines', () => {
    for (const text of ['', '   ', '\r\n\r\n \t\r\n']) {
      const r = parseCsv(text);
      expect(r.issues.map(where)).toEqual([{ rule: 'csv.vide', line: 1 }]);
      expect(r.header).toEqual([]);
      expect(r.columns).toEqual([]);
      expect(r.rowCount).toBe(0);
    }
    expect(parseCsv('').issues[0]!.message).toMatchInlineSnapshot(`
      {
        "en": "Empty file: no header line was found.",
        "fr": "Fichier vide : aucune ligne d'en-tête n'a été trouvée.",
      }
    `);
  });

  it('csv.entete_vide: an empty header name, column kept so data stays aligned', () => {
    const r = parseCsv('\na;  ;c\n1;2;3\n');
    expect(r.issues.map(where)).toEqual([{ rule: 'csv.entete_vide', line: 2, column: 2, value: '' }]);
    expect(r.header).toEqual(['a', '', 'c']);
    expect(r.columns).toEqual([['1'], ['2'], ['3']]);
  });

  it('csv.entete_double: duplicate header, case-insensitive after trimming', () => {
    const r = parseCsv('id;Montant;x;MONTANT ;id\n');
    expect(r.issues.map(where)).toEqual([
      { rule: 'csv.entete_double', line: 1, column: 4, columnName: 'MONTANT', value: 'MONTANT' },
      { rule: 'csv.entete_double', line: 1, column: 5, columnName: 'id', value: 'id' },
    ]);
    expect(r.issues[0]!.message).toMatchInlineSnapshot(`
      {
        "en": "Line 1, column 4: column "MONTANT" already appears as column 2.",
        "fr": "Ligne 1, colonne 4 : la colonne « MONTANT » apparaît déjà en colonne 2.",
      }
    `);
  });

  it('csv.guillemet_non_ferme: reported at the line where the field starts', () => {
    const r = parseCsv('a;b\n1;2\n3;"début\nsuite;x\n4;5\n');
    expect(r.issues.map(where)).toEqual([
      {
        rule: 'csv.guillemet_non_ferme',
        line: 3,
        column: 2,
        columnName: 'b',
        value: 'début\nsuite;x\n4;5',
      },
    ]);
    // The rest of the file went into that cell.
    expect(r.columns).toEqual([
      ['1', '3'],
      ['2', 'début\nsuite;x\n4;5'],
    ]);
    expect([...r.rowLines]).toEqual([2, 3]);
    expect(r.issues[0]!.message).toMatchInlineSnapshot(`
      {
        "en": "Line 3, field 2: the quote opened here is never closed; the rest of the file was read as a single field.",
        "fr": "Ligne 3, champ 2 : le guillemet ouvert ici n'est jamais fermé ; la suite du fichier a été lue comme un seul champ.",
      }
    `);
  });

  it('csv.guillemet_parasite: a quote inside an unquoted field is kept as text', () => {
    const r = parseCsv('a;b\n1;2\n3;12"5\n');
    expect(r.issues.map(where)).toEqual([{ rule: 'csv.guillemet_parasite', line: 3, column: 2, columnName: 'b', value: '12"5' }]);
    expect(r.columns[1]).toEqual(['2', '12"5']);
    expect(r.issues[0]!.message.fr).toBe(`Ligne 3, champ 2 : guillemet au milieu d'un champ non entouré de guillemets ; entourer le champ de guillemets et doubler ce guillemet ("").`);
  });

  it('csv.guillemet_parasite: text after a closing quote, on the line where it stands', () => {
    const r = parseCsv('a;b\n"x\ny"z;2\n"p" "q";3\n');
    expect(r.issues.map(where)).toEqual([
      { rule: 'csv.guillemet_parasite', line: 3, column: 1, columnName: 'a', value: 'x\nyz' },
      { rule: 'csv.guillemet_parasite', line: 4, column: 1, columnName: 'a', value: 'p"q"' },
    ]);
    expect(r.columns).toEqual([
      ['x\nyz', 'p"q"'],
      ['2', '3'],
    ]);
    expect([...r.rowLines]).toEqual([2, 4]);
  });

  it('csv.guillemet_parasite: one issue per field, also beyond the header and in the header', () => {
    const r = parseCsv('a"b;c\n1;2;x"y"z\n');
    expect(r.issues.map(where)).toEqual([
      { rule: 'csv.guillemet_parasite', line: 1, column: 1, value: 'a"b' },
      { rule: 'csv.guillemet_parasite', line: 2, column: 3, value: 'x"y"z' },
      { rule: 'csv.champs_en_trop', line: 2, expected: 2, got: 3 },
    ]);
  });

  it('csv.champs_manquants: missing fields read as empty', () => {
    const r = parseCsv('a;b;c\r\n1;2;3\r\n4\r\n5;6\r\n');
    expect(r.issues.map(where)).toEqual([
      { rule: 'csv.champs_manquants', line: 3, expected: 3, got: 1 },
      { rule: 'csv.champs_manquants', line: 4, expected: 3, got: 2 },
    ]);
    expect(r.columns).toEqual([
      ['1', '4', '5'],
      ['2', '', '6'],
      ['3', '', ''],
    ]);
    expect(r.issues[0]!.message).toMatchInlineSnapshot(`
      {
        "en": "Line 3: 1 field instead of the header's 3; the missing fields are read as empty.",
        "fr": "Ligne 3 : 1 champ au lieu des 3 de l'en-tête ; les champs manquants sont lus vides.",
      }
    `);
  });

  it('csv.champs_en_trop: extra fields dropped; later rows keep their line numbers', () => {
    const r = parseCsv('a;b\n1;2;3;4\n"multi\nligne";2;x\n5;6\n');
    expect(r.issues.map(where)).toEqual([
      { rule: 'csv.champs_en_trop', line: 2, expected: 2, got: 4 },
      { rule: 'csv.champs_en_trop', line: 3, expected: 2, got: 3 },
    ]);
    expect(r.columns).toEqual([
      ['1', 'multi\nligne', '5'],
      ['2', '2', '6'],
    ]);
    expect([...r.rowLines]).toEqual([2, 3, 5]);
    expect(r.issues[1]!.message).toMatchInlineSnapshot(`
      {
        "en": "Line 3: 3 fields instead of the header's 2; the extra fields are ignored.",
        "fr": "Ligne 3 : 3 champs au lieu des 2 de l'en-tête ; les champs en trop sont ignorés.",
      }
    `);
  });

  it('cuts long values in issues to 100 characters', () => {
    const long = 'x'.repeat(500);
    const r = parseCsv(`a\n"${long}`);
    expect(r.issues[0]!.value).toHaveLength(100);
    expect(r.issues[0]!.value!.endsWith('…')).toBe(true);
    expect(r.columns[0]![0]).toBe(long);
  });
});

// A small input that exercises every state: BOM, blank lines, CRLF split points, quoted line
// breaks, doubled quotes at the edge of a chunk, stray quotes, missing/extra fields, lone CR,
// a trailing delimiter and an unclosed quote at the end.
const TRICKY = '\ufeff\r\n a ;"b"\t;c\r\n"1\r\n2";"x""y""";  z \r\n\r\n' + 'p"q;"r"s;\u00a0\r\nonly\r"""";;\r\n1;2;3;4\rlast;"open\r\nstill';

describe('createCsvParser: streaming gives the same result as one string', () => {
  it('for every split of a tricky input into two chunks', () => {
    const whole = plain(parseCsv(TRICKY));
    expect(whole.rowCount).toBe(6);
    expect(whole.header).toEqual(['a', 'b', 'c']);
    expect(whole.rowLines).toEqual([3, 6, 7, 8, 9, 10]);
    expect(whole.columns[0]).toEqual(['1\r\n2', 'p"q', 'only', '"', '1', 'last']);
    expect(whole.columns[1]).toEqual(['x"y"', 'rs', '', '', '2', 'open\r\nstill']);
    expect(whole.issues.map((i) => i.rule)).toEqual([
      'csv.guillemet_parasite',
      'csv.guillemet_parasite',
      'csv.champs_manquants',
      'csv.champs_en_trop',
      'csv.guillemet_non_ferme',
      'csv.champs_manquants',
    ]);
    for (let i = 0; i <= TRICKY.length; i++) {
      const streamed = plain(parseChunks([TRICKY.slice(0, i), TRICKY.slice(i)]));
      expect(streamed, `split at ${i}`).toEqual(whole);
    }
  });

  it('for every split into three chunks with a middle chunk of up to 6 characters, with batches of 1, 2 and 4 records', () => {
    const whole = plain(parseCsv(TRICKY));
    const wholeJson = JSON.stringify(whole);
    for (let i = 0; i <= TRICKY.length; i++) {
      for (let j = i; j <= Math.min(i + 6, TRICKY.length); j++) {
        const chunks = [TRICKY.slice(0, i), TRICKY.slice(i, j), TRICKY.slice(j)];
        const batchSize = [1, 2, 4][(i + j) % 3]!;
        const streamed = plain(parseChunks(chunks, { batchSize }));
        // ~700 cases: compare cheaply, and with a readable diff on a difference.
        if (JSON.stringify(streamed) !== wholeJson) {
          expect(streamed, `split at ${i}, ${j}`).toEqual(whole);
        }
      }
    }
  });

  it('for one character per chunk, with empty chunks in between', () => {
    const chunks = [...TRICKY].flatMap((c) => [c, '']);
    expect(plain(parseChunks(chunks))).toEqual(plain(parseCsv(TRICKY)));
  });

  it('with a given delimiter', () => {
    const text = 'a,b;c\n1,2;3\n';
    const chunks = [...text];
    expect(plain(parseChunks(chunks, { delimiter: ',' }))).toEqual(plain(parseCsv(text, { delimiter: ',' })));
  });

  it('hands out batches of batchSize records with firstRow', () => {
    const batches: { firstRow: number; rowCount: number; lines: number[]; a: string[] }[] = [];
    const parser = createCsvParser({
      batchSize: 2,
      onBatch: (b) =>
        batches.push({
          firstRow: b.firstRow,
          rowCount: b.rowCount,
          lines: [...b.rowLines],
          a: b.columns[0]!,
        }),
    });
    parser.push('a;b\n1;x\n2;x\n\n3;');
    parser.push('x\n4;x\n5;x');
    const end = parser.end();
    expect(end).toEqual({ header: ['a', 'b'], headerLine: 1, delimiter: ';', rowCount: 5, issues: [] });
    expect(batches).toEqual([
      { firstRow: 0, rowCount: 2, lines: [2, 3], a: ['1', '2'] },
      { firstRow: 2, rowCount: 2, lines: [5, 6], a: ['3', '4'] },
      { firstRow: 4, rowCount: 1, lines: [7], a: ['5'] },
    ]);
  });

  it('gives the physical line of the header, blank lines before it counted', () => {
    const lines: number[] = [];
    const parser = createCsvParser({ onBatch: (b) => lines.push(b.headerLine) });
    parser.push('\n  \r\n\t\r"a\nb";c\n1;2\n');
    expect(parser.end().headerLine).toBe(4);
    expect(lines).toEqual([4]);
  });

  it('calls onBatch only for non-empty batches', () => {
    let calls = 0;
    const parser = createCsvParser({ onBatch: () => calls++ });
    parser.push('a;b\n');
    expect(parser.end().rowCount).toBe(0);
    expect(calls).toBe(0);
  });

  it('refuses push after end, a second end, and a bad batchSize', () => {
    const parser = createCsvParser({ onBatch: () => {} });
    parser.end();
    expect(() => parser.push('a')).toThrow(/after end/);
    expect(() => parser.end()).toThrow(/twice/);
    expect(() => createCsvParser({ batchSize: 0, onBatch: () => {} })).toThrow(RangeError);
  });

  it('parseCsvStream reads an async iterable of chunks', async () => {
    const chunks = Readable.from(['a;b\r', '\n1;"x', '""y"\r\n']);
    const rows: string[][] = [];
    const end = await parseCsvStream(chunks, { onBatch: (b) => rows.push(...b.columns) });
    expect(end.rowCount).toBe(1);
    expect(rows).toEqual([['1'], ['x"y']]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

/** Characters that stress the parser. */
const nastyChar = fc.constantFrom('a', 'Z', 'é', '€', '0', ' ', '\u00a0', '\u202f', '\t', ';', ',', '"', '\n', '\r', '|', '\ufeff');
const nastyString = (maxLength: number) => fc.array(nastyChar, { maxLength }).map((chars) => chars.join(''));
/** Any UTF-16 code units, lone surrogates included. */
const anyString = (maxLength: number) => fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength }).map((units) => String.fromCharCode(...units));

/** Serialises a table RFC 4180 style, quoting a field when needed or when asked to. */
function serialise(header: readonly string[], rows: readonly (readonly string[])[], delimiter: CsvDelimiter, eol: string, quoteAll: boolean, finalEol: boolean) {
  const field = (value: string, force: boolean) => (force || quoteAll || /[;,\t"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  // A record whose cells are all whitespace would be a blank line: quote its first cell.
  const record = (cells: readonly string[]) => cells.map((c, k) => field(c, k === 0 && cells.every((x) => x.trim() === ''))).join(delimiter);
  const records = [header, ...rows].map(record);
  const rowLines: number[] = [];
  let text = '';
  records.forEach((r, k) => {
    if (k > 0) rowLines.push(1 + (text.match(/\r\n|\r|\n/g)?.length ?? 0));
    text += r + (k < records.length - 1 || finalEol ? eol : '');
  });
  return { text, rowLines };
}

const table = fc.integer({ min: 1, max: 5 }).chain((width) =>
  fc.record({
    header: fc.uniqueArray(
      nastyString(8).filter((s) => s.trim() !== ''),
      { minLength: width, maxLength: width, selector: (s) => s.trim().toLowerCase() },
    ),
    rows: fc.array(fc.array(nastyString(12), { minLength: width, maxLength: width }), {
      maxLength: 8,
    }),
    delimiter: fc.constantFrom<CsvDelimiter>(';', ',', '\t'),
    eol: fc.constantFrom('\n', '\r\n'),
    quoteAll: fc.boolean(),
    finalEol: fc.boolean(),
    given: fc.boolean(),
  }),
);

describe('properties', () => {
  it('a serialised table reads back as the trimmed table, with the right lines', () => {
    fc.assert(
      fc.property(table, ({ header, rows, delimiter, eol, quoteAll, finalEol, given }) => {
        const { text, rowLines } = serialise(header, rows, delimiter, eol, quoteAll, finalEol);
        const r = parseCsv(text, given ? { delimiter } : {});
        expect(r.issues).toEqual([]);
        expect(r.header).toEqual(header.map((h) => h.trim()));
        expect(r.rowCount).toBe(rows.length);
        expect(r.columns).toEqual(header.map((_, k) => rows.map((row) => row[k]!.trim())));
        expect([...r.rowLines]).toEqual(rowLines);
      }),
      { numRuns: 500 },
    );
  });

  it('streaming in random chunks gives the same result as one string, on any text', () => {
    fc.assert(
      fc.property(fc.oneof(nastyString(300), anyString(100)), fc.array(fc.nat(), { maxLength: 6 }), fc.integer({ min: 1, max: 5 }), (text, cuts, batchSize) => {
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((x, y) => x - y);
        const chunks = [0, ...points].map((p, k) => text.slice(p, points[k] ?? text.length));
        expect(plain(parseChunks(chunks, { batchSize }))).toEqual(plain(parseCsv(text)));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on any string, and its output is consistent', () => {
    const check = (r: ParsedCsv) => {
      expect(r.columns).toHaveLength(r.header.length);
      for (const column of r.columns) {
        expect(column).toHaveLength(r.rowCount);
        for (const cell of column) expect(cell).toBe(cell.trim());
      }
      expect(r.rowLines).toHaveLength(r.rowCount);
      for (let k = 1; k < r.rowCount; k++) expect(r.rowLines[k]!).toBeGreaterThan(r.rowLines[k - 1]!);
      for (const issue of r.issues) expect(issue.line).toBeGreaterThanOrEqual(1);
    };
    fc.assert(fc.property(anyString(500), (text) => check(parseCsv(text))));
    fc.assert(fc.property(nastyString(500), (text) => check(parseCsv(text))));
  });

  it('agrees with a naive split on 60,000 unquoted records (repeated, colliding, unique values), whole and streamed', () => {
    // Exercises the per-column cell cache: repeated values with and without spaces around them,
    // values that differ only in the middle, and a column of unique values that turns it off.
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pick = (values: readonly string[]) => values[random(values.length)]!;
    const lines = ['code;id;milieu;vide;siret'];
    for (let i = 0; i < 60_000; i++) {
      lines.push(
        [
          pick(['RSA', ' RSA', 'RSA\u00a0', 'QPV', 'TH', '']),
          `P${i}`,
          // Same length, same characters where the cache hashes: only positions 1–2 differ.
          `Q${pick(['a', 'b', 'c'])}${pick(['a', 'b'])}-mid-B`,
          random(50) === 0 ? ' ' : '',
          pick(['23440003400026', ' 23440003400026 ', '23490003400017']), // 13+ characters
        ].join(';'),
      );
    }
    const text = lines.join(random(2) === 0 ? '\r\n' : '\n');
    const expected = lines.slice(1).map((line) => line.split(';').map((cell) => cell.trim()));
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += 4099) chunks.push(text.slice(i, i + 4099));
    for (const r of [parseCsv(text), parseChunks(chunks, { batchSize: 5000 })]) {
      expect(r.issues).toEqual([]);
      expect(r.rowCount).toBe(expected.length);
      r.columns.forEach((column, k) => {
        expect(column).toHaveLength(expected.length);
        const row = column.findIndex((cell, i) => cell !== expected[i]![k]);
        expect(row === -1 ? null : { row, got: column[row], want: expected[row]![k] }).toBeNull();
      });
    }
  });

  it('handles very long fields, quoted or not, in linear passes', () => {
    const long = 'é"; \n'.repeat(200_000); // 1,000,000 characters
    const r = parseCsv(`a;b\n"${long.replaceAll('"', '""')}";x\n${'y'.repeat(1_000_000)};z\n`);
    expect(r.issues).toEqual([]);
    // Compare the big strings without asking for a diff of a million characters on failure.
    const [first, second] = r.columns[0]!;
    expect(first?.length).toBe(long.trim().length);
    expect(first === long.trim()).toBe(true);
    expect(second === 'y'.repeat(1_000_000)).toBe(true);
    expect([...r.rowLines]).toEqual([2, 200_003]);
    const unclosed = parseCsv(`a\n"${'é; \n'.repeat(200_000)}`);
    expect(unclosed.issues.map(where)).toEqual([
      {
        rule: 'csv.guillemet_non_ferme',
        line: 2,
        column: 1,
        columnName: 'a',
        // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers as any
        value: expect.any(String),
      },
    ]);
    expect(unclosed.rowCount).toBe(1);
  });
});
