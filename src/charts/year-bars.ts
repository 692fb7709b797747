import * as Plot from '@observablehq/plot';
import { base, hatchDefs, hatchId, INK, markTitle, isNumber, isSecret, maxValue, SECRET_INK, uniq, type ChartOptions, type Point } from './common.ts';

/**
 * Vertical bars, one per year (or any ordered category), each labelled with its value.
 * A secret cell gets a hatched square on the baseline and the word « secret », never a bar at 0;
 * a missing cell gets « n.d. » (`missingLabel`).
 */
export function yearBars(data: Point[], options: ChartOptions & { missingLabel?: string }) {
  const format = options.format ?? String;
  const values = data.filter((d) => isNumber(d.y));
  const secrets = data.filter((d) => isSecret(d.y));
  const missing = data.filter((d) => d.y === null);
  const max = maxValue(data) || 1;
  const title = markTitle(options);
  return Plot.plot({
    ...base(options, 300),
    marginLeft: 64,
    marginTop: 28,
    marginBottom: 28,
    x: { domain: uniq(data.map((d) => d.x)), label: null, tickSize: 0, padding: 0.25 },
    y: { domain: [0, max], nice: true, grid: true, label: options.valueLabel ?? null, tickFormat: options.tickFormat ?? format },
    marks: [
      hatchDefs(options.id),
      Plot.barY(values, { x: 'x', y: 'y', fill: INK, title }),
      Plot.text(values, { x: 'x', y: 'y', text: (d: Point) => format(d.y as number), dy: -8, fill: 'currentColor' }),
      Plot.dot(secrets, { x: 'x', y: 0, dy: -8, symbol: 'square', r: 6, fill: `url(#${hatchId(options.id)})`, stroke: SECRET_INK, title }),
      Plot.text(secrets, { x: 'x', y: 0, dy: -24, text: () => options.secretLabel ?? 'secret', fill: SECRET_INK, fontStyle: 'italic' }),
      Plot.text(missing, { x: 'x', y: 0, dy: -10, text: () => options.missingLabel ?? 'n.d.', fill: SECRET_INK }),
      Plot.ruleY([0]),
    ],
  });
}
