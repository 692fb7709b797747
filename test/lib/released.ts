/**
 * Test helper: a dataset through steps 2–5 of the pipeline (cells, protection, audit, tables) with
 * the real LP solver, once per dataset.
 */
import { loadSolver } from '../../scripts/lib/solver.ts';
import type { Dataset } from '../../src/lib/dataset.ts';
import { releaseOf } from '../../src/lib/pipeline.ts';
import type { Ligne } from '../../src/lib/tables/types.ts';

export const highs = await loadSolver();

const cache = new WeakMap<Dataset, ReturnType<typeof releaseOf>>();

/** The release input of `ds` (its protected, audited tables). */
export function released(ds: Dataset): ReturnType<typeof releaseOf> {
  let r = cache.get(ds);
  if (!r) cache.set(ds, (r = releaseOf(ds, { highs })));
  return r;
}

/** The rows of one published table of `ds`. */
export function rowsOf(ds: Dataset, id: string): Ligne[] {
  const t = released(ds).tables.find((x) => x.t.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t.rows;
}

/** The protection of `ds`. */
export const protectionOf = (ds: Dataset) => released(ds).protection.protection;
