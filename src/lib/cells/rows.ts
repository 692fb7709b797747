import { codedColumn, hoursDetail } from '../indicators/detail.ts';
import { DIMENSIONS, type Dimension, type DimValue } from '../indicators/dimensions.ts';
import { Numbering } from '../indicators/numbering.ts';
import type { Dataset } from '../dataset.ts';

/**
 * The hour rows as cells read them: one number per row for each dimension, person and
 * contractor, each column converted once for every cube (3.8 M rows at ×1000).
 */
export interface HourRows {
  n: number;
  hours: Float64Array;
  /** Each row's person as a number (see `person`). */
  persons: Int32Array;
  /** Each row's contractor as a number. */
  companies: Int32Array;
  /** The number of a person (pseudonym): one number per person in every cell. */
  person: (id: string) => number;
  /** Per dimension (or the contract, `id_marche`), each row's value as a small number, and the values (made on first use). */
  codes(dim: Dimension | 'id_marche'): DimCodes;
  /** Scratch space of `gather`, one slot per person and per company. */
  personSeen: Int32Array;
  companySeen: Int32Array;
  companyHours: Float64Array;
}

/**
 * A dimension's values by row: `ids[i]` indexes `values`. For the multi-valued `public`, `ids[i]`
 * is the row's set of publics, and `sets[ids[i]]` lists its values (a row counts once per value).
 */
export interface DimCodes {
  values: DimValue[];
  ids: Int32Array;
  sets?: Int32Array[];
}

/** A dimension's value as published: booleans stay booleans, everything else is text. */
export const toValue = (dim: Dimension | 'id_marche', v: unknown): DimValue => (dim !== 'id_marche' && DIMENSIONS[dim].type === 'boolean' ? v === true : String(v));

/**
 * A column of the detail as a number per row, numbered through `of` in the order values first
 * come, once per distinct value (hoursDetail's columns are value ids).
 */
function numberRows(detail: ReturnType<typeof hoursDetail>, name: string, of: (v: unknown) => number): Int32Array {
  const { ids, values } = codedColumn(detail, name);
  const number = new Int32Array(values.length).fill(-1);
  return Int32Array.from({ length: ids.length }, (_, i) => {
    const id = ids[i]!;
    const k = number[id]!;
    return k >= 0 ? k : (number[id] = of(values[id]));
  });
}

/** The hour rows of a dataset, numbered (see `HourRows`). */
export function hourRows(ds: Dataset): HourRows {
  const detail = hoursDetail(ds);
  const n = detail.numRows();
  const cache = new Map<Dimension | 'id_marche', DimCodes>();
  const codes = (dim: Dimension | 'id_marche'): DimCodes => {
    let c = cache.get(dim);
    if (c) return c;
    const { values, of } = new Numbering<DimValue>();
    if (dim === 'public') {
      // One list per distinct set of publics, shared by its rows (3.8 M rows at ×1000).
      const sets: Int32Array[] = [];
      const ids = numberRows(detail, 'publics', (cell) => sets.push(Int32Array.from((cell ?? []) as unknown[], (v) => of(String(v)))) - 1);
      c = { values, ids, sets };
    } else {
      c = { values, ids: numberRows(detail, dim, (v) => of(toValue(dim, v))) };
    }
    cache.set(dim, c);
    return c;
  };
  const person = new Numbering<string>();
  const company = new Numbering<string>();
  const persons = numberRows(detail, 'id_participant', (p) => person.of(String(p)));
  const companies = numberRows(detail, 'id_titulaire', (e) => company.of(String(e)));
  const firms = company.values.length;
  return {
    n,
    hours: Float64Array.from(detail.array('heures') as unknown[], Number),
    persons,
    companies,
    person: person.of,
    codes,
    personSeen: new Int32Array(person.values.length).fill(-1),
    companySeen: new Int32Array(firms).fill(-1),
    companyHours: new Float64Array(firms),
  };
}
