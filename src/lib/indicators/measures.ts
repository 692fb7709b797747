import { op, type ColumnTable } from 'arquero';
import type { Dataset } from '../dataset.ts';
import { ALTERNANCE, HEURES_ANNUELLES_ETP, SIAE } from './codes.ts';
import { clauseContracts, distinctOf, hoursDetail, operationsOf, sumOf, withParams } from './detail.ts';

/**
 * Scalar indicators. Each one reads like its definition in docs/methodologie.md.
 * Shares are returned in percent (0–100); `null` when the denominator is zero (not applicable).
 */

/** Insertion hours carried out: sum of `heures`. */
export function hoursCarriedOut(ds: Dataset): number {
  return sumOf(ds.heures, 'heures');
}

/** Planned insertion hours: sum of `heures_prevues` of the contracts with a clause. */
export function plannedHours(ds: Dataset): number {
  return sumOf(clauseContracts(ds), 'heures_prevues');
}

/** Completion rate, in percent: hours carried out / planned hours (`null` without planned hours). */
export function completionRate(carriedOut: number, planned: number): number | null {
  return planned > 0 ? (100 * carriedOut) / planned : null;
}

/** Full-time equivalents: hours / 1,607 (legal annual working time). */
export function fullTimeEquivalents(hours: number): number {
  return hours / HEURES_ANNUELLES_ETP;
}

/** `part / whole` in percent, `null` when `whole` is 0. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? (100 * part) / whole : null;
}

/** Persons who benefited: distinct `id_participant` with at least one hour row. */
export function personsWithHours(ds: Dataset): number {
  return distinctOf(ds.heures, 'id_participant');
}

/** Contracts with a clause (`type_clause` ≠ AUCUNE), optionally those notified in one year. */
export function contractsWithClause(ds: Dataset, annee?: number): ColumnTable {
  const contracts = clauseContracts(ds);
  return annee === undefined
    ? contracts
    : withParams(contracts, { annee: String(annee) }).filter((d, $) => d.annee_notification === $.annee);
}

/** Operations of the contracts with a clause: distinct `id_operation` (contracts outside any operation not counted). */
export function operationsWithClause(ds: Dataset, annee?: number): number {
  return operationsOf(contractsWithClause(ds, annee));
}

/** Companies that hired: distinct `id_titulaire` of the contracts having at least one hour row. */
export function companiesThatHired(ds: Dataset): number {
  return distinctOf(ds.marches.semijoin(ds.heures, 'id_marche'), 'id_titulaire');
}

/** Contracts using insertion as an award criterion (`critere_attribution` true), optionally notified in one year. */
export function awardCriterionContracts(ds: Dataset, annee?: number): ColumnTable {
  const contracts = ds.marches
    .filter((d) => d.critere_attribution === true)
    .derive({ annee_notification: (d) => op.substring(d.date_notification, 0, 4) });
  return annee === undefined
    ? contracts
    : withParams(contracts, { annee: String(annee) }).filter((d, $) => d.annee_notification === $.annee);
}

/** Facilitators: rows of `facilitateurs`. */
export function facilitatorsCount(ds: Dataset): number {
  return ds.facilitateurs.numRows();
}

/** Units the publisher marks as running the scheme (`porte_le_dispositif` in its profile). */
const runsTheScheme = (ds: Dataset) => (ds.meta.profil?.directions ?? []).filter((d) => d.porte_le_dispositif).map((d) => d.code);

/** Executing directions: distinct `direction` of the contracts, the units that run the scheme (profile) excluded. */
export function executingDirections(ds: Dataset): number {
  return distinctOf(
    withParams(ds.marches, { runs: runsTheScheme(ds) }).filter((d: Record<string, unknown>, $: { runs: string[] }) => !op.includes($.runs, d.direction)),
    'direction',
  );
}

/** Hour rows carried out through an insertion structure (SIAE: ETTI, AI, EI, ACI, EITI). */
export function hoursThroughSiae(ds: Dataset): ColumnTable {
  return withParams(ds.heures, { SIAE: [...SIAE] }).filter((d: Record<string, unknown>, $: { SIAE: string[] }) => op.includes($.SIAE, d.type_structure));
}

/** Hour rows under a work-study contract (apprenticeship, professionalisation). */
export function workStudyHours(ds: Dataset): ColumnTable {
  return withParams(ds.heures, { ALTERNANCE: [...ALTERNANCE] }).filter((d: Record<string, unknown>, $: { ALTERNANCE: string[] }) =>
    op.includes($.ALTERNANCE, d.type_contrat),
  );
}

/** Hour rows under a given employment contract type. */
export function hoursUnderContract(ds: Dataset, typeContrat: string): ColumnTable {
  return withParams(ds.heures, { t: typeContrat }).filter((d, $) => d.type_contrat === $.t);
}

/**
 * Share of women at month M, in percent: among the distinct participants whose first month with
 * hours is M or earlier, the share whose `sexe` is F. `null` when nobody had started by M.
 */
export function womenShareAt(ds: Dataset, mois: string): number | null {
  const { femmes, personnes } = startedBy(ds, mois);
  return percent(femmes, personnes);
}

/** Participants whose first month with hours is `mois` or earlier, and how many of them are women. */
export function startedBy(ds: Dataset, mois: string): { personnes: number; femmes: number } {
  const started = withParams(firstMonths(ds), { m: mois })
    .filter((d, $) => d.premier_mois <= $.m)
    .join_left(ds.participants.select('id_participant', 'sexe'), 'id_participant');
  return {
    personnes: started.numRows(),
    femmes: started.filter((d) => d.sexe === 'F').numRows(),
  };
}

/** First month with hours of each participant (`id_participant`, `premier_mois`). */
export function firstMonths(ds: Dataset): ColumnTable {
  return ds.heures.groupby('id_participant').rollup({ premier_mois: op.min('mois') });
}

/**
 * Share of service contracts in year Y, in percent: contracts with a clause notified in Y whose
 * segment is SERVICES / all contracts with a clause notified in Y.
 */
export function servicesShare(ds: Dataset, annee: number): number | null {
  const contracts = contractsWithClause(ds, annee);
  return percent(contracts.filter((d) => d.segment === 'SERVICES').numRows(), contracts.numRows());
}

export { hoursDetail };
