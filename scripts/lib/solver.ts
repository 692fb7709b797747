/**
 * The audit's LP solver: HiGHS compiled to WebAssembly (the `highs` package), loaded once per
 * process from its own .wasm file, and handed to the pipeline (src/lib reads no file).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import highsLoader, { type Highs } from 'highs';

let loading: Promise<Highs> | undefined;

export function loadSolver(): Promise<Highs> {
  loading ??= (() => {
    const wasm = createRequire(import.meta.url).resolve('highs/runtime');
    return highsLoader({ wasmBinary: readFileSync(wasm) });
  })();
  return loading;
}
