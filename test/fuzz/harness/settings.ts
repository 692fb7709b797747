/**
 * Run settings shared by the fuzz tests. The defaults keep the whole folder well under a minute on
 * a small machine; fuzz longer, or replay a failure, from the command line:
 *
 *   FUZZ_RUNS=20 TZ=UTC npx vitest run test/fuzz          # 20× the runs
 *   FUZZ_SEED=1234 TZ=UTC npx vitest run test/fuzz/csv.fuzz.test.ts   # the seed fast-check printed
 */
import type fc from 'fast-check';

const factor = Number(process.env.FUZZ_RUNS ?? 1);
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** fast-check parameters for `numRuns` runs (times FUZZ_RUNS). */
export function runs<T>(numRuns: number): fc.Parameters<T> {
  return { numRuns: Math.max(1, Math.round(numRuns * factor)), ...(seed === undefined ? {} : { seed }) };
}

/** Test timeout for a property of `numRuns` runs of about `perRunMs` each, plus the worker start. */
export function budget(numRuns: number, perRunMs: number): number {
  return 60_000 + Math.round(numRuns * factor * perRunMs);
}
