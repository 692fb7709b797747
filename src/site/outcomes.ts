/**
 * « Does it work? » figures: each is one published cell (OUTCOMES in pages-manifest.ts), formatted
 * as its table's column is everywhere else. A secret cell stays secret; nothing is derived. Build time.
 */
import { formatPeriod, t, type Key, type Lang } from '../i18n/index.ts';
import { publication, table } from './data.ts';
import { formatCell } from './format.ts';
import { chartSpec, OUTCOMES } from './pages-manifest.ts';
import { href, PAGES } from './routes.ts';
import type { Cell } from './schema.ts';

export interface Outcome {
  id: string;
  value: Cell;
  text: string;
  label: string;
  definition: string;
  period: string;
  /** The chart detailing it, on its page. */
  link?: string;
}

export function outcomes(lang: Lang): Outcome[] {
  return OUTCOMES.flatMap((o) => {
    const tab = table(o.table);
    const column = tab?.colonnes.find((c) => c.nom === o.column);
    const row = tab?.lignes.find((r) => Object.entries(o.where).every(([k, v]) => r[k] === v));
    if (!tab || !column || !row) return [];
    const value = row[o.column] ?? null;
    const spec = chartSpec(o.chart);
    return [
      {
        id: o.id,
        value,
        text: formatCell(lang, column, value, row),
        label: t(lang, `outcome.${o.id}` as Key),
        definition: t(lang, `outcome.${o.id}.def` as Key),
        period: formatPeriod(lang, tab.periode ?? publication().editeur.periode),
        ...(spec ? { link: `${href(lang, PAGES[spec.page].slug)}#${spec.id}` } : {}),
      },
    ];
  });
}
