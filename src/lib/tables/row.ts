/**
 * The cells of a published row, read from the protected cells: a dimension's value and label,
 * and the person measures of a cell, hidden as a block when the cell is secret.
 */
import type { Dataset } from '../dataset.ts';
import type { Protection } from '../protect/index.ts';
import { HEURES_ANNUELLES_ETP } from '../indicators/codes.ts';
import { DIMENSIONS, type Dimension, type DimValue } from '../indicators/dimensions.ts';
import { SECRET } from '../../schemas/secret.ts';
import { labelColumn, labelText } from './columns.ts';
import { ratio, round } from './round.ts';
import type { Ligne, Valeur } from './types.ts';

/** A dimension's value as published: years are numbers, other values their code. */
export function published(d: Dimension, v: DimValue): Valeur {
  const type = DIMENSIONS[d].type;
  return type === 'year' ? Number(v) : v;
}

/** Labels of dimension values, each looked up once (names of operations and facilitators by id too). */
export function labels(ds: Dataset): (d: Dimension, v: DimValue) => string {
  const cache = new Map<string, string>();
  return (d, v) => {
    const key = `${d}\u0001${v}`;
    let l = cache.get(key);
    if (l === undefined) cache.set(key, (l = labelText(d, v, ds)));
    return l;
  };
}

/** A dimension's cells of a row: its value, then its label when it has a label column. */
export function dimensionCells(d: Dimension, v: DimValue, label: (d: Dimension, v: DimValue) => string): Ligne {
  const column = labelColumn(d);
  return column ? { [d]: published(d, v), [column.nom]: label(d, v) } : { [d]: published(d, v) };
}

export interface PersonMeasures extends Ligne {
  heures_realisees: Valeur;
  etp: Valeur;
  personnes: Valeur;
}

/** Person measures of one cell, hidden as a block when the cell is secret. */
export function personMeasures(p: Protection, values: Record<string, DimValue>, opts: { partDe?: Record<string, DimValue>; entreprises?: boolean } = {}): PersonMeasures {
  const cell = p.cell(values);
  const hidden = p.isHidden(values) || !cell;
  const out: PersonMeasures = {
    heures_realisees: hidden ? SECRET : round(cell.heures),
    etp: hidden ? SECRET : round(cell.heures / HEURES_ANNUELLES_ETP),
    personnes: hidden ? SECRET : cell.personnes.size,
  };
  if (opts.entreprises) out.entreprises = hidden ? SECRET : cell.entreprises;
  if (opts.partDe) {
    const parent = p.cell(opts.partDe);
    const parentHidden = p.isHidden(opts.partDe) || !parent;
    out.part_heures = hidden || parentHidden ? SECRET : ratio(cell.heures, parent.heures);
    out.part_personnes = hidden || parentHidden ? SECRET : ratio(cell.personnes.size, parent.personnes.size);
  }
  return out;
}
