/**
 * The contracts and operations tables as the pages need them, indexed once per build: the
 * contracts of an operation, an operation by id, the notification years. Build time only.
 */
import { table } from '../data.ts';
import { CONTRACTS_TABLE, OPERATIONS_TABLE } from '../pages-manifest.ts';
import type { Column, PublishedTable, Row } from '../schema.ts';
import { SECRET } from '../../schemas/secret.ts';

/** Columns of the contracts list on the site, in order (the downloads have every column). */
export const LIST_COLUMNS = ['objet', 'date_notification', 'segment', 'type_clause', 'departement', 'montant', 'heures_prevues'] as const;

/** Filters of the list: equality on these codes, a range of notification years, a text. */
export const FILTER_CODES = ['departement', 'segment', 'type_clause'] as const;

/** An operation id usable as a path segment (see `operationPaths`). */
export const isPathId = (id: unknown): id is string => typeof id === 'string' && /^[A-Za-z0-9._-]+$/.test(id);

export interface Contracts {
  table: PublishedTable;
  columns: Column[];
  /** Rows grouped by year of notification, in publication order. */
  byYear: Map<number, Row[]>;
  byOperation: Map<string, Row[]>;
  /** Sorted distinct codes of each filtered column (the options of the filter form). */
  codes: Map<string, string[]>;
}

let contractsCache: Contracts | null | undefined;
/** The contracts table with its indexes, or null when the release does not publish it. */
export function contracts(): Contracts | null {
  if (contractsCache !== undefined) return contractsCache;
  const t = table(CONTRACTS_TABLE);
  if (!t) return (contractsCache = null);
  const byYear = new Map<number, Row[]>();
  const byOperation = new Map<string, Row[]>();
  for (const r of t.lignes) {
    const y = Number(r.annee_notification);
    if (!byYear.has(y)) byYear.set(y, []);
    byYear.get(y)!.push(r);
    const op = String(r.id_operation);
    if (!byOperation.has(op)) byOperation.set(op, []);
    byOperation.get(op)!.push(r);
  }
  const columns = LIST_COLUMNS.map((n) => t.colonnes.find((c) => c.nom === n)).filter((c): c is Column => c !== undefined);
  const codes = new Map(FILTER_CODES.map((col) => [col, [...new Set(t.lignes.map((r) => r[col]).filter((v): v is string => typeof v === 'string' && v !== SECRET))].sort()]));
  return (contractsCache = { table: t, columns, byYear, byOperation, codes });
}

let operationsCache: Map<string, Row> | null | undefined;
/** Rows of the operations table by id, or null when it is not published. */
export function operationsById(): Map<string, Row> | null {
  if (operationsCache !== undefined) return operationsCache;
  const t = table(OPERATIONS_TABLE);
  operationsCache = t ? new Map(t.lignes.map((r) => [String(r.id_operation), r])) : null;
  return operationsCache;
}
