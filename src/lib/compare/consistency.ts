/**
 * Do a release's compared tables agree with each other? A release whose total is not the sum of
 * its years, whose key figures disagree with its summary or whose shares leave 0–100 % is not
 * compared: something was edited by hand, cut, or mixed from two versions. Published numbers are
 * rounded to 2 decimals, so sums are compared within half a hundredth per cell added.
 *
 * Pure.
 */
import type { ReleaseCell, ReleasePublisher } from '../../schemas/release.ts';
import { SECRET } from '../../schemas/secret.ts';
import { peerProblem, type PeerProblem } from './problems.ts';
import { keyFigure, sumOf, totalRow, type ReleaseTables, type Row } from './measures.ts';

/** Greatest difference rounding explains between a published total and the sum of `n` published cells. */
const tolerance = (n: number) => 0.005 * (n + 1) + 1e-9;

const show = (v: ReleaseCell | number) => (typeof v === 'number' ? String(Math.round(v * 100) / 100) : String(v));

/** The first inconsistency found, or undefined when the tables agree. */
export function inconsistency(t: ReleaseTables, publisher: ReleasePublisher): PeerProblem | undefined {
  const fail = (fr: string, en: string) => peerProblem('incoherente', fr, en);
  if (t.synthese.length !== 1) {
    return fail(`synthese.csv a ${t.synthese.length} lignes au lieu d'une.`, `synthese.csv has ${t.synthese.length} rows instead of one.`);
  }
  const total = totalRow(t);

  // Counts are counts, shares are shares.
  for (const [table, rows] of Object.entries(t) as [string, Row[]][]) {
    for (const [i, r] of rows.entries()) {
      for (const [column, v] of Object.entries(r)) {
        if (typeof v !== 'number') continue;
        const share = column.startsWith('part_') || (table === 'chiffres-cles' && String(r.indicateur).startsWith('part_'));
        if (v < 0 || (share && v > 100)) {
          return fail(
            `${table}.csv, ligne ${i + 2}, colonne ${column} : ${show(v)} ${share ? 'hors de 0–100 %' : 'est négatif'}.`,
            `${table}.csv, line ${i + 2}, column ${column}: ${show(v)} ${share ? 'outside 0–100 %' : 'is negative'}.`,
          );
        }
      }
    }
  }

  // The total of hours is the sum of the years (within rounding); with hidden years, at least their sum.
  const years = t['heures-par-annee'];
  const byYear = sumOf(years, 'heures_realisees');
  if (typeof total.heures_realisees === 'number') {
    const visible = years.reduce((s, r) => s + (typeof r.heures_realisees === 'number' ? r.heures_realisees : 0), 0);
    const off = byYear === SECRET ? visible > total.heures_realisees + tolerance(years.length) : Math.abs(byYear - total.heures_realisees) > tolerance(years.length);
    if (off) {
      return fail(
        `le total des heures de synthese.csv (${show(total.heures_realisees)}) n'est pas la somme des années de heures-par-annee.csv (${show(visible)}).`,
        `the total of hours in synthese.csv (${show(total.heures_realisees)}) is not the sum of the years in heures-par-annee.csv (${show(visible)}).`,
      );
    }
  }
  const { debut, fin } = publisher.periode;
  const outside = years.find((r) => typeof r.annee !== 'number' || r.annee < Number(debut.slice(0, 4)) || r.annee > Number(fin.slice(0, 4)));
  if (outside) {
    return fail(
      `heures-par-annee.csv donne l'année ${show(outside.annee ?? null)}, hors de la période publiée (${debut} – ${fin}).`,
      `heures-par-annee.csv gives year ${show(outside.annee ?? null)}, outside the published period (${debut} – ${fin}).`,
    );
  }

  // Contracts are never secret: the years and segments add up to the total exactly.
  const contracts = sumOf(t['marches-par-annee-et-segment'], 'nombre_marches');
  if (typeof contracts === 'number' && typeof total.nombre_marches === 'number' && contracts !== total.nombre_marches) {
    return fail(
      `synthese.csv compte ${show(total.nombre_marches)} marchés, marches-par-annee-et-segment.csv en additionne ${show(contracts)}.`,
      `synthese.csv counts ${show(total.nombre_marches)} contracts, marches-par-annee-et-segment.csv adds up to ${show(contracts)}.`,
    );
  }

  // Each person has one sex: persons and hours by sex add up to the totals.
  const sexes = t['heures-par-sexe'];
  for (const column of ['personnes', 'heures_realisees'] as const) {
    const sum = sumOf(sexes, column);
    const whole = total[column];
    if (typeof sum === 'number' && typeof whole === 'number' && Math.abs(sum - whole) > (column === 'personnes' ? 0 : tolerance(sexes.length))) {
      return fail(
        `synthese.csv donne ${show(whole)} pour ${column}, heures-par-sexe.csv en additionne ${show(sum)}.`,
        `synthese.csv gives ${show(whole)} for ${column}, heures-par-sexe.csv adds up to ${show(sum)}.`,
      );
    }
  }
  for (const r of sexes) {
    if (typeof r.personnes === 'number' && typeof total.personnes === 'number' && typeof r.part_personnes === 'number' && total.personnes > 0) {
      const share = (100 * r.personnes) / total.personnes;
      if (Math.abs(share - r.part_personnes) > 0.005 + 1e-9) {
        return fail(
          `heures-par-sexe.csv, sexe ${show(r.sexe ?? null)} : part_personnes vaut ${show(r.part_personnes)}, ${show(r.personnes)} sur ${show(total.personnes)} personnes font ${show(share)}.`,
          `heures-par-sexe.csv, sex ${show(r.sexe ?? null)}: part_personnes is ${show(r.part_personnes)}, ${show(r.personnes)} of ${show(total.personnes)} persons make ${show(share)}.`,
        );
      }
    }
  }

  // The key figures are the summary's cells: the same value, or hidden in both.
  for (const [figure, column] of [
    ['marches_avec_clause', 'nombre_marches'],
    ['heures_realisees', 'heures_realisees'],
    ['personnes', 'personnes'],
  ] as const) {
    const a = keyFigure(t, figure);
    const b = total[column] ?? null;
    const same = a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 0.005 + 1e-9);
    if (!same) {
      return fail(
        `chiffres-cles.csv donne ${show(a)} pour ${figure}, synthese.csv donne ${show(b)} pour ${column}.`,
        `chiffres-cles.csv gives ${show(a)} for ${figure}, synthese.csv gives ${show(b)} for ${column}.`,
      );
    }
  }
  return undefined;
}
