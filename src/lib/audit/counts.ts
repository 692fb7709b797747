/**
 * The attack on counts of units (persons, companies): how many units of each profile (the
 * combination of the attributes a unit has once: sex, age band, publics… for a person; size and
 * sector for a company) were active in each window. A published count is a sum of these unknowns
 * within one window: a year, or the whole period (split by the month the unit first appears, for
 * the cells of the share of women). Windows are linked by facts any outsider knows: a unit active
 * in a year is active in the period; a unit active in the period is active in at least one of its
 * years; one that first appears in a span of months is active in a year of that span.
 *
 * Counts of units that a unit can hold several times (persons by contract type, by operation…)
 * do not add up: they are not unknowns of this model (see the methodology: they are bounded by
 * their published supersets, which count k units or more).
 */
import type { Cells } from '../cells/index.ts';
import type { Dimension, DimValue } from '../indicators/dimensions.ts';
import type { AttackModel, Target } from './attack.ts';

export interface Units {
  n: number;
  /** Each unit's profile. */
  profile: Int32Array;
  profiles: number;
  /** Years each unit is active in: `years[yearStarts[u]..yearStarts[u+1]]` (indices into the period's years). */
  yearStarts: Int32Array;
  years: Int32Array;
  /** How many years the period has. */
  yearCount: number;
  /** Each unit's span of first appearance (0 when the period is not split). */
  bucket: Int32Array;
  /** How many spans the period is split into, and the years each span's months fall in. */
  buckets: number;
  bucketYears: readonly (readonly number[])[];
  /** Each span's first year (a unit active in year y first appeared in a span starting by y). */
  bucketFirstYear: readonly number[];
}

export interface CountCell {
  key: string;
  /** The true count. */
  value: number;
  published: boolean;
  /** A year (index), or -1 for the whole period. */
  year: number;
  /** For the whole period: the spans of first appearance counted (default: all). */
  buckets?: readonly number[];
  /** The profiles counted. */
  profiles: Uint8Array;
}

export interface CountModel {
  model: AttackModel;
  /** The unknowns a cell sums. */
  columnsOf(cell: CountCell): Int32Array;
}

export function countModel(units: Units, cells: readonly CountCell[]): CountModel {
  const P = units.profiles;
  // Unknowns that occur: (span, profile) for the period, (year, profile) for each year.
  const periodCol = new Int32Array(units.buckets * P).fill(-1);
  const yearCol = new Int32Array(units.yearCount * P).fill(-1);
  const truth: number[] = [];
  const column = (arr: Int32Array, at: number) => {
    if (arr[at]! < 0) {
      arr[at] = truth.length;
      truth.push(0);
    }
    return arr[at]!;
  };
  for (let u = 0; u < units.n; u++) {
    const p = units.profile[u]!;
    truth[column(periodCol, units.bucket[u]! * P + p)]!++;
    for (let q = units.yearStarts[u]!; q < units.yearStarts[u + 1]!; q++) truth[column(yearCol, units.years[q]! * P + p)]!++;
  }
  const columnsOf = (cell: CountCell): Int32Array => {
    const out: number[] = [];
    for (let p = 0; p < P; p++) {
      if (!cell.profiles[p]) continue;
      if (cell.year >= 0) {
        const j = yearCol[cell.year * P + p]!;
        if (j >= 0) out.push(j);
      } else {
        for (const b of cell.buckets ?? range(units.buckets)) {
          const j = periodCol[b * P + p]!;
          if (j >= 0) out.push(j);
        }
      }
    }
    return Int32Array.from(out);
  };

  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const cellOfRow: (string | undefined)[] = [];
  const holds: number[] = [];
  const row = (terms: [number, number][], lo: number, hi: number, key?: string, published = true) => {
    if (terms.length === 0) return;
    holds.push(published ? 1 : 0);
    for (const [j, a] of terms) {
      indices.push(j);
      values.push(a);
    }
    starts.push(indices.length);
    lower.push(lo);
    upper.push(hi);
    cellOfRow.push(key);
  };
  for (const c of cells)
    row(
      [...columnsOf(c)].map((j) => [j, 1]),
      c.value,
      c.value,
      c.key,
      c.published,
    );
  // Facts linking the windows, per profile.
  for (let p = 0; p < P; p++) {
    const inPeriod = range(units.buckets)
      .map((b) => periodCol[b * P + p]!)
      .filter((j) => j >= 0);
    const inYear = range(units.yearCount).map((y) => yearCol[y * P + p]!);
    const active = inYear.filter((j) => j >= 0);
    if (inPeriod.length === 0) continue;
    // Active in the period ⇒ active in one of its years.
    row([...inPeriod.map((j): [number, number] => [j, 1]), ...active.map((j): [number, number] => [j, -1])], -Infinity, 0);
    for (let y = 0; y < units.yearCount; y++) {
      const j = inYear[y]!;
      if (j < 0) continue;
      // Active in year y ⇒ first appeared in a span starting by y.
      const spans = range(units.buckets)
        .filter((b) => units.bucketFirstYear[b]! <= y)
        .map((b) => periodCol[b * P + p]!)
        .filter((k) => k >= 0);
      row([[j, 1], ...spans.map((k): [number, number] => [k, -1])], -Infinity, 0);
    }
    for (let b = 0; b < units.buckets; b++) {
      const j = periodCol[b * P + p]!;
      if (j < 0) continue;
      // First appeared in span b ⇒ active in a year of that span.
      const ys = units.bucketYears[b]!.map((y) => yearCol[y * P + p]!).filter((k) => k >= 0);
      row([[j, 1], ...ys.map((k): [number, number] => [k, -1])], -Infinity, 0);
    }
  }
  return {
    model: {
      columns: truth.length,
      truth: Float64Array.from(truth),
      rows: { starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
      lower: Float64Array.from(lower),
      upper: Float64Array.from(upper),
      cellOfRow,
      plain: false,
      holds: Uint8Array.from(holds),
    },
    columnsOf,
  };
}

/** A count that must not be pinned: an outsider must not be able to tell it from every other integer. */
export function countTarget(model: CountModel, cell: CountCell): Target {
  return { key: cell.key, columns: model.columnsOf(cell), value: cell.value, below: cell.value - 1, above: cell.value + 1, either: true };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * The units of the hour rows (`unitOfRow`: persons or contractors, numbered), with their profile
 * over `dims` (attributes a unit has once) and the windows they are active in: the years where
 * `weight` (a row's hours) adds up to more than 0, and the span their first such month falls in
 * (spans end at `splits`, months `YYYY-MM` sorted).
 */
export function unitsOf(
  cells: Cells,
  unitOfRow: Int32Array,
  dims: readonly Dimension[],
  splits: readonly string[],
): Units & { valueOf(profile: number, dim: Dimension): DimValue | readonly DimValue[] } {
  const { rows } = cells;
  const years = cells.domain('annee').map(String);
  const yearOfRow = rows.codes('annee');
  const yearAt = Int32Array.from(yearOfRow.values, (v) => years.indexOf(String(v)));
  const monthOfRow = rows.codes('mois');
  let unitCount = 0;
  for (let i = 0; i < rows.n; i++) unitCount = Math.max(unitCount, unitOfRow[i]! + 1);
  // Hours per (unit, year): a unit is active in a year where its hours add up to more than 0.
  const hoursIn = new Float64Array(unitCount * years.length);
  const first = new Array<string | undefined>(unitCount);
  const rowOf = new Int32Array(unitCount).fill(-1);
  for (let i = 0; i < rows.n; i++) {
    const u = unitOfRow[i]!;
    if (rowOf[u]! < 0) rowOf[u] = i;
    const y = yearAt[yearOfRow.ids[i]!]!;
    hoursIn[u * years.length + y] = hoursIn[u * years.length + y]! + rows.hours[i]!;
    if (rows.hours[i]! > 0) {
      const m = String(monthOfRow.values[monthOfRow.ids[i]!]);
      if (first[u] === undefined || m < first[u]) first[u] = m;
    }
  }
  // Units with hours only.
  const keep: number[] = [];
  for (let u = 0; u < unitCount; u++) if (first[u] !== undefined) keep.push(u);
  const codes = dims.map((d) => rows.codes(d));
  const profileOf = new Map<string, number>();
  const profileRow: number[] = [];
  const profile = new Int32Array(keep.length);
  const yearStarts = new Int32Array(keep.length + 1);
  const yearList: number[] = [];
  const bucket = new Int32Array(keep.length);
  keep.forEach((u, k) => {
    const i = rowOf[u]!;
    const key = codes.map((c) => c.ids[i]!).join(',');
    let p = profileOf.get(key);
    if (p === undefined) {
      profileOf.set(key, (p = profileRow.length));
      profileRow.push(i);
    }
    profile[k] = p;
    for (let y = 0; y < years.length; y++) if (hoursIn[u * years.length + y]! > 0) yearList.push(y);
    yearStarts[k + 1] = yearList.length;
    bucket[k] = splits.filter((s) => first[u]! > s).length;
  });
  const yearOfMonth = (m: string) => years.indexOf(m.slice(0, 4));
  const start = cells.ds.meta.periode.debut.slice(0, 7);
  const end = cells.ds.meta.periode.fin.slice(0, 7);
  const bucketYears: number[][] = [];
  const bucketFirstYear: number[] = [];
  for (let b = 0; b <= splits.length; b++) {
    const from = b === 0 ? start : nextMonth(splits[b - 1]!);
    const to = b < splits.length ? splits[b]! : end;
    bucketFirstYear.push(Math.max(0, yearOfMonth(from)));
    const ys: number[] = [];
    for (let y = Math.max(0, yearOfMonth(from)); y <= yearOfMonth(to) && y < years.length; y++) ys.push(y);
    bucketYears.push(ys);
  }
  return {
    n: keep.length,
    profile,
    profiles: profileRow.length,
    yearStarts,
    years: Int32Array.from(yearList),
    yearCount: years.length,
    bucket,
    buckets: splits.length + 1,
    bucketYears,
    bucketFirstYear,
    valueOf(p, dim) {
      const c = codes[dims.indexOf(dim)]!;
      const id = c.ids[profileRow[p]!]!;
      return c.sets ? [...c.sets[id]!].map((v) => c.values[v]!) : c.values[id]!;
    },
  };
}

function nextMonth(m: string): string {
  let [y, mo] = m.split('-').map(Number) as [number, number];
  mo += 1;
  if (mo > 12) [y, mo] = [y + 1, 1];
  return `${y}-${String(mo).padStart(2, '0')}`;
}
