import { op, type ColumnTable } from 'arquero';
import type { Dataset } from '../dataset.ts';
import { distinctOf, withParams } from './detail.ts';

/**
 * The indicators read from the tables themselves, each like its definition in
 * docs/methodologie.md; every other figure is read from the published cells (src/lib/cells).
 */

/** `part / whole` in percent, `null` when `whole` is 0. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? (100 * part) / whole : null;
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

/** First month with hours of each participant (`id_participant`, `premier_mois`). */
export function firstMonths(ds: Dataset): ColumnTable {
  return ds.heures.groupby('id_participant').rollup({ premier_mois: op.min('mois') });
}
