/**
 * Count cells of persons and of companies, as the count attack (counts.ts) reads them: the cells
 * whose counts add up over units, that is cubes of attributes a unit has once, alone or by year.
 * - persons: sex, age band at entry, education level, publics, QPV, RQTH, situation at exit
 *   (a person has one value of each over the period), and the cells of the share of women
 *   (persons by the month they first had hours, by sex);
 * - companies: size and sector of the contractor.
 */
import type { Cells } from '../cells/index.ts';
import { DIMENSIONS, type Dimension, type DimValue } from '../indicators/dimensions.ts';
import { unitsOf, type CountCell, type Units } from './counts.ts';

type Unit = 'personnes' | 'entreprises';

const SOURCE: Record<Unit, 'participant' | 'entreprise'> = { personnes: 'participant', entreprises: 'entreprise' };

/** Dimensions a unit has once. */
export const unitDimensions = (unit: Unit): Dimension[] => (Object.keys(DIMENSIONS) as Dimension[]).filter((d) => DIMENSIONS[d].source === SOURCE[unit]);

/** Is a cube one of counts that add up over units (its dimensions: the units' own, and the year)? */
export const addsUp = (unit: Unit, dims: readonly string[]) => dims.every((d) => d === 'annee' || DIMENSIONS[d as Dimension]?.source === SOURCE[unit]);

export interface UnitCounts {
  units: Units;
  cells: CountCell[];
}

/** The units of a kind and every count cell of theirs, published or not (`hidden` says). */
export function unitCounts(cells: Cells, unit: Unit, hidden: (key: string) => boolean): UnitCounts {
  const dims = unitDimensions(unit).filter((d) => cells.cubes.some((c) => c.includes(d)));
  const splits = unit === 'personnes' ? cells.womenMonths : [];
  const units = unitsOf(cells, unit === 'personnes' ? cells.rows.persons : cells.rows.companies, dims, splits);
  const years = cells.domain('annee').map(String);
  const profilesWhere = (values: Readonly<Record<string, DimValue>>) =>
    Uint8Array.from({ length: units.profiles }, (_, p) =>
      Object.entries(values).every(([d, v]) => {
        if (!dims.includes(d as Dimension)) return true;
        const own = units.valueOf(p, d as Dimension);
        return Array.isArray(own) ? own.some((x) => String(x) === String(v)) : String(own) === String(v);
      })
        ? 1
        : 0,
    );
  const out: CountCell[] = [];
  for (const cube of cells.cubes) {
    if (!addsUp(unit, cube)) continue;
    for (const values of cells.grid(cube)) {
      const cell = cells.cell(values)!;
      out.push({
        key: cell.key,
        value: unit === 'personnes' ? cell.personnes.size : cell.entreprises,
        published: !hidden(cell.key),
        year: 'annee' in values ? years.indexOf(String(values.annee)) : -1,
        profiles: profilesWhere(values),
      });
    }
  }
  if (unit === 'personnes') {
    // Share of women: persons by their first month, cumulated up to a reference month or between two.
    const spanOf = (m: string) => cells.womenMonths.indexOf(m);
    for (const cell of cells.cells.values()) {
      const d = cell.dims;
      let buckets: number[] | undefined;
      if ('cumul_mois' in d) buckets = range(spanOf(String(d.cumul_mois)) + 1);
      else if ('entree_apres' in d) {
        const from = spanOf(String(d.entree_apres)) + 1;
        const to = 'entree_jusqua' in d ? spanOf(String(d.entree_jusqua)) : cells.womenMonths.length;
        buckets = range(to - from + 1).map((b) => b + from);
      }
      if (!buckets) continue;
      out.push({ key: cell.key, value: cell.personnes.size, published: !hidden(cell.key), year: -1, buckets, profiles: profilesWhere({ ...('sexe' in d ? { sexe: d.sexe } : {}) }) });
    }
  }
  return { units, cells: out };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
