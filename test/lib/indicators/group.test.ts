import { op, table, type ColumnTable } from 'arquero';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupby } from '../../../src/lib/indicators/group.ts';
import { DictionaryColumn } from '../../../src/lib/columns/index.ts';
import { makeTable } from './fixtures.ts';

/** What a grouped table holds: its groups, and each group's values read through its getters. */
function groupsOf(t: ColumnTable) {
  const g = t.groups() as { names: string[]; get: ((row: number) => unknown)[]; keys: Uint32Array; rows: number[]; size: number };
  return {
    names: g.names,
    keys: [...g.keys],
    rows: [...g.rows],
    size: g.size,
    values: [...g.rows].map((row) => g.get.map((get) => get(row))),
  };
}

// Values arquero keys apart although they look alike (1 and '1', null and 'null'), a separator
// inside a value, and a quote (arquero's keys quote strings).
const cell = fc.constantFrom<unknown>('a', 'b', 'a|b', 'q"', 'null', '1', 1, 2.5, true, null);

const rows = fc.array(fc.tuple(cell, cell, cell, fc.integer({ min: 0, max: 9 })), { maxLength: 40 });
const names = fc.constantFrom<string[]>(['x', 'y'], ['y', 'x'], ['x', 'y', 'z'], ['z', 'x', 'y']);

function tableOf(list: [unknown, unknown, unknown, number][], dictionary: boolean): ColumnTable {
  return makeTable({ x: list.map((r) => r[0]), y: list.map((r) => r[1]), z: list.map((r) => r[2]), n: list.map((r) => r[3]) }, dictionary);
}

/** Our groupby and arquero's give the same groups and the same rollups. */
function same(t: ColumnTable, by: string[]): void {
  const ours = groupby(t, ...by);
  const theirs = t.groupby(...by);
  expect(groupsOf(ours)).toEqual(groupsOf(theirs));
  const rollup = { n: op.sum('n'), rows: op.count(), distinct: op.distinct('z') };
  expect(ours.rollup(rollup).objects()).toEqual(theirs.rollup(rollup).objects());
}

describe('groupby on dictionary columns', () => {
  it('makes the groups arquero makes, and the same rollups (property)', () => {
    fc.assert(
      fc.property(rows, names, (list, by) => same(tableOf(list, true), by)),
      { numRuns: 300 },
    );
  });

  it('is arquero\'s own groupby on a filtered table, plain columns, one column or a repeated name (property)', () => {
    const view = fc.constantFrom('filtered', 'plain columns', 'one column', 'repeated name');
    fc.assert(
      fc.property(rows, names, view, (list, by, v) => {
        let t = tableOf(list, v !== 'plain columns');
        if (v === 'filtered') t = t.filter((d) => d.n > 2);
        same(t, v === 'one column' ? by.slice(0, 1) : v === 'repeated name' ? [by[0]!, by[0]!] : by);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps apart what arquero\'s joined keys merge (values holding "|")', () => {
    const t = tableOf(
      [
        ['a', 'b"|"c', null, 1],
        ['a"|"b', 'c', null, 2],
      ],
      true,
    );
    expect(t.groupby('x', 'y').groups().size).toBe(1); // arquero: '"a"|"b"|"c"' twice
    expect(groupby(t, 'x', 'y').groups().size).toBe(2);
  });

  it('numbers combinations past a million through a Map, with the same groups', () => {
    // Three columns of 120 values: 120³ ≈ 1.7 M combinations, over 5,000 rows.
    const values = [null, ...Array.from({ length: 119 }, (_, i) => `v${i}`)];
    const n = 5000;
    const column = (step: number) => new DictionaryColumn(Uint8Array.from({ length: n }, (_, i) => (i * step) % 120), values);
    const t = table({ a: column(7), b: column(11), c: column(13), h: Float64Array.from({ length: n }, (_, i) => i % 17) });
    const ours = groupby(t, 'a', 'b', 'c');
    expect(groupsOf(ours)).toEqual(groupsOf(t.groupby('a', 'b', 'c')));
    expect(ours.rollup({ h: op.sum('h') }).objects()).toEqual(t.groupby('a', 'b', 'c').rollup({ h: op.sum('h') }).objects());
  });
});
