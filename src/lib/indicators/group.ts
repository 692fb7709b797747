/**
 * `groupby` on several dictionary columns at once. arquero groups a single column through its
 * `groups()` hook (see `DictionaryColumn.groups`), but for two or more it builds a key string per
 * row (`"2014-05"|"ETTI"`) and looks it up: 0.15 s for a million hour rows. Here the key is the
 * row's value ids, combined into one number; groups are what arquero's `groupby` would make (same
 * rows, same group numbers in order of first row, same getters), handed to it through the
 * public `table.create({ groups })`, so `rollup`, `count` and the rest work unchanged.
 */
import type { ColumnTable } from 'arquero';
import { DictionaryColumn } from '../validate/columns.ts';

/** Combined keys up to this many are numbered through a typed array, beyond through a `Map`. */
const DENSE_KEYS = 1 << 20;

/** The groups arquero keeps on a grouped table (its `GroupBySpec`). */
interface Groups {
  names: string[];
  get: ((row: number) => unknown)[];
  keys: Uint32Array;
  rows: number[];
  size: number;
}

/**
 * `table.groupby(...names)`, computed from value ids when every column is a
 * {@link DictionaryColumn} of an unfiltered table; arquero's own `groupby` otherwise, for a
 * single column (it then asks the column itself) or a name given twice. Each dictionary's values are distinct (as
 * arquero keys them), so one combination of ids is one arquero key.
 */
export function groupby(table: ColumnTable, ...names: string[]): ColumnTable {
  const columns = names.map((n) => table.column(n));
  const plain = names.length < 2 || new Set(names).size < names.length || table.isFiltered();
  if (plain || !columns.every((c) => c instanceof DictionaryColumn)) return table.groupby(...names);
  const dicts = columns as DictionaryColumn[];
  let combinations = 1;
  for (const c of dicts) combinations *= c.values.length;
  if (combinations > Number.MAX_SAFE_INTEGER) return table.groupby(...names);
  const groups = combinedGroups(dicts, combinations, table.totalRows());
  return table.create({ groups: { ...groups, names, get: dicts.map((c) => (row: number) => c.at(row)) } });
}

/** Per row its group, numbered in order of first row, from the rows' combined value ids. */
function combinedGroups(dicts: readonly DictionaryColumn[], combinations: number, n: number): Omit<Groups, 'names' | 'get'> {
  const keys = new Uint32Array(n);
  const rows: number[] = [];
  const ids = dicts.map((c) => c.ids);
  const sizes = dicts.map((c) => c.values.length);
  const code = (row: number) => {
    let k = 0;
    for (let j = 0; j < ids.length; j++) k = k * sizes[j]! + ids[j]![row]!;
    return k;
  };
  if (combinations <= DENSE_KEYS) {
    const groupOf = new Int32Array(combinations).fill(-1);
    for (let i = 0; i < n; i++) {
      const k = code(i);
      let g = groupOf[k]!;
      if (g < 0) g = groupOf[k] = rows.push(i) - 1;
      keys[i] = g;
    }
  } else {
    const groupOf = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const k = code(i);
      let g = groupOf.get(k);
      if (g === undefined) groupOf.set(k, (g = rows.push(i) - 1));
      keys[i] = g;
    }
  }
  return { keys, rows, size: rows.length };
}
