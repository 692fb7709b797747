/**
 * The one way tests say "these two tables are equal" (after arquero's own test/table-equal.js):
 * the same column names in the same order, and in each column the same values in the same order,
 * compared strictly (a number is not its string, `undefined` is not `null`).
 *
 * `expected` is another table, or the columns written out (`{ annee: [2017, 2018], … }`). Tables are
 * reified first, so a filtered or ordered view compares by the rows it shows, and dictionary
 * columns (src/lib/columns) compare by their values, not their ids.
 */
import type { ColumnTable } from 'arquero';
import { expect } from 'vitest';

export type Columns = Record<string, readonly unknown[]>;

/** A table's columns as plain arrays, in column order. */
export function columnsOf(table: ColumnTable): Columns {
  const t = table.reify();
  const out: Record<string, unknown[]> = {};
  for (const name of t.columnNames()) out[name] = Array.from(t.array(name) as ArrayLike<unknown>);
  return out;
}

export function expectTableEqual(actual: ColumnTable, expected: ColumnTable | Columns, message?: string): void {
  const want = 'reify' in expected && typeof expected.reify === 'function' ? columnsOf(expected as ColumnTable) : (expected as Columns);
  const got = columnsOf(actual);
  expect(Object.keys(got), message ? `${message}: columns` : 'columns').toStrictEqual(Object.keys(want));
  expect(got, message).toStrictEqual(want);
}
