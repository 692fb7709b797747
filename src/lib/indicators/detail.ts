import { op, table, type ColumnTable } from 'arquero';
import type { Dataset } from '../dataset.ts';
import { DictionaryColumn, idArray, type IdArray } from '../columns/index.ts';
import { ALTERNANCE, SIAE } from './codes.ts';
import { IntPairs, Numbering } from './numbering.ts';

/**
 * Contracts carrying an insertion clause: `type_clause` other than AUCUNE, with the year of
 * notification (`annee_notification`, `YYYY`) derived from `date_notification`.
 */
export function clauseContracts(ds: Dataset): ColumnTable {
  return ds.marches.filter((d) => d.type_clause !== 'AUCUNE').derive({ annee_notification: (d) => op.substring(d.date_notification, 0, 4) });
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
 * The rows and values are those of arquero's
 * `heures.derive(…).join_left(marches, 'id_marche').join_left(participants, 'id_participant')
 * .join_left(entreprises, 'id_titulaire')`, in the same order (see `leftJoinRows`), but every
 * column is a {@link DictionaryColumn}: per row, a value id of 1, 2 or 4 bytes into the distinct
 * values of the source column. arquero's join builds 27 arrays of a pointer per row three times
 * over; at ×1000 (3.8 M hour rows) its transient peak was several GB.
 *
 * Computed once per dataset (the tables are immutable, so the cache cannot go stale).
 */
export function hoursDetail(ds: Dataset): ColumnTable {
  const cached = details.get(ds);
  if (cached) return cached;
  const heures = unfiltered(ds.heures);
  const marches = unfiltered(ds.marches);
  const participants = unfiltered(ds.participants);
  const entreprises = unfiltered(ds.entreprises);

  // Columns of heures, then the derived ones, each as value ids into mapped distinct values.
  const left: Record<string, Coded> = {};
  for (const name of heures.columnNames()) left[name] = codedColumn(heures, name);
  const year = (v: unknown) => op.substring(v, 0, 4);
  left.annee = mapped(left.mois!, year);
  left.famille_structure = mapped(left.type_structure!, (v) => (SIAE.has(v as never) ? 'SIAE' : 'HORS_SIAE'));
  left.famille_contrat = mapped(left.type_contrat!, (v) => (ALTERNANCE.has(v as never) ? 'ALTERNANCE' : 'HORS_ALTERNANCE'));

  const fromMarches: Record<string, Coded> = { annee_notification: mapped(codedColumn(marches, 'date_notification'), year) };
  for (const name of ['segment', 'direction', 'departement', 'type_clause', 'id_operation', 'id_facilitateur', 'id_titulaire']) fromMarches[name] = codedColumn(marches, name);
  const fromParticipants: Record<string, Coded> = {};
  for (const name of ['sexe', 'tranche_age', 'niveau_formation', 'publics', 'qpv', 'rqth', 'situation_sortie']) fromParticipants[name] = codedColumn(participants, name);
  const fromEntreprises: Record<string, Coded> = {
    taille_entreprise: codedColumn(entreprises, 'taille'),
    secteur_entreprise: codedColumn(entreprises, 'secteur'),
  };

  // The three joins as row numbers: each output row's row of heures, marches, participants and
  // entreprises (-1: no match). Keys of a later join come through the earlier ones.
  const j1 = leftJoinRows(left.id_marche!, codedColumn(marches, 'id_marche'));
  const j2 = leftJoinRows(throughRows(left.id_participant!, j1.left), codedColumn(participants, 'id_participant'));
  const j3 = leftJoinRows(throughRows(fromMarches.id_titulaire!, compose(j1.right, j2.left)), codedColumn(entreprises, 'id_entreprise'));
  const r1 = compose(j2.left, j3.left); // output row → row of the first join's result
  const rowH = compose(j1.left, r1);
  const rowM = compose(j1.right, r1);
  const rowP = compose(j2.right, j3.left);
  const rowE = j3.right;

  const columns: Record<string, DictionaryColumn> = {};
  const add = (group: Record<string, Coded>, rows: Int32Array) => {
    for (const [name, c] of Object.entries(group)) {
      const g = throughRows(c, rows);
      columns[name] = new DictionaryColumn(g.ids as IdArray, g.values);
    }
  };
  add(left, rowH);
  add(fromMarches, rowM);
  add(fromParticipants, rowP);
  add(fromEntreprises, rowE);
  const detail = table(columns);
  details.set(ds, detail);
  return detail;
}

/** A column as value ids into its distinct values (`at(i)` is `values[ids[i]]`). */
export interface Coded {
  ids: ArrayLike<number>;
  values: readonly unknown[];
}

/**
 * The column's values through `f`, still one id per distinct value: a {@link DictionaryColumn}
 * groups by value id, so two ids must never hold equal values (every month of a year is one year).
 */
function mapped(c: Coded, f: (v: unknown) => unknown): Coded {
  const { values, of } = new Numbering<unknown>();
  const remap = Int32Array.from(c.values, (v) => of(f(v)));
  const ids = idArray(values.length - 1, c.ids.length);
  for (let i = 0; i < ids.length; i++) ids[i] = remap[c.ids[i]!]!;
  return { ids, values };
}

/**
 * The table's rows in their natural order, as arquero's joins and group-bys read them: its order
 * dropped, and its rows copied when it is filtered (a validated Dataset's tables are neither).
 */
function unfiltered(t: ColumnTable): ColumnTable {
  const natural = t.isOrdered() ? t.unorder() : t;
  return natural.isFiltered() ? natural.reify() : natural;
}

/** A column of an unfiltered table as value ids: a validated table's columns already are. */
export function codedColumn(t: ColumnTable, name: string): Coded {
  const column = t.column(name);
  if (column instanceof DictionaryColumn) return column;
  const { values, of } = new Numbering<unknown>();
  const ids = Int32Array.from({ length: t.numRows() }, (_, i) => of(column!.at(i)));
  return { ids, values };
}

/**
 * The column read through row numbers: row `i` holds the value of source row `rows[i]`, or
 * `undefined` where `rows[i]` is -1 (no match), as arquero fills a left join's unmatched rows.
 */
function throughRows(c: Coded, rows: Int32Array): Coded {
  let unmatched = false;
  for (let i = 0; i < rows.length; i++) if (rows[i]! < 0) unmatched = true;
  // Unmatched rows read `undefined`: the column's own id for it, or a new one.
  const own = c.values.indexOf(undefined);
  const none = own >= 0 ? own : c.values.length;
  const values = unmatched && own < 0 ? [...c.values, undefined] : c.values;
  const ids = idArray(values.length - 1, rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    ids[i] = r < 0 ? none : c.ids[r]!;
  }
  return { ids, values };
}

/** `outer[inner[i]]` for every i (`inner` never holds -1: a left join keeps every left row). */
function compose(outer: Int32Array, inner: Int32Array): Int32Array {
  const out = new Int32Array(inner.length);
  for (let i = 0; i < inner.length; i++) out[i] = outer[inner[i]!]!;
  return out;
}

/**
 * The row pairs of arquero's `join_left(L, R, key)` in arquero's order (its `hashJoin`): when L
 * has at least as many rows as R, L's rows in order, each with its matches in R's order;
 * otherwise R's rows in order, each with its matches in L's order; then L's unmatched rows, with
 * -1. Keys compare as a `Map` compares them; null, undefined and NaN match nothing. Lookups go
 * through the value ids: one per distinct key, not one per row.
 */
export function leftJoinRows(l: Coded, r: Coded): { left: Int32Array; right: Int32Array } {
  const nL = l.ids.length;
  const nR = r.ids.length;
  const valid = (k: unknown) => k != null && k === k;
  const out = new IntPairs(nL);
  const hit = new Uint8Array(nL);
  /** Per value id of `scan`, the rows of `hashed` with that key (a Map of the hashed side's keys). */
  const matchesById = (hashed: Coded, scan: Coded): (number[] | undefined)[] => {
    const lut = new Map<unknown, number[]>();
    for (let i = 0; i < hashed.ids.length; i++) {
      const key = hashed.values[hashed.ids[i]!];
      if (!valid(key)) continue;
      const list = lut.get(key);
      if (list) list.push(i);
      else lut.set(key, [i]);
    }
    return scan.values.map((key) => lut.get(key));
  };
  if (nL >= nR) {
    const matches = matchesById(r, l);
    for (let i = 0; i < nL; i++) {
      const list = matches[l.ids[i]!];
      if (!list) continue;
      for (const j of list) out.push(i, j);
      hit[i] = 1;
    }
  } else {
    const matches = matchesById(l, r);
    for (let j = 0; j < nR; j++) {
      const list = matches[r.ids[j]!];
      if (!list) continue;
      for (const i of list) {
        out.push(i, j);
        hit[i] = 1;
      }
    }
  }
  for (let i = 0; i < nL; i++) if (!hit[i]) out.push(i, -1);
  const [left, right] = out.done();
  return { left, right };
}

/** Number of distinct non-missing values of a column. */
export function distinctOf(table: ColumnTable, column: string): number {
  // arquero's `distinct` counts a missing value as one more value: it is none.
  const row = table.rollup({ v: op.distinct(column), missing: op.invalid(column) }).object(0) as { v?: unknown; missing?: unknown };
  const value = typeof row.v === 'number' ? row.v : 0;
  return Number(row.missing) > 0 ? value - 1 : value;
}

/** `table.params(values)`, typed: arquero declares `params` as a getter-or-setter union. */
export function withParams(table: ColumnTable, values: Record<string, unknown>): ColumnTable {
  return table.params(values) as ColumnTable;
}
