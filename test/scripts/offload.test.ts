/**
 * Tables read on worker threads (scripts/lib/offload.ts) give the same report and the same
 * dataset as tables read on the main thread. On every fixture, every table file read apart and
 * its reading carried as a thread carries it (packed, copied with its buffers moved, unpacked).
 * On real threads: a few fixtures with the largest file on a thread, then every file on a thread
 * of its own (no table read on the main thread); some with each table alone on a thread
 * (references into it wait for it). Reports are compared as published (JSON text). A reading
 * that fails on its thread says which file and why, in French and English; a thread that stops
 * without answering has its file read here.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fileSource, openPublisherFolder, type OpenedFolder } from '../../scripts/lib/fs-input.ts';
import { ReadingThreads } from '../../scripts/lib/offload.ts';
import type { Dataset } from '../../src/lib/dataset.ts';
import { packTableRead, readTableAlone, unpackTableRead, validateDataset, type ValidateResult } from '../../src/lib/validate/index.ts';
import { tableOfFile } from '../../src/schemas/index.ts';
import { fixtureInput, ruleFixtures } from '../lib/validate/fixtures.ts';
import { columnsOf } from '../table-equal.ts';

const run = promisify(execFile);
const TMP = mkdtempSync(join(tmpdir(), 'offload-'));
const one = new ReadingThreads(1);
const six = new ReadingThreads(6);
afterAll(async () => {
  await Promise.all([one.close(), six.close()]);
  rmSync(TMP, { recursive: true, force: true });
});

/**
 * Fixtures validated on real threads, the largest file on one, then every table file on a thread of
 * its own: the valid one, a reference into another file, a duplicate key, the monthly ceiling (read
 * on the thread), a rule across tables and a missing file.
 */
const THREADED = new Set(['valide', 'reference.introuvable', 'cle.doublon', 'heures.plafond_mensuel', 'marches.critere_sans_consideration', 'fichier.absent']);

/** The fixture (`valide/` or a rule's) written as publisher folder `valide` of a fresh root. */
function folder(rule?: string): { dir: string; root: string } {
  const root = join(TMP, rule ?? 'valide');
  const dir = join(root, 'valide');
  mkdirSync(dir, { recursive: true });
  const { meta, files } = fixtureInput(rule);
  if (meta !== undefined) writeFileSync(join(dir, 'metadonnees.json'), meta);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  return { dir, root };
}

/** Every table of a dataset as its columns (test/table-equal.ts). */
function rows(dataset: Dataset | undefined) {
  if (!dataset) return undefined;
  const { meta, ...tables } = dataset;
  return { meta, ...Object.fromEntries(Object.entries(tables).map(([name, t]) => [name, columnsOf(t)])) };
}

/** The report as published (JSON: key order counts) and the dataset's rows. */
async function validate(input: OpenedFolder): Promise<{ report: string; rows: ReturnType<typeof rows> }> {
  const { report, dataset } = await validateDataset(input);
  return { report: JSON.stringify(report), rows: rows(dataset) };
}

describe('tables read on worker threads', () => {
  /**
   * Every table file read apart, its reading packed, copied as `postMessage` copies it (buffers
   * moved) and unpacked: what crosses a thread, without the thread. On every fixture and every
   * table file; the real threads below run on the fixtures that exercise them (one thread per
   * file costs about a second to start under load, so not 60 times).
   */
  it.each(['valide', ...ruleFixtures()])('give the same report and dataset when each table is read apart and crosses a thread: %s', async (fixture) => {
    const { dir, root } = folder(fixture === 'valide' ? undefined : fixture);
    const input = await openPublisherFolder(dir, root);
    const here = await validate(input);
    const apart: string[] = [];
    const crossing: OpenedFolder = {
      ...input,
      offload: (file) => {
        const source = input.files[file];
        const def = tableOfFile(file);
        if (!source || !def) return undefined;
        apart.push(file);
        return readTableAlone(def, fileSource(source.path, source.size)).then((r) => {
          const { message, transfer } = packTableRead(r);
          return unpackTableRead(structuredClone(message, { transfer }));
        });
      },
    };
    expect(await validate(crossing)).toEqual(here);
    expect(apart.sort()).toEqual(
      (JSON.parse(here.report) as ValidateResult['report']).files
        .map((f) => f.file)
        .filter((f) => tableOfFile(f))
        .sort(),
    );
  });

  it.each([...THREADED])('give the same report and dataset as on one thread: %s', async (fixture) => {
    const { dir, root } = folder(fixture === 'valide' ? undefined : fixture);
    const input = await openPublisherFolder(dir, root);
    const here = await validate(input);
    // Which files went to a thread.
    const spy = (o: OpenedFolder, sent: string[]): OpenedFolder => ({
      ...o,
      offload: (file) => {
        const reading = o.offload?.(file);
        if (reading) sent.push(file);
        return reading;
      },
    });
    const toOne: string[] = [];
    expect(await validate(spy(one.offloadLargest(input, 0), toOne))).toEqual(here);
    expect(toOne).toHaveLength(1);
    // Every file on a thread of its own.
    const toSix: string[] = [];
    expect(await validate(spy(six.offloadLargest(input, 0), toSix))).toEqual(here);
    expect(toSix.sort()).toEqual((JSON.parse(here.report) as ValidateResult['report']).files.map((f) => f.file).sort());
  });

  // A table read on a thread while a table that refers to it is read here: its references wait for it.
  it.each(['valide', 'reference.introuvable', 'heures.hors_execution'])('give the same report and dataset with any one table on a thread: %s', async (fixture) => {
    const { dir, root } = folder(fixture === 'valide' ? undefined : fixture);
    const input = await openPublisherFolder(dir, root);
    const here = await validate(input);
    const files = (JSON.parse(here.report) as ValidateResult['report']).files.map((f) => f.file);
    for (const file of files) expect(await validate(one.offload(input, [file])), file).toEqual(here);
  });

  it('keeps the process alive while a thread starts or reads, and not once it is idle', async () => {
    const { dir, root } = folder();
    const script = join(TMP, 'idle.mts');
    const offload = join(import.meta.dirname, '..', '..', 'scripts', 'lib', 'offload.ts');
    const fsInput = join(import.meta.dirname, '..', '..', 'scripts', 'lib', 'fs-input.ts');
    const validate = join(import.meta.dirname, '..', '..', 'src', 'lib', 'validate', 'index.ts');
    writeFileSync(
      script,
      [
        `import { ReadingThreads } from ${JSON.stringify(offload)};`,
        `import { openPublisherFolder } from ${JSON.stringify(fsInput)};`,
        `import { validateDataset } from ${JSON.stringify(validate)};`,
        'const threads = new ReadingThreads(1);',
        'await threads.start();',
        "console.log('started');",
        "if (process.argv.includes('--read')) {",
        `  const input = await openPublisherFolder(${JSON.stringify(dir)}, ${JSON.stringify(root)});`,
        '  // heures.csv alone, on the thread: the main thread has nothing else to wait for.',
        "  const alone = { ...input, files: { 'heures.csv': input.files['heures.csv'] }, partial: true };",
        "  const { ok } = await validateDataset(threads.offload(alone, ['heures.csv']));",
        "  console.log(ok ? 'read' : 'refused');",
        '}',
      ].join('\n'),
    );
    // An idle thread that held the process would keep it until the timeout kills it; one that
    // did not while starting or reading would let it end before the line is printed.
    const started = await run(process.execPath, ['--import', 'tsx', script], { timeout: 20_000 });
    expect(started.stdout).toBe('started\n');
    const read = await run(process.execPath, ['--import', 'tsx', script, '--read'], { timeout: 20_000 });
    expect(read.stdout).toBe('started\nread\n');
  });

  it('lists the files of a rule in report order, whichever thread counted them first', async () => {
    // marches.csv (on the thread) and operations.csv (here) both in Windows-1252: one warning each.
    const { dir, root } = folder();
    const text = fixtureInput().files['operations.csv']!;
    const cp1252 = Uint8Array.from(new TextDecoder().decode(text), (c) => (c === '\u2014' ? 0x97 : c.charCodeAt(0)));
    writeFileSync(join(dir, 'operations.csv'), cp1252);
    const input = await openPublisherFolder(dir, root);
    const here = await validate(input);
    expect(here.report).toContain('"files":{"marches.csv":1,"operations.csv":1}');
    expect(await validate(one.offload(input, ['marches.csv']))).toEqual(here);
  });

  it('reads the file on the main thread when its thread stops without answering', async () => {
    const { dir, root } = folder('reference.introuvable');
    const input = await openPublisherFolder(dir, root);
    const here = await validate(input);
    const threads = new ReadingThreads(1);
    const warnings: string[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (warnings.push(String(s)), true));
    try {
      const validating = validate(threads.offload(input, ['marches.csv']));
      await threads.close(); // the thread is stopped while it starts or reads
      expect(await validating).toEqual(here);
    } finally {
      stderr.mockRestore();
    }
    expect(warnings.join('')).toMatch(/Fil de lecture arrêté \(.*\) : marches\.csv est lu sur le fil principal\. \/ Reading thread stopped \(.*\): marches\.csv is read on the main thread\./);
  });

  it('leaves small files on the main thread', async () => {
    const { dir, root } = folder();
    const input = await openPublisherFolder(dir, root);
    expect(one.offloadLargest(input).offload).toBeUndefined();
    expect(new ReadingThreads(0).offloadLargest(input, 0).offload).toBeUndefined();
  });

  it('reports a file the thread cannot read, by name', async () => {
    const { dir, root } = folder();
    const input = one.offloadLargest(await openPublisherFolder(dir, root), 0);
    const largest = Object.entries(input.files).sort(([, a], [, b]) => b.size - a.size)[0]![0];
    rmSync(join(dir, largest));
    const file = largest.replace('.', '\\.');
    await expect(validateDataset(input)).rejects.toThrow(new RegExp(`^Lecture de ${file} sur un autre fil impossible / Reading ${file} on a worker thread failed: .*ENOENT`));
    // The next folder gets a thread of its own.
    const again = folder('cle.doublon');
    const report = (await validateDataset(one.offloadLargest(await openPublisherFolder(again.dir, again.root), 0))).report;
    expect(report.summary.map((s) => s.rule)).toContain('cle.doublon');
  });
});
