import * as Plot from '@observablehq/plot';
import { base, hatchDefs, hatchId, markTitle, SECRET_INK, seriesData, uniq, type ChartOptions, type Point } from './common.ts';

/**
 * Grouped bars: one group per year, one bar per series (type of contract, département…).
 * Series are told apart by colour (legend drawn by the page) and by order. A secret cell gets a
 * hatched square outlined in its series colour and the word « secret », written upwards.
 */
export function yearGroups(input: Point[], options: ChartOptions) {
  const { data, format, colors, series, values, secrets, max } = seriesData(input, options);
  const title = markTitle(options);
  return Plot.plot({
    ...base(options, 320),
    marginLeft: 64,
    marginTop: 24,
    marginBottom: 28,
    fx: { domain: uniq(data.map((d) => d.x)), label: null, tickSize: 0, padding: 0.12 },
    x: { domain: series, axis: null, padding: 0.08 },
    y: { domain: [0, max], nice: true, grid: true, label: options.valueLabel ?? null, tickFormat: options.tickFormat ?? format },
    color: { domain: series, range: series.map((s) => colors.get(s) ?? SECRET_INK) },
    marks: [
      hatchDefs(options.id),
      Plot.barY(values, { fx: 'x', x: 'series', y: 'y', fill: 'series', title }),
      Plot.dot(secrets, {
        fx: 'x',
        x: 'series',
        y: 0,
        dy: -7,
        symbol: 'square',
        r: 5,
        fill: `url(#${hatchId(options.id)})`,
        stroke: 'series',
        strokeWidth: 1.5,
        title,
      }),
      Plot.text(secrets, {
        fx: 'x',
        x: 'series',
        y: 0,
        dy: -16,
        rotate: -90,
        textAnchor: 'start',
        text: () => options.secretLabel ?? 'secret',
        fill: SECRET_INK,
        fontStyle: 'italic',
      }),
      Plot.ruleY([0]),
    ],
  });
}
