/**
 * Real reporting periods, from the validated files to the tables: a contract notified before the
 * period whose execution reaches into it is accepted and counted where its hours are, with its own
 * year of notification; a contract outside any operation is « Sans opération ». Built from the
 * hand-written fixture `valide/` (period 2017–2018) with two contracts changed.
 */
import { describe, expect, it } from 'vitest';
import { computeCells, contractKey } from '../../../src/lib/cells/index.ts';
import { distinctOf } from '../../../src/lib/indicators/detail.ts';
import { DIMENSIONS } from '../../../src/lib/indicators/dimensions.ts';
import { runPipeline } from '../../../src/lib/pipeline.ts';
import { highs } from '../released.ts';
import { validateDataset } from '../../../src/lib/validate/index.ts';
import { SANS_OPERATION } from '../../../src/schemas/operations.ts';
import { fixtureInput, TODAY } from '../validate/fixtures.ts';

/** `valide/` with M17-001-L01 notified in November 2016 (hours from April 2017) and M17-004 outside any operation. */
async function dataset() {
  const { meta, files } = fixtureInput();
  const text = new TextDecoder('windows-1252').decode(files['marches.csv']);
  const edited = text.replace(/(M17-001-L01;[^\r\n]*?;)14\/03\/2017;18;/, '$114/11/2016;24;').replace('M17-004;23440003400026;OP-04;', 'M17-004;23440003400026;;');
  expect(edited).not.toBe(text);
  const result = await validateDataset({ publisher: 'valide', today: TODAY, meta, files: { ...files, 'marches.csv': new TextEncoder().encode(edited) } });
  expect(result.report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return result.dataset!;
}

describe('a contract notified before the period', () => {
  it('is accepted, and its year of notification is a value of the tables by year of notification', async () => {
    const ds = await dataset();
    expect(DIMENSIONS.annee_notification.domaine(ds)).toEqual(['2016', '2017', '2018']);
    const byYear = computeCells(ds, [], { k: ds.meta.seuil_secret }).contracts(['annee_notification']);
    expect(byYear.get(contractKey(['2016']))?.nombre_marches).toBe(1);
  });

  it('counts its hours in the years they were carried out', async () => {
    const ds = await dataset();
    const cells = computeCells(ds, [['annee']], { k: ds.meta.seuil_secret });
    const years = cells.grid(['annee']).filter((values) => cells.cell(values)!.heures > 0);
    expect(years).toEqual([{ annee: '2017' }, { annee: '2018' }]);
  });
});

describe('a contract outside any operation', () => {
  it('is « Sans opération » in the tables by operation, never counted as an operation', async () => {
    const ds = await dataset();
    expect(ds.marches.array('id_operation')).toContain(SANS_OPERATION);
    expect(DIMENSIONS.id_operation.domaine(ds).at(-1)).toBe(SANS_OPERATION);
    expect(DIMENSIONS.id_operation.libelle!(SANS_OPERATION, ds)).toEqual({ fr: 'Sans opération', en: 'No operation' });
    const cells = computeCells(ds, [], { k: ds.meta.seuil_secret });
    expect(cells.contracts(['id_operation']).get(contractKey([SANS_OPERATION]))).toMatchObject({ nombre_marches: 1, nombre_operations: 0 });
    // Six operations in operations.csv, all with a contract with a clause but OP-04 which keeps M18-005.
    expect(cells.contracts([]).get(contractKey([]))).toMatchObject({ nombre_operations: distinctOf(ds.operations, 'id_operation') });
  });
});

describe('the release', () => {
  it('publishes the older year and the « Sans opération » row', async () => {
    const { meta, files } = fixtureInput();
    const text = new TextDecoder('windows-1252').decode(files['marches.csv']);
    const edited = text.replace(/(M17-001-L01;[^\r\n]*?;)14\/03\/2017;18;/, '$114/11/2016;24;').replace('M17-004;23440003400026;OP-04;', 'M17-004;23440003400026;;');
    const r = await runPipeline([{ input: { publisher: 'valide', today: TODAY, meta, files: { ...files, 'marches.csv': new TextEncoder().encode(edited) } } }], { highs });
    expect(r.ok).toBe(true);
    const csv = (name: string) =>
      new TextDecoder()
        .decode(r.files.get(`donnees/valide/${name}`))
        .trim()
        .split('\r\n');
    expect(csv('marches-par-annee.csv').map((l) => l.split(',')[0])).toEqual(['annee_notification', '2016', '2017', '2018']);
    expect(csv('heures-par-operation.csv').at(-1)).toMatch(/^SANS_OPERATION,Sans opération,/);
  });
});
