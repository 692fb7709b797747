/** Groups of rows numbered from their value ids, as arquero numbers groups. */
import type { IdArray } from './ids.ts';

/**
 * Combinations of value ids up to this many, or up to the rows, are numbered through a typed
 * array; beyond, through a `Map`.
 */
const DENSE_GROUPS = 1 << 20;

/**
 * Groups of rows by their value ids in `columns`, as arquero numbers groups: per row its group
 * (`keys`), groups in order of first row (`rows`: each group's first row). The ids of a row are
 * combined into one number, below `combinations` (the product of the dictionaries' sizes, at most
 * `Number.MAX_SAFE_INTEGER`).
 */
export function groupsOfIds(
  columns: readonly { ids: IdArray; values: readonly unknown[] }[],
  combinations: number,
  n: number,
): { keys: Uint32Array; rows: number[]; size: number } {
  const keys = new Uint32Array(n);
  const rows: number[] = [];
  const ids = columns.map((c) => c.ids);
  const sizes = columns.map((c) => c.values.length);
  const code =
    ids.length === 1
      ? (row: number) => ids[0]![row]!
      : (row: number) => {
          let k = 0;
          for (let j = 0; j < ids.length; j++) k = k * sizes[j]! + ids[j]![row]!;
          return k;
        };
  if (combinations <= Math.max(DENSE_GROUPS, n + 1)) {
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
