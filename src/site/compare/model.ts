/**
 * Charts of the comparison page, from the published comparison files (`donnees/comparaison/`): one
 * chart per comparable measure and set of flags (src/lib/compare/charts.ts decides which figures
 * may share a chart), drawn with the site's chart functions (`src/charts/`) the way
 * `src/site/charts.ts` draws the publisher's charts: SVG at 640 and 360 px, standalone SVG with
 * title, subtitle, source and licence, generated summary, rows and CSV of the table view.
 * Build time (reads the release through data.ts).
 */
import { CHARTS, PALETTE, type Point } from '../../charts/index.ts';
import { serverDocument } from '../../charts/render.ts';
import { bilingual, t, type Lang } from '../../i18n/index.ts';
import { chartGroups, MAX_BARS, peerSummary, type ChartFlags, type ChartGroup, type PeerSummary } from '../../lib/compare/charts.ts';
import { NATURES_HEURES, PERIMETRES, STATUTS } from '../../lib/compare/codes.ts';
import { compose, renderFigures } from '../charts.ts';
import { toCsv } from '../csv.ts';
import { comparison } from '../data.ts';
import { isPercent, numberFormatter, tickFormatter } from '../format.ts';
import type { Column, ComparisonRow, MeasureInfo, ReferenceResult, Row } from '../schema.ts';
import { summarize } from '../summary.ts';
import { SECRET } from '../../schemas/secret.ts';

export interface CompareChartModel {
  /** Anchor on the page and name of its files: `comparaison-<measure>[-<flags>]`. */
  id: string;
  group: ChartGroup<ComparisonRow, ReferenceResult>;
  measure: MeasureInfo;
  title: string;
  subtitle: string;
  /** The chart's flags in words: « pluriannuel ; marchés propres de l'acheteur ; heures réalisées ». */
  flags: string;
  summary: string;
  source: string;
  columns: Column[];
  rows: Row[];
  svg: string;
  standalone: string;
  csv: string;
  hasSecret: boolean;
  hasMissing: boolean;
  /** Too many peers for one bar each: their quantiles are drawn instead (and said under the chart). */
  peers?: PeerSummary;
}

/** The flags of a chart in words. */
export function flagsText(lang: Lang, f: ChartFlags): string {
  return t(lang, 'compare.flagsText', {
    period: t(lang, f.annuel ? 'compare.annual' : 'compare.multiYear'),
    scope: PERIMETRES[f.perimetre][lang].toLowerCase(),
    hours: NATURES_HEURES[f.nature_heures][lang].toLowerCase(),
  });
}

/** A territory's name without its explanations, for a bar label: « Grand Lyon (Communauté urbaine de Lyon) » → « Grand Lyon ». */
export const shortName = (name: string): string => name.split(/\s+[(–—]\s*/)[0]!.trim();

/** The years of a published figure, without the notes of its period: `2017-2022 (cumul)` → `2017–2022`. */
const years = (r: ReferenceResult): string => (r.annee_debut === null ? r.periode : r.annee_debut === r.annee_fin ? String(r.annee_debut) : `${r.annee_debut}–${r.annee_fin}`);

const cache = new Map<Lang, CompareChartModel[]>();

/** Every chart of the comparison page, in the order of the measures; empty without a comparison. */
export function compareCharts(lang: Lang): CompareChartModel[] {
  if (!cache.has(lang)) cache.set(lang, build(lang));
  return cache.get(lang)!;
}

export const compareChart = (lang: Lang, id: string): CompareChartModel | undefined => compareCharts(lang).find((c) => c.id === id);

function build(lang: Lang): CompareChartModel[] {
  const files = comparison();
  if (!files) return [];
  const { publishers, references } = files;
  const names = [...new Set(publishers.lignes.map((r) => r.nom_editeur))];
  const source = t(lang, 'compare.source', { table: publishers.titre[lang], publishers: names.length <= 5 ? names.join(', ') : t(lang, 'compare.manyPublishers', { n: names.length }) });
  return publishers.mesures
    .filter((m) => m.role === 'comparable')
    .flatMap((measure) => chartGroups(measure.id, publishers.lignes, references?.lignes ?? []).map((group) => model(lang, measure, group, source)));
}

function model(lang: Lang, measure: MeasureInfo, group: ChartGroup<ComparisonRow, ReferenceResult>, source: string): CompareChartModel {
  const id = `comparaison-${group.id}`;
  const valueColumn: Column = { nom: 'valeur', type: 'number', role: 'mesure', titre: measure.titre, unite: measure.unite };
  const columns: Column[] = [
    { nom: 'nom', type: 'string', role: 'dimension', titre: bilingual('compare.colName') },
    { nom: 'statut', type: 'string', role: 'dimension', titre: bilingual('compare.colStatus') },
    { nom: 'periode', type: 'string', role: 'dimension', titre: bilingual('compare.colPeriod') },
    valueColumn,
  ];
  // Beyond MAX_BARS releases, this site's publishers keep their bars and the peers are summed up.
  const peers = group.validated.length > MAX_BARS ? peerSummary(group.validated.filter((r) => r.origine === 'pair').map((r) => r.valeur)) : undefined;
  const shown = group.validated.length > MAX_BARS ? group.validated.filter((r) => r.origine === 'site') : group.validated;
  const statutPair = STATUTS.PUBLICATION_VERIFIEE[lang];
  const quantiles = (peers?.quantiles ?? []).map((q) => ({
    nom: t(lang, 'compare.peersQuantile', { quantile: t(lang, `compare.quantile.${q.id}`), n: peers!.n }),
    valeur: q.valeur,
  }));
  const rows: Row[] = [
    ...shown.map((r) => ({ nom: r.nom_editeur, statut: lang === 'fr' ? r.statut : r.statut_en, periode: r.periode, valeur: r.valeur })),
    ...quantiles.map((q) => ({ nom: q.nom, statut: statutPair, periode: '', valeur: q.valeur })),
    ...group.references.map((r) => ({ nom: r.territoire, statut: t(lang, 'compare.refStatus'), periode: r.periode, valeur: r.valeur })),
  ];
  // Published figures are named as such inside the chart itself, not only in the table view.
  const points: Point[] = [
    ...shown.map((r) => ({ x: `${r.nom_editeur} — ${r.periode}`, y: r.valeur })),
    ...quantiles.map((q) => ({ x: q.nom, y: q.valeur })),
    ...group.references.map((r) => ({ x: t(lang, 'compare.referenceInChart', { name: shortName(r.territoire), period: years(r) }), y: r.valeur })),
  ];
  const flags = flagsText(lang, group.flags);
  const title = measure.titre[lang];
  const unit = isPercent(valueColumn) ? t(lang, 'unit.share') : measure.unite[lang];
  const subtitle = t(lang, 'compare.chartSub', { unit, flags });
  const format = numberFormatter(lang, valueColumn);
  const summary = summarize(lang, 'ranked-bars', points, { measure: title, format, percent: isPercent(valueColumn) });

  const { svg, inner } = renderFigures(id, (width, suffix) =>
    CHARTS['ranked-bars'](points, {
      id: `${id}${suffix}`,
      document: serverDocument(),
      width,
      format,
      tickFormat: tickFormatter(lang, valueColumn),
      valueLabel: isPercent(valueColumn) ? null : measure.unite[lang],
      secretLabel: t(lang, 'chart.secret'),
      missingLabel: t(lang, 'chart.missing'),
      colors: new Map([['', PALETTE[0] as string]]),
    }),
  );
  const standalone = compose({ inner, title, subtitle, summary, legend: [], footer: [source, t(lang, 'chart.licence')], lang });
  return {
    id,
    group,
    measure,
    title,
    subtitle,
    flags,
    summary,
    source,
    columns,
    rows,
    svg,
    standalone,
    csv: toCsv(columns, rows),
    hasSecret: points.some((p) => p.y === SECRET),
    hasMissing: points.some((p) => p.y === null),
    ...(peers ? { peers } : {}),
  };
}
