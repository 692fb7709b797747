/**
 * Generated text summaries of charts: what a sighted reader takes from the picture, in words
 * (trend from first to last year, highest value, leading categories, secret cells). Pure.
 */
import type { ChartKind, Point } from '../charts/index.ts';
import { formatChange, formatNumber, t, tn, type Lang } from '../i18n/index.ts';
import { SECRET } from '../schemas/secret.ts';

export interface SummaryOptions {
  /** Name of the measure, e.g. « Heures réalisées ». */
  measure: string;
  format: (n: number) => string;
  /** The measure is a share in percent: changes are given in points, not in percent. */
  percent?: boolean;
  /**
   * Years the data covers in part (`x` as drawn, with the note saying which months): a trend is
   * read between full years, and the note is said, so that no growth comes from a 3-month year.
   */
  partial?: { x: string; note: string }[];
}

const num = (p: Point): p is Point & { y: number } => typeof p.y === 'number' && Number.isFinite(p.y);

function secretNote(lang: Lang, points: Point[]): string {
  const secrets = points.filter((p) => p.y === SECRET);
  if (secrets.length === 0) return '';
  const which = secrets.map((p) => (p.series ? `${p.series} ${p.x}` : p.x)).join(', ');
  return tn(lang, 'summary.secret', secrets.length, { which });
}

function pointChange(lang: Lang, from: number, to: number): string {
  const d = to - from;
  return t(lang, 'summary.points', { sign: d >= 0 ? '+' : '−', v: formatNumber(lang, Math.abs(d), 1) });
}

function trend(lang: Lang, points: Point[], o: SummaryOptions): string[] {
  const all = points.filter(num);
  const partial = new Set((o.partial ?? []).map((p) => p.x));
  const full = all.filter((p) => !partial.has(p.x));
  const values = full.length >= 2 ? full : all;
  const first = values[0];
  const last = values[values.length - 1];
  if (!first || !last) return [t(lang, 'summary.empty')];
  const out = [
    t(lang, 'summary.trend', {
      measure: o.measure,
      a: o.format(first.y),
      from: first.x,
      b: o.format(last.y),
      to: last.x,
      change: o.percent ? pointChange(lang, first.y, last.y) : formatChange(lang, first.y, last.y),
    }),
  ];
  const max = values.reduce((m, p) => (p.y > m.y ? p : m), first);
  if (max !== last && max !== first) out.push(t(lang, 'summary.max', { v: o.format(max.y), x: max.x }));
  return out;
}

/** « 2012 : année partielle, d’octobre à décembre seulement. » for the partial years drawn. */
function partialNote(points: Point[], o: SummaryOptions): string {
  const drawn = new Set(points.map((p) => p.x));
  const notes = (o.partial ?? []).filter((p) => drawn.has(p.x)).map((p) => `${p.note}.`);
  return notes.join(' ');
}

function perSeries(lang: Lang, points: Point[], o: SummaryOptions): string[] {
  const series = [...new Set(points.map((p) => p.series ?? ''))];
  return series.map((s) => {
    const values = points.filter((p) => (p.series ?? '') === s).filter(num);
    const first = values[0];
    const last = values[values.length - 1];
    if (!first || !last) return '';
    if (first === last) return t(lang, 'summary.seriesOne', { series: s, a: o.format(first.y), from: first.x });
    return t(lang, 'summary.series', { series: s, a: o.format(first.y), from: first.x, b: o.format(last.y), to: last.x });
  });
}

function ranked(lang: Lang, points: Point[], o: SummaryOptions): string[] {
  const values = points.filter(num).sort((a, b) => b.y - a.y);
  const [first, second] = values;
  const last = values[values.length - 1];
  if (!first) return [t(lang, 'summary.empty')];
  if (!second) return [t(lang, 'summary.rankedOne', { first: first.x, a: o.format(first.y) })];
  const out = [t(lang, 'summary.ranked', { first: first.x, a: o.format(first.y), second: second.x, b: o.format(second.y) })];
  if (last && values.length > 2) out.push(t(lang, 'summary.rankedLast', { last: last.x, c: o.format(last.y) }));
  return out;
}

/** One paragraph describing the chart's data. */
export function summarize(lang: Lang, kind: ChartKind, points: Point[], o: SummaryOptions): string {
  const multi = new Set(points.map((p) => p.series ?? '')).size > 1;
  const parts = kind === 'ranked-bars' || kind === 'map' ? ranked(lang, points, o) : multi ? perSeries(lang, points, o) : trend(lang, points, o);
  return [...parts, kind === 'ranked-bars' || kind === 'map' ? '' : partialNote(points, o), secretNote(lang, points)].filter(Boolean).join(' ');
}
