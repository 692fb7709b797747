/** The chart functions, by kind. Each is `(data: Point[], options: ChartOptions) => Plot figure`. */
import { departementMap } from './map.ts';
import { rankedBars } from './ranked-bars.ts';
import { yearBars } from './year-bars.ts';
import { yearGroups } from './year-groups.ts';
import { yearLines } from './year-lines.ts';

export { departementMap, rankedBars, yearBars, yearGroups, yearLines };
export * from './common.ts';

export const CHARTS = {
  'year-bars': yearBars,
  'year-groups': yearGroups,
  'year-lines': yearLines,
  'ranked-bars': rankedBars,
  map: departementMap,
} as const;
export type ChartKind = keyof typeof CHARTS;
