/**
 * Headline figures of the key-figures table (`indicateur, valeur, unite` and, when the release
 * writes them, `libelle_fr, libelle_en, precision, reference`), formatted for a page. Build time.
 */
import { formatChange, formatNumber, formatPercent, LOCALES, t, type Lang } from '../i18n/index.ts';
import type { Profil } from '../schemas/profil.ts';
import { publication, table } from './data.ts';
import { KEY_FIGURES_TABLE } from './pages-manifest.ts';
import type { Cell } from './schema.ts';
import { SECRET } from '../schemas/secret.ts';

export interface KeyFigure {
  code: string;
  value: Cell;
  /** Formatted value: « 318 400 », « 70 % », « secret ». */
  text: string;
  label: string;
  /** Period or date the figure refers to when it is not the whole period: « décembre 2017 ». */
  reference?: string;
  /** A figure of one year: its change from the year before, when both are published (« +12 % par rapport à 2017 »). */
  change?: string;
  /** The figure as the publisher published it before (its profile's `resultats_publies`), formatted. */
  published?: string;
}

/** The year before of a yearly figure: `heures_annee` → `heures_annee_precedente`. */
const YEAR_BEFORE = '_precedente';

const isPercentUnit = (unit: Cell) => typeof unit === 'string' && /^(%|pour ?cent(age)?|percent)$/i.test(unit.trim());

/**
 * A key figure with the precision its table publishes (`precision`: a share with 2 decimals → « 8,25 % »);
 * without one, whole numbers stay whole and others get 1 decimal.
 */
export function formatKeyFigure(lang: Lang, value: Cell, unit: Cell, precision?: Cell): string {
  if (value === SECRET) return t(lang, 'chart.secret');
  if (typeof value !== 'number') return t(lang, 'chart.missing');
  const digits = typeof precision === 'number' && Number.isInteger(precision) && precision >= 0 ? Math.min(precision, 6) : Number.isInteger(value) ? 0 : 1;
  if (isPercentUnit(unit)) return formatPercent(lang, value, digits);
  return formatNumber(lang, value, digits);
}

/** `2017-12` → « décembre 2017 »; `2012-10/2018-12` → « octobre 2012 – décembre 2018 »; a year or a period stays as written. */
export function formatReference(lang: Lang, ref: string): string {
  const months = /^(\d{4}-\d{2})\/(\d{4}-\d{2})$/.exec(ref);
  if (months) return `${formatReference(lang, months[1]!)} – ${formatReference(lang, months[2]!)}`;
  const m = /^(\d{4})-(\d{2})$/.exec(ref);
  if (!m) return ref.replace(/^(\d{4})-(\d{4})$/, '$1–$2');
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/**
 * Change of a yearly figure from the year before, from the two published cells only (a secret or
 * empty one — a partial year before — gives no change).
 */
export function yearChange(lang: Lang, rows: readonly Record<string, Cell>[], code: string): string | undefined {
  const row = rows.find((r) => r.indicateur === code);
  const before = rows.find((r) => r.indicateur === `${code}${YEAR_BEFORE}`);
  if (!row || !before || typeof row.valeur !== 'number' || typeof before.valeur !== 'number' || before.valeur === 0) return undefined;
  return t(lang, 'keyFigures.change', { change: formatChange(lang, before.valeur, row.valeur), year: String(before.reference ?? '') });
}

/** The figure the publisher published before (`resultats_publies.valeurs`), with the unit of the table. */
export function publishedBefore(lang: Lang, profil: Profil | undefined, code: string, unit: Cell, precision: Cell): string | undefined {
  const value = profil?.resultats_publies?.valeurs[code];
  if (value === undefined) return undefined;
  return t(lang, 'keyFigures.published', { value: formatKeyFigure(lang, value, unit, precision) });
}

/** Months of the data (`mois_couverts` reference `YYYY-MM/YYYY-MM`) as partial first and last years, with their months. */
export function partialYears(reference: Cell): { year: string; from: string; to: string }[] {
  const m = typeof reference === 'string' ? /^(\d{4})-(\d{2})\/(\d{4})-(\d{2})$/.exec(reference) : null;
  if (!m) return [];
  const [, y1, m1, y2, m2] = m as unknown as [string, string, string, string, string];
  const out: { year: string; from: string; to: string }[] = [];
  if (y1 === y2) {
    if (m1 !== '01' || m2 !== '12') out.push({ year: y1, from: `${y1}-${m1}`, to: `${y2}-${m2}` });
    return out;
  }
  if (m1 !== '01') out.push({ year: y1, from: `${y1}-${m1}`, to: `${y1}-12` });
  if (m2 !== '12') out.push({ year: y2, from: `${y2}-01`, to: `${y2}-${m2}` });
  return out;
}

/** « 2012 : données d’octobre à décembre seulement » for each partial year of the published data. */
export function partialYearNotes(lang: Lang): string[] {
  const row = table(KEY_FIGURES_TABLE)?.lignes.find((r) => r.indicateur === 'mois_couverts');
  const month = (ym: string) => new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)) - 1, 1)));
  return partialYears(row?.reference ?? null).map((p) => t(lang, 'keyFigures.partial', { year: p.year, from: month(p.from), to: month(p.to) }));
}

/** The figures of these indicator codes, in this order; codes absent from the table are skipped. */
export function keyFigures(lang: Lang, codes: string[]): KeyFigure[] {
  const tab = table(KEY_FIGURES_TABLE);
  if (!tab) return [];
  const profil = publication().editeur.profil;
  const period = publication().editeur.periode;
  const whole = [`${period.debut.slice(0, 4)}–${period.fin.slice(0, 4)}`, `${period.debut.slice(0, 4)}-${period.fin.slice(0, 4)}`];
  return codes.flatMap((code) => {
    const row = tab.lignes.find((r) => r.indicateur === code);
    if (!row) return [];
    const value = row.valeur ?? null;
    // The label the key-figures table publishes in this language, as downloaded.
    const given = row[`libelle_${lang}`];
    const label = typeof given === 'string' && given !== '' ? given : code;
    const ref = typeof row.reference === 'string' && !whole.includes(row.reference) ? formatReference(lang, row.reference) : undefined;
    const change = yearChange(lang, tab.lignes, code);
    const published = publishedBefore(lang, profil, code, row.unite ?? null, row.precision ?? null);
    return [
      {
        code,
        value,
        text: formatKeyFigure(lang, value, row.unite ?? null, row.precision),
        label,
        ...(ref ? { reference: ref } : {}),
        ...(change ? { change } : {}),
        ...(published ? { published } : {}),
      },
    ];
  });
}
