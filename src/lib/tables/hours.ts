/**
 * The generic table of hours and persons read from the cells of one cube: one row per cell of
 * its dimensions, with their labels, the person measures, optional shares of a parent cell and
 * optional contract measures. Most published tables are one of these.
 */
import { contractKey, NO_CONTRACT } from '../cells/index.ts';
import { DIMENSIONS, type ContractDimension, type Dimension } from '../indicators/dimensions.ts';
import { ciblesDe, type SujetOdd } from '../sdg.ts';
import { col, dimensionColumn, labelColumn } from './columns.ts';
import { COMPANY_NOTE, SECRET_NOTE } from './notes.ts';
import { completion, round } from './round.ts';
import { dimensionCells, labels, personMeasures } from './row.ts';
import type { Colonne, Ligne, TableSpec } from './types.ts';
import type { Bilingual } from '../lang.ts';

const lc = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export interface HoursTableOptions {
  id: string;
  dims: Dimension[];
  /** Dimensions of the denominator of the shares (`[]`: the total; `['annee']`: the year). */
  partDe?: Dimension[];
  /** Add contract measures (planned hours, contracts, completion rate): 1-D contract dimension only. */
  marches?: ContractDimension;
  entreprises?: boolean;
  titre?: Bilingual;
  description?: Bilingual;
}

export function hoursTable(o: HoursTableOptions): TableSpec {
  const dimCols = o.dims.flatMap((d) => [dimensionColumn(d), labelColumn(d)].filter((c): c is Colonne => c !== undefined));
  const measures: Colonne[] = [col.heures_realisees, col.etp, col.personnes];
  if (o.entreprises) measures.push(col.entreprises);
  if (o.partDe) {
    const within = o.partDe.length === 0 ? { fr: "de l'ensemble", en: 'of the total' } : { fr: "de l'année", en: 'of the year' };
    measures.push(
      {
        ...col.part_heures,
        description: {
          fr: `Part des heures réalisées ${within.fr}.`,
          en: `Share of the hours carried out ${within.en}.`,
        },
      },
      {
        ...col.part_personnes,
        description: { fr: `Part des personnes ${within.fr}.`, en: `Share of the persons ${within.en}.` },
      },
    );
  }
  if (o.marches) measures.push(col.nombre_marches, col.heures_prevues, col.taux_realisation);
  const names = o.dims.map((d) => DIMENSIONS[d].titre);
  const by: Bilingual = {
    fr: names.map((n) => lc(n.fr)).join(' et par '),
    en: names.map((n) => lc(n.en)).join(' and by '),
  };
  const notes = o.dims.map((d) => DIMENSIONS[d].note).filter((n): n is Bilingual => n !== undefined);
  const companyNote = o.dims.some((d) => DIMENSIONS[d].entreprises) ? [COMPANY_NOTE] : [];
  const parts = [...notes, ...companyNote, SECRET_NOTE];
  const sujets: SujetOdd[] = ['heures', ...o.dims];
  return {
    id: o.id,
    titre: o.titre ?? {
      fr: `Heures réalisées et personnes par ${by.fr}`,
      en: `Hours carried out and persons by ${by.en}`,
    },
    description: o.description ?? {
      fr: [`Heures d'insertion réalisées, équivalents temps plein et personnes bénéficiaires, par ${by.fr}.`, ...parts.map((n) => n.fr)].join(' '),
      en: [`Insertion hours carried out, full-time equivalents and beneficiaries, by ${by.en}.`, ...parts.map((n) => n.en)].join(' '),
    },
    colonnes: [...dimCols, ...measures],
    cle: [...o.dims],
    odd: ciblesDe(...sujets),
    cubes: [o.dims],
    compute({ protection: p }) {
      const label = labels(p.cells.ds);
      const contracts = o.marches ? p.cells.contracts([o.marches]) : undefined;
      return p.grid(o.dims).map((values) => {
        const row: Ligne = {};
        for (const d of o.dims) Object.assign(row, dimensionCells(d, values[d]!, label));
        const partDe = o.partDe ? Object.fromEntries(o.partDe.map((d) => [d, values[d]!])) : undefined;
        Object.assign(row, personMeasures(p, values, { partDe, entreprises: o.entreprises }));
        if (o.marches && contracts) {
          const c = contracts.get(contractKey([values[o.marches]])) ?? NO_CONTRACT;
          row.nombre_marches = c.nombre_marches;
          row.heures_prevues = round(c.heures_prevues);
          row.taux_realisation = completion(row.heures_realisees, c.heures_prevues);
        }
        return row;
      });
    },
  };
}
