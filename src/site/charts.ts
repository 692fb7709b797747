/**
 * From a chart spec of the manifest to everything the page shows about the chart: the SVG (inline
 * and standalone), the exact rows of its table view and CSV, its title, subtitle, summary and
 * legend. Build time (reads the publication through data.ts); one model per chart and language.
 */
import { CHARTS, PALETTE, type Point, type Value } from '../charts/index.ts';
import { serverDocument, toSvgString } from '../charts/render.ts';
import { formatDate, formatPeriod, t, type Lang } from '../i18n/index.ts';
import { keptRelease, publication, type Publication } from './data.ts';
import { csvCell, toCsv } from './csv.ts';
import { formatCell, isPercent, numberFormatter, tickFormatter } from './format.ts';
import { chartSpec, MONTHS_TABLE, type ChartSpec } from './pages-manifest.ts';
import type { Cell, Column, PublishedTable, Row } from './schema.ts';
import { summarize } from './summary.ts';
import { chartDefinition, partialYearNote, partialYears } from './definitions.ts';
import { SECRET } from '../schemas/secret.ts';

export interface ChartModel {
  spec: ChartSpec;
  lang: Lang;
  title: string;
  subtitle: string;
  /** Short definition of the measure (one wording per measure), when the dictionary has one. */
  definition?: string;
  /** Attribution of third-party material drawn in (a map's boundaries). */
  credit?: string;
  summary: string;
  /** Published table the chart reads, with its title in this language. */
  table: PublishedTable;
  tableTitle: string;
  /** Columns and rows of the table view and of the CSV: exactly the chart's data. */
  columns: Column[];
  rows: Row[];
  points: Point[];
  legend: { label: string; color: string }[];
  /** SVG for the page; its accessible name and description point at the figure's title and summary. */
  svg: string;
  /** Self-contained SVG file: title, subtitle, legend, chart, source and licence. */
  standalone: string;
  /** The chart alone, 640 px wide, as drawn (for the link preview image, src/site/preview.ts). */
  inner: string;
  /** Source and licence lines, as drawn under the standalone chart. */
  footer: string[];
  /** The chart's rows as published: column names and codes, language-neutral (`/graphiques/<id>.csv`). */
  csv: string;
  /**
   * The same rows for a reader of this language (`/[en/]graphiques/<id>.libelles.csv`): a BOM (Excel),
   * column titles with their unit, codes as their labels, secret cells in words, and a source column.
   */
  labelledCsv: string;
  hasSecret: boolean;
  hasMissing: boolean;
}

const value = (v: Cell): Value => (typeof v === 'number' ? v : v === SECRET ? SECRET : null);
const rank = (v: Cell): number => (typeof v === 'number' ? v : -Infinity);

function column(tab: PublishedTable, name: string, spec: ChartSpec): Column {
  const c = tab.colonnes.find((col) => col.nom === name);
  if (!c) throw new Error(`Graphique ${spec.id} : colonne « ${name} » absente du tableau ${tab.id} (src/site/pages-manifest.ts)`);
  return c;
}

const warned = new Set<string>();
const cache = new Map<string, ChartModel | undefined>();

/**
 * The chart's model, or undefined when its table is not in this release (warned once). With
 * `version`, the chart as of that release, drawn from its own folder (`donnees/<id>/<version>/`):
 * a pinned embed.
 */
export function chartModel(idOrSpec: string | ChartSpec, lang: Lang, version?: string): ChartModel | undefined {
  const spec = typeof idOrSpec === 'string' ? chartSpec(idOrSpec) : idOrSpec;
  if (!spec) throw new Error(`Graphique inconnu / unknown chart: ${typeof idOrSpec === 'string' ? idOrSpec : idOrSpec.id} (src/site/pages-manifest.ts)`);
  const key = `${spec.id}:${lang}:${version ?? ''}`;
  if (!cache.has(key)) {
    const pub = version ? keptRelease(version) : publication();
    let model: ChartModel | undefined;
    try {
      model = pub ? build(spec, lang, pub) : undefined;
    } catch (e) {
      // An earlier release may lack a column a chart reads today: no pinned chart for it, said once.
      if (!version) throw e;
      console.warn(`[site] ${spec.id} : pas de graphique figé pour la version ${version} / no pinned chart for release ${version} (${(e as Error).message})`);
    }
    cache.set(key, model);
  }
  return cache.get(key);
}

function build(spec: ChartSpec, lang: Lang, pub: Publication): ChartModel | undefined {
  const tab = pub.tables.get(spec.table);
  if (!tab) {
    if (!warned.has(spec.table)) {
      warned.add(spec.table);
      console.warn(`[site] table « ${spec.table} » absente de la publication : graphiques ignorés.`);
    }
    return undefined;
  }
  const xCol = column(tab, spec.x, spec);
  const sCol = spec.series ? column(tab, spec.series, spec) : undefined;
  const yCols = (Array.isArray(spec.y) ? spec.y : [spec.y]).map((y) => column(tab, y, spec));
  const lCol = spec.label ? column(tab, spec.label, spec) : undefined;
  const yCol = yCols[0] as Column;
  const columns = [xCol, ...(lCol ? [lCol] : []), ...(sCol ? [sCol] : []), ...yCols];

  let rows = tab.lignes.filter((r) => Object.entries(spec.where ?? {}).every(([k, v]) => (Array.isArray(v) ? v.includes(r[k] as never) : r[k] === v)));
  if (sCol) {
    // A series with nothing but zeros and blanks (supplies, say) draws nothing: leave it out.
    const empty = new Set([...new Set(rows.map((r) => r[sCol.nom]))].filter((s) => rows.filter((r) => r[sCol.nom] === s).every((r) => yCols.every((c) => r[c.nom] === 0 || r[c.nom] === null))));
    rows = rows.filter((r) => !empty.has(r[sCol.nom] ?? null));
  }
  if ((spec.kind === 'ranked-bars' || spec.kind === 'map') && spec.order !== 'data') {
    rows = rows
      .map((r, i) => ({ r, i }))
      .sort((a, b) => rank(b.r[yCol.nom] ?? null) - rank(a.r[yCol.nom] ?? null) || a.i - b.i)
      .map((d) => d.r);
  }
  // Codes read as the row's published label (`libelle_<col>`), so the chart says what the file says.
  const label = (c: Column, r: Row) => {
    const v = r[c.nom] ?? null;
    return c.type === 'year' && typeof v === 'number' ? String(v) : formatCell(lang, c, v, r);
  };
  const points: Point[] =
    yCols.length > 1
      ? rows.flatMap((r) => yCols.map((c) => ({ x: label(xCol, r), y: value(r[c.nom] ?? null), series: c.titre[lang] })))
      : rows.map((r) => ({
          x: lCol && typeof r[lCol.nom] === 'string' ? (r[lCol.nom] as string) : label(xCol, r),
          y: value(r[yCol.nom] ?? null),
          ...(sCol ? { series: label(sCol, r) } : {}),
          // A map finds each place's outline by its code.
          ...(spec.kind === 'map' ? { key: String(r[xCol.nom]) } : {}),
        }));

  const seriesNames = [...new Set(points.map((p) => p.series).filter((s): s is string => s !== undefined))];
  const colors = new Map(seriesNames.map((s, i) => [s, PALETTE[i % PALETTE.length] as string]));
  const format = numberFormatter(lang, yCol);
  const title = t(lang, spec.title);
  const unit = isPercent(yCol) ? t(lang, 'unit.share') : (yCol.unite?.[lang] ?? yCol.titre[lang]);
  const period = formatPeriod(lang, tab.periode ?? pub.editeur.periode);
  // Years of work (`annee`) the data covers in part: said in the subtitle and the summary.
  const drawn = new Set(points.map((p) => p.x));
  const partial =
    xCol.nom === 'annee'
      ? partialYears(pub.tables.get(MONTHS_TABLE))
          .filter((p) => drawn.has(String(p.year)))
          .map((p) => ({ x: String(p.year), note: partialYearNote(lang, p) }))
      : [];
  const subtitle = [t(lang, 'chart.sub', { unit, period }), ...partial.map((p) => p.note)].join(' · ');
  const summary = summarize(lang, spec.kind, points, { measure: title, format, percent: isPercent(yCol), partial });
  const definition = chartDefinition(lang, spec.id);

  const { svg, inner } = renderFigures(spec.id, (width, suffix) =>
    CHARTS[spec.kind](points, {
      id: `${spec.id}${suffix}`,
      document: serverDocument(),
      width,
      format,
      tickFormat: tickFormatter(lang, yCol),
      valueLabel: isPercent(yCol) ? null : (yCol.unite?.[lang] ?? null),
      secretLabel: t(lang, 'chart.secret'),
      missingLabel: t(lang, 'chart.missing'),
      colors: seriesNames.length ? colors : new Map([['', PALETTE[0] as string]]),
    }),
  );

  const legend = seriesNames.length > 1 ? seriesNames.map((s) => ({ label: s, color: colors.get(s) as string })) : [];
  const tableTitle = tab.titre[lang];
  const source = t(lang, 'chart.source', { source: pub.editeur.nom, table: tableTitle, version: pub.datapackage.version });
  const credit = spec.kind === 'map' ? t(lang, 'chart.boundaries') : undefined;
  const footer = [
    ...(definition ? [`${t(lang, 'def.label')}${lang === 'fr' ? '\u00a0:' : ':'} ${definition}`] : []),
    source,
    ...(credit ? [credit] : []),
    `${t(lang, 'chart.licence')} — ${formatDate(lang, pub.editeur.date_publication)}`,
  ];
  const standalone = compose({ inner, title, subtitle, summary, legend, footer, lang });
  return {
    spec,
    lang,
    title,
    subtitle,
    ...(definition ? { definition } : {}),
    ...(credit ? { credit } : {}),
    summary,
    table: tab,
    tableTitle,
    columns,
    rows,
    points,
    legend,
    svg,
    standalone,
    inner,
    footer,
    csv: toCsv(columns, rows),
    labelledCsv: labelledCsv(lang, columns, rows, t(lang, 'csv.sourceCell', { source: pub.editeur.nom, table: tableTitle, version: pub.datapackage.version })),
    hasSecret: points.some((p) => p.y === SECRET),
    hasMissing: points.some((p) => p.y === null),
  };
}

/** CSV of a chart for readers: titles, labels, units and source in `lang`; numbers as numbers. */
export function labelledCsv(lang: Lang, columns: Column[], rows: Row[], source: string): string {
  const head = [...columns.map((c) => (c.unite && c.unite.fr.trim() !== '%' ? `${c.titre[lang]} (${c.unite[lang]})` : isPercent(c) ? `${c.titre[lang]} (%)` : c.titre[lang])), t(lang, 'csv.source')];
  const cell = (c: Column, r: Row): Cell => {
    const v = r[c.nom] ?? null;
    if (v === SECRET) return t(lang, 'chart.secret');
    if (typeof v === 'number' || v === null) return v;
    return formatCell(lang, c, v, r);
  };
  const lines = [head.map(csvCell).join(','), ...rows.map((r) => [...columns.map((c) => csvCell(cell(c, r))), csvCell(source)].join(','))];
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Greedy word wrap by character count (no text metrics at build time). */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The downloadable SVG: the chart with its title, subtitle, legend and source drawn in. Also used
 * by the comparison page's charts (src/site/compare/model.ts).
 */
/**
 * A chart drawn twice: 640 px wide for screens from tablets up, 360 px for phones, where a
 * scaled-down 640 px chart would have 7 px text (`draw(width, suffix)`, the suffix making the
 * phone drawing's ids its own). `svg`: both for the page, CSS showing one, each named by the
 * figure's title (`<id>-titre`) and summary (`<id>-resume`); `inner`: the large one alone, as
 * drawn, for the standalone file.
 */
export function renderFigures(id: string, draw: (width: number, suffix: string) => Element): { svg: string; inner: string } {
  const large = draw(640, '');
  const inner = toSvgString(large);
  const svg = [large, draw(360, '-mobile')]
    .map((figure, i) => {
      figure.setAttribute('role', 'img');
      figure.setAttribute('aria-labelledby', `${id}-titre`);
      figure.setAttribute('aria-describedby', `${id}-resume`);
      figure.setAttribute('class', `${figure.getAttribute('class') ?? ''} ${i === 0 ? 'large' : 'small'}`.trim());
      // Plot repeats the same <style> in every SVG; the page's stylesheet carries it once.
      figure.querySelector('style')?.remove();
      return toSvgString(figure);
    })
    .join('');
  return { svg, inner };
}

export function compose(o: { inner: string; title: string; subtitle: string; summary: string; legend: { label: string; color: string }[]; footer: string[]; lang: Lang }): string {
  const width = 640;
  const pad = 16;
  const innerHeight = Number(/viewBox="0 0 \d+(?:\.\d+)? (\d+(?:\.\d+)?)"/.exec(o.inner)?.[1] ?? 300);
  const parts: string[] = [];
  let y = pad + 16;
  for (const line of wrap(o.title, 64)) {
    parts.push(`<text x="${pad}" y="${y}" font-size="17" font-weight="700">${esc(line)}</text>`);
    y += 22;
  }
  parts.push(`<text x="${pad}" y="${y - 2}" font-size="13" fill="#444">${esc(o.subtitle)}</text>`);
  y += 14;
  if (o.legend.length) {
    let x = pad;
    y += 6;
    for (const item of o.legend) {
      const w = 22 + item.label.length * 7;
      if (x + w > width - pad) {
        x = pad;
        y += 20;
      }
      parts.push(`<rect x="${x}" y="${y - 10}" width="12" height="12" fill="${item.color}"/><text x="${x + 17}" y="${y}" font-size="12">${esc(item.label)}</text>`);
      x += w + 12;
    }
    y += 12;
  }
  parts.push(`<g transform="translate(0 ${y})">${o.inner.replace('<svg xmlns="http://www.w3.org/2000/svg"', '<svg')}</g>`);
  y += innerHeight + 18;
  for (const line of o.footer.flatMap((f) => wrap(f, 100))) {
    parts.push(`<text x="${pad}" y="${y}" font-size="11" fill="#444">${esc(line)}</text>`);
    y += 15;
  }
  const height = Math.ceil(y + pad / 2);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" lang="${o.lang}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" fill="#1a1a1a" role="img">` +
    `<title>${esc(o.title)}</title><desc>${esc(o.summary)}</desc><rect width="100%" height="100%" fill="#fff"/>` +
    parts.join('') +
    `</svg>`
  );
}
