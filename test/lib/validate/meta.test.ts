/** Metadata errors name the field in each language, the whole file included. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateMeta } from '../../../src/lib/validate/meta.ts';
import { IssueCollector } from '../../../src/lib/validate/report.ts';
import { validateDataset } from '../../../src/lib/validate/index.ts';
import { FIXTURES, fixtureInput, TODAY } from './fixtures.ts';

describe('validateMeta', () => {
  it('names a wrong top level as « (racine) » in French and "(root)" in English', () => {
    const issues = new IssueCollector();
    expect(validateMeta('valide', '[]', issues).meta).toBeUndefined();
    const report = issues.build('valide', [], ['metadonnees.json']);
    const issue = report.issues.find((i) => i.rule === 'meta.champ');
    expect(issue?.message.fr).toContain('(racine)');
    expect(issue?.message.en).toContain('(root)');
    expect(issue?.message.en).not.toContain('racine');
  });
});

describe('the contact', () => {
  it('never copies a phone number into the report, even next to a named person', () => {
    const issues = new IssueCollector();
    const meta = JSON.parse(readFileSync(join(FIXTURES, 'valide', 'metadonnees.json'), 'utf8')) as Record<string, unknown>;
    validateMeta('valide', { ...meta, contact: 'Mme Le Goff — 02 99 02 35 35' }, issues);
    const report = issues.build('valide', [], ['metadonnees.json']);
    expect(report.issues.map((i) => [i.rule, i.value])).toEqual([
      ['meta.contact_telephone', 'Mme Le Goff — •••'],
      ['meta.contact_personne', 'Mme Le Goff — •••'],
    ]);
    expect(JSON.stringify(report)).not.toContain('02 99');
  });
});

describe('metadata errors that do not hide the others', () => {
  it('still checks the tables against the fields that are right, and says which checks a wrong one held back', async () => {
    const { meta, files } = fixtureInput();
    const json = JSON.parse(meta!) as Record<string, unknown>;
    // contact and periode are wrong; siret_acheteur and departements are right.
    const bad = JSON.stringify({ ...json, contact: 'Mission — 02 40 41 42 43', periode: { debut: '2017-01-01', fin: 'fin 2018' } });
    const marches = new TextDecoder('windows-1252').decode(files['marches.csv']).replace('M18-003;23440003400026;', 'M18-003;23440003400018;');
    const { report } = await validateDataset({ publisher: 'valide', today: TODAY, meta: bad, files: { ...files, 'marches.csv': new TextEncoder().encode(marches) } });
    expect(report.summary.map((s) => s.rule)).toEqual(['acheteur.siret', 'meta.champ', 'meta.contact_telephone', 'meta.controles_non_faits']);
    expect(report.issues.filter((i) => i.rule === 'meta.controles_non_faits').map((i) => i.column)).toEqual(['periode']);
  });
});
