/**
 * The headline figures of the home pages against the published key-figures table that a reader
 * downloads (`chiffres-cles.csv` in the built site): what is shown and what is downloaded cannot
 * disagree. Reads the built HTML and the CSV, as a journalist would; no browser needed.
 *
 * Contract with the pages: each figure is `<li data-indicateur="CODE"><strong>VALUE</strong> …`,
 * with `class="secret"` on the `<strong>` of a hidden value.
 */
import { csvParse } from 'd3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Lang } from './site.ts';

export const KEY_FIGURES_FILE = 'chiffres-cles.csv';

/** Every published key-figures table in the dist folder (the latest of each release), sorted. */
export function keyFigureTables(root: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      // A release folder's sub-folders are its earlier releases (donnees/<id>/<version>/): not the one shown.
      if (entry.isDirectory() && entry.name !== 'pagefind' && !existsSync(join(folder, 'publication.json'))) walk(join(folder, entry.name));
      else if (entry.name === KEY_FIGURES_FILE) found.push(join(folder, entry.name));
    }
  };
  walk(root);
  return found.sort();
}

/** « 318 400 », « 13,9 % », "318,400", "13.9%" → the number and its decimals as displayed. */
export function parseDisplayed(text: string, lang: Lang): { value: number; decimals: number } | undefined {
  let s = text.replace(/[\s\u00a0\u202f%]/g, '').replace(/^\u2212/, '-');
  s = lang === 'fr' ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  return { value: Number(s), decimals: s.split('.')[1]?.length ?? 0 };
}

export interface HomeFigures {
  /** Figures read on the home page. */
  shown: number;
  /** `code: problem` for each figure that differs from the table, or a missing piece. */
  problems: string[];
}

/** Compares one home page (`index.html` of `lang`) with the published table. */
export function compareHomeFigures(root: string, lang: Lang): HomeFigures {
  const file = lang === 'fr' ? join(root, 'index.html') : join(root, 'en', 'index.html');
  const tables = keyFigureTables(root);
  if (!existsSync(file)) return { shown: 0, problems: [`no home page ${file}`] };
  if (tables.length !== 1) {
    return { shown: 0, problems: [`expected one published ${KEY_FIGURES_FILE} in ${root}, found ${tables.length}`] };
  }
  // Published CSVs may start with the byte-order mark that spreadsheets want.
  const csv = readFileSync(tables[0]!, 'utf8').replace(/^\uFEFF/, '');
  const published = new Map(csvParse(csv).map((r) => [r.indicateur ?? '', r.valeur ?? '']));
  const { document } = parseHTML(readFileSync(file, 'utf8'));
  const items = [...document.querySelectorAll('[data-indicateur]')];
  const problems: string[] = items.length === 0 ? ['no figure marked with data-indicateur'] : [];
  for (const item of items) {
    const code = item.getAttribute('data-indicateur') ?? '';
    const strong = item.querySelector('strong');
    const text = (strong?.textContent ?? '').trim();
    const value = published.get(code);
    if (value === undefined) {
      problems.push(`${code}: shown as « ${text} », absent from ${KEY_FIGURES_FILE}`);
      continue;
    }
    const number = value === '' ? NaN : Number(value);
    if (strong?.classList.contains('secret')) {
      if (Number.isFinite(number)) problems.push(`${code}: shown as secret, published as ${value}`);
      continue;
    }
    const displayed = parseDisplayed(text, lang);
    // Equal up to the rounding of the display: 13.94 may read « 13,9 % ».
    if (!displayed || !Number.isFinite(number) || Math.abs(displayed.value - number) > 0.5 * 10 ** -displayed.decimals + 1e-9) {
      problems.push(`${code}: shown as « ${text} », published as « ${value} »`);
    }
  }
  return { shown: items.length, problems };
}
