/** Contracts with a clause by year of notification, and by year and segment. */
import { contractKey, NO_CONTRACT } from '../cells/index.ts';
import { ciblesDe } from '../sdg.ts';
import { col, dimensionColumn, labelColumn, labelText, PCT } from './columns.ts';
import { SECRET_NOTE } from './notes.ts';
import { completion, ratio, round } from './round.ts';
import { personMeasures } from './row.ts';
import type { TableSpec } from './types.ts';

export const marchesParAnnee: TableSpec = {
  id: 'marches-par-annee',
  titre: { fr: 'Marchés avec clause par année de notification', en: 'Contracts with a clause by year of notification' },
  description: {
    fr:
      "Marchés avec clause d'insertion notifiés chaque année : nombre, opérations, critère d'attribution, part des marchés de services, heures prévues, puis heures réalisées sur ces marchés (quelle que soit l'année de réalisation), personnes et taux de réalisation. " +
      SECRET_NOTE.fr,
    en:
      'Contracts with an insertion clause notified each year: count, operations, award criterion, share of service contracts, planned hours, then hours carried out on these contracts (whatever the year they were carried out), persons and completion rate. ' +
      SECRET_NOTE.en,
  },
  colonnes: [
    dimensionColumn('annee_notification'),
    col.nombre_marches,
    col.nombre_operations,
    col.nombre_marches_critere,
    {
      nom: 'part_marches_services',
      type: 'number',
      role: 'mesure',
      titre: { fr: 'Part des marchés de services', en: 'Share of service contracts' },
      description: {
        fr: 'Marchés du segment « services » divisés par les marchés avec clause de l’année.',
        en: 'Contracts of the "services" segment divided by the contracts with a clause of the year.',
      },
      unite: PCT,
      decimales: 2,
    },
    col.heures_prevues,
    col.heures_realisees,
    col.etp,
    col.personnes,
    col.taux_realisation,
  ],
  cle: ['annee_notification'],
  odd: ciblesDe('marches', 'heures'),
  cubes: [['annee_notification']],
  compute({ protection: p }) {
    const contracts = p.cells.contracts(['annee_notification']);
    const bySegment = p.cells.contracts(['annee_notification', 'segment']);
    return p.grid(['annee_notification']).map((values) => {
      const year = String(values.annee_notification);
      const c = contracts.get(contractKey([year])) ?? NO_CONTRACT;
      const m = personMeasures(p, values);
      return {
        annee_notification: Number(year),
        nombre_marches: c.nombre_marches,
        nombre_operations: c.nombre_operations,
        nombre_marches_critere: c.nombre_marches_critere,
        part_marches_services: ratio((bySegment.get(contractKey([year, 'SERVICES'])) ?? NO_CONTRACT).nombre_marches, c.nombre_marches),
        heures_prevues: round(c.heures_prevues),
        heures_realisees: m.heures_realisees,
        etp: m.etp,
        personnes: m.personnes,
        taux_realisation: completion(m.heures_realisees, c.heures_prevues),
      };
    });
  },
};

export const marchesParAnneeEtSegment: TableSpec = {
  id: 'marches-par-annee-et-segment',
  titre: {
    fr: 'Marchés avec clause par année de notification et segment',
    en: 'Contracts with a clause by year of notification and segment',
  },
  description: {
    fr: "Nombre de marchés avec clause d'insertion, opérations et heures prévues par année de notification et segment d'achat (travaux, services, fournitures, prestations intellectuelles), et part de chaque segment dans les marchés de l'année. Données sur les marchés : pas de secret.",
    en: 'Number of contracts with an insertion clause, operations and planned hours by year of notification and segment (works, services, supplies, intellectual services), and the share of each segment in the year’s contracts. Contract data: no secrecy applies.',
  },
  colonnes: [
    dimensionColumn('annee_notification'),
    dimensionColumn('segment'),
    labelColumn('segment')!,
    col.nombre_marches,
    col.nombre_operations,
    col.heures_prevues,
    {
      nom: 'part_marches',
      type: 'number',
      role: 'mesure',
      titre: { fr: "Part des marchés de l'année", en: 'Share of the year’s contracts' },
      unite: PCT,
      decimales: 2,
    },
  ],
  cle: ['annee_notification', 'segment'],
  odd: ciblesDe('marches'),
  cubes: [],
  compute({ protection: p }) {
    const byYear = p.cells.contracts(['annee_notification']);
    const cells = p.cells.contracts(['annee_notification', 'segment']);
    return p.grid(['annee_notification', 'segment']).map((values) => {
      const year = String(values.annee_notification);
      const c = cells.get(contractKey([year, values.segment])) ?? NO_CONTRACT;
      return {
        annee_notification: Number(year),
        segment: String(values.segment),
        libelle_segment: labelText('segment', values.segment!, p.cells.ds),
        nombre_marches: c.nombre_marches,
        nombre_operations: c.nombre_operations,
        heures_prevues: round(c.heures_prevues),
        part_marches: ratio(c.nombre_marches, (byYear.get(contractKey([year])) ?? NO_CONTRACT).nombre_marches),
      };
    });
  },
};
