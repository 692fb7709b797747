/** A validated column as the validator leaves it: value ids per row into its distinct values and cells. */
import type { IdArray } from './ids.ts';

/**
 * The validated values of one column, dictionary-encoded twice: the normalised value of row `i` is
 * `distinct[ids[i]]` (`new DictionaryColumn(ids, distinct)` reads them) and its cell as written is
 * `rawDistinct[rawIds[i]]` (see {@link rawCell}). Rules work on the ids, and so do the dataset's
 * arquero columns (`DictionaryColumn`): no plain array of values is built.
 */
export interface ColumnResult {
  name: string;
  /** Per row, the index of its normalised value in `distinct`; 0 when empty or invalid (`null`). */
  ids: IdArray;
  /** Distinct normalised values; `distinct[0]` is `null`. Arrays (multi) compare by content. */
  distinct: unknown[];
  /**
   * Per row, the index of its cell in `rawDistinct`; absent when every value of the column was
   * written one way only, and then `rawOfValue` gives each value's cell. Either way, only rows
   * with a value (id ≠ 0) are sure to find their cell: the rules report nothing else.
   */
  rawIds?: IdArray;
  /** Per value id, the index in `rawDistinct` of the first cell that gave it. */
  rawOfValue: Uint32Array;
  /** Distinct cells as written; `rawDistinct[0]` is the empty cell. */
  rawDistinct: readonly string[];
  /**
   * The id of a value in `distinct` (-1 if absent), found through the parser's dictionary of the
   * column: no second index of its values. Only for the key column of a table whose values are
   * strings (see `ColumnContext.keyColumn`).
   */
  lookup?: (value: string) => number;
}

/** The cell of row `i` as written. */
export function rawCell(col: ColumnResult, i: number): string {
  return col.rawDistinct[col.rawIds ? col.rawIds[i]! : col.rawOfValue[col.ids[i]!]!]!;
}

/** The values of a numeric column per value id (NaN for id 0), for arithmetic on rows. */
export function numbersById(col: ColumnResult): Float64Array {
  const out = new Float64Array(col.distinct.length);
  out[0] = NaN;
  for (let d = 1; d < col.distinct.length; d++) out[d] = col.distinct[d] as number;
  return out;
}
