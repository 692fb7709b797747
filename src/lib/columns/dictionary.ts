/** A dictionary-encoded column that arquero reads as any other column. */
import type { IdArray } from './ids.ts';

/**
 * A column of an arquero table that reads its values through the dictionary (arquero 8 accepts
 * any object with `length`, `at(row)` and an iterator as a column): no array of a million values
 * is built, and code that knows this class can work on `ids` directly (distinct counts, group-bys
 * on small integers). `at(i)` is exactly `values[ids[i]]`.
 */
export class DictionaryColumn<T = unknown> implements Iterable<T> {
  constructor(
    /** Per row, the index of its value in `values`. */
    readonly ids: IdArray,
    /** Distinct values; `values[0]` is `null`. */
    readonly values: readonly T[],
  ) {}

  get length(): number {
    return this.ids.length;
  }

  at(row: number): T {
    return this.values[this.ids[row]!]!;
  }

  *[Symbol.iterator](): Iterator<T> {
    const { ids, values } = this;
    for (let i = 0; i < ids.length; i++) yield values[ids[i]!]!;
  }

  /**
   * arquero's hook for grouping by this one column (`groupby(name)` on an unfiltered table, as
   * for its Arrow dictionary columns): groups come from the value ids, where arquero would build
   * a key string per row and look it up. Groups are numbered by first row, as arquero numbers
   * them; each value id is one group, since distinct values are distinct arquero keys (a
   * dictionary holding two values arquero keys alike, such as 0 and -0, would group otherwise;
   * ColumnBuilder never makes one: `canonicalCell` writes -0 as `0`).
   */
  groups(names: string[]): { keys: Uint32Array; get: ((row: number) => T)[]; names: string[]; rows: number[]; size: number } {
    const { ids, values } = this;
    const keys = new Uint32Array(ids.length);
    const rows: number[] = [];
    const groupOf = new Int32Array(values.length).fill(-1);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      let g = groupOf[id]!;
      if (g < 0) g = groupOf[id] = rows.push(i) - 1;
      keys[i] = g;
    }
    return { keys, get: [(row) => this.at(row)], names, rows, size: rows.length };
  }

  /** A plain array of the values (arquero calls it where it needs one, e.g. `toArrow`). */
  toArray(): T[] {
    const { ids, values } = this;
    const out = new Array<T>(ids.length);
    for (let i = 0; i < ids.length; i++) out[i] = values[ids[i]!]!;
    return out;
  }
}

/** A column whose every row is null (an optional column absent from the file). */
export function nullColumn(rows: number): DictionaryColumn<null> {
  return new DictionaryColumn(new Uint8Array(rows), [null]);
}
