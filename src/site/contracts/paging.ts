/**
 * Paging of long lists (all contracts, all operations): the server renders every page as a
 * static file, so the lists read and browse without JavaScript and each page stays light
 * whatever the number of rows. Pure: build time and tests.
 */

/** Rows per page: about 10 kB of gzip HTML for the contracts table. */
export const PAGE_SIZE = 100;

export const pageCount = (rows: number, size = PAGE_SIZE): number => Math.max(1, Math.ceil(rows / size));

/** Rows of page `page` (1-based). */
export const pageRows = <T>(rows: readonly T[], page: number, size = PAGE_SIZE): T[] => rows.slice((page - 1) * size, page * size);

/**
 * Page numbers to link from page `page` of `pages`: the first, the last and two on each side
 * of the current one; `null` marks a gap. `pageWindow(7, 20)` → 1 … 5 6 7 8 9 … 20.
 */
export function pageWindow(page: number, pages: number): (number | null)[] {
  const keep = new Set([1, pages]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= pages) keep.add(p);
  const out: (number | null)[] = [];
  let last = 0;
  for (const p of [...keep].sort((a, b) => a - b)) {
    if (p > last + 1) out.push(null);
    out.push(p);
    last = p;
  }
  return out;
}

/** `getStaticPaths` entries of pages 2…n (page 1 is the list's own page). */
export function laterPages(rows: number): number[] {
  const n = pageCount(rows);
  return Array.from({ length: Math.max(0, n - 1) }, (_, i) => i + 2);
}
