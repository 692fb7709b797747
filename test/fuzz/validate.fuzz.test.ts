/**
 * Fuzzing the validator (`validateDataset`) with the sample and the small fixture, mutated
 * (harness/corpus.ts): truncated, bytes flipped, lines duplicated or deleted, headers duplicated,
 * dropped or renamed, extra columns, unbalanced quotes, a field or a line of a million characters,
 * empty files, a lone BOM, NUL bytes, CR-only line endings, other encodings, random bytes, broken
 * metadata.
 *
 * For every input: no exception, no hang (harness/watchdog.ts); a well-formed report naming the
 * file and, for anything located in a CSV file, the line; `ok` exactly when there is no error;
 * `ok: false` for what cannot be valid, with the expected rule and line when the mutation knows
 * them; `ok: true` for changes that keep the data valid, and only when a second, independent
 * reading of every file (harness/oracle.ts) finds it well formed.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeeds, mutate, mutationArbitrary, TABLE_FILES, type Mutation, type Seeds } from './harness/corpus.ts';
import { checkReport, checkReportText, errorsOf, referenceCsvProblems } from './harness/oracle.ts';
import { budget, runs } from './harness/settings.ts';
import { Watchdog } from './harness/watchdog.ts';

const dog = new Watchdog();
let seeds: Seeds;
beforeAll(async () => {
  seeds = await loadSeeds();
  await dog.start();
}, 120_000);
afterAll(() => dog.stop());

/** Validates the mutated folder in the watchdog and checks everything the header comment says. */
async function check(m: Mutation): Promise<void> {
  const { input, expect: want } = mutate(seeds, m);
  const r = await dog.run('validate', input);
  const { report } = r;
  const errors = errorsOf(report);
  expect(r.ok).toBe(report.errorCount === 0);
  expect(r.hasDataset).toBe(r.ok);
  checkReport(report, input.files, input.meta);
  checkReportText(report, r.text);

  if (want.verdict === 'valid') expect(errors, 'a change that keeps the data valid was refused').toEqual([]);
  if (want.verdict === 'invalid') {
    expect(r.ok, 'broken data was accepted').toBe(false);
    const named = report.issues.filter((i) => i.severity === 'error' && i.file === m.file);
    expect(named.length, `no error names ${m.file}: ${errors.join(', ')}`).toBeGreaterThan(0);
    const expected = want.rules ? named.filter((i) => want.rules!.includes(i.rule)) : named;
    expect(expected.length, `expected one of ${want.rules?.join(', ')}; got ${errors.join(', ')}`).toBeGreaterThan(0);
    if (want.line !== undefined)
      expect(
        expected.map((i) => i.line),
        `expected line ${want.line}`,
      ).toContain(want.line);
  }
  if (r.ok) {
    // Accepted: every table is there and reads as well-formed CSV for an independent reader.
    for (const file of TABLE_FILES) {
      expect(input.files[file], `${file} missing but accepted`).toBeDefined();
      expect(referenceCsvProblems(file, input.files[file]!), `${file} accepted`).toEqual([]);
    }
  }
}

describe('validateDataset on mutated publisher folders', () => {
  it('the seeds are valid as they are', async () => {
    for (const seed of ['sample', 'fixture'] as const) {
      const r = await dog.run('validate', seeds[seed]);
      expect(errorsOf(r.report)).toEqual([]);
      for (const file of TABLE_FILES) expect(referenceCsvProblems(file, seeds[seed].files[file]!)).toEqual([]);
    }
  }, 60_000);

  // Each kind of damage at least once, whatever the random runs pick; heaviest ones on the sample.
  const examples: Mutation[] = [
    { seed: 'sample', file: 'heures.csv', op: { kind: 'hugeField', line: 17, col: 3, char: '9' } },
    { seed: 'sample', file: 'marches.csv', op: { kind: 'hugeField', line: 3, col: 3, char: 'é' } },
    { seed: 'sample', file: 'participants.csv', op: { kind: 'hugeLine', line: 40, char: 'x' } },
    { seed: 'fixture', file: 'heures.csv', op: { kind: 'hugeLine', line: 2, char: '\u0000' } },
    { seed: 'sample', file: 'heures.csv', op: { kind: 'lineEndings', to: 'CR' } },
    { seed: 'sample', file: 'marches.csv', op: { kind: 'lineEndings', to: 'CRLF' } },
    { seed: 'sample', file: 'marches.csv', op: { kind: 'reencode', to: 'utf-16le' } },
    { seed: 'fixture', file: 'operations.csv', op: { kind: 'reencode', to: 'utf-16be' } },
    { seed: 'fixture', file: 'entreprises.csv', op: { kind: 'empty' } },
    { seed: 'fixture', file: 'facilitateurs.csv', op: { kind: 'onlyBom', bom: 'utf-8' } },
    { seed: 'fixture', file: 'heures.csv', op: { kind: 'onlyBom', bom: 'utf-16le' } },
    { seed: 'fixture', file: 'heures.csv', op: { kind: 'nul', at: [0.5, 0.25] } },
    { seed: 'fixture', file: 'heures.csv', op: { kind: 'quote', at: 0.5 } },
    { seed: 'sample', file: 'entreprises.csv', op: { kind: 'duplicateHeader', from: 0, to: 2 } },
    { seed: 'fixture', file: 'participants.csv', op: { kind: 'dropHeaderColumn', col: 1 } },
    { seed: 'fixture', file: 'marches.csv', op: { kind: 'renameHeader', col: 0, name: ' ID_MARCHE ' } },
    { seed: 'fixture', file: 'marches.csv', op: { kind: 'renameHeader', col: 4, name: 'nom' } },
    { seed: 'fixture', file: 'entreprises.csv', op: { kind: 'extraColumn', name: 'commentaire', value: 'ok' } },
    { seed: 'fixture', file: 'heures.csv', op: { kind: 'extraField', line: 5 } },
    { seed: 'sample', file: 'heures.csv', op: { kind: 'duplicateLine', line: 1234 } },
    { seed: 'fixture', file: 'operations.csv', op: { kind: 'removeFile' } },
    { seed: 'fixture', file: 'heures.csv', op: { kind: 'extraFile', name: 'notes.txt', bytes: new Uint8Array([1, 2, 3]) } },
    { seed: 'fixture', file: 'heures.csv', op: { kind: 'truncate', at: 0.5 } },
    { seed: 'fixture', file: 'metadonnees.json', op: { kind: 'metaTruncate', at: 0.5 } },
    { seed: 'fixture', file: 'metadonnees.json', op: { kind: 'metaMissing' } },
  ];
  it.each(examples.map((m) => [`${m.seed} ${m.file} ${JSON.stringify(m.op).slice(0, 60)}`, m] as const))('%s', async (_, m) => check(m), 60_000);

  const RUNS = 60;
  it(
    `random mutations (${RUNS} runs): never throws or hangs, refuses the broken with file and line, accepts only the valid`,
    async () => {
      await fc.assert(
        fc.asyncProperty(mutationArbitrary(), async (m) => {
          fc.pre(!dog.hung); // after a hang, report it rather than shrink it for hours
          await check(m);
        }),
        runs(RUNS),
      );
      expect(dog.hung).toBeUndefined();
    },
    budget(RUNS, 1500),
  );
});
