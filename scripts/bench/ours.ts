/**
 * Child process: our pipeline on one scaled publisher folder, timed by phase.
 *
 *   read      openPublisherFolder: checks the folder, the files' sizes (no bytes read yet)
 *   validate  validateDataset: stream, decode, parse, validate the six tables, cross-table rules,
 *             arquero tables; the largest file on a worker thread when it weighs 16 MB or
 *             more (scripts/lib/offload.ts), started before the clock as DuckDB's instance is
 *             (`setupMs`)
 *   aggregate the group-by totals of ./totals.ts with arquero on the validated heures table
 *
 *   node --import tsx scripts/bench/ours.ts --dir .cache/bench/x263/pays-de-la-loire [--result FILE]
 *
 * With `--source-maps FILE`, also writes the source maps of the project modules it loaded (tsx
 * compiles TypeScript on the fly, so a CPU profile's positions refer to the compiled code).
 * With `--breakdown`, after the measurement, validates each table file alone (the public API with
 * one file and `partial: true`: cross-table rules skipped, no dataset built) and records the
 * time of each in `tables`: where the validate phase goes, and heures.csv alone against DuckDB.
 */
import { findSourceMap } from 'node:module';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openPublisherFolder } from '../lib/fs-input.ts';
import { offloadLargest, readingThreads } from '../lib/offload.ts';
import { validateDataset, type ValidateInput } from '../../src/lib/validate/index.ts';
import { Stopwatch, writeResult, type Measurement, type PhaseTime } from './child.ts';
import { totalsWithArquero } from './totals.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    scale: { type: 'string', default: '0' },
    result: { type: 'string' },
    'source-maps': { type: 'string' },
    breakdown: { type: 'boolean', default: false },
  },
});
if (!values.dir) throw new Error('--dir is required');
const dir = resolve(values.dir);

const measurement = await measure(dir, Number(values.scale));
if (values.breakdown) measurement.tables = await breakdown(dir);
await writeResult(values.result, measurement);

/** The measured work (named, so that the CPU profile summary can keep to it). */
async function measure(dir: string, scale: number): Promise<Measurement> {
  // The reading threads the folder needs are started before the clock, as DuckDB's instance is
  // created before its own (none when no file is big enough: ×1, ×10).
  const setupStart = performance.now();
  await readingThreads.start(readingThreads.plan(await openPublisherFolder(dir, dirname(dir))).length);
  const setupMs = performance.now() - setupStart;
  const clock = new Stopwatch();
  let input: ValidateInput | undefined = offloadLargest(await openPublisherFolder(dir, dirname(dir)));
  clock.lap('read');
  const { ok, dataset, report } = await validateDataset(input);
  // The pipeline no longer needs the bytes: drop the reference so they can be collected before aggregation.
  // eslint-disable-next-line no-useless-assignment
  input = undefined;
  clock.lap('validate');
  const totals = dataset ? totalsWithArquero(dataset.heures) : undefined;
  clock.lap('aggregate');
  const measured = clock.finish();

  const rowsByFile = Object.fromEntries(report.files.map((f) => [f.file, f.rows]));
  return {
    engine: 'ours',
    scale,
    ok: ok && totals !== undefined,
    ...(ok ? {} : { error: `validation failed: ${report.summary.map((s) => `${s.rule} × ${s.count}`).join(', ')}` }),
    hourRows: rowsByFile['heures.csv'] ?? 0,
    rowsByFile,
    warnings: report.warningCount,
    errors: report.errorCount,
    ...(totals ? { totals } : {}),
    setupMs,
    threads: 1 + readingThreads.filesSent,
    ...measured,
  };
}

if (values['source-maps']) await writeSourceMaps(values['source-maps']);

/** Each table file validated alone, timed (the JIT is warm from the measurement). */
async function breakdown(dir: string): Promise<Record<string, PhaseTime>> {
  const input = await openPublisherFolder(dir, dirname(dir));
  const out: Record<string, PhaseTime> = {};
  for (const [file, bytes] of Object.entries(input.files)) {
    const clock = new Stopwatch();
    await validateDataset({ ...input, files: { [file]: bytes }, partial: true });
    clock.lap(file);
    out[file] = clock.phases[file]!;
  }
  return out;
}

/** Source maps of the modules under src/ and scripts/ that this process loaded, by file URL. */
async function writeSourceMaps(out: string): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  const maps: Record<string, unknown> = {};
  for (const top of ['src', 'scripts']) {
    for (const entry of readdirSync(join(root, top), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const url = pathToFileURL(join(entry.parentPath, entry.name)).href;
      const map = findSourceMap(url);
      if (map) maps[url] = map.payload;
    }
  }
  await writeFile(out, JSON.stringify(maps));
}
