import { op, type ColumnTable } from 'arquero';
import type { Dataset } from '../dataset.ts';
import { ALTERNANCE, SIAE } from './codes.ts';

/**
 * Contracts carrying an insertion clause: `type_clause` other than AUCUNE, with the year of
 * notification (`annee_notification`, `YYYY`) derived from `date_notification`.
 */
export function clauseContracts(ds: Dataset): ColumnTable {
  return ds.marches
    .filter((d) => d.type_clause !== 'AUCUNE')
    .derive({ annee_notification: (d) => op.substring(d.date_notification, 0, 4) });
}

const details = new WeakMap<Dataset, ColumnTable>();

/**
 * Every hour row (participant × contract × month) with the attributes of its contract, its
 * participant and its contractor, so that any breakdown is a `groupby` on this one table.
 *
 * Added columns: `annee` (year of `mois`), `annee_notification`, contract attributes (`segment`,
 * `direction`, `departement`, `type_clause`, `id_operation`, `id_facilitateur`, `id_titulaire`),
 * participant attributes (`sexe`, `tranche_age`, `niveau_formation`, `publics`, `qpv`, `rqth`,
 * `situation_sortie`), contractor attributes (`taille_entreprise`, `secteur_entreprise`) and the
 * two groupings used by the headline figures (`famille_structure`: SIAE / HORS_SIAE,
 * `famille_contrat`: ALTERNANCE / HORS_ALTERNANCE).
 *
 * Computed once per dataset (the tables are immutable, so the cache cannot go stale).
 */
export function hoursDetail(ds: Dataset): ColumnTable {
  const cached = details.get(ds);
  if (cached) return cached;
  const marches = ds.marches
    .derive({ annee_notification: (d) => op.substring(d.date_notification, 0, 4) })
    .select(
      'id_marche',
      'annee_notification',
      'segment',
      'direction',
      'departement',
      'type_clause',
      'id_operation',
      'id_facilitateur',
      'id_titulaire',
    );
  const participants = ds.participants.select(
    'id_participant',
    'sexe',
    'tranche_age',
    'niveau_formation',
    'publics',
    'qpv',
    'rqth',
    'situation_sortie',
  );
  const entreprises = ds.entreprises.select({
    id_entreprise: 'id_titulaire',
    taille: 'taille_entreprise',
    secteur: 'secteur_entreprise',
  });
  const detail = withParams(ds.heures, { SIAE: [...SIAE], ALTERNANCE: [...ALTERNANCE] })
    .derive({
      annee: (d) => op.substring(d.mois, 0, 4),
      famille_structure: (d, $) => (op.includes($.SIAE, d.type_structure) ? 'SIAE' : 'HORS_SIAE'),
      famille_contrat: (d, $) => (op.includes($.ALTERNANCE, d.type_contrat) ? 'ALTERNANCE' : 'HORS_ALTERNANCE'),
    })
    .join_left(marches, 'id_marche')
    .join_left(participants, 'id_participant')
    .join_left(entreprises, 'id_titulaire')
    .reify();
  details.set(ds, detail);
  return detail;
}

/** Sum of a numeric column (0 for an empty table). */
export function sumOf(table: ColumnTable, column: string): number {
  const value = table.rollup({ v: op.sum(column) }).get('v', 0);
  return typeof value === 'number' ? value : 0;
}

/** Number of distinct non-missing values of a column. */
export function distinctOf(table: ColumnTable, column: string): number {
  const value = table.rollup({ v: op.distinct(column) }).get('v', 0);
  return typeof value === 'number' ? value : 0;
}

/** Distinct values of a column, sorted. */
export function valuesOf(table: ColumnTable, column: string): string[] {
  const seen = new Set<string>();
  for (const v of table.array(column)) if (v !== null && v !== undefined) seen.add(String(v));
  return [...seen].sort();
}

/** `table.params(values)`, typed: arquero declares `params` as a getter-or-setter union. */
export function withParams(table: ColumnTable, values: Record<string, unknown>): ColumnTable {
  return table.params(values) as ColumnTable;
}
