import type { CsvDelimiter, CsvEncoding } from '../csv/index.ts';
import {
  formatNumber,
  REPORT_WORDS as W,
  RULES,
  ruleMessage,
  type Lang,
  type Message,
  type Params,
  type RuleId,
  type Severity,
} from './messages.ts';

/** One problem found in a publisher's files. */
export interface Issue {
  severity: Severity;
  rule: RuleId;
  /** File name inside the publisher folder (`heures.csv`, `metadonnees.json`). */
  file: string;
  /** 1-based physical line in the file. */
  line?: number;
  /** Column name (or metadata field path). */
  column?: string;
  /** The cell as written (cut to 100 characters; masked for personal data). */
  value?: string;
  message: Message;
}

/** How a file was read. */
export interface FileReport {
  file: string;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** Data rows (header excluded). */
  rows: number;
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
  /** Exact count per file. */
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
  line?: number;
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
  add(rule: RuleId, file: string, at: Location = {}, params?: Params | (() => Params), message?: Message): void {
    const { severity } = RULES[rule];
    if (severity === 'error') this.errors++;
    else this.warnings++;
    let byFile = this.counts.get(rule);
    if (!byFile) this.counts.set(rule, (byFile = new Map()));
    const n = (byFile.get(file) ?? 0) + 1;
    byFile.set(file, n);
    if (n > MAX_ISSUES_PER_RULE) return;
    // Built key by key so that JSON reports list them in reading order, message last.
    const issue = { severity, rule, file } as Issue;
    if (at.line !== undefined) issue.line = at.line;
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
      if (!byFile) this.counts.set(rule, (byFile = new Map()));
      const before = byFile.get(file) ?? 0;
      byFile.set(file, before + n);
      room.set(key(rule, file), Math.max(0, MAX_ISSUES_PER_RULE - before));
      if (RULES[rule].severity === 'error') this.errors += n;
      else this.warnings += n;
    }
    for (const issue of other.issues) {
      const k = key(issue.rule, issue.file);
      const left = room.get(k) ?? 0;
      if (left === 0) continue;
      room.set(k, left - 1);
      this.stored.push(issue);
    }
  }

  /** The report; `fileOrder` sorts issues (files not listed go last, in name order). */
  build(publisher: string, files: FileReport[], fileOrder: readonly string[]): ValidationReport {
    const rank = (f: string) => {
      const i = fileOrder.indexOf(f);
      return i < 0 ? fileOrder.length : i;
    };
    const issues = this.stored
      .map((issue, i) => ({ issue, i }))
      .sort(
        (a, b) =>
          rank(a.issue.file) - rank(b.issue.file) ||
          a.issue.file.localeCompare(b.issue.file) ||
          (a.issue.line ?? 0) - (b.issue.line ?? 0) ||
          a.i - b.i,
      )
      .map((x) => x.issue);
    const summary: SummaryEntry[] = [...this.counts].map(([rule, byFile]) => {
      const { severity, title } = RULES[rule];
      let count = 0;
      for (const n of byFile.values()) count += n;
      // Files in report order, whichever was counted first (a table read on another thread is counted last).
      const files = [...byFile].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
      return { rule, severity, count, fr: title.fr, en: title.en, files: Object.fromEntries(files) };
    });
    summary.sort(
      (a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning') || b.count - a.count || a.rule.localeCompare(b.rule),
    );
    return { publisher, files, issues, summary, errorCount: this.errors, warningCount: this.warnings };
  }
}

function quote(value: string, lang: Lang): string {
  return lang === 'fr' ? `« ${value} »` : `"${value}"`;
}

/** One issue as a line: `heures.csv:12 [heures] « 12h » nombre.format — Nombre illisible…`. */
export function formatIssue(issue: Issue, lang: Lang): string {
  let where = issue.file;
  if (issue.line !== undefined) where += `:${issue.line}`;
  const parts = [where];
  if (issue.column !== undefined) parts.push(`[${issue.column}]`);
  if (issue.value !== undefined) parts.push(quote(issue.value, lang));
  parts.push(issue.severity === 'warning' ? `${issue.rule} (${W.warning[lang]})` : issue.rule);
  return `${parts.join(' ')} — ${issue.message[lang]}`;
}

/** A readable text report, in French or in English. */
export function formatReport(report: ValidationReport, lang: Lang): string {
  const n = (x: number) => formatNumber(x, lang);
  const lines: string[] = [`${W.heading[lang]} — ${report.publisher}`, ''];
  if (report.files.length > 0) {
    lines.push(lang === 'fr' ? `${W.files.fr} :` : `${W.files.en}:`);
    for (const f of report.files) {
      const delimiter = f.delimiter === '\t' ? W.tab[lang] : quote(f.delimiter, lang);
      lines.push(`  ${f.file} — ${f.encoding}, ${W.delimiter[lang]} ${delimiter}, ${n(f.rows)} ${W.rows[lang]}`);
    }
    lines.push('');
  }
  lines.push(lang === 'fr' ? `${W.issues.fr} :` : `${W.issues.en}:`);
  if (report.issues.length === 0) lines.push(W.none[lang]);
  // After the last stored issue of a (file, rule), say how many more were only counted.
  const key = (i: Issue) => `${i.file}\u0000${i.rule}`;
  const shown = new Map<string, number>();
  const last = new Map<string, Issue>();
  for (const issue of report.issues) {
    shown.set(key(issue), (shown.get(key(issue)) ?? 0) + 1);
    last.set(key(issue), issue);
  }
  for (const issue of report.issues) {
    lines.push(formatIssue(issue, lang));
    if (last.get(key(issue)) !== issue) continue;
    const total = report.summary.find((s) => s.rule === issue.rule)?.files[issue.file] ?? 0;
    const more = total - (shown.get(key(issue)) ?? 0);
    if (more > 0) lines.push(`  … ${n(more)} ${W.more[lang]} (${issue.file}, ${issue.rule})`);
  }
  lines.push('');
  if (report.summary.length > 0) {
    lines.push(lang === 'fr' ? `${W.summary.fr} :` : `${W.summary.en}:`);
    const width = Math.max(...report.summary.map((s) => n(s.count).length));
    for (const s of report.summary) {
      const severity = (s.severity === 'error' ? W.error : W.warning)[lang].padEnd(13);
      lines.push(`  ${severity} ${n(s.count).padStart(width)}  ${s.rule} — ${s[lang]}`);
    }
    lines.push('');
  }
  const verdict = report.errorCount > 0 ? W.refused[lang] : W.accepted[lang];
  lines.push(`${n(report.errorCount)} ${W.errors[lang]}, ${n(report.warningCount)} ${W.warnings[lang]} — ${verdict}`);
  return lines.join('\n') + '\n';
}
