import type { CsvDelimiter, CsvEncoding } from '../csv/index.ts';
import { formatNumber, REPORT_WORDS as W, RULES, ruleMessage, type Lang, type Params, type RuleId, type Severity } from './messages.ts';
import type { Bilingual } from '../lang.ts';

/** One problem found in a publisher's files. */
export interface Issue {
  severity: Severity;
  rule: RuleId;
  /** File name inside the publisher folder (`heures.csv`, `metadonnees.json`, `clauses.xlsx`). */
  file: string;
  /** Sheet of a workbook (`.xlsx`) the issue is in. */
  sheet?: string;
  /** 1-based physical line in the file (the row number in a sheet). */
  line?: number;
  /** Cell of a sheet, as a spreadsheet names it (`H12`). */
  cell?: string;
  /** Column name (or metadata field path). */
  column?: string;
  /** The cell as written (cut to 100 characters; masked for personal data). */
  value?: string;
  message: Bilingual;
}

/** How a file (or a sheet of a workbook) was read. */
export interface FileReport {
  file: string;
  /** The sheet, for a table read from a workbook (`.xlsx`). */
  sheet?: string;
  /** How a CSV file was decoded and split (absent for a sheet). */
  encoding?: CsvEncoding;
  delimiter?: CsvDelimiter;
  /** Data rows (header excluded). */
  rows: number;
}

/**
 * Where an issue or a file is, as one string: the file, or the file and its sheet
 * (`clauses.xlsx › heures`). Counts per file are counts per place, so two sheets of one workbook
 * are counted apart.
 */
export function placeOf(where: { file: string; sheet?: string }): string {
  return where.sheet === undefined ? where.file : `${where.file} › ${where.sheet}`;
}

/** Count of one rule over every file. */
export interface SummaryEntry {
  rule: RuleId;
  severity: Severity;
  /** Exact number of issues, including those not stored. */
  count: number;
  /** Title of the rule. */
  fr: string;
  en: string;
  /** How to fix it. */
  fix: Bilingual;
  /** Exact count per file (per place: see {@link placeOf}). */
  files: Record<string, number>;
}

export interface ValidationReport {
  publisher: string;
  files: FileReport[];
  /** Issues in file order then line order; at most {@link MAX_ISSUES_PER_RULE} per (file, rule). */
  issues: Issue[];
  /** One entry per rule that fired, errors first, then by decreasing count. */
  summary: SummaryEntry[];
  errorCount: number;
  warningCount: number;
}

/** The issues a collector stored and its counts per (rule, file): see {@link IssueCollector.collected}. */
export interface CollectedIssues {
  issues: Issue[];
  counts: [rule: RuleId, file: string, count: number][];
}

/** Issues stored per (file, rule); the others are only counted. */
export const MAX_ISSUES_PER_RULE = 100;
const MAX_VALUE_LENGTH = 100;

/** Where an issue is. */
export interface Location {
  sheet?: string;
  line?: number;
  cell?: string;
  column?: string;
  value?: string;
}

/**
 * Collects issues, counting every one but storing at most {@link MAX_ISSUES_PER_RULE} per
 * (file, rule), so a million bad cells cost a million increments and a hundred messages.
 */
export class IssueCollector {
  private stored: Issue[] = [];
  private readonly counts = new Map<RuleId, Map<string, number>>();
  private errors = 0;
  private warnings = 0;

  /**
   * Records an issue. `params` may be a function: it is only called when the issue is stored.
   * `message` replaces the rule's template (issues forwarded from the CSV layer).
   */
  add(rule: RuleId, file: string, at: Location = {}, params?: Params | (() => Params), message?: Bilingual): void {
    const { severity } = RULES[rule];
    if (severity === 'error') this.errors++;
    else this.warnings++;
    let byFile = this.counts.get(rule);
    if (!byFile) this.counts.set(rule, (byFile = new Map<string, number>()));
    const place = at.sheet === undefined ? file : placeOf({ file, sheet: at.sheet });
    const n = (byFile.get(place) ?? 0) + 1;
    byFile.set(place, n);
    if (n > MAX_ISSUES_PER_RULE) return;
    // Built key by key so that JSON reports list them in reading order, message last.
    const issue = { severity, rule, file } as Issue;
    if (at.sheet !== undefined) issue.sheet = at.sheet;
    if (at.line !== undefined) issue.line = at.line;
    if (at.cell !== undefined) issue.cell = at.cell;
    if (at.column !== undefined) issue.column = at.column;
    if (at.value !== undefined) issue.value = at.value.length > MAX_VALUE_LENGTH ? at.value.slice(0, MAX_VALUE_LENGTH) + '…' : at.value;
    issue.message = message ?? ruleMessage(rule, typeof params === 'function' ? params() : params);
    this.stored.push(issue);
  }

  /** Forgets every issue of a file (a file read again from the start, in another encoding). */
  forget(file: string): void {
    this.stored = this.stored.filter((i) => i.file !== file);
    for (const [rule, byFile] of this.counts) {
      const n = byFile.get(file);
      if (n === undefined) continue;
      if (RULES[rule].severity === 'error') this.errors -= n;
      else this.warnings -= n;
      byFile.delete(file);
      if (byFile.size === 0) this.counts.delete(rule);
    }
  }

  get errorCount(): number {
    return this.errors;
  }

  /**
   * What was collected, as plain data: to hand the issues of a table read on another thread over
   * to the collector of the whole validation (see {@link absorb}).
   */
  collected(): CollectedIssues {
    const counts: CollectedIssues['counts'] = [];
    for (const [rule, byFile] of this.counts) for (const [file, n] of byFile) counts.push([rule, file, n]);
    return { issues: this.stored, counts };
  }

  /**
   * Adds what another collector collected, as if its issues had been added here in the same
   * order: every one counted, at most {@link MAX_ISSUES_PER_RULE} stored per (file, rule).
   */
  absorb(other: CollectedIssues): void {
    const room = new Map<string, number>();
    const key = (rule: RuleId, file: string) => `${rule}\u0000${file}`;
    for (const [rule, file, n] of other.counts) {
      let byFile = this.counts.get(rule);
      if (!byFile) this.counts.set(rule, (byFile = new Map<string, number>()));
      const before = byFile.get(file) ?? 0;
      byFile.set(file, before + n);
      room.set(key(rule, file), Math.max(0, MAX_ISSUES_PER_RULE - before));
      if (RULES[rule].severity === 'error') this.errors += n;
      else this.warnings += n;
    }
    for (const issue of other.issues) {
      const k = key(issue.rule, placeOf(issue));
      const left = room.get(k) ?? 0;
      if (left === 0) continue;
      room.set(k, left - 1);
      this.stored.push(issue);
    }
  }

  /**
   * The report; `fileOrder` sorts issues by place (see {@link placeOf}; places not listed go
   * last, in name order).
   */
  build(publisher: string, files: FileReport[], fileOrder: readonly string[]): ValidationReport {
    const rank = (f: string) => {
      const i = fileOrder.indexOf(f);
      return i < 0 ? fileOrder.length : i;
    };
    const issues = this.stored
      .map((issue, i) => ({ issue, i, place: placeOf(issue) }))
      .sort((a, b) => rank(a.place) - rank(b.place) || a.place.localeCompare(b.place) || (a.issue.line ?? 0) - (b.issue.line ?? 0) || a.i - b.i)
      .map((x) => x.issue);
    const summary: SummaryEntry[] = [...this.counts].map(([rule, byFile]) => {
      const { severity, title, fix } = RULES[rule];
      let count = 0;
      for (const n of byFile.values()) count += n;
      // Files in report order, whichever was counted first (a table read on another thread is counted last).
      const files = [...byFile].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
      return { rule, severity, count, fr: title.fr, en: title.en, fix, files: Object.fromEntries(files) };
    });
    summary.sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning') || b.count - a.count || a.rule.localeCompare(b.rule));
    return { publisher, files, issues, summary, errorCount: this.errors, warningCount: this.warnings };
  }
}

function quote(value: string, lang: Lang): string {
  return lang === 'fr' ? `« ${value} »` : `"${value}"`;
}

/** Where an issue is, as a spreadsheet user reads it: `heures.csv:12`, `clauses.xlsx, feuille heures, cellule C12`. */
function whereOf(issue: Pick<Issue, 'file' | 'sheet' | 'line' | 'cell'>, lang: Lang): string {
  if (issue.sheet === undefined) return issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  const parts = [issue.file, `${W.sheet[lang]} ${issue.sheet}`];
  if (issue.cell !== undefined) parts.push(`${W.cell[lang]} ${issue.cell}`);
  else if (issue.line !== undefined) parts.push(`${W.row[lang]} ${issue.line}`);
  return parts.join(', ');
}

/** One issue as a line: `heures.csv:12 [heures] « 12h » nombre.format — Nombre illisible…`. */
export function formatIssue(issue: Issue, lang: Lang): string {
  const parts = [whereOf(issue, lang)];
  if (issue.column !== undefined) parts.push(`[${issue.column}]`);
  if (issue.value !== undefined) parts.push(quote(issue.value, lang));
  parts.push(issue.severity === 'warning' ? `${issue.rule} (${W.warning[lang]})` : issue.rule);
  return `${parts.join(' ')} — ${issue.message[lang]}`;
}

/** Lines or cells listed for a group of issues before `…`. */
const FIRST_LINES = 5;
/** Distinct values listed for a group of issues before `…`. */
const FIRST_VALUES = 5;

/**
 * The issues of one rule, grouped by place and column: the same problem on many lines is one
 * entry (count, first lines, first values), in the order the report lists them.
 */
function groupIssues(issues: readonly Issue[]): Issue[][] {
  const groups = new Map<string, Issue[]>();
  for (const issue of issues) {
    const key = `${placeOf(issue)}\u0000${issue.column ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(issue);
  }
  return [...groups.values()];
}

/**
 * A group of issues as lines: one issue as {@link formatIssue}; several as a count (`total`, when
 * the issues only counted are known to be of this group), their first lines and values.
 */
function formatGroup(group: readonly Issue[], lang: Lang, total = group.length): string[] {
  const first = group[0]!;
  if (total === 1) return [`  ${formatIssue(first, lang)}`];
  const n = (x: number) => formatNumber(x, lang);
  const inSheet = first.sheet !== undefined && group.every((i) => i.cell !== undefined);
  const positions = group.map((i) => (inSheet ? i.cell! : i.line)).filter((p) => p !== undefined);
  const shown = positions.slice(0, FIRST_LINES).map(String).join(', ') + (positions.length > FIRST_LINES ? '…' : '');
  const unit = inSheet ? W.cells[lang] : W.lines[lang];
  const head = [whereOf({ file: first.file, sheet: first.sheet }, lang)];
  if (first.column !== undefined) head.push(`[${first.column}]`);
  const lines = [`  ${head.join(' ')} — ${n(total)} ${unit}${shown ? ` (${shown})` : ''}`];
  const values = [...new Set(group.map((i) => i.value).filter((v) => v !== undefined))];
  if (values.length > 0) {
    const listed =
      values
        .slice(0, FIRST_VALUES)
        .map((v) => quote(v, lang))
        .join(', ') + (values.length > FIRST_VALUES ? '…' : '');
    lines.push(`    ${W.values[lang]}${lang === 'fr' ? ' :' : ':'} ${listed}`);
  }
  const messages = [...new Set(group.map((i) => i.message[lang]))];
  lines.push(`    ${messages[0]}${messages.length > 1 ? ` (${W.firstMessage[lang]})` : ''}`);
  return lines;
}

export interface FormatOptions {
  /** Every stored issue on its own line, as before grouping (default false: grouped). */
  ungrouped?: boolean;
}

/**
 * A readable text report, in French or in English. Issues come rule by rule (errors first, the
 * most frequent first), each rule with its count and how to fix it; within a rule, the same
 * problem in one column of one file is one entry with its count and first lines.
 */
export function formatReport(report: ValidationReport, lang: Lang, options: FormatOptions = {}): string {
  const n = (x: number) => formatNumber(x, lang);
  const colon = lang === 'fr' ? ' :' : ':';
  const lines: string[] = [`${W.heading[lang]} — ${report.publisher}`, ''];
  if (report.files.length > 0) {
    lines.push(`${W.files[lang]}${colon}`);
    for (const f of report.files) {
      const how = f.sheet !== undefined ? [`${W.sheet[lang]} ${f.sheet}`] : [];
      if (f.encoding !== undefined) how.push(f.encoding);
      if (f.delimiter !== undefined) how.push(`${W.delimiter[lang]} ${f.delimiter === '\t' ? W.tab[lang] : quote(f.delimiter, lang)}`);
      how.push(`${n(f.rows)} ${W.rows[lang]}`);
      lines.push(`  ${f.file} — ${how.join(', ')}`);
    }
    lines.push('');
  }
  lines.push(`${W.issues[lang]}${colon}`);
  if (report.issues.length === 0) lines.push(W.none[lang]);
  for (const s of report.summary) {
    const issues = report.issues.filter((i) => i.rule === s.rule);
    const severity = (s.severity === 'error' ? W.error : W.warning)[lang];
    lines.push('', `${s.rule} — ${s[lang]} (${severity}, ${n(s.count)})`);
    const groups = options.ungrouped ? issues.map((i) => [i]) : groupIssues(issues);
    // Issues only counted (beyond the stored ones), per place: they belong to the place's one
    // group when it has only one; otherwise they are said apart.
    const more = new Map<string, number>();
    for (const [place, total] of Object.entries(s.files)) more.set(place, total - issues.filter((i) => placeOf(i) === place).length);
    for (const group of groups) {
      const place = placeOf(group[0]!);
      const alone = !options.ungrouped && groups.filter((g) => placeOf(g[0]!) === place).length === 1;
      const extra = alone ? (more.get(place) ?? 0) : 0;
      if (alone) more.set(place, 0);
      lines.push(...formatGroup(group, lang, group.length + extra));
    }
    for (const [place, m] of more) if (m > 0) lines.push(`  … ${n(m)} ${W.more[lang]} (${place})`);
    lines.push(`  → ${W.fix[lang]}${colon} ${s.fix[lang]}`);
  }
  lines.push('');
  const verdict = report.errorCount > 0 ? W.refused[lang] : W.accepted[lang];
  lines.push(`${n(report.errorCount)} ${W.errors[lang]}, ${n(report.warningCount)} ${W.warnings[lang]} — ${verdict}`);
  return lines.join('\n') + '\n';
}
