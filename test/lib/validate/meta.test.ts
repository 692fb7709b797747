/** Metadata errors name the field in each language, the whole file included. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateMeta } from '../../../src/lib/validate/meta.ts';
import { IssueCollector } from '../../../src/lib/validate/report.ts';
import { FIXTURES } from './fixtures.ts';

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
    const meta = JSON.parse(readFileSync(join(FIXTURES, 'valide', 'metadonnees.json'), 'utf8'));
    validateMeta('valide', { ...meta, contact: 'Mme Le Goff — 02 99 02 35 35' }, issues);
    const report = issues.build('valide', [], ['metadonnees.json']);
    expect(report.issues.map((i) => [i.rule, i.value])).toEqual([
      ['meta.contact_telephone', 'Mme Le Goff — •••'],
      ['meta.contact_personne', 'Mme Le Goff — •••'],
    ]);
    expect(JSON.stringify(report)).not.toContain('02 99');
  });
});
