import { op, table, type ColumnTable } from 'arquero';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupby } from '../../../src/lib/indicators/group.ts';
import { DictionaryColumn } from '../../../src/lib/validate/columns.ts';
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

// Values arquero keys apart although they look alike (1 and '1', null and 'null'), and a
// separator inside a value.
const cell = fc.constantFrom<unknown>('a', 'b', 'a|b', 'null', '1', 1, 2.5, true, null);

const arbitrary = fc.record({
  rows: fc.array(fc.tuple(cell, cell, cell, fc.integer({ min: 0, max: 9 })), { maxLength: 40 }),
  names: fc.constantFrom(['x', 'y'], ['y', 'x'], ['x', 'y', 'z'], ['z', 'x', 'y'], ['x', 'x']),
  dictionary: fc.boolean(),
  filtered: fc.boolean(),
});

describe('groupby on dictionary columns', () => {
  it('makes the groups arquero makes, and the same rollups', () => {
    fc.assert(
      fc.property(arbitrary, ({ rows, names, dictionary, filtered }) => {
        const columns = { x: rows.map((r) => r[0]), y: rows.map((r) => r[1]), z: rows.map((r) => r[2]), n: rows.map((r) => r[3]) };
        let t = makeTable(columns, dictionary);
        if (filtered) t = t.filter((d) => d.n > 2);
        const ours = groupby(t, ...names);
        const theirs = t.groupby(...names);
        expect(groupsOf(ours)).toEqual(groupsOf(theirs));
        const rollup = { n: op.sum('n'), rows: op.count(), distinct: op.distinct('z') };
        expect(ours.rollup(rollup).objects()).toEqual(theirs.rollup(rollup).objects());
      }),
      { numRuns: 400 },
    );
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
