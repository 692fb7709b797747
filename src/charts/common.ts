/**
 * What every chart shares: the data shape, the options, colours and the mark of a secret cell.
 * Chart functions are pure functions of (data, options) returning an Observable Plot figure; they
 * never read files or know table ids, so the same function serves pages, embeds and SVG downloads.
 */
import * as Plot from '@observablehq/plot';
import { SECRET, type Secret } from '../schemas/secret.ts';

/** A published value: a number, hidden by statistical secret, or missing. */
export type Value = number | Secret | null;

/** One mark of a chart: position `x` (a year or a category label), value `y`, optional `series`. */
export interface Point {
  x: string;
  y: Value;
  series?: string;
  /** The place's code on a map (a département's number), when `x` is its name. */
  key?: string;
}

export interface ChartOptions {
  /** Unique on the page: prefixes the ids inside the SVG (hatch pattern). */
  id: string;
  /** Document to create elements with; a linkedom document at build time. */
  document?: Document;
  /** Width in px of the SVG coordinate system (it scales down with CSS). */
  width?: number;
  height?: number;
  /** Formats a value for labels (locale, unit). */
  format?: (n: number) => string;
  /** Formats axis ticks; defaults to `format`. */
  tickFormat?: (n: number) => string;
  /** Label of the value axis, e.g. « heures ». */
  valueLabel?: string | null;
  /** Text written on a secret cell, e.g. « secret ». */
  secretLabel?: string;
  /** Colour of each series, in legend order. */
  colors?: Map<string, string>;
  /** Accessible name of the SVG. */
  ariaLabel?: string;
  /** Accessible description of the SVG (the generated summary). */
  ariaDescription?: string;
}

/** Blue of single-series charts: 8.6:1 on white. */
export const INK = '#1d4f91';
/** Series colours, each at least 4.5:1 on white, distinguishable side by side. */
export const PALETTE = ['#1d4f91', '#b04a00', '#2b7a3b', '#7a3e9d', '#a11d48', '#0f6f78'];
/** Outline and label of secret cells: 7.5:1 on white. */
export const SECRET_INK = '#595959';
export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const isNumber = (v: Value): v is number => typeof v === 'number' && Number.isFinite(v);
export const isSecret = (v: Value): v is Secret => v === SECRET;

/**
 * The text a reader gets on a mark (hover, and keyboard through src/browser/chart-explore.ts):
 * « Travaux, 2014 : 39 700 », the value in words when secret or missing. Drawn as the mark's
 * SVG `<title>`, so it also works without JavaScript.
 */
export function markTitle(options: ChartOptions & { missingLabel?: string }): (d: Point) => string {
  const format = options.format ?? String;
  return (d) => {
    const v = isNumber(d.y) ? format(d.y) : isSecret(d.y) ? (options.secretLabel ?? 'secret') : (options.missingLabel ?? 'n.d.');
    return `${d.series ? `${d.series}, ` : ''}${d.x} : ${v}`;
  };
}

/** Unique values in first-seen order. */
export function uniq<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

/** Default colours: one per series, in first-seen order. */
export function seriesColors(data: Point[]): Map<string, string> {
  return new Map(uniq(data.map((d) => d.series ?? '')).map((s, i) => [s, PALETTE[i % PALETTE.length] ?? INK]));
}

export function maxValue(data: Point[]): number {
  let m = 0;
  for (const d of data) if (isNumber(d.y) && d.y > m) m = d.y;
  return m;
}

/**
 * What the charts by year and series share: the points with a series key (a single unnamed
 * series still needs one for the colour scale), the value format, the colour of each series,
 * the points with a value and the secret ones, and the largest value (1 when there is none).
 */
export function seriesData(input: Point[], options: ChartOptions) {
  const data = input.map((d) => ({ ...d, series: d.series ?? '' }));
  const colors = options.colors ?? seriesColors(data);
  return {
    data,
    format: options.format ?? String,
    colors,
    series: [...colors.keys()],
    values: data.filter((d) => isNumber(d.y)),
    secrets: data.filter((d) => isSecret(d.y)),
    max: maxValue(data) || 1,
  };
}

/** `<defs>` with the hatch pattern that fills the square marking a secret cell. */
export function hatchDefs(id: string): Plot.RenderFunction {
  // Faceted plots call a render function once per facet: one pattern is enough (ids are unique).
  let done = false;
  return (_index, _scales, _values, _dimensions, context) => {
    if (done) return null;
    done = true;
    const doc = context.document;
    const ns = 'http://www.w3.org/2000/svg';
    const defs = doc.createElementNS(ns, 'defs');
    const pattern = doc.createElementNS(ns, 'pattern');
    pattern.setAttribute('id', hatchId(id));
    pattern.setAttribute('patternUnits', 'userSpaceOnUse');
    pattern.setAttribute('width', '4');
    pattern.setAttribute('height', '4');
    pattern.setAttribute('patternTransform', 'rotate(45)');
    const line = doc.createElementNS(ns, 'rect');
    line.setAttribute('width', '1.5');
    line.setAttribute('height', '4');
    line.setAttribute('fill', SECRET_INK);
    pattern.append(line);
    defs.append(pattern);
    return defs;
  };
}

export const hatchId = (id: string) => `${id}-hachures`;

/** Common plot options: size, font, accessible name, document. */
export function base(options: ChartOptions, height: number): Plot.PlotOptions {
  return {
    width: options.width ?? 640,
    height: options.height ?? height,
    ...(options.document ? { document: options.document } : {}),
    ...(options.ariaLabel ? { ariaLabel: options.ariaLabel } : {}),
    ...(options.ariaDescription ? { ariaDescription: options.ariaDescription } : {}),
    style: { fontSize: '12px', fontFamily: FONT, overflow: 'visible' },
  };
}
