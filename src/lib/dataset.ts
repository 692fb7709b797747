import type { ColumnTable } from 'arquero';
import type { Metadonnees } from '../schemas/metadonnees.ts';

/**
 * One publisher's validated data, as the indicators read it.
 *
 * Every table is an arquero table whose columns are named as in the data contract
 * (docs/contrat-de-donnees.md) and already normalised by validation:
 * - codes are canonical (upper-case enumeration codes), ids and labels trimmed strings;
 * - numbers are JS numbers, booleans are booleans;
 * - dates are `YYYY-MM-DD` strings and months `YYYY-MM` strings (they sort as text);
 * - multi-valued columns (`publics`, `considerations_sociales`) are arrays of codes.
 */
export interface Dataset {
  meta: Metadonnees;
  marches: ColumnTable;
  operations: ColumnTable;
  facilitateurs: ColumnTable;
  entreprises: ColumnTable;
  participants: ColumnTable;
  heures: ColumnTable;
}

export const TABLE_NAMES = ['marches', 'operations', 'facilitateurs', 'entreprises', 'participants', 'heures'] as const;
export type TableName = (typeof TABLE_NAMES)[number];
