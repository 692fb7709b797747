import { contractKey, NO_CONTRACT } from '../cells/index.ts';
import { facilitatorsCount } from '../indicators/measures.ts';
import { ciblesDe } from '../sdg.ts';
import { col } from './columns.ts';
import { completion, round } from './round.ts';
import { personMeasures } from './row.ts';
import type { TableSpec } from './types.ts';

/** One row: the totals of the scheme over the whole period. */
export const synthese: TableSpec = {
  id: 'synthese',
  titre: { fr: 'Synthèse du dispositif', en: 'Summary of the scheme' },
  description: {
    fr: "Une ligne : marchés avec clause, opérations, heures prévues et réalisées, taux de réalisation, équivalents temps plein, personnes, entreprises ayant embauché et facilitateurs, sur toute la période. C'est le total de toutes les autres tables.",
    en: 'One row: contracts with a clause, operations, planned and carried out hours, completion rate, full-time equivalents, persons, companies that hired and facilitators, over the whole period. It is the total of every other table.',
  },
  colonnes: [
    col.nombre_marches,
    col.nombre_operations,
    col.nombre_marches_critere,
    col.heures_prevues,
    col.heures_realisees,
    col.taux_realisation,
    col.etp,
    col.personnes,
    col.entreprises,
    {
      nom: 'facilitateurs',
      type: 'integer',
      role: 'mesure',
      titre: { fr: 'Facilitateurs', en: 'Facilitators' },
      unite: { fr: 'structures', en: 'organisations' },
    },
  ],
  cle: [],
  odd: ciblesDe('heures', 'marches', 'id_facilitateur'),
  cubes: [[]],
  compute({ protection: p }) {
    const c = p.cells.contracts([]).get(contractKey([])) ?? NO_CONTRACT;
    const m = personMeasures(p, {});
    return [
      {
        nombre_marches: c.nombre_marches,
        nombre_operations: c.nombre_operations,
        nombre_marches_critere: c.nombre_marches_critere,
        heures_prevues: round(c.heures_prevues),
        heures_realisees: m.heures_realisees,
        taux_realisation: completion(m.heures_realisees, c.heures_prevues),
        etp: m.etp,
        personnes: m.personnes,
        // Companies are not persons: the count of contractors that hired is public procurement data.
        entreprises: p.cells.cell({})!.entreprises,
        facilitateurs: facilitatorsCount(p.cells.ds),
      },
    ];
  },
};
