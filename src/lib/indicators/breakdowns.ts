import { op, type ColumnTable } from 'arquero';
import type { Dataset } from '../dataset.ts';
import { SANS_OPERATION } from '../../schemas/operations.ts';
import { clauseContracts, hoursDetail, withParams } from './detail.ts';
import type { ContractDimension, Dimension } from './dimensions.ts';

/** A row as arquero's table expressions see it (parsed by arquero, typed here for the linter). */
type Row = Record<string, unknown>;

/**
 * Hour rows ready to be grouped by `dims`. The multi-valued `publics` column is unrolled into
 * `public` when asked for, so a person counts once in each of their public categories.
 */
export function hoursFor(ds: Dataset, dims: readonly Dimension[]): ColumnTable {
  const detail = hoursDetail(ds);
  return dims.includes('public') ? detail.derive({ public: (d: Row) => d.publics }).unroll('public') : detail;
}

/** Group keys for `dims`; with no dimension, one constant key so that `rollup` gives one row. */
function grouped(table: ColumnTable, dims: readonly Dimension[]): ColumnTable {
  return dims.length > 0 ? table.groupby(...dims) : table.derive({ _tout: () => 'tout' }).groupby('_tout');
}

/**
 * Hours carried out, persons and companies, by `dims` (only the combinations that have hours):
 * - `heures_realisees` = sum of `heures`;
 * - `personnes` = distinct `id_participant` with hours in the cell;
 * - `entreprises` = distinct `id_titulaire` of the contracts with hours in the cell.
 */
export function hoursBy(ds: Dataset, dims: readonly Dimension[]): ColumnTable {
  const out = grouped(hoursFor(ds, dims), dims)
    .rollup({
      heures_realisees: op.sum('heures'),
      personnes: op.distinct('id_participant'),
      entreprises: op.distinct('id_titulaire'),
    })
    .orderby(...(dims.length > 0 ? dims : ['_tout']));
  // An empty rollup sums to undefined: the grand total of no hours is 0 hours.
  return dims.length > 0
    ? out
    : out
        .select('heures_realisees', 'personnes', 'entreprises')
        .derive({ heures_realisees: (d: Row) => d.heures_realisees || 0 });
}

/**
 * Contracts with a clause by `dims` (contract attributes only):
 * - `nombre_marches` = contracts; `nombre_operations` = distinct `id_operation`, « Sans opération »
 *   (`SANS_OPERATION`) not counted;
 * - `heures_prevues` = sum of planned hours;
 * - `nombre_marches_critere` = contracts with insertion as an award criterion.
 */
export function contractsBy(ds: Dataset, dims: readonly ContractDimension[]): ColumnTable {
  const contracts = withParams(clauseContracts(ds), { none: SANS_OPERATION });
  const out = grouped(contracts, dims)
    .rollup({
      nombre_marches: op.count(),
      nombre_operations: (d, $) => op.distinct(d.id_operation) - op.max(d.id_operation === $.none ? 1 : 0),
      heures_prevues: op.sum('heures_prevues'),
      nombre_marches_critere: (d) => op.sum(d.critere_attribution ? 1 : 0),
    })
    .orderby(...(dims.length > 0 ? dims : ['_tout']));
  return dims.length > 0
    ? out
    : out.select('nombre_marches', 'nombre_operations', 'heures_prevues', 'nombre_marches_critere').derive({
        heures_prevues: (d: Row) => d.heures_prevues || 0,
        nombre_marches_critere: (d: Row) => d.nombre_marches_critere || 0,
      });
}
