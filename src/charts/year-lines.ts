import * as Plot from '@observablehq/plot';
import { base, hatchDefs, hatchId, isNumber, markTitle, SECRET_INK, seriesData, uniq, type ChartOptions, type Point } from './common.ts';

/**
 * Lines over years, one per series, for rates and shares. A secret point breaks the line (no
 * interpolation through an unknown value) and is marked by a hatched square on the baseline with
 * the word « secret ». With a single series every point is labelled with its value.
 */
export function yearLines(input: Point[], options: ChartOptions) {
  const { data, format, colors, series, values, secrets, max } = seriesData(input, options);
  const single = series.length <= 1;
  const title = markTitle(options);
  return Plot.plot({
    ...base(options, 300),
    marginLeft: 56,
    marginRight: 24,
    marginTop: 28,
    marginBottom: 28,
    x: { type: 'point', domain: uniq(data.map((d) => d.x)), label: null, tickSize: 0, padding: 0.4 },
    y: { domain: [0, max * 1.1], nice: true, grid: true, label: options.valueLabel ?? null, tickFormat: options.tickFormat ?? format },
    color: { domain: series, range: series.map((s) => colors.get(s) ?? SECRET_INK) },
    marks: [
      hatchDefs(options.id),
      Plot.ruleY([0]),
      Plot.line(data, {
        x: 'x',
        y: (d: Point) => (isNumber(d.y) ? d.y : NaN),
        z: 'series',
        stroke: 'series',
        strokeWidth: 2.5,
      }),
      Plot.dot(values, { x: 'x', y: 'y', fill: 'series', r: 4, title }),
      single ? Plot.text(values, { x: 'x', y: 'y', text: (d: Point) => format(d.y as number), dy: -12, fill: 'currentColor' }) : null,
      // Secret points of several series in the same year sit side by side, not on top of each other.
      series.map((s, i) => {
        const mine = secrets.filter((d) => d.series === s);
        const dx = (i - (series.length - 1) / 2) * 14;
        return [
          Plot.dot(mine, { x: 'x', y: 0, dx, dy: -8, symbol: 'square', r: 6, fill: `url(#${hatchId(options.id)})`, stroke: 'series', strokeWidth: 1.5, title }),
          Plot.text(mine, {
            x: 'x',
            y: 0,
            dx,
            dy: -18,
            rotate: -90,
            textAnchor: 'start',
            text: () => options.secretLabel ?? 'secret',
            fill: SECRET_INK,
            fontStyle: 'italic',
          }),
        ];
      }),
    ],
  });
}
