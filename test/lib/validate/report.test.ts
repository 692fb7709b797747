import { describe, expect, it } from 'vitest';
import { formatNumber, RULES, ruleMessage } from '../../../src/lib/validate/messages.ts';
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
      { rule: 'nombre.format', severity: 'error', count: 253, fr: 'Nombre illisible', en: 'Unreadable number', fix: RULES['nombre.format'].fix, files: { 'heures.csv': 250, 'marches.csv': 3 } },
      { rule: 'fichier.encodage', severity: 'warning', count: 1, fr: 'Encodage autre que UTF-8', en: 'Encoding other than UTF-8', fix: RULES['fichier.encodage'].fix, files: { 'marches.csv': 1 } },
    ]);
    // Sorted by file order, then line; file-level issues first.
    expect(report.issues.slice(0, 5).map((i) => `${i.file}:${i.line ?? '-'}`)).toEqual(['marches.csv:-', 'marches.csv:2', 'marches.csv:3', 'marches.csv:4', 'heures.csv:2']);
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
  it('groups the same problem on many lines: its count (the issues only counted included), first lines, value and fix, in each language', () => {
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
        "nombre.format — Nombre illisible (erreur, 1 234)",
        "  heures.csv [heures] — 1 234 lignes (2, 3, 4, 5, 6…)",
        "    valeurs : « 12h »",
        "    Nombre illisible : écrire par exemple 1234,5 ou 1234.5 ou 1 234,5 (sans unité, sans point comme séparateur de milliers).",
        "  → Pour corriger : Écrivez le nombre seul, par exemple 1234,5.",
        "",
        "1 234 erreur(s), 0 avertissement(s) — données refusées",
        "",
      ]
    `);
    expect(en.slice(-8)).toMatchInlineSnapshot(`
      [
        "nombre.format — Unreadable number (error, 1,234)",
        "  heures.csv [heures] — 1,234 lines (2, 3, 4, 5, 6…)",
        "    values: "12h"",
        "    Unreadable number: write for example 1234,5 or 1234.5 or 1 234,5 (no unit, no dot as a thousands separator).",
        "  → How to fix: Write the number alone, for example 1234,5.",
        "",
        "1,234 error(s), 0 warning(s) — data refused",
        "",
      ]
    `);
  });
});

describe('text report of workbooks and mixed problems', () => {
  const issues = new IssueCollector();
  // Two columns of one sheet with the same rule, more issues than stored in one of them.
  issues.add('mois.format', 'donnees.xlsx', { sheet: 'heures', line: 9, cell: 'H9', column: 'autre', value: 'x' });
  for (let i = 0; i < 120; i++) issues.add('mois.format', 'donnees.xlsx', { sheet: 'heures', line: i + 2, cell: `C${i + 2}`, column: 'mois', value: i % 2 ? 'mars 22' : 'avril' });
  issues.add('code.inconnu', 'marches.csv', { line: 4, column: 'segment', value: 'TRAVAUXX' }, { item: 'TRAVAUXX', allowed: 'TRAVAUX, SERVICES' });
  const report = issues.build('demo', [{ file: 'donnees.xlsx', sheet: 'heures', rows: 130 }], ['marches.csv', 'donnees.xlsx › heures']);

  it('names the sheet and the cell, counts per sheet, and says what was only counted', () => {
    expect(report.summary.find((s) => s.rule === 'mois.format')!.files).toEqual({ 'donnees.xlsx › heures': 121 });
    expect(formatReport(report, 'fr')).toMatchInlineSnapshot(`
      "Rapport de validation — demo

      Fichiers :
        donnees.xlsx — feuille heures, 130 lignes

      Problèmes :

      mois.format — Mois illisible (erreur, 121)
        donnees.xlsx, feuille heures [mois] — 99 cellules (C2, C3, C4, C5, C6…)
          valeurs : « avril », « mars 22 »
          Mois illisible : écrire AAAA-MM (2018-03) ou MM/AAAA (03/2018) ; « mars-18 » et « mars 2018 » sont aussi lus.
        donnees.xlsx, feuille heures, cellule H9 [autre] « x » mois.format — Mois illisible : écrire AAAA-MM (2018-03) ou MM/AAAA (03/2018) ; « mars-18 » et « mars 2018 » sont aussi lus.
        … 21 autre(s) non affiché(s) (donnees.xlsx › heures)
        → Pour corriger : Écrivez le mois MM/AAAA, par exemple 03/2022.

      code.inconnu — Code inconnu (erreur, 1)
        marches.csv:4 [segment] « TRAVAUXX » code.inconnu — « TRAVAUXX » ne fait pas partie des valeurs acceptées : TRAVAUX, SERVICES.
        → Pour corriger : Choisissez l'une des valeurs acceptées (la liste déroulante du modèle Excel les propose).

      122 erreur(s), 0 avertissement(s) — données refusées
      "
    `);
    expect(formatReport(report, 'en')).toMatchInlineSnapshot(`
      "Validation report — demo

      Files:
        donnees.xlsx — sheet heures, 130 rows

      Issues:

      mois.format — Unreadable month (error, 121)
        donnees.xlsx, sheet heures [mois] — 99 cells (C2, C3, C4, C5, C6…)
          values: "avril", "mars 22"
          Unreadable month: write YYYY-MM (2018-03) or MM/YYYY (03/2018); "mars-18" and "Mar 2018" are read too.
        donnees.xlsx, sheet heures, cell H9 [autre] "x" mois.format — Unreadable month: write YYYY-MM (2018-03) or MM/YYYY (03/2018); "mars-18" and "Mar 2018" are read too.
        … 21 more not shown (donnees.xlsx › heures)
        → How to fix: Write the month MM/YYYY, for example 03/2022.

      code.inconnu — Unknown code (error, 1)
        marches.csv:4 [segment] "TRAVAUXX" code.inconnu — "TRAVAUXX" is not one of the accepted values: TRAVAUX, SERVICES.
        → How to fix: Choose one of the accepted values (the Excel template's drop-down list offers them).

      122 error(s), 0 warning(s) — data refused
      "
    `);
  });

  it('lists every stored issue on its own line when asked (--detail)', () => {
    const lines = formatReport(report, 'en', { ungrouped: true }).split('\n');
    expect(lines.filter((l) => l.startsWith('  donnees.xlsx, sheet heures, cell ')).length).toBe(100);
    expect(lines).toContain(
      '  donnees.xlsx, sheet heures, cell C2 [mois] "avril" mois.format — Unreadable month: write YYYY-MM (2018-03) or MM/YYYY (03/2018); "mars-18" and "Mar 2018" are read too.',
    );
  });
});

describe('messages', () => {
  it('say how to fix every rule, in both languages', () => {
    for (const [rule, r] of Object.entries(RULES)) {
      expect(r.fix.fr, rule).not.toBe('');
      expect(r.fix.en, rule).not.toBe('');
      expect(r.fix.fr, rule).not.toBe(r.fix.en);
    }
  });

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
