/**
 * Step 5 of the pipeline (src/lib/pipeline.ts): the published tables, read from the protected
 * cells. `TABLES` lists them; this one array feeds the pipeline (the cubes it computes and
 * protects, then this step), the data page, the datapackage and the site's routes. A table's
 * rows are read from the protected cells (`TableInput`): no table computes a figure of its own.
 *
 *   columns.ts            the catalogue of published columns (measures, dimensions, labels)
 *   round.ts              rounding, shares and completion rate, done once when rows are computed
 *   row.ts                the cells of a row: a dimension's value and label, a cell's person measures
 *   hours.ts              the generic table of one cube (most tables): hours and persons by …
 *   synthese.ts, chiffres-cles.ts, marches-par-annee.ts, marches.ts   the one-off tables
 */
import { CONTRACT_DIMENSIONS, DIMENSIONS, type ContractDimension, type Dimension } from '../indicators/dimensions.ts';
import { chiffresCles } from './chiffres-cles.ts';
import { hoursTable } from './hours.ts';
import { marches } from './marches.ts';
import { marchesParAnnee, marchesParAnneeEtSegment } from './marches-par-annee.ts';
import { synthese } from './synthese.ts';
import type { TableSpec } from './types.ts';

export * from './types.ts';
export { round } from './round.ts';

/** File names of the tables of each breakdown (`heures-par-<slug>`). */
const SLUGS: Partial<Record<Dimension, string>> = {
  segment: 'segment',
  direction: 'direction',
  departement: 'departement',
  type_clause: 'type-de-clause',
  id_operation: 'operation',
  id_facilitateur: 'facilitateur',
  type_contrat: 'type-de-contrat',
  modalite: 'modalite',
  type_structure: 'type-de-structure',
  sexe: 'sexe',
  tranche_age: 'tranche-d-age',
  niveau_formation: 'niveau-de-formation',
  public: 'public',
  qpv: 'qpv',
  rqth: 'rqth',
  situation_sortie: 'situation-a-la-sortie',
  taille_entreprise: 'taille-d-entreprise',
  secteur_entreprise: 'secteur-d-activite',
};

/** Breakdowns published by themselves (margin) and by year (trend). */
const BY_YEAR: Dimension[] = [
  'segment',
  'direction',
  'departement',
  'type_clause',
  'type_contrat',
  'modalite',
  'type_structure',
  'sexe',
  'tranche_age',
  'niveau_formation',
  'public',
  'qpv',
  'rqth',
  'situation_sortie',
  'taille_entreprise',
  'secteur_entreprise',
];
/** Breakdowns published by themselves only (many values: a table by year would be mostly secret). */
const ALONE: Dimension[] = ['id_operation', 'id_facilitateur'];

const isContractDim = (d: Dimension): d is ContractDimension => (CONTRACT_DIMENSIONS as readonly string[]).includes(d);

export const TABLES: readonly TableSpec[] = [
  chiffresCles,
  synthese,
  hoursTable({ id: 'heures-par-annee', dims: ['annee'], partDe: [], entreprises: true }),
  hoursTable({ id: 'heures-par-mois', dims: ['mois'] }),
  marchesParAnnee,
  marchesParAnneeEtSegment,
  marches,
  ...[...BY_YEAR, ...ALONE].map((d) =>
    hoursTable({
      id: `heures-par-${SLUGS[d]}`,
      dims: [d],
      partDe: [],
      marches: isContractDim(d) ? d : undefined,
      entreprises: DIMENSIONS[d].entreprises,
    }),
  ),
  ...BY_YEAR.map((d) =>
    hoursTable({
      id: `heures-par-annee-et-${SLUGS[d]}`,
      dims: ['annee', d],
      partDe: ['annee'],
      entreprises: DIMENSIONS[d].entreprises,
    }),
  ),
];

/** The table with this id (throws on an unknown id: ids are stable, a typo is a bug). */
export function table(id: string): TableSpec {
  const t = TABLES.find((x) => x.id === id);
  if (!t) throw new Error(`Table inconnue / unknown table: ${id}`);
  return t;
}
