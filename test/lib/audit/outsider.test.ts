/**
 * The release against an outsider written apart from the audit (outsider.ts): it reads every
 * published CSV file at once and bounds each primary secret cell by linear programs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPublisherFolder } from '../../../scripts/lib/fs-input.ts';
import { auditRelease } from '../../../src/lib/audit/index.ts';
import { computeCells } from '../../../src/lib/cells/index.ts';
import { protect } from '../../../src/lib/protect/protect.ts';
import { rulesFor } from '../../../src/lib/protect/rules.ts';
import { CUBES, releaseOf } from '../../../src/lib/pipeline.ts';
import { buildRelease, restrictDataset } from '../../../src/lib/release/index.ts';
import { TABLES } from '../../../src/lib/tables/index.ts';
import { validateDataset } from '../../../src/lib/validate/index.ts';
import { arbitraryDataset } from '../protect/arbitraries.ts';
import { highs, released } from '../released.ts';
import { attackPublished } from '../../../scripts/lib/outsider.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1);

const FIN = '2017-12-31';

/** The release of `ds` as it stood at the end of 2017, as published: its CSV files by name. */
function release2017(ds: Parameters<typeof released>[0]): Map<string, Uint8Array> {
  const before = restrictDataset(ds, FIN, { version: '2018.1', date_publication: '2018-03-01' });
  const prefix = `donnees/${ds.meta.id}/`;
  return new Map([...buildRelease(releaseOf(before, { highs }))].filter(([p]) => p.startsWith(prefix) && p.endsWith('.csv')).map(([p, b]) => [p.slice(prefix.length), b]));
}

/** The release of `ds` passes its audit, and the outsider bounds none of its primary cells. */
function holds(ds: Parameters<typeof released>[0]) {
  const release = released(ds);
  expect(release.audit.ok).toBe(true);
  expect(attackPublished(ds, buildRelease(release), highs, { level: rulesFor(ds.meta).niveau })).toEqual([]);
}

describe('an outsider reading every published CSV file at once', () => {
  it('bounds no primary cell closer than the protection level (random datasets, k from 2 to 11)', () => {
    fc.assert(fc.property(arbitraryDataset(), holds), { numRuns: 20 * RUNS, seed: 20261206, endOnFailure: true });
  }, 300_000);

  it('the same with more persons per cell (fewer primary cells, more complements)', () => {
    fc.assert(fc.property(arbitraryDataset({ maxPersons: 200, maxRows: 600 }), holds), { numRuns: 6 * RUNS, seed: 7, endOnFailure: true });
  }, 300_000);

  it('nor with an earlier release published next to it (random datasets, the release of 2017 then of 2017–2018)', () => {
    fc.assert(
      fc.property(arbitraryDataset(), (ds) => {
        const old = release2017(ds);
        const tables = new Map([...old].map(([n, b]) => [n.slice(0, -4), b]));
        const release = releaseOf(ds, { highs, earlier: [{ version: '2018.1', date_publication: '2018-03-01', fin: FIN, tables }] });
        expect(release.audit.ok).toBe(true);
        const found = attackPublished(ds, buildRelease(release), highs, { level: rulesFor(ds.meta).niveau, earlier: [{ version: '2018.1', fin: FIN, files: old }] });
        expect(found).toEqual([]);
      }),
      { numRuns: 15 * RUNS, seed: 2018, endOnFailure: true },
    );
  }, 300_000);

  it('finds cells when the earlier release is left out of the audit (the property above is not empty)', () => {
    let attacked = 0;
    fc.assert(
      fc.property(arbitraryDataset(), (ds) => {
        const alone = releaseOf(ds, { highs });
        const earlier = [{ version: '2018.1', fin: FIN, files: release2017(ds) }];
        if (attackPublished(ds, buildRelease(alone), highs, { level: rulesFor(ds.meta).niveau, earlier }).length > 0) attacked++;
      }),
      { numRuns: 15 * RUNS, seed: 2018, endOnFailure: true },
    );
    expect(attacked).toBeGreaterThan(0);
  }, 300_000);

  it('finds cells in random datasets when the attack pass is switched off (the property above is not empty)', () => {
    let attacked = 0;
    fc.assert(
      fc.property(arbitraryDataset(), (ds) => {
        const cells = computeCells(ds, CUBES, { k: rulesFor(ds.meta).k });
        const protection = protect(cells, { highs, attack: false });
        const audit = auditRelease(cells, protection, highs);
        const tables = TABLES.map((t) => ({ t, rows: t.compute({ protection }) }));
        const found = attackPublished(ds, buildRelease({ dataset: ds, tables, protection: { protection, audit, earlier: [] } }), highs, { level: rulesFor(ds.meta).niveau });
        // The production audit and the outsider agree on whether the classical pass is enough.
        if (found.length > 0) expect(audit.ok).toBe(false);
        if (found.length > 0) attacked++;
      }),
      { numRuns: 20 * RUNS, seed: 20261206, endOnFailure: true },
    );
    expect(attacked).toBeGreaterThan(0);
  }, 300_000);

  it('with the attack pass switched off, pins cells of the sample, and the audit refuses the release', async () => {
    const input = await readPublisherFolder('data/pays-de-la-loire', 'data');
    delete input.files['publications.json'];
    const { dataset } = await validateDataset(input);
    const ds = dataset!;
    const cells = computeCells(ds, CUBES, { k: rulesFor(ds.meta).k });
    const protection = protect(cells, { highs, attack: false });
    const audit = auditRelease(cells, protection, highs);
    expect(audit.ok).toBe(false);
    const tables = TABLES.map((t) => ({ t, rows: t.compute({ protection }) }));
    const files = buildRelease({ dataset: ds, tables, protection: { protection, audit, earlier: [] } });
    const found = attackPublished(ds, files, highs, { limit: 1 });
    expect(found.length).toBe(1);
    const [f] = found;
    expect(f!.max - f!.min).toBeLessThan(0.2 * f!.heures);
  }, 300_000);
});
