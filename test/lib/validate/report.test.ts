import { describe, expect, it } from 'vitest';
import { formatNumber, ruleMessage } from '../../../src/lib/validate/messages.ts';
import { formatReport, IssueCollector, MAX_ISSUES_PER_RULE } from '../../../src/lib/validate/report.ts';

describe('issue collector', () => {
  it('counts every issue but stores at most 100 per (file, rule)', () => {
    const issues = new IssueCollector();
    for (let i = 0; i < 250; i++) issues.add('nombre.format', 'heures.csv', { line: i + 2, column: 'heures', value: '12h' });
    for (let i = 0; i < 3; i++) issues.add('nombre.format', 'marches.csv', { line: i + 2, column: 'montant', value: 'x' });
    issues.add('fichier.encodage', 'marches.csv', {}, { encoding: 'windows-1252' });
    const report = issues.build('x', [], ['marches.csv', 'heures.csv']);
    expect(MAX_ISSUES_PER_RULE).toBe(100);
    expect(report.errorCount).toBe(253);
    expect(report.warningCount).toBe(1);
    expect(report.issues.filter((i) => i.file === 'heures.csv')).toHaveLength(100);
    expect(report.summary).toEqual([
      { rule: 'nombre.format', severity: 'error', count: 253, fr: 'Nombre illisible', en: 'Unreadable number', files: { 'heures.csv': 250, 'marches.csv': 3 } },
      { rule: 'fichier.encodage', severity: 'warning', count: 1, fr: 'Encodage autre que UTF-8', en: 'Encoding other than UTF-8', files: { 'marches.csv': 1 } },
    ]);
    // Sorted by file order, then line; file-level issues first.
    expect(report.issues.slice(0, 5).map((i) => `${i.file}:${i.line ?? '-'}`)).toEqual([
      'marches.csv:-',
      'marches.csv:2',
      'marches.csv:3',
      'marches.csv:4',
      'heures.csv:2',
    ]);
  });

  it('absorbs another collector as if its issues had been added here, in order', () => {
    // The same issues added to one collector, or split between two (a table read on another thread).
    const add = (c: IssueCollector, from: number, to: number) => {
      for (let i = from; i < to; i++) c.add('nombre.format', 'heures.csv', { line: i + 2, column: 'heures', value: `${i}h` });
      c.add('fichier.encodage', 'heures.csv', {}, { encoding: 'windows-1252' });
    };
    const whole = new IssueCollector();
    add(whole, 0, 60);
    add(whole, 60, 180);
    const split = new IssueCollector();
    add(split, 0, 60);
    const other = new IssueCollector();
    add(other, 60, 180);
    split.absorb(other.collected());
    expect(split.build('x', [], ['heures.csv'])).toEqual(whole.build('x', [], ['heures.csv']));
    expect(split.errorCount).toBe(180);
  });

  it('only renders parameters of stored issues', () => {
    const issues = new IssueCollector();
    let calls = 0;
    for (let i = 0; i < 150; i++) {
      issues.add('cle.doublon', 'heures.csv', { line: i }, () => {
        calls++;
        return { first: 1 };
      });
    }
    expect(calls).toBe(100);
  });

  it('cuts long values to 100 characters', () => {
    const issues = new IssueCollector();
    issues.add('texte.longueur', 'operations.csv', { line: 2, column: 'nom_operation', value: 'a'.repeat(300) }, { length: 300, max: 250 });
    const [issue] = issues.build('x', [], []).issues;
    expect(issue!.value).toBe('a'.repeat(100) + '…');
  });
});

describe('text report', () => {
  it('says how many issues were not shown, and counts in each language', () => {
    const issues = new IssueCollector();
    for (let i = 0; i < 1234; i++) issues.add('nombre.format', 'heures.csv', { line: i + 2, column: 'heures', value: '12h' });
    const report = issues.build('demo', [{ file: 'heures.csv', encoding: 'utf-8', delimiter: '\t', rows: 1234 }], ['heures.csv']);
    const fr = formatReport(report, 'fr').split('\n');
    const en = formatReport(report, 'en').split('\n');
    expect(fr.slice(0, 5)).toMatchInlineSnapshot(`
      [
        "Rapport de validation — demo",
        "",
        "Fichiers :",
        "  heures.csv — utf-8, séparateur tabulation, 1 234 lignes",
        "",
      ]
    `);
    expect(fr.slice(-8)).toMatchInlineSnapshot(`
      [
        "heures.csv:101 [heures] « 12h » nombre.format — Nombre illisible : écrire par exemple 1234,5 ou 1234.5 ou 1 234,5 (sans unité, sans point comme séparateur de milliers).",
        "  … 1 134 autre(s) non affiché(s) (heures.csv, nombre.format)",
        "",
        "Résumé par règle :",
        "  erreur        1 234  nombre.format — Nombre illisible",
        "",
        "1 234 erreur(s), 0 avertissement(s) — données refusées",
        "",
      ]
    `);
    expect(en.slice(-8)).toMatchInlineSnapshot(`
      [
        "heures.csv:101 [heures] "12h" nombre.format — Unreadable number: write for example 1234,5 or 1234.5 or 1 234,5 (no unit, no dot as a thousands separator).",
        "  … 1,134 more not shown (heures.csv, nombre.format)",
        "",
        "Summary by rule:",
        "  error         1,234  nombre.format — Unreadable number",
        "",
        "1,234 error(s), 0 warning(s) — data refused",
        "",
      ]
    `);
  });
});

describe('messages', () => {
  it('write numbers the French or the English way', () => {
    expect(formatNumber(1234.5, 'fr')).toBe('1 234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(276.456, 'fr')).toBe('276,46');
  });

  it('fill templates with bilingual parameters', () => {
    expect(ruleMessage('meta.champ', { champ: 'licence', detail: { fr: 'valeur inattendue', en: 'unexpected value' } })).toEqual({
      fr: 'Champ « licence » : valeur inattendue.',
      en: 'Field "licence": unexpected value.',
    });
  });
});
