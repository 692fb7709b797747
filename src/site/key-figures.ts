/**
 * Headline figures of the key-figures table (`indicateur, valeur, unite` and, when the release
 * writes them, `libelle_fr, libelle_en, precision, reference`), formatted for a page. Build time.
 */
import { formatNumber, formatPercent, LOCALES, t, type Lang } from '../i18n/index.ts';
import { publication, table } from './data.ts';
import { KEY_FIGURES_TABLE } from './pages-manifest.ts';
import type { Cell } from './schema.ts';

export interface KeyFigure {
  code: string;
  value: Cell;
  /** Formatted value: « 318 400 », « 70 % », « secret ». */
  text: string;
  label: string;
  /** Period or date the figure refers to when it is not the whole period: « décembre 2017 ». */
  reference?: string;
}

const isPercentUnit = (unit: Cell) => typeof unit === 'string' && /^(%|pour ?cent(age)?|percent)$/i.test(unit.trim());

/**
 * A key figure with the precision its table publishes (`precision`: a share with 2 decimals → « 8,25 % »);
 * without one, whole numbers stay whole and others get 1 decimal.
 */
export function formatKeyFigure(lang: Lang, value: Cell, unit: Cell, precision?: Cell): string {
  if (value === 'secret') return t(lang, 'chart.secret');
  if (typeof value !== 'number') return t(lang, 'chart.missing');
  const digits = typeof precision === 'number' && Number.isInteger(precision) && precision >= 0 ? Math.min(precision, 6) : Number.isInteger(value) ? 0 : 1;
  if (isPercentUnit(unit)) return formatPercent(lang, value, digits);
  return formatNumber(lang, value, digits);
}

/** `2017-12` → « décembre 2017 »; a year or a period stays as written. */
export function formatReference(lang: Lang, ref: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(ref);
  if (!m) return ref.replace(/^(\d{4})-(\d{4})$/, '$1–$2');
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** The figures of these indicator codes, in this order; codes absent from the table are skipped. */
export function keyFigures(lang: Lang, codes: string[]): KeyFigure[] {
  const tab = table(KEY_FIGURES_TABLE);
  if (!tab) return [];
  const period = publication().editeur.periode;
  const whole = [`${period.debut.slice(0, 4)}–${period.fin.slice(0, 4)}`, `${period.debut.slice(0, 4)}-${period.fin.slice(0, 4)}`];
  return codes.flatMap((code) => {
    const row = tab.lignes.find((r) => r.indicateur === code);
    if (!row) return [];
    const value = row.valeur ?? null;
    // The label the key-figures table publishes in this language, as downloaded.
    const published = row[`libelle_${lang}`];
    const label = typeof published === 'string' && published !== '' ? published : code;
    const ref = typeof row.reference === 'string' && !whole.includes(row.reference) ? formatReference(lang, row.reference) : undefined;
    return [{ code, value, text: formatKeyFigure(lang, value, row.unite ?? null, row.precision), label, ...(ref ? { reference: ref } : {}) }];
  });
}
