import * as Plot from '@observablehq/plot';
import { base, hatchDefs, hatchId, INK, markTitle, isNumber, isSecret, maxValue, SECRET_INK, type ChartOptions, type Point } from './common.ts';

/** Height of one category: its label above, its bar below (labels never squeeze the bars on phones). */
const ROW = 40;

/**
 * Horizontal bars for categories (age bands, types of contract…), in the order given: the caller
 * sorts. Each label sits above its bar and each value at the bar's end. A secret cell gets a hatched
 * square at zero and the word « secret »; a missing one gets « n.d. » (`missingLabel`).
 */
export function rankedBars(data: Point[], options: ChartOptions & { missingLabel?: string }) {
  const format = options.format ?? String;
  const values = data.filter((d) => isNumber(d.y));
  const secrets = data.filter((d) => isSecret(d.y));
  const missing = data.filter((d) => d.y === null);
  const max = maxValue(data) || 1;
  const title = markTitle(options);
  const top = 8;
  return Plot.plot({
    ...base(options, ROW * data.length + top + 8),
    marginLeft: 8,
    marginRight: 88,
    marginTop: top,
    marginBottom: 8,
    y: { domain: data.map((d) => d.x), axis: null, padding: 0 },
    x: { domain: [0, max], axis: null },
    marks: [
      hatchDefs(options.id),
      Plot.barX(values, { y: 'x', x: 'y', fill: INK, insetTop: 20, insetBottom: 4, title }),
      Plot.text(data, { y: 'x', x: 0, text: 'x', dy: -9, textAnchor: 'start', fill: 'currentColor', fontWeight: 600 }),
      Plot.text(values, { y: 'x', x: 'y', text: (d: Point) => format(d.y as number), dx: 6, dy: 8, textAnchor: 'start', fill: 'currentColor' }),
      Plot.dot(secrets, { y: 'x', x: 0, dx: 7, dy: 8, symbol: 'square', r: 6, fill: `url(#${hatchId(options.id)})`, stroke: SECRET_INK, title }),
      Plot.text(secrets, { y: 'x', x: 0, dx: 18, dy: 8, textAnchor: 'start', text: () => options.secretLabel ?? 'secret', fill: SECRET_INK, fontStyle: 'italic' }),
      Plot.text(missing, { y: 'x', x: 0, dx: 2, dy: 8, textAnchor: 'start', text: () => options.missingLabel ?? 'n.d.', fill: SECRET_INK }),
      Plot.ruleX([0]),
    ],
  });
}
