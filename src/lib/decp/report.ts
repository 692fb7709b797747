/**
 * The import report: a JSON-ready object and its text in French or English.
 */
import type { Lang } from '../lang.ts';
import { formatNumber } from '../validate/messages.ts';
import type { DecpImport, DecpRef, Note, Skipped } from './import.ts';
import type { MergeResult } from './merge.ts';
import { REPORT_WORDS as W, SKIP_REASONS, SKIP_TITLES, type SkipReason } from './messages.ts';

/** Everything an import did, as printed and as written with `--json`. */
export interface ImportReport {
  editeur: string;
  siret: string;
  /** The DECP file, as given on the command line. */
  file: string;
  /** Path of marches.csv. */
  target: string;
  /** What happened to it: written, left alone for a dry run, or left alone because nothing changed. */
  outcome: 'written' | 'dry-run' | 'unchanged';
  import: DecpImport;
  /** The merge, without the file text. */
  merge: Omit<MergeResult, 'text'>;
}

/** Ids listed per group in the text report; the JSON report lists them all. */
export const MAX_LISTED = 30;

/** Counts of skipped records per reason, every reason present (0 when none). */
export function skippedByReason(skipped: readonly Skipped[]): Record<SkipReason, Skipped[]> {
  const out = Object.fromEntries(SKIP_REASONS.map((r) => [r, [] as Skipped[]])) as Record<SkipReason, Skipped[]>;
  for (const s of skipped) out[s.reason].push(s);
  return out;
}

function refText(ref: DecpRef, lang: Lang): string {
  const where = `${ref.source} ${W.no[lang]} ${ref.index}`;
  return ref.id === null ? `(${lang === 'fr' ? 'sans id' : 'no id'}, ${where})` : `${ref.id} (${where})`;
}

const quoted = (v: string, lang: Lang) => (lang === 'fr' ? `« ${v} »` : `"${v}"`);

function list(items: readonly string[], lang: Lang): string {
  if (items.length === 0) return W.none[lang];
  const shown = items.slice(0, MAX_LISTED).join(', ');
  return items.length > MAX_LISTED ? `${shown}… (+${formatNumber(items.length - MAX_LISTED, lang)} ${W.more[lang]})` : shown;
}

/** The report as text, in one language. */
export function formatImportReport(report: ImportReport, lang: Lang): string {
  const n = (x: number) => formatNumber(x, lang);
  const colon = lang === 'fr' ? ' :' : ':';
  const { import: imp, merge } = report;
  const out: string[] = [];
  out.push(`${W.heading[lang]} — ${report.editeur} (SIRET ${report.siret})`);
  out.push(
    `${report.file} — ${W.format[lang]} ${W.formats[imp.format][lang]} — ${n(imp.records)} ${W.records[lang]}` + (imp.concessions ? `, ${W.concessions[lang]}${colon} ${n(imp.concessions)}` : ''),
  );
  out.push('');
  out.push(
    `${W.imported[lang]}${colon} ${n(imp.marches.length)} — ${n(merge.added.length)} ${W.added[lang]}, ${n(merge.updated.length)} ${W.updated[lang]}, ${n(merge.unchanged.length)} ${W.unchanged[lang]}`,
  );
  if (merge.added.length) out.push(`  + ${list(merge.added, lang)}`);
  for (const u of merge.updated.slice(0, MAX_LISTED)) out.push(`  ~ ${u.id}${colon} ${u.columns.join(', ')}`);
  if (merge.updated.length > MAX_LISTED) out.push(`  ~ … (+${n(merge.updated.length - MAX_LISTED)} ${W.more[lang]})`);
  if (merge.unchanged.length) out.push(`  = ${list(merge.unchanged, lang)}`);
  if (merge.untouched) out.push(`  ${n(merge.untouched)} ${W.untouched[lang]}`);

  out.push('');
  out.push(`${W.skipped[lang]}${colon} ${n(imp.skipped.length)}`);
  const groups = skippedByReason(imp.skipped);
  for (const reason of SKIP_REASONS) {
    const items = groups[reason];
    if (items.length === 0) continue;
    out.push(`  ${SKIP_TITLES[reason][lang]} (${n(items.length)})${colon}`);
    if (reason === 'autre_acheteur') {
      // A national file holds thousands of other buyers' contracts: one line per buyer.
      const perBuyer = new Map<string, number>();
      for (const s of items) perBuyer.set(s.detail[lang], (perBuyer.get(s.detail[lang]) ?? 0) + 1);
      const lines = [...perBuyer].sort((a, b) => b[1] - a[1]);
      for (const [detail, count] of lines.slice(0, MAX_LISTED)) out.push(`    ${detail} × ${n(count)}`);
      if (lines.length > MAX_LISTED) out.push(`    … (+${n(lines.length - MAX_LISTED)} ${W.more[lang]})`);
      continue;
    }
    for (const s of items.slice(0, MAX_LISTED)) out.push(`    ${refText(s, lang)} — ${s.detail[lang]}`);
    if (items.length > MAX_LISTED) out.push(`    … (+${n(items.length - MAX_LISTED)} ${W.more[lang]})`);
  }

  if (imp.notes.length) {
    out.push('');
    out.push(`${W.notes[lang]}${colon}`);
    const byId = new Map<string, Note[]>();
    for (const note of imp.notes) byId.set(note.id, [...(byId.get(note.id) ?? []), note]);
    for (const [id, notes] of byId) out.push(`  ${id}${colon} ${notes.map((x) => x.text[lang]).join(' ')}`);
  }
  if (merge.kept.length) {
    out.push('');
    out.push(`${W.kept[lang]}${colon}`);
    for (const k of merge.kept) out.push(`  ${k.id} ${k.column}${colon} ${W.yours[lang]} ${quoted(k.yours, lang)}, ${W.decp[lang]} ${quoted(k.decp, lang)}`);
  }
  if (merge.toFill.length) {
    out.push('');
    out.push(`${W.toFill[lang]}${colon}`);
    // Group columns that are empty on the same rows (the buyer columns of new rows, typically).
    const groupsOfIds = new Map<string, string[]>();
    for (const { column, ids } of merge.toFill) groupsOfIds.set(ids.join('\u0000'), [...(groupsOfIds.get(ids.join('\u0000')) ?? []), column]);
    for (const [ids, columns] of groupsOfIds) out.push(`  ${columns.join(', ')}${colon} ${list(ids.split('\u0000'), lang)}`);
  }
  if (merge.missingCompanies.length) {
    out.push('');
    out.push(`${W.companies[lang]}${colon} ${list(merge.missingCompanies, lang)}`);
  }
  if (merge.extraColumns.length) {
    out.push('');
    out.push(`${W.extra[lang]}${colon} ${merge.extraColumns.join(', ')}`);
  }
  out.push('');
  if (report.outcome === 'dry-run') out.push(W.dryRun[lang]);
  else if (report.outcome === 'unchanged') out.push(`${W.unchangedFile[lang]}${colon} ${report.target}`);
  else {
    out.push(`${W.written[lang]}${colon} ${report.target} (${n(merge.rowCount)} ${W.rows[lang]})`);
    if (merge.reencoded) out.push(W.encoding[lang]);
  }
  return out.join('\n') + '\n';
}
