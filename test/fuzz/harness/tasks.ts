/**
 * The code under test, as run inside the watchdog's worker thread (worker.mjs). Each task returns
 * plain data (structured-clone safe): arquero tables and class instances stay in the worker.
 */
import { createCsvParser, decodeBytes, parseCsv, type CsvDelimiter } from '../../../src/lib/csv/index.ts';
import type { ValidateInput, ValidationReport } from '../../../src/lib/validate/index.ts';
import type { Bilingual } from '../../../src/lib/lang.ts';

// The validator and the pipeline are loaded on first use: the CSV fuzz test does not wait for them.
const validator = () => import('../../../src/lib/validate/index.ts');
const pipelineModule = () => import('../../../src/lib/pipeline.ts');
const solver = () => import('../../../scripts/lib/solver.ts').then((m) => m.loadSolver());

export function decode(bytes: Uint8Array) {
  return decodeBytes(bytes);
}

export function parse(text: string, delimiter?: CsvDelimiter) {
  return parseCsv(text, delimiter ? { delimiter } : {});
}

/** The streaming parser fed `chunks`, its batches put back together as one-shot columns. */
export function parseChunks(chunks: string[], batchSize: number, delimiter?: CsvDelimiter) {
  let columns: string[][] | undefined;
  const rowLines: number[] = [];
  const firstRows: number[] = [];
  const parser = createCsvParser({
    batchSize,
    ...(delimiter ? { delimiter } : {}),
    onBatch: (batch) => {
      columns ??= batch.header.map(() => []);
      batch.columns.forEach((c, j) => columns![j]!.push(...c));
      rowLines.push(...batch.rowLines);
      firstRows.push(batch.firstRow);
      if (batch.rowCount === 0 || batch.rowCount > batchSize) throw new Error(`bad batch size ${batch.rowCount}`);
    },
  });
  for (const chunk of chunks) parser.push(chunk);
  const end = parser.end();
  return { ...end, columns: columns ?? end.header.map(() => []), rowLines, firstRows };
}

/** What the tests check of a report, with its text rendering in both languages. */
export interface ReportSummary {
  report: ValidationReport;
  text: Bilingual;
}

async function summarise(report: ValidationReport): Promise<ReportSummary> {
  const { formatReport } = await validator();
  return { report, text: { fr: formatReport(report, 'fr'), en: formatReport(report, 'en') } };
}

export async function validate(input: ValidateInput) {
  const result = await (await validator()).validateDataset(input);
  return { ok: result.ok, hasDataset: result.dataset !== undefined, ...(await summarise(result.report)) };
}

export async function pipeline(inputs: ValidateInput[]) {
  const result = await (
    await pipelineModule()
  ).runPipeline(
    inputs.map((input) => ({ input })),
    { highs: await solver() },
  );
  return {
    ok: result.ok,
    reports: await Promise.all(result.reports.map(summarise)),
    files: [...result.files].map(([path, bytes]) => ({ path, size: bytes.length })),
  };
}

// ——— For the watchdog's own test (watchdog.test.ts). ———

/** Never returns: a synchronous loop, the kind of hang a test timeout cannot interrupt. */
export function spin(): never {
  for (;;);
}

export function fail(message: string): never {
  throw new RangeError(message);
}

/** Allocates until the worker's heap limit is reached. */
export function exhaustMemory(): number {
  const hoard: string[][] = [];
  for (;;) hoard.push(Array.from({ length: 1 << 16 }, (_, i) => `${i}-${hoard.length}`));
}
