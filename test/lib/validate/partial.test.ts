/**
 * `partial: true` (the "check your files" page): only what is given is checked. A missing file or
 * missing metadata is not an error, references into a table not given are not checked, no
 * dataset is built; every other rule fires as in a full validation.
 */
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../../src/lib/validate/index.ts';
import { fixtureInput } from './fixtures.ts';

/** Some files of `valide/` (or of a rule fixture laid over it), with or without the metadata. */
function pick(names: readonly string[], options: { meta?: boolean; rule?: string } = {}) {
  const { meta, files } = fixtureInput(options.rule);
  const picked = Object.fromEntries(names.map((n) => [n, files[n]!]));
  return { publisher: 'valide', meta: options.meta ? meta : undefined, files: picked };
}

const rules = (r: { report: { issues: { rule: string }[] } }) => r.report.issues.map((i) => i.rule);

describe('validateDataset({ partial: true })', () => {
  it('accepts one file alone, without metadata, and builds no dataset', async () => {
    const full = await validateDataset(pick(['heures.csv']));
    expect(full.ok).toBe(false);
    expect(rules(full)).toContain('meta.absent');
    expect(rules(full).filter((r) => r === 'fichier.absent')).toHaveLength(5);

    const partial = await validateDataset({ ...pick(['heures.csv']), partial: true });
    expect(partial.ok).toBe(true);
    expect(partial.dataset).toBeUndefined();
    expect(partial.report.issues).toEqual([]);
    expect(partial.report.files).toEqual([{ file: 'heures.csv', encoding: 'utf-8', delimiter: ';', rows: 20 }]);
  });

  it('checks references only into the tables given', async () => {
    // regles/reference.introuvable: a contract whose facilitator is not in facilitateurs.csv.
    const alone = await validateDataset({ ...pick(['marches.csv'], { rule: 'reference.introuvable' }), partial: true });
    expect(alone.ok).toBe(true);
    expect(rules(alone)).toEqual(['fichier.encodage']); // marches.csv is Windows-1252: a warning
    const both = await validateDataset({
      ...pick(['marches.csv', 'facilitateurs.csv'], { rule: 'reference.introuvable' }),
      partial: true,
    });
    expect(both.ok).toBe(false);
    const refs = both.report.issues.filter((i) => i.rule === 'reference.introuvable');
    expect(refs).toHaveLength(1);
    expect(refs[0]).toMatchObject({ file: 'marches.csv', column: 'id_facilitateur', value: 'FAC-53' });
  });

  it('reports every other rule as a full validation does', async () => {
    const input = pick(['heures.csv'], { rule: 'code.inconnu' });
    const partial = await validateDataset({ ...input, partial: true });
    expect(partial.ok).toBe(false);
    expect(rules(partial)).toEqual(['code.inconnu']);
    const full = await validateDataset(input);
    expect(full.report.issues.filter((i) => i.rule === 'code.inconnu')).toEqual(partial.report.issues);
  });

  it('on a complete folder, gives the same report as a full validation, without the dataset', async () => {
    const all = fixtureInput();
    const input = { publisher: 'valide', meta: all.meta, files: all.files };
    const full = await validateDataset(input);
    const partial = await validateDataset({ ...input, partial: true });
    expect(full.dataset).toBeDefined();
    expect(partial.dataset).toBeUndefined();
    expect(partial.report).toEqual(full.report);
    expect(partial.ok).toBe(true);
  });

  it('still checks metadata that are given', async () => {
    const partial = await validateDataset({ ...pick(['heures.csv'], { meta: true, rule: 'meta.champ' }), partial: true });
    expect(rules(partial)).toEqual(['meta.champ']);
  });
});
