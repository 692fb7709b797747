import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IssueCollector } from '../../../src/lib/validate/report.ts';
import { checkTable, firstRowOfValue, groupRows, monthIndex, monthString, rowsInTarget } from '../../../src/lib/validate/rules.ts';
import type { TableResult } from '../../../src/lib/validate/tables.ts';
import { heures, participants, type FieldDef } from '../../../src/schemas/index.ts';
import { validateColumn } from './fixtures.ts';

/** An hour table from already-split columns. */
function hourTable(rows: { p: string; m: string; mois: string; h: string; tc?: string; ts?: string }[]) {
  const issues = new IssueCollector();
  const rowLines = Uint32Array.from(rows, (_, i) => i + 2);
  const cells: Record<string, string[]> = {
    id_participant: rows.map((r) => r.p),
    id_marche: rows.map((r) => r.m),
    mois: rows.map((r) => r.mois),
    heures: rows.map((r) => r.h),
    type_contrat: rows.map((r) => r.tc ?? 'CDDI'),
    modalite: rows.map(() => 'SOUS_TRAITANCE'),
    type_structure: rows.map((r) => r.ts ?? 'EI'),
  };
  const fields = heures.fields as Readonly<Record<string, FieldDef>>;
  const columns = new Map(Object.entries(cells).map(([name, c]) => [name, validateColumn(name, fields[name], c, { file: 'heures.csv', rowLines, issues })]));
  const table: TableResult = { def: heures, file: 'heures.csv', rowCount: rows.length, rowLines, columns };
  return { table, issues };
}

describe('month arithmetic', () => {
  it('counts months and back', () => {
    expect(monthString(monthIndex('2017-03-14') + 18 - 1)).toBe('2018-08');
    expect(monthString(monthIndex('2018-12') + 1)).toBe('2019-01');
  });
});

describe('groupRows', () => {
  it('groups row indices by id, in file order', () => {
    const { order, start } = groupRows(Uint32Array.from([2, 1, 2, 0, 1]), 3, 5);
    expect([...order]).toEqual([3, 1, 4, 0, 2]);
    expect([...start]).toEqual([0, 1, 3, 5]);
  });
});

describe('hour table rules on split columns', () => {
  it('finds repeated composite keys, whatever the spelling', () => {
    const { table, issues } = hourTable([
      { p: 'P001', m: 'M1', mois: '2018-01', h: '10' },
      { p: 'P001', m: 'M1', mois: '2018-01', h: '10', tc: 'CDI' },
      { p: 'p001', m: 'M1', mois: '01/2018', h: '5' },
    ]);
    checkTable(table, issues);
    const report = issues.build('x', [], []);
    expect(report.issues.map((i) => [i.rule, i.line, i.value, i.message.en])).toEqual([['cle.doublon', 4, 'p001 / M1 / 01/2018 / CDDI / EI', 'This key already appears on line 2.']]);
  });

  it('finds every repeated key and its first line, in small and big groups, nulls left out (property, against a naive Map)', () => {
    // Few participants, so that some groups pass the pair-by-pair size; empty cells are nulls.
    const row = fc.record({
      p: fc.constantFrom('P001', 'P002', ''),
      m: fc.constantFrom('M1', 'M2', ''),
      mois: fc.constantFrom('2018-01', '2018-02'),
      h: fc.constant('1'),
      tc: fc.constantFrom('CDDI', 'CDI'),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 120 }), (rows) => {
        const { table } = hourTable(rows);
        const issues = new IssueCollector();
        checkTable(table, issues);
        const first = new Map<string, number>();
        const expected: [number, string][] = [];
        rows.forEach((r, i) => {
          if (r.p === '' || r.m === '') return;
          const key = [r.p, r.m, r.mois, r.tc].join('/');
          const seen = first.get(key);
          if (seen === undefined) first.set(key, i + 2);
          else expected.push([i + 2, `This key already appears on line ${seen}.`]);
        });
        const found = issues.build('x', [], []).issues.filter((i) => i.rule === 'cle.doublon');
        expect(found.map((i) => [i.line, i.message.en])).toEqual(expected.slice(0, 100));
        expect(issues.build('x', [], []).summary.find((s) => s.rule === 'cle.doublon')?.count ?? 0).toBe(expected.length);
      }),
      { numRuns: 200 },
    );
  });

  it('sums a person’s hours per month over every contract (property, against a naive sum)', () => {
    const row = fc.record({
      p: fc.constantFrom('P001', 'P002', 'P003'),
      m: fc.constantFrom('M1', 'M2', 'M3', 'M4'),
      mois: fc.constantFrom('2018-01', '2018-02'),
      h: fc.integer({ min: 1, max: 208 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const { table, issues } = hourTable(
          rows.map((r, i) => ({ ...r, h: String(r.h), tc: ['CDI', 'CDD', 'CDDI', 'CTTI', 'INTERIM', 'AUTRE'][i % 6]!, ts: ['EI', 'ACI', 'AI', 'ETTI', 'GEIQ'][i % 5]! })),
        );
        checkTable(table, issues);
        const sums = new Map<string, number>();
        for (const r of rows) sums.set(`${r.p} en ${r.mois}`, (sums.get(`${r.p} en ${r.mois}`) ?? 0) + r.h);
        const expected = [...sums]
          .filter(([, s]) => s > 208)
          .map(([k]) => k)
          .sort();
        const found = issues
          .build('x', [], [])
          .issues.filter((i) => i.rule === 'heures.plafond_mensuel')
          .map((i) => /pour (\S+ en \S+),/.exec(i.message.fr)![1]!)
          .sort();
        expect(found).toEqual(expected);
      }),
    );
  });
});

describe('key index', () => {
  const field = (participants.fields as Readonly<Record<string, FieldDef>>).id_participant!;
  const spelling = fc.tuple(fc.constantFrom('P001', 'P002', 'P010', 'P123', 'x'), fc.boolean(), fc.constantFrom('', ' ', '  '));
  const cell = spelling.map(([id, lower, pad]) => `${pad}${lower ? id.toLowerCase() : id}${pad.length === 1 ? '' : pad}`);

  it('finds the first row of each key, whatever its spellings, through the dictionary (property, against a naive Map)', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 40 }), (cells) => {
        const issues = new IssueCollector();
        const rowLines = Uint32Array.from(cells, (_, i) => i + 2);
        const col = validateColumn('id_participant', field, cells, { file: 'participants.csv', rowLines, issues, keyColumn: true });
        expect(col.lookup).toBeDefined();
        const index = firstRowOfValue(col);
        const naive = new Map<string, number>();
        cells.forEach((c, i) => {
          const v = c.trim().toUpperCase();
          if (/^P\d+$/.test(v) && !naive.has(v)) naive.set(v, i);
        });
        for (const probe of ['P001', 'P002', 'P010', 'P123', 'P999', 'X', 'p001', ' P001', '']) {
          expect(index.get(probe), probe).toBe(naive.get(probe));
          expect(index.has(probe), probe).toBe(naive.has(probe));
        }
        expect(index.get(1)).toBeUndefined();
      }),
    );
  });

  it('finds the target row of each value of a referencing column (property, against the index and the cells)', () => {
    const ids = ['P001', 'P002', 'P003', 'P004', 'P005', 'P006'];
    const key = fc.oneof(fc.constantFrom(...ids), fc.constantFrom('P404', 'p003', ' P005'));
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 30 }), fc.array(key, { minLength: 1, maxLength: 30 }), fc.boolean(), (targetCells, sourceCells, isKey) => {
        const issues = new IssueCollector();
        const column = (cells: string[], file: string, keyColumn: boolean) =>
          validateColumn('id_participant', field, cells, { file, rowLines: Uint32Array.from(cells, (_, i) => i + 2), issues, keyColumn });
        const target = column(targetCells, 'participants.csv', isKey);
        const source = column(sourceCells, 'heures.csv', false);
        const rows = rowsInTarget(source, target);
        const index = firstRowOfValue(target);
        expect([...rows]).toEqual(source.distinct.map((v, d) => (d === 0 ? -1 : (index.get(v) ?? -1))));
        // And against the cells themselves: the first target row whose value is the same.
        const values = targetCells.map((c) => c.trim().toUpperCase());
        source.distinct.forEach((v, d) => d > 0 && expect(rows[d], String(v)).toBe(values.indexOf(v as string)));
        expect(rowsInTarget(source, target)).toBe(rows); // made once
      }),
      { numRuns: 300 },
    );
  });

  it('is a Map for a column that is not a key', () => {
    const rowLines = Uint32Array.from([2, 3]);
    const col = validateColumn('id_participant', field, ['P001', 'p002'], { file: 'heures.csv', rowLines, issues: new IssueCollector() });
    expect(col.lookup).toBeUndefined();
    expect(firstRowOfValue(col).get('P002')).toBe(1);
  });
});
