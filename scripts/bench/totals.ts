/**
 * The group-by totals both engines compute on heures.csv, in one comparable shape:
 * - hours by (year of `mois`, `type_structure`);
 * - hours by `type_contrat`;
 * - distinct persons (`id_participant`) overall and by `type_contrat`.
 */
import { op, type ColumnTable } from 'arquero';

export interface Totals {
  /** Hours by `"YYYY|TYPE_STRUCTURE"`. */
  hoursByYearStructure: Record<string, number>;
  /** Hours by `type_contrat`. */
  hoursByContractType: Record<string, number>;
  /** Distinct persons with at least one hour row. */
  persons: number;
  /** Distinct persons by `type_contrat`. */
  personsByContractType: Record<string, number>;
}

/**
 * Ours: arquero on the validated `heures` table (months are `YYYY-MM`, codes canonical).
 * Hours are first summed by (month, structure), a few hundred groups, and only then rolled up
 * to the year: the year is derived on the small table instead of on every row.
 */
export function totalsWithArquero(heures: ColumnTable): Totals {
  const byYearStructure = heures
    .groupby('mois', 'type_structure')
    .rollup({ heures: op.sum('heures') })
    .derive({ annee: (d) => op.substring(d.mois, 0, 4) })
    .groupby('annee', 'type_structure')
    .rollup({ heures: op.sum('heures') });
  const byContractType = heures
    .groupby('type_contrat')
    .rollup({ heures: op.sum('heures'), personnes: op.distinct('id_participant') });
  const persons = heures.rollup({ personnes: op.distinct('id_participant') });

  const totals: Totals = { hoursByYearStructure: {}, hoursByContractType: {}, persons: Number(persons.get('personnes', 0)), personsByContractType: {} };
  byYearStructure.scan((row) => {
    totals.hoursByYearStructure[`${byYearStructure.get('annee', row)}|${byYearStructure.get('type_structure', row)}`] = Number(byYearStructure.get('heures', row));
  });
  byContractType.scan((row) => {
    const code = String(byContractType.get('type_contrat', row));
    totals.hoursByContractType[code] = Number(byContractType.get('heures', row));
    totals.personsByContractType[code] = Number(byContractType.get('personnes', row));
  });
  return totals;
}

/**
 * The DuckDB queries on table `heures`, loaded from heures.csv as written: months `MM/YYYY`, and
 * codes and pseudonyms as typed (the sample has stray spaces, e.g. `CDDI `), so they are trimmed
 * and upper-cased as our validator does, for the totals to be the same.
 */
export const DUCKDB_QUERIES = {
  hoursByYearStructure: `SELECT right(trim(mois), 4) AS annee, upper(trim(type_structure)) AS type_structure, sum(heures) AS heures
    FROM heures GROUP BY ALL`,
  byContractType: `SELECT upper(trim(type_contrat)) AS type_contrat, sum(heures) AS heures,
    count(DISTINCT upper(trim(id_participant))) AS personnes FROM heures GROUP BY ALL`,
  persons: `SELECT count(DISTINCT upper(trim(id_participant))) AS personnes FROM heures`,
} as const;

/** Rows of the three DuckDB queries, as plain JS values. */
export interface DuckDbRows {
  hoursByYearStructure: { annee: string; type_structure: string; heures: number }[];
  byContractType: { type_contrat: string; heures: number; personnes: number | bigint }[];
  persons: { personnes: number | bigint }[];
}

export function totalsFromDuckDb(rows: DuckDbRows): Totals {
  const totals: Totals = { hoursByYearStructure: {}, hoursByContractType: {}, persons: Number(rows.persons[0]?.personnes ?? 0), personsByContractType: {} };
  for (const r of rows.hoursByYearStructure) totals.hoursByYearStructure[`${r.annee}|${r.type_structure}`] = Number(r.heures);
  for (const r of rows.byContractType) {
    totals.hoursByContractType[r.type_contrat] = Number(r.heures);
    totals.personsByContractType[r.type_contrat] = Number(r.personnes);
  }
  return totals;
}

/**
 * Differences between two results, empty when they agree. Sums of decimals added in a different
 * order differ in the last bits, so hours agree within a relative 1e-9; counts must be equal.
 */
export function compareTotals(a: Totals, b: Totals): string[] {
  const problems: string[] = [];
  const close = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  const compare = (what: string, x: Record<string, number>, y: Record<string, number>, same: (x: number, y: number) => boolean) => {
    for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
      const [vx, vy] = [x[key], y[key]];
      if (vx === undefined || vy === undefined || !same(vx, vy)) problems.push(`${what}[${key}]: ${vx} ≠ ${vy}`);
    }
  };
  compare('hours by year × structure', a.hoursByYearStructure, b.hoursByYearStructure, close);
  compare('hours by contract type', a.hoursByContractType, b.hoursByContractType, close);
  compare('persons by contract type', a.personsByContractType, b.personsByContractType, (x, y) => x === y);
  if (a.persons !== b.persons) problems.push(`persons: ${a.persons} ≠ ${b.persons}`);
  return problems;
}
