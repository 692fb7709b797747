/**
 * The group-by totals both engines compute on heures.csv, in one comparable shape:
 * - hours by (year of `mois`, `type_structure`);
 * - hours by `type_contrat`;
 * - distinct persons (`id_participant`) overall and by `type_contrat`.
 */
import { op, type ColumnTable } from 'arquero';
import { DictionaryColumn } from '../../src/lib/columns/index.ts';

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
 * to the year: the year is derived on the small table instead of on every row. Groupings are
 * arquero's own `groupby` (on one dictionary column, it groups by value ids: see
 * `DictionaryColumn.groups`). Distinct persons are counted on the dictionary ids of the validated
 * columns (a bitmap per contract type), as a column engine does, rather than with `op.distinct`
 * hashing a million strings.
 */
export function totalsWithArquero(heures: ColumnTable): Totals {
  const byYearStructure = heures
    .groupby('mois', 'type_structure')
    .rollup({ heures: op.sum('heures') })
    .derive({ annee: (d) => op.substring(d.mois, 0, 4) })
    .groupby('annee', 'type_structure')
    .rollup({ heures: op.sum('heures') });
  const byContractType = heures.groupby('type_contrat').rollup({ heures: op.sum('heures') });

  const totals: Totals = { hoursByYearStructure: {}, hoursByContractType: {}, persons: 0, personsByContractType: {} };
  byYearStructure.scan((row) => {
    totals.hoursByYearStructure[`${byYearStructure.get('annee', row)}|${byYearStructure.get('type_structure', row)}`] = Number(byYearStructure.get('heures', row));
  });
  byContractType.scan((row) => {
    totals.hoursByContractType[String(byContractType.get('type_contrat', row))] = Number(byContractType.get('heures', row));
  });
  const persons = distinctPersons(heures);
  totals.persons = persons.all;
  totals.personsByContractType = persons.byContractType;
  return totals;
}

/** Distinct `id_participant` overall and by `type_contrat`: on ids when the columns have them. */
function distinctPersons(heures: ColumnTable): { all: number; byContractType: Record<string, number> } {
  const part = heures.column('id_participant');
  const type = heures.column('type_contrat');
  if (!(part instanceof DictionaryColumn) || !(type instanceof DictionaryColumn) || heures.isFiltered() || heures.isOrdered()) {
    const all = Number(heures.rollup({ n: op.distinct('id_participant') }).get('n', 0));
    const byType = heures.groupby('type_contrat').rollup({ n: op.distinct('id_participant') });
    const byContractType: Record<string, number> = {};
    byType.scan((row) => void (byContractType[String(byType.get('type_contrat', row))] = Number(byType.get('n', row))));
    return { all, byContractType };
  }
  const nPart = part.values.length;
  const nType = type.values.length;
  const seen = new Uint8Array(nPart);
  const seenByType = new Uint8Array(nPart * nType);
  const counts = new Uint32Array(nType);
  let all = 0;
  const [pIds, tIds] = [part.ids, type.ids];
  for (let i = 0; i < pIds.length; i++) {
    const p = pIds[i]!;
    if (p === 0) continue; // null is not a person (op.distinct would count it; the column is required)
    if (seen[p] === 0) {
      seen[p] = 1;
      all++;
    }
    const t = tIds[i]!;
    const k = t * nPart + p;
    if (seenByType[k] === 0) {
      seenByType[k] = 1;
      counts[t]!++;
    }
  }
  const byContractType: Record<string, number> = {};
  for (let t = 0; t < nType; t++) if (counts[t]! > 0) byContractType[String(type.values[t])] = counts[t]!;
  return { all, byContractType };
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
