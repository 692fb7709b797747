import { op } from 'arquero';
import { SANS_OPERATION } from '../../schemas/operations.ts';
import type { Dataset } from '../dataset.ts';
import { clauseContracts, withParams } from '../indicators/detail.ts';
import type { ContractDimension } from '../indicators/dimensions.ts';

/**
 * Figures about contracts, which are public procurement data (no person in them, no secret): the
 * contracts with a clause, their operations, planned hours and award criterion, by any set of
 * contract dimensions.
 */
export interface ContractCell {
  nombre_marches: number;
  /** Distinct operations of these contracts (« Sans opération » is not one). */
  nombre_operations: number;
  heures_prevues: number;
  /** Contracts using insertion as an award criterion. */
  nombre_marches_critere: number;
  /** Distinct operations of the award-criterion contracts. */
  nombre_operations_critere: number;
}

/** Key of a contract cell: its dimension values in the order of `dims`, joined. */
export const contractKey = (values: readonly unknown[]) => values.map(String).join('\u0001');

/**
 * Contracts with a clause (`type_clause` ≠ AUCUNE) by `dims`: one cell per combination that has
 * contracts, keyed by {@link contractKey} (`''` for the totals).
 */
export function contractCells(ds: Dataset, dims: readonly ContractDimension[]): Map<string, ContractCell> {
  const contracts = withParams(clauseContracts(ds).derive({ _tout: () => 'tout' }), { none: SANS_OPERATION });
  const grouped = contracts.groupby(...(dims.length > 0 ? dims : ['_tout']));
  const out = new Map<string, ContractCell>();
  for (const r of grouped
    .rollup({
      nombre_marches: op.count(),
      nombre_operations: (d: Record<string, unknown>, $: Record<string, unknown>) => op.distinct(d.id_operation) - op.max(d.id_operation === $.none ? 1 : 0),
      heures_prevues: op.sum('heures_prevues'),
      nombre_marches_critere: (d: Record<string, unknown>) => op.sum(d.critere_attribution ? 1 : 0),
    })
    .objects() as Record<string, unknown>[]) {
    out.set(contractKey(dims.map((d) => r[d])), {
      nombre_marches: Number(r.nombre_marches ?? 0),
      nombre_operations: Number(r.nombre_operations ?? 0),
      heures_prevues: Number(r.heures_prevues ?? 0),
      nombre_marches_critere: Number(r.nombre_marches_critere ?? 0),
      nombre_operations_critere: 0,
    });
  }
  // Operations of award-criterion contracts, counted apart (a null is not an operation).
  const withCriterion = withParams(clauseContracts(ds), { none: SANS_OPERATION })
    .filter((d: Record<string, unknown>, $: Record<string, unknown>) => d.critere_attribution === true && d.id_operation !== $.none)
    .derive({ _tout: () => 'tout' });
  const g2 = withCriterion.groupby(...(dims.length > 0 ? dims : ['_tout']));
  for (const r of g2.rollup({ n: op.distinct('id_operation') }).objects() as Record<string, unknown>[]) {
    const c = out.get(contractKey(dims.map((d) => r[d])));
    if (c) c.nombre_operations_critere = Number(r.n ?? 0);
  }
  return out;
}

/** The empty contract cell: no contract of these values. */
export const NO_CONTRACT: ContractCell = Object.freeze({ nombre_marches: 0, nombre_operations: 0, heures_prevues: 0, nombre_marches_critere: 0, nombre_operations_critere: 0 });
