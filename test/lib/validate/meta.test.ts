/** Metadata errors name the field in each language, the whole file included. */
import { describe, expect, it } from 'vitest';
import { validateMeta } from '../../../src/lib/validate/meta.ts';
import { IssueCollector } from '../../../src/lib/validate/report.ts';

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
