/**
 * Table and cross-table rules. Every loop runs over dictionary-encoded columns (typed arrays of
 * value ids, see src/lib/columns) with Maps or typed arrays sized by the number of distinct values: one
 * pass over the rows per rule, no object per row.
 */
import type { TableName } from '../dataset.ts';
import type { FieldDef } from '../../schemas/field.ts';
import { MAX_HEURES_MOIS } from '../../schemas/heures.ts';
import { numbersById, rawCell, type ColumnResult, type IdArray } from '../columns/index.ts';
import type { Params } from './messages.ts';
import { placeOf, type IssueCollector } from './report.ts';
import { locate } from './cells.ts';
import type { TableResult } from './tables.ts';

export type Tables = Partial<Record<TableName, TableResult>>;

/** Realised hours above this share of planned hours raise a warning. */
export const OVERRUN_RATIO = 1.5;

/** `YYYY-MM` (or the month of `YYYY-MM-DD`) as a month count, for arithmetic. */
export function monthIndex(s: string): number {
  return Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
}

/** A month count back to `YYYY-MM`. */
export function monthString(index: number): string {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}`;
}

/** Reports every row whose value id is flagged, at that row's line. */
function reportFlagged(t: TableResult, col: ColumnResult, flagged: Uint8Array, rule: Parameters<IssueCollector['add']>[0], issues: IssueCollector, params: (id: number) => Params): void {
  // Usually nothing is flagged: then there is no row to visit.
  if (!flagged.includes(1)) return;
  const ids = col.ids;
  for (let i = 0; i < t.rowCount; i++) {
    const id = ids[i]!;
    if (flagged[id] === 1) issues.add(rule, t.file, locate(t, t.rowLines[i], col.name, rawCell(col, i)), () => params(id));
  }
}

/** Flags, per distinct value of a column, whether `test` fails. Null (id 0) is never flagged. */
function flagDistinct(col: ColumnResult, failing: (value: unknown) => boolean): Uint8Array {
  const flags = new Uint8Array(col.distinct.length);
  for (let d = 1; d < col.distinct.length; d++) if (failing(col.distinct[d])) flags[d] = 1;
  return flags;
}

/** Groups of rows sharing the key's first column up to this size are compared pair by pair. */
const PAIRWISE_GROUP = 32;

/**
 * Rows whose combination of value ids already appeared on an earlier row, with that earlier row,
 * in row order (rows with a null part left out). Rows are grouped by the first column with a
 * counting sort; within a group (a participant's few rows) the other columns are compared pair by
 * pair, and a big group goes through a Map: linear time, no sort of the whole table.
 */
function repeatedCombinations(cols: readonly ColumnResult[], n: number): { row: number; first: number }[] {
  const lead = cols[0]!;
  const rest = cols.slice(1).map((c) => c.ids);
  const complete = (row: number) => {
    for (const ids of rest) if (ids[row] === 0) return false;
    return true;
  };
  const same = (a: number, b: number) => {
    for (const ids of rest) if (ids[a] !== ids[b]) return false;
    return true;
  };
  const { order, start } = groupRows(lead.ids, lead.distinct.length, n);
  const out: { row: number; first: number }[] = [];
  for (let d = 1; d < lead.distinct.length; d++) {
    const from = start[d]!;
    const to = start[d + 1]!;
    if (to - from < 2) continue;
    if (to - from <= PAIRWISE_GROUP) {
      for (let j = from + 1; j < to; j++) {
        const row = order[j]!;
        if (!complete(row)) continue;
        for (let k = from; k < j; k++) {
          const earlier = order[k]!;
          if (complete(earlier) && same(row, earlier)) {
            out.push({ row, first: earlier });
            break;
          }
        }
      }
    } else {
      const firstOf = new Map<string, number>();
      for (let j = from; j < to; j++) {
        const row = order[j]!;
        if (!complete(row)) continue;
        const key = rest.map((ids) => ids[row]).join(',');
        const first = firstOf.get(key);
        if (first === undefined) firstOf.set(key, row);
        else out.push({ row, first });
      }
    }
  }
  return out.sort((x, y) => x.row - y.row);
}

/**
 * Rows whose value id already appeared on an earlier row, with that earlier row (null ids left
 * out): one pass with the first row of each id, no sort.
 */
function repeatedIds(col: ColumnResult, n: number): { row: number; first: number }[] {
  const first = new Int32Array(col.distinct.length).fill(-1);
  const out: { row: number; first: number }[] = [];
  const ids = col.ids;
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    if (id === 0) continue;
    if (first[id]! < 0) first[id] = i;
    else out.push({ row: i, first: first[id]! });
  }
  return out;
}

/** Values of a key column → their first row. */
export interface KeyIndex {
  get(value: unknown): number | undefined;
  has(value: unknown): boolean;
}

/** Per key column, its index (see {@link firstRowOfValue}), made once for every rule that needs it. */
const FIRST_ROWS = new WeakMap<ColumnResult, KeyIndex>();

/**
 * The first row of each value of a column (null left out): the index of a table's key, shared by
 * the references into it and the rules that look rows up by key (hours against their contract).
 * A key column finds its values through the parser's dictionary ({@link ColumnResult.lookup});
 * any other column through a `Map`.
 */
export function firstRowOfValue(col: ColumnResult): KeyIndex {
  let index = FIRST_ROWS.get(col);
  if (index) return index;
  const first = new Int32Array(col.distinct.length).fill(-1);
  const ids = col.ids;
  for (let i = ids.length - 1; i >= 0; i--) first[ids[i]!] = i;
  const lookup = col.lookup;
  if (lookup) {
    const get = (v: unknown): number | undefined => {
      const d = typeof v === 'string' ? lookup(v) : -1;
      return d > 0 && first[d]! >= 0 ? first[d] : undefined;
    };
    index = { get, has: (v) => get(v) !== undefined };
  } else {
    const values = col.distinct;
    const map = new Map<unknown, number>();
    for (let d = 1; d < values.length; d++) if (first[d]! >= 0) map.set(values[d], first[d]!);
    index = map;
  }
  FIRST_ROWS.set(col, index);
  return index;
}

/** Per source column and target key column, {@link rowsInTarget}'s answer, made once. */
const TARGET_ROWS = new WeakMap<ColumnResult, WeakMap<ColumnResult, Int32Array>>();

/**
 * Per value id of `source`, the first row of `target` (a key column) holding that value, or -1:
 * one lookup per distinct value, shared by the reference rule and the rules that read the row a
 * reference points to (hours against their contract).
 */
export function rowsInTarget(source: ColumnResult, target: ColumnResult): Int32Array {
  let byTarget = TARGET_ROWS.get(source);
  if (!byTarget) TARGET_ROWS.set(source, (byTarget = new WeakMap()));
  let rows = byTarget.get(target);
  if (rows) return rows;
  const index = firstRowOfValue(target);
  rows = new Int32Array(source.distinct.length).fill(-1);
  for (let d = 1; d < source.distinct.length; d++) rows[d] = index.get(source.distinct[d]) ?? -1;
  byTarget.set(target, rows);
  return rows;
}

/** Unique primary key (one column or several). */
function checkPrimaryKey(t: TableResult, issues: IssueCollector): void {
  const cols = t.def.primaryKey.map((name) => t.columns.get(name));
  if (cols.some((c) => c === undefined)) return;
  const keyCols = cols as ColumnResult[];
  if (keyCols.length === 1) {
    const column = t.def.primaryKey[0]!;
    for (const { row, first } of repeatedIds(keyCols[0]!, t.rowCount)) {
      issues.add('cle.doublon', t.file, locate(t, t.rowLines[row], column, rawCell(keyCols[0]!, row)), { first: t.rowLines[first]! });
    }
    return;
  }
  const column = t.def.primaryKey.join(', ');
  for (const { row, first } of repeatedCombinations(keyCols, t.rowCount)) {
    const value = keyCols.map((c) => rawCell(c, row)).join(' / ');
    issues.add('cle.doublon', t.file, locate(t, t.rowLines[row], column, value), { first: t.rowLines[first]! });
  }
}

/** Every foreign key resolves in its target table. */
export function checkForeignKeys(t: TableResult, tables: Tables, issues: IssueCollector): void {
  for (const fk of t.def.foreignKeys) {
    const source = t.columns.get(fk.fields[0]!);
    const target = tables[fk.reference.table];
    const targetCol = target?.columns.get(fk.reference.fields[0]!);
    if (!source || !target || !targetCol) continue;
    const rows = rowsInTarget(source, targetCol);
    const flags = new Uint8Array(rows.length);
    for (let d = 1; d < rows.length; d++) if (rows[d]! < 0) flags[d] = 1;
    reportFlagged(t, source, flags, 'reference.introuvable', issues, () => ({
      target: placeOf(target),
      target_column: targetCol.name,
    }));
  }
}

/**
 * The metadata a table is checked against, each part only when it is valid: a metadata error in
 * one field holds back the checks that need it, and the others still run (validateMeta says
 * which were held back).
 */
export interface MetaChecks {
  siret_acheteur?: string;
  departements?: readonly string[];
  periode?: { readonly debut: string; readonly fin: string };
  /** Codes of the publisher's internal units (`profil.directions`); absent: any code is accepted. */
  directions?: readonly string[];
}

/**
 * Whether a contract notified on `date` (`YYYY-MM-DD`) for `duree` months is executed during the
 * period: notified by its last day, and executed until its first month at least. A contract
 * notified before the period belongs to it when its execution reaches into it: its hours of the
 * period are counted there (docs/methodologie.md).
 */
export function executedInPeriod(date: string, duree: number, periode: { readonly debut: string; readonly fin: string }): boolean {
  return date <= periode.fin && monthIndex(date) + duree - 1 >= monthIndex(periode.debut);
}

/** Columns checked against the metadata: buyer SIRET, territory, period. */
export function checkAgainstMeta(t: TableResult, meta: MetaChecks, issues: IssueCollector): void {
  const fields = t.def.fields as Readonly<Record<string, FieldDef>>;
  const territory = meta.departements && new Set(meta.departements);
  for (const [name, field] of Object.entries(fields)) {
    const col = t.columns.get(name);
    if (!col) continue;
    if (field.territorial && territory) {
      const flags = flagDistinct(col, (v) => !territory.has(v as string));
      reportFlagged(t, col, flags, 'departement.hors_territoire', issues, () => ({ allowed: meta.departements!.join(', ') }));
    }
    if (!meta.periode) continue;
    const { debut, fin } = meta.periode;
    if (field.kind === 'date' && t.def.name === 'marches' && name === 'date_notification') {
      checkNotification(t, col, meta.periode, issues);
    } else if (field.kind === 'date') {
      const flags = flagDistinct(col, (v) => (v as string) < debut || (v as string) > fin);
      reportFlagged(t, col, flags, 'periode.hors_periode', issues, () => ({ debut, fin }));
    }
    if (field.kind === 'month') {
      const [from, to] = [debut.slice(0, 7), fin.slice(0, 7)];
      const flags = flagDistinct(col, (v) => (v as string) < from || (v as string) > to);
      reportFlagged(t, col, flags, 'periode.hors_periode', issues, () => ({ debut: from, fin: to }));
    }
  }
  const direction = t.def.name === 'marches' ? t.columns.get('direction') : undefined;
  if (direction && meta.directions) {
    const allowed = new Set(meta.directions);
    const flags = flagDistinct(direction, (v) => !allowed.has(v as string));
    reportFlagged(t, direction, flags, 'direction.inconnue', issues, () => ({ allowed: meta.directions!.join(', ') }));
  }
  const buyer = t.def.name === 'marches' ? t.columns.get('id_acheteur') : undefined;
  if (buyer && meta.siret_acheteur) {
    const expected = meta.siret_acheteur;
    const flags = flagDistinct(buyer, (v) => v !== expected);
    reportFlagged(t, buyer, flags, 'acheteur.siret', issues, () => ({ expected }));
  }
}

/**
 * A contract notified after the period is outside it; one notified before it is accepted when its
 * execution reaches into the period (its hours there are the period's), refused when it ended
 * before. Without a valid duration, only the notification date is checked against the end.
 */
function checkNotification(t: TableResult, col: ColumnResult, periode: NonNullable<MetaChecks['periode']>, issues: IssueCollector): void {
  const { debut, fin } = periode;
  const after = flagDistinct(col, (v) => (v as string) > fin);
  reportFlagged(t, col, after, 'periode.hors_periode', issues, () => ({ debut, fin }));
  const duree = t.columns.get('duree_mois');
  if (!duree) return;
  for (let i = 0; i < t.rowCount; i++) {
    const d = col.ids[i]!;
    const m = duree.ids[i]!;
    if (d === 0 || m === 0 || after[d] === 1) continue;
    const date = col.distinct[d] as string;
    const months = duree.distinct[m] as number;
    if (date >= debut || executedInPeriod(date, months, periode)) continue;
    issues.add('marches.execution_hors_periode', t.file, locate(t, t.rowLines[i], col.name, rawCell(col, i)), () => ({
      date,
      duree: months,
      fin_execution: monthString(monthIndex(date) + months - 1),
      debut,
      fin,
    }));
  }
}

/**
 * The rules of a table that need no other table, run as soon as it is read (on the thread that
 * read it): its unique key, and the rules between its own columns (the award criterion of
 * contracts, the monthly ceiling of hours).
 */
export function checkTable(t: TableResult, issues: IssueCollector): void {
  checkPrimaryKey(t, issues);
  if (t.def.name === 'marches') checkCriterion(t, issues);
  if (t.def.name === 'heures') checkMonthlyCeiling(t, issues);
}

/** critere_attribution ⇒ CRITERE_SOCIAL among considerations_sociales. */
function checkCriterion(marches: TableResult, issues: IssueCollector): void {
  const critere = marches.columns.get('critere_attribution');
  const considerations = marches.columns.get('considerations_sociales');
  if (!critere || !considerations) return;
  for (let i = 0; i < marches.rowCount; i++) {
    if (critere.distinct[critere.ids[i]!] !== true || considerations.ids[i] === 0) continue;
    if (!(considerations.distinct[considerations.ids[i]!] as readonly string[]).includes('CRITERE_SOCIAL')) {
      issues.add('marches.critere_sans_consideration', marches.file, locate(marches, marches.rowLines[i], 'critere_attribution', rawCell(critere, i)));
    }
  }
}

/**
 * Rules on hours and their contracts: month inside the contract's execution, no hours on a
 * contract without clause, realised hours against planned hours.
 */
export function checkHours(tables: Tables, issues: IssueCollector): void {
  const heures = tables.heures;
  const marches = tables.marches;
  const hMarche = heures?.columns.get('id_marche');
  const hMois = heures?.columns.get('mois');
  const hHeures = heures?.columns.get('heures');
  if (!heures || !hMarche || !hMois || !hHeures) return;
  const n = heures.rowCount;
  const monthOf = new Int32Array(hMois.distinct.length);
  for (let d = 1; d < hMois.distinct.length; d++) monthOf[d] = monthIndex(hMois.distinct[d] as string);

  const mId = marches?.columns.get('id_marche');
  if (!marches || !mId) return;
  // Row of each contract in marches.csv, per distinct id_marche of heures.csv.
  const marcheRow = rowsInTarget(hMarche, mId);

  // Execution window [start, end) in month counts, per distinct contract of heures.csv.
  const notification = marches.columns.get('date_notification');
  const duree = marches.columns.get('duree_mois');
  if (notification && duree) {
    const start = new Int32Array(hMarche.distinct.length);
    const end = new Int32Array(hMarche.distinct.length);
    const known = new Uint8Array(hMarche.distinct.length);
    for (let d = 1; d < hMarche.distinct.length; d++) {
      const row = marcheRow[d]!;
      if (row < 0 || notification.ids[row] === 0 || duree.ids[row] === 0) continue;
      start[d] = monthIndex(notification.distinct[notification.ids[row]!] as string);
      end[d] = start[d]! + (duree.distinct[duree.ids[row]!] as number);
      known[d] = 1;
    }
    for (let i = 0; i < n; i++) {
      const d = hMarche.ids[i]!;
      const mo = hMois.ids[i]!;
      if (known[d] !== 1 || mo === 0) continue;
      const m = monthOf[mo]!;
      if (m >= start[d]! && m < end[d]!) continue;
      issues.add('heures.hors_execution', heures.file, locate(heures, heures.rowLines[i], 'mois', rawCell(hMois, i)), () => ({
        marche: String(hMarche.distinct[d]),
        debut: monthString(start[d]!),
        fin: monthString(end[d]! - 1),
      }));
    }
  }

  // Realised hours per contract.
  const hours = numbersById(hHeures);
  const realised = new Float64Array(hMarche.distinct.length);
  const rows = new Uint32Array(hMarche.distinct.length);
  for (let i = 0; i < n; i++) {
    const d = hMarche.ids[i]!;
    if (d === 0 || hHeures.ids[i] === 0) continue;
    realised[d]! += hours[hHeures.ids[i]!]!;
    rows[d]!++;
  }
  const clause = marches.columns.get('type_clause');
  const planned = marches.columns.get('heures_prevues');
  for (let d = 1; d < hMarche.distinct.length; d++) {
    const row = marcheRow[d]!;
    if (row < 0 || rows[d] === 0) continue;
    const line = marches.rowLines[row];
    const total = realised[d]!;
    if (clause && clause.distinct[clause.ids[row]!] === 'AUCUNE') {
      issues.add('marches.aucune_clause_avec_heures', marches.file, locate(marches, line, 'type_clause', rawCell(clause, row)), {
        rows: rows[d]!,
        hours: total,
      });
      continue;
    }
    if (!planned || planned.ids[row] === 0) continue;
    const p = planned.distinct[planned.ids[row]!] as number;
    const at = locate(marches, line, 'heures_prevues', rawCell(planned, row));
    if (p === 0) issues.add('heures.sans_prevision', marches.file, at, { realised: total });
    else if (total > OVERRUN_RATIO * p) {
      issues.add('heures.depassement_prevision', marches.file, at, {
        realised: total,
        planned: p,
        ratio: Math.round((100 * total) / p),
      });
    }
  }
}

/**
 * The sum of a participant's hours in a month, over every contract, is at most 208. Rows are
 * grouped by participant with a counting sort, then each participant's months are summed in a
 * scratch array: O(rows + participants + months), whatever the number of combinations.
 */
function checkMonthlyCeiling(heures: TableResult, issues: IssueCollector): void {
  const hPart = heures.columns.get('id_participant');
  const hMois = heures.columns.get('mois');
  const hHeures = heures.columns.get('heures');
  if (!hPart || !hMois || !hHeures) return;
  const n = heures.rowCount;
  const { order, start } = groupRows(hPart.ids, hPart.distinct.length, n);
  const hours = numbersById(hHeures);
  const sums = new Float64Array(hMois.distinct.length);
  const firstRow = new Int32Array(hMois.distinct.length).fill(-1);
  const touched: number[] = [];
  const over: { p: number; mo: number; sum: number; first: number }[] = [];
  for (let p = 1; p < hPart.distinct.length; p++) {
    for (let j = start[p]!; j < start[p + 1]!; j++) {
      const i = order[j]!;
      const mo = hMois.ids[i]!;
      if (mo === 0 || hHeures.ids[i] === 0) continue;
      if (firstRow[mo] === -1) {
        firstRow[mo] = i;
        touched.push(mo);
      }
      sums[mo]! += hours[hHeures.ids[i]!]!;
    }
    for (const mo of touched) {
      if (sums[mo]! > MAX_HEURES_MOIS) over.push({ p, mo, sum: sums[mo]!, first: firstRow[mo]! });
      sums[mo] = 0;
      firstRow[mo] = -1;
    }
    touched.length = 0;
  }
  over.sort((a, b) => a.first - b.first);
  for (const { p, mo, sum, first } of over) {
    issues.add('heures.plafond_mensuel', heures.file, locate(heures, heures.rowLines[first], 'heures', rawCell(hHeures, first)), {
      total: sum,
      participant: String(hPart.distinct[p]),
      mois: String(hMois.distinct[mo]),
      max: MAX_HEURES_MOIS,
    });
  }
}

/**
 * Row indices grouped by value id (counting sort, stable): the rows of id `d` are
 * `order[start[d]] … order[start[d + 1] - 1]`, in file order.
 */
export function groupRows(ids: IdArray, distinctCount: number, n: number): { order: Uint32Array; start: Uint32Array } {
  const start = new Uint32Array(distinctCount + 1);
  for (let i = 0; i < n; i++) start[ids[i]! + 1]!++;
  for (let d = 0; d < distinctCount; d++) start[d + 1]! += start[d]!;
  const next = start.slice(0, distinctCount);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[next[ids[i]!]!++] = i;
  return { order, start };
}
