/**
 * Fuzzing the whole pipeline (`runPipeline`: validate → indicators → disclosure control → release)
 * with mutated publisher folders (harness/corpus.ts), alone or next to an intact publisher.
 *
 * For every input: no exception, no hang; `ok: false` publishes nothing at all (`files` empty,
 * even the intact publisher's), each report is well formed and names file and line; `ok: true`
 * only for data that is valid (a second, independent reading agrees) and then every published path
 * is a plain relative path.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeeds, mutate, mutationArbitrary, TABLE_FILES, type Mutation, type Seeds } from './harness/corpus.ts';
import { checkReport, checkReportText, errorsOf, referenceCsvProblems } from './harness/oracle.ts';
import { budget, runs } from './harness/settings.ts';
import { Watchdog } from './harness/watchdog.ts';

// The whole pipeline on the full sample takes about 15 s alone, and several times that when the suite
// runs test files side by side on two cores: the limit catches a hang, not a slow run.
const dog = new Watchdog(180_000);
let seeds: Seeds;
beforeAll(async () => {
  seeds = await loadSeeds();
  await dog.start();
}, 120_000);
afterAll(() => dog.stop());

/** A relative path of named segments: what scripts/build.ts accepts to write. */
const SAFE_PATH = /^(?:[A-Za-z0-9_.-]+\/)*[A-Za-z0-9_.-]+$/;

async function check(m: Mutation, withIntact: boolean): Promise<void> {
  const { input, expect: want } = mutate(seeds, m);
  const intact = seeds[m.seed === 'sample' ? 'fixture' : 'sample'];
  const inputs = withIntact ? [input, intact] : [input];
  const r = await dog.run('pipeline', inputs);

  expect(r.reports.length).toBe(inputs.length);
  r.reports.forEach(({ report, text }, i) => {
    expect(report.publisher).toBe(inputs[i]!.publisher);
    checkReport(report, inputs[i]!.files, inputs[i]!.meta);
    checkReportText(report, text);
  });
  const [{ report }] = r.reports as [(typeof r.reports)[number]];
  expect(r.ok).toBe(r.reports.every((x) => x.report.errorCount === 0));

  if (!r.ok) {
    expect(r.files, 'refused data, yet files were published').toEqual([]);
    const errors = r.reports.flatMap((x) => x.report.issues.filter((i) => i.severity === 'error'));
    expect(errors.length).toBeGreaterThan(0);
  }
  if (want.verdict === 'invalid') {
    expect(r.ok, 'broken data was published').toBe(false);
    expect(
      report.issues.some((i) => i.severity === 'error' && i.file === m.file && (!want.rules || want.rules.includes(i.rule))),
      `no error in ${m.file}: ${errorsOf(report).join(', ')}`,
    ).toBe(true);
  }
  if (want.verdict === 'valid') expect(errorsOf(report)).toEqual([]);
  if (r.ok) {
    for (const file of TABLE_FILES) expect(referenceCsvProblems(file, input.files[file]!), `${file} published`).toEqual([]);
    expect(r.files.length).toBeGreaterThan(0);
    for (const publisher of inputs) expect(r.files.some((f) => f.path === `validation/${publisher.publisher}.json`)).toBe(true);
    expect(r.files.filter((f) => !SAFE_PATH.test(f.path) || f.path.split('/').includes('..')).map((f) => f.path)).toEqual([]);
  }
}

describe('runPipeline on mutated publisher folders', () => {
  it('publishes the intact seeds together', async () => {
    const r = await dog.run('pipeline', [seeds.sample, seeds.fixture]);
    expect(r.ok).toBe(true);
    expect(r.files.map((f) => f.path)).toContain('donnees/pays-de-la-loire/datapackage.json');
    expect(r.files.map((f) => f.path)).toContain('donnees/valide/datapackage.json');
  }, 240_000);

  it('one broken publisher next to a valid one: nothing is published at all', async () => {
    await check({ seed: 'fixture', file: 'heures.csv', op: { kind: 'hugeField', line: 3, col: 3, char: 'x' } }, true);
    await check({ seed: 'sample', file: 'marches.csv', op: { kind: 'empty' } }, true);
  }, 240_000);

  const RUNS = 30;
  it(
    `random mutations (${RUNS} runs): never throws or hangs, publishes nothing unless the data is valid`,
    async () => {
      await fc.assert(
        fc.asyncProperty(mutationArbitrary(1, 4), fc.boolean(), async (m, withIntact) => {
          fc.pre(!dog.hung);
          await check(m, withIntact && m.seed === 'sample'); // the intact partner is then the small fixture
        }),
        runs(RUNS),
      );
      expect(dog.hung).toBeUndefined();
    },
    budget(RUNS, 3000),
  );
});
