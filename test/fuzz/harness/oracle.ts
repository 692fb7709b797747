/**
 * What every fuzz run checks, written independently of the code under test:
 *
 * - a report is well formed: every issue names a known file, carries its rule's severity, a FR
 *   and an EN sentence, and a physical line inside the file whenever the rule is about a place in
 *   a CSV file (only `fichier.*` and `meta.*` issues are about a whole file); counts add up; the
 *   text report names the file of every issue;
 * - `referenceCsvProblems`: a small RFC 4180 reader of its own, used when the validator accepts a
 *   file, so that `ok: true` is confirmed by a second reading (header = contract columns, every
 *   record as long as the header, quotes well formed).
 */
import { expect } from 'vitest';
import type { FieldDef } from '../../../src/schemas/field.ts';
import { METADATA_FILE, TABLES } from '../../../src/schemas/index.ts';
import { RULES, RULE_IDS, type Issue, type ValidationReport } from '../../../src/lib/validate/index.ts';
import { physicalLines, referenceDecode } from './reference.ts';
import type { Bilingual } from '../../../src/lib/lang.ts';

const RULE_SET = new Set<string>(RULE_IDS);
const KNOWN_FILES = new Set([METADATA_FILE, ...TABLES.map((t) => t.file)]);

/** Rules about a whole file (absent, unknown, encoding, metadata, an unreadable workbook): no line to give. */
const fileLevel = (rule: string) => rule.startsWith('fichier.') || rule.startsWith('meta.') || rule.startsWith('xlsx.');

/** Checks the shape of a report against the files that were validated. */
export function checkReport(report: ValidationReport, files: Record<string, Uint8Array>, meta: unknown): void {
  const lines = new Map<string, number>();
  for (const [name, bytes] of Object.entries(files)) lines.set(name, physicalLines(referenceDecode(bytes).text));
  if (typeof meta === 'string') lines.set(METADATA_FILE, physicalLines(meta));
  const names = new Set([...KNOWN_FILES, ...Object.keys(files)]);

  for (const issue of report.issues) {
    const where = JSON.stringify(issue).slice(0, 300);
    expect(RULE_SET.has(issue.rule), `unknown rule: ${where}`).toBe(true);
    expect(issue.severity, where).toBe(RULES[issue.rule].severity);
    expect(names.has(issue.file), `issue names no file of the folder: ${where}`).toBe(true);
    expect(issue.message.fr.length, where).toBeGreaterThan(0);
    expect(issue.message.en.length, where).toBeGreaterThan(0);
    if (!fileLevel(issue.rule)) {
      expect(Number.isInteger(issue.line) && issue.line! >= 1, `issue without a line: ${where}`).toBe(true);
      const max = lines.get(issue.file);
      if (max !== undefined) expect(issue.line!, `line past the end of the file (${max} lines): ${where}`).toBeLessThanOrEqual(max);
    }
    if (issue.value !== undefined) expect(issue.value.length, where).toBeLessThanOrEqual(101);
  }
  const errors = report.summary.filter((s) => s.severity === 'error').reduce((n, s) => n + s.count, 0);
  const warnings = report.summary.filter((s) => s.severity === 'warning').reduce((n, s) => n + s.count, 0);
  expect(report.errorCount).toBe(errors);
  expect(report.warningCount).toBe(warnings);
  // Every rule that fired has at least one issue stored, so an error is always shown with its place.
  for (const s of report.summary)
    expect(
      report.issues.some((i) => i.rule === s.rule),
      `rule ${s.rule} counted but not listed`,
    ).toBe(true);
}

/**
 * The text report names every rule that fired with how to fix it, and the file (and the line) of
 * every issue: an issue alone in its file, rule and column with its line and message; the same
 * problem on several lines as one entry, with its count and its first line and message.
 */
export function checkReportText(report: ValidationReport, text: Bilingual): void {
  const groups = new Map<string, Issue[]>();
  for (const issue of report.issues) {
    const key = `${issue.file}\u0000${issue.sheet ?? ''}\u0000${issue.rule}\u0000${issue.column ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), issue]);
  }
  for (const lang of ['fr', 'en'] as const) {
    for (const s of report.summary) {
      expect(text[lang], `${lang} report lacks rule ${s.rule}`).toContain(s.rule);
      expect(text[lang], `${lang} report lacks the fix of ${s.rule}`).toContain(s.fix[lang]);
    }
    for (const [, group] of [...groups].slice(0, 50)) {
      const first = group[0]!;
      if (group.length === 1 && first.sheet === undefined) {
        const where = first.line === undefined ? first.file : `${first.file}:${first.line}`;
        expect(text[lang], `${lang} report lacks ${where} ${first.rule}`).toContain(`${where} `);
      } else {
        expect(text[lang], `${lang} report lacks ${first.file} ${first.rule}`).toContain(first.file);
        if (first.line !== undefined) expect(text[lang]).toContain(String(first.cell ?? first.line));
      }
      expect(text[lang]).toContain(first.message[lang]);
    }
  }
  expect(text.fr).toContain(report.errorCount > 0 ? 'données refusées' : 'données acceptées');
  expect(text.en).toContain(report.errorCount > 0 ? 'data refused' : 'data accepted');
}

/** Issues that are errors, as `file:line rule` for messages. */
export const errorsOf = (report: ValidationReport): string[] => report.issues.filter((i: Issue) => i.severity === 'error').map((i) => `${i.file}:${i.line ?? '-'} ${i.rule}`);

const INLINE_SPACE = /^[^\S\r\n]*$/;

/**
 * Reads a CSV file the plain RFC 4180 way (plus the documented leniencies: blank lines skipped,
 * cells trimmed, spaces after a closing quote) and lists what makes it unacceptable for table
 * `file`. An empty list means the file is structurally valid.
 */
export function referenceCsvProblems(file: string, bytes: Uint8Array): string[] {
  const def = TABLES.find((t) => t.file === file);
  if (!def) return [`${file}: not a table of the contract`];
  const { text } = referenceDecode(bytes);
  const problems: string[] = [];
  const records: { fields: string[]; quoted: boolean; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false; // the current field was quoted
  let anyQuoted = false; // the current record has a quoted field
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endField = () => {
    fields.push(field.trim());
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    endField();
    // A blank line: whitespace only, or empty fields only (`;;`, Excel's formatted empty rows).
    const blank = !anyQuoted && fields.every((f) => f === '');
    if (!blank) records.push({ fields, quoted: anyQuoted, line: recordLine });
    fields = [];
    anyQuoted = false;
  };
  // The delimiter: most frequent of ; , tab on the first non-blank line, outside quotes.
  const first = text.split(/\r\n|\r|\n/).find((l) => !INLINE_SPACE.test(l)) ?? '';
  const outside = first.replace(/"[^"]*"/g, '');
  const count = (c: string) => outside.split(c).length - 1;
  const [s, c, t] = [count(';'), count(','), count('\t')];
  const delim = s >= c && s >= t ? ';' : c >= t ? ',' : '\t';

  while (i < text.length) {
    const ch = text[i]!;
    // Only a quote that opens the field starts a quoted field (` "ab"` is unquoted text).
    if (ch === '"' && field === '' && !quoted) {
      // A quoted field: up to the closing quote, `""` is a quote.
      quoted = anyQuoted = true;
      field = '';
      const start = line;
      i++;
      for (;;) {
        if (i >= text.length) {
          problems.push(`line ${start}: unclosed quote`);
          break;
        }
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (text[i] === '\r' || text[i] === '\n') {
          line++;
          if (text[i] === '\r' && text[i + 1] === '\n') field += text[i++]!;
        }
        field += text[i++]!;
      }
      // Only inline spaces may follow, up to the delimiter or the line end.
      let j = i;
      while (j < text.length && text[j] !== delim && text[j] !== '\r' && text[j] !== '\n') j++;
      if (!INLINE_SPACE.test(text.slice(i, j))) problems.push(`line ${line}: text after a closing quote`);
      i = j;
      continue;
    }
    if (ch === '"') problems.push(`line ${line}: quote inside an unquoted field`);
    if (ch === delim) {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      recordLine = ++line;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || fields.length > 0 || quoted) endRecord();

  const [header, ...rows] = records;
  if (!header) return [...problems, 'no header'];
  const fieldsOf = def.fields as Readonly<Record<string, FieldDef>>;
  // Excel's trailing empty columns: unnamed at the end of the header, empty in every row.
  let width = header.fields.length;
  while (width > 0 && header.fields[width - 1] === '') width--;
  const names = header.fields.slice(0, width).map((n) => n.toLowerCase());
  const seen = new Set<string>();
  for (const name of names) {
    if (!Object.hasOwn(fieldsOf, name)) problems.push(`header: column ${JSON.stringify(name)} is not in the contract`);
    if (seen.has(name)) problems.push(`header: column ${JSON.stringify(name)} twice`);
    seen.add(name);
  }
  for (const [name, f] of Object.entries(fieldsOf)) if (f.required && !seen.has(name)) problems.push(`header: required column ${name} missing`);
  for (const row of rows) {
    if (row.fields.length < width || row.fields.slice(width).some((f) => f !== '')) {
      problems.push(`line ${row.line}: ${row.fields.length} fields for ${width} columns`);
    }
  }
  return problems;
}
