import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { InternTable } from '../../../src/lib/csv/intern.ts';
import { DictionaryColumn, rawCell, type ColumnResult } from '../../../src/lib/columns/index.ts';
import { checkCell } from '../../../src/lib/validate/check-cell.ts';
import { ColumnBuilder } from '../../../src/lib/validate/column.ts';
import { IssueCollector } from '../../../src/lib/validate/report.ts';
import { validateColumn } from './fixtures.ts';
import { entreprises, field, heures, marches, participants, type FieldDef } from '../../../src/schemas/index.ts';

/** The value of every row, as the dataset's arquero column reads it. */
const columnValues = (col: ColumnResult) => new DictionaryColumn(col.ids, col.distinct).toArray();

function run(f: FieldDef | undefined, cells: string[]) {
  const issues = new IssueCollector();
  const rowLines = Uint32Array.from(cells, (_, i) => i + 2);
  const col = validateColumn('c', f, cells, { file: 't.csv', rowLines, issues });
  return { col, report: issues.build('x', [], ['t.csv']) };
}

describe('validateColumn', () => {
  it('runs the reader and zod once per distinct raw value', () => {
    let calls = 0;
    const counted = field({
      kind: 'id',
      schema: z.string().refine(() => ++calls > 0),
      required: true,
      title: { fr: 't', en: 't' },
      description: { fr: 'd', en: 'd' },
      example: 'a',
    });
    const cells = Array.from({ length: 10_000 }, (_, i) => ['a', 'b', 'c'][i % 3]!);
    const { col } = run(counted, cells);
    expect(calls).toBe(3);
    expect(col.distinct).toEqual([null, 'a', 'b', 'c']);
  });

  it('gives two spellings of one value the same id', () => {
    const { col } = run(participants.fields.id_participant, ['p001', 'P001', 'P002', 'p002', '']);
    expect([...col.ids]).toEqual([1, 1, 2, 2, 0]);
    expect(columnValues(col)).toEqual(['P001', 'P001', 'P002', 'P002', null]);
  });

  it('keeps a valid number whose canonical form is an invalid cell of the same column', () => {
    // String(0.0000001) is '1e-7' and String(1e21) is '1e+21': cells the contract refuses (as
    // Excel's scientific notation, which loses digits).
    const small = run(heures.fields.heures, ['0,0000001', '1e-7']);
    expect(columnValues(small.col)).toEqual([1e-7, null]);
    expect(small.report.issues.map((i) => [i.rule, i.line, i.value])).toEqual([['excel.notation_scientifique', 3, '1e-7']]);
    const big = run(marches.fields.montant, ['1e+21', '1000000000000000000000']);
    expect(columnValues(big.col)).toEqual([null, 1e21]);
    expect(big.report.issues.map((i) => [i.rule, i.line])).toEqual([['excel.notation_scientifique', 2]]);
  });

  it('reports every bad cell at its line, counted exactly', () => {
    const cells = Array.from({ length: 250 }, (_, i) => (i % 2 ? '12h' : '3'));
    const { report } = run(heures.fields.heures, cells);
    expect(report.errorCount).toBe(125);
    expect(report.issues[0]).toMatchObject({ rule: 'nombre.format', file: 't.csv', line: 3, column: 'c', value: '12h' });
  });

  it('reports empty required cells without a value, and keeps empty optional cells as null', () => {
    expect(run(marches.fields.objet, ['']).report.issues[0]).toMatchObject({ rule: 'valeur.manquante', line: 2, column: 'c' });
    expect(run(marches.fields.objet, ['']).report.issues[0]!.value).toBeUndefined();
    const optional = run(entreprises.fields.departement, ['', '44']);
    expect(optional.report.errorCount).toBe(0);
    expect(columnValues(optional.col)).toEqual([null, '44']);
  });

  it('scans refused columns and free text, not valid codes', () => {
    expect(run(undefined, ['x', 'écrire à a.b@example.org']).report.issues.map((i) => i.rule)).toEqual(['anonymat.email']);
    expect(run(marches.fields.objet, ['appeler le 0612345678']).report.issues.map((i) => i.rule)).toEqual(['anonymat.telephone']);
    // An invalid number is scanned too: a phone number typed in the hours column.
    expect(run(heures.fields.heures, ['06 12 34 56 78']).report.issues.map((i) => i.rule)).toEqual(['nombre.format', 'anonymat.telephone']);
  });

  it('gives the same result as checking every cell on its own (property)', () => {
    const pool = ['1', '2,5', '1 200', '1200', '12h', '', '0', '208', '300', '7'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 60 }), (cells) => {
        const { col, report } = run(heures.fields.heures, cells);
        const direct = cells.map((c) => (c === '' ? null : checkCell(heures.fields.heures, c)));
        expect(columnValues(col)).toEqual(direct.map((r) => (r && r.ok ? r.value : null)));
        expect(report.errorCount).toBe(direct.filter((r) => r === null || !r.ok).length);
      }),
    );
  });
});

describe('ColumnBuilder.pushIds (the parser’s interned cells)', () => {
  /** Cells pushed batch by batch through one intern table, as the validator's parse does. */
  function pushBatches(f: FieldDef, batches: string[][]) {
    const issues = new IssueCollector();
    const builder = new ColumnBuilder('c', f, { file: 't.csv', issues });
    const table = new InternTable();
    let line = 2;
    for (const cells of batches) {
      const ids = Uint32Array.from(cells, (c) => table.idOfString(c));
      builder.pushIds(
        ids,
        table,
        Uint32Array.from(cells, () => line++),
      );
    }
    return { col: builder.finish(), report: issues.build('x', [], ['t.csv']) };
  }

  it('gives the same values and report in batches as in one, and each row its cell as written', () => {
    const f = participants.fields.id_participant;
    const batches = [
      ['P001', 'P002', 'P001'],
      ['', 'x-1', 'p002'],
      ['P002', 'p001'],
    ];
    const { col, report } = pushBatches(f, batches);
    const plain = run(f, batches.flat()); // one batch
    expect(columnValues(col)).toEqual(columnValues(plain.col));
    expect(report).toEqual(plain.report);
    // A second spelling (p002) came in the second batch: rows before it still give their own cell.
    const rows = batches.flat();
    rows.forEach((cell, i) => {
      if (col.ids[i] !== 0) expect(rawCell(col, i)).toBe(cell);
    });
    expect(col.rawIds).toBeDefined();
  });

  it('widens its id arrays from bytes to 16 and 32 bits in the middle of a batch, rows before kept', () => {
    const f = participants.fields.id_participant;
    // 70,000 distinct pseudonyms, some written in lower case (a second spelling: raw ids too).
    const cells = Array.from({ length: 70_000 }, (_, i) => (i % 1000 === 999 ? `p${100_000 + i - 500}` : `P${100_000 + i}`));
    const { col } = pushBatches(f, [cells.slice(0, 200), cells.slice(200, 40_000), cells.slice(40_000)]);
    expect(col.ids).toBeInstanceOf(Uint32Array);
    expect(col.rawIds).toBeInstanceOf(Uint32Array);
    expect(columnValues(col)).toEqual(cells.map((c) => c.toUpperCase()));
    cells.forEach((cell, i) => {
      if (rawCell(col, i) !== cell) expect.fail(`row ${i}: ${rawCell(col, i)} is not ${cell}`);
    });
    const few = pushBatches(heures.fields.type_contrat, [['CDDI', 'CDI'], ['CDDI']]).col;
    expect(few.ids).toBeInstanceOf(Uint8Array);
  });

  it('keeps no per-row raw ids while every value is written one way', () => {
    const { col } = pushBatches(heures.fields.mois, [
      ['01/2018', '02/2018'],
      ['01/2018', ' 02/2018 '],
    ]);
    expect(col.rawIds).toBeUndefined();
    expect([0, 1, 2, 3].map((i) => rawCell(col, i))).toEqual(['01/2018', '02/2018', '01/2018', '02/2018']);
  });
});
