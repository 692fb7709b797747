/**
 * Reference dates of the key figures, for any publisher: the year of the « in year Y » figures,
 * the year the share of service contracts is compared from, and the months of the share of women.
 * A publisher that published results before (its profile's `resultats_publies.reperes`) gives the
 * dates those results refer to, so the figures compare with them; any date it leaves out is taken
 * from its data: the latest full year, the first full year, the end of the first full year and the
 * last month with hours. A year is full when hours were recorded from its January to its December
 * inside the period; otherwise it is partial (the first year of a scheme that started in October).
 * A figure whose reference falls outside the data's period gives `null` (published empty), never 0.
 */
import type { Dataset } from '../dataset.ts';

export interface HeadlineReferences {
  annee: number;
  anneeServicesDebut: number;
  moisFemmesDebut: string;
  moisFemmesFin: string;
  /** First and last month with hours inside the period (`YYYY-MM`): what the data cover. */
  couverture: { debut: string; fin: string };
}

/** First and last month with hours, within the period; the period itself when there are no hours. */
export function coverage(ds: Dataset): { debut: string; fin: string } {
  const start = ds.meta.periode.debut.slice(0, 7);
  const end = ds.meta.periode.fin.slice(0, 7);
  let first: string | undefined;
  let last: string | undefined;
  for (const m of ds.heures.array('mois') as Iterable<string>) {
    if (m < start || m > end) continue;
    if (first === undefined || m < first) first = m;
    if (last === undefined || m > last) last = m;
  }
  return { debut: first ?? start, fin: last ?? end };
}

/** Years of the coverage whose twelve months are all covered. */
export function fullYears(cover: { debut: string; fin: string }): number[] {
  const out: number[] = [];
  for (let y = Number(cover.debut.slice(0, 4)); y <= Number(cover.fin.slice(0, 4)); y++) {
    if (cover.debut <= `${y}-01` && cover.fin >= `${y}-12`) out.push(y);
  }
  return out;
}

/** The references of a dataset: the publisher's own (`profil.resultats_publies.reperes`), completed from its data. */
export function referencesOf(ds: Dataset): HeadlineReferences {
  const couverture = coverage(ds);
  const full = fullYears(couverture);
  const lastYear = full[full.length - 1] ?? Number(couverture.fin.slice(0, 4));
  const firstYear = full[0] ?? Number(couverture.debut.slice(0, 4));
  const given = ds.meta.profil?.resultats_publies?.reperes ?? {};
  const endOfFirst = `${firstYear}-12` < couverture.fin ? `${firstYear}-12` : couverture.fin;
  return {
    annee: given.annee ?? lastYear,
    anneeServicesDebut: given.annee_services_debut ?? firstYear,
    moisFemmesDebut: given.mois_femmes_debut ?? endOfFirst,
    moisFemmesFin: given.mois_femmes_fin ?? couverture.fin,
    couverture,
  };
}
