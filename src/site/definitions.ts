/**
 * What a figure means, where it is shown: the definition of a key figure (the one the key-figures
 * table publishes, `definition_<lang>`), the short definition of a chart's measure (dictionary,
 * `def.<chart id>`), and the years the data covers only in part (a year whose first or last months
 * hold no hours), so that no growth is read off a three-month year. Build time.
 */
import { LOCALES, t, type Key, type Lang } from '../i18n/index.ts';
import { dictionary } from '../i18n/dictionary.ts';
import { table } from './data.ts';
import { KEY_FIGURES_TABLE, MONTHS_TABLE } from './pages-manifest.ts';

/** The published definition of a key figure in this language, if the table has one. */
export function keyFigureDefinition(lang: Lang, code: string): string | undefined {
  const row = table(KEY_FIGURES_TABLE)?.lignes.find((r) => r.indicateur === code);
  const d = row?.[`definition_${lang}`];
  return typeof d === 'string' && d.trim() !== '' ? d : undefined;
}

/** The short definition of a chart's measure, when the dictionary has one (`def.<id>`). */
export function chartDefinition(lang: Lang, id: string): string | undefined {
  const key = `def.${id}`;
  return key in dictionary ? t(lang, key as Key) : undefined;
}

export interface PartialYear {
  year: number;
  /** First and last month (1–12) with hours in that year. */
  from: number;
  to: number;
}

/**
 * Years of the monthly hours table whose hours start after January (first year) or stop before
 * December (last year). A month counts as covered when its hours are not 0 nor empty: a secret
 * month holds hours (secret is never 0). Empty without the monthly table.
 */
export function partialYears(tab = table(MONTHS_TABLE)): PartialYear[] {
  if (!tab) return [];
  const covered = tab.lignes
    .filter((r) => r.heures_realisees !== 0 && r.heures_realisees !== null && r.heures_realisees !== undefined)
    .map((r) => String(r.mois))
    .filter((m) => /^\d{4}-\d{2}$/.test(m))
    .sort();
  const first = covered[0];
  const last = covered[covered.length - 1];
  if (!first || !last) return [];
  const ym = (m: string) => [Number(m.slice(0, 4)), Number(m.slice(5, 7))] as const;
  const [fy, fm] = ym(first);
  const [ly, lm] = ym(last);
  const out: PartialYear[] = [];
  if (fy === ly) {
    if (fm > 1 || lm < 12) out.push({ year: fy, from: fm, to: lm });
    return out;
  }
  if (fm > 1) out.push({ year: fy, from: fm, to: 12 });
  if (lm < 12) out.push({ year: ly, from: 1, to: lm });
  return out;
}

const monthName = (lang: Lang, m: number) => new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, m - 1, 1)));

/** « 2012 : octobre–décembre seulement » / "2012: October–December only". */
export function partialYearNote(lang: Lang, p: PartialYear): string {
  return t(lang, 'def.partialYear', { year: p.year, from: monthName(lang, p.from), to: monthName(lang, p.to) });
}
