/**
 * The catalogue of published columns: the measures the tables share, and the columns of a
 * dimension (its code, its label) or of a contract field, with their titles in French and English.
 */
import type { Dataset } from '../dataset.ts';
import { HEURES_ANNUELLES_ETP } from '../indicators/codes.ts';
import { DIMENSIONS, type Dimension, type DimValue } from '../indicators/dimensions.ts';
import { UNITES } from '../indicators/headline.ts';
import { marchesFields } from '../../schemas/marches.ts';
import type { Colonne } from './types.ts';

const HEURES = UNITES.heures;
export const PCT = UNITES.pourcentage;

export const col = {
  heures_realisees: {
    nom: 'heures_realisees',
    type: 'number',
    role: 'mesure',
    titre: { fr: "Heures d'insertion réalisées", en: 'Insertion hours carried out' },
    unite: HEURES,
    decimales: 2,
  },
  etp: {
    nom: 'etp',
    type: 'number',
    role: 'mesure',
    titre: { fr: 'Équivalents temps plein', en: 'Full-time equivalents' },
    description: {
      fr: `Heures réalisées divisées par ${HEURES_ANNUELLES_ETP} (durée légale annuelle du travail).`,
      en: `Hours carried out divided by ${HEURES_ANNUELLES_ETP} (legal annual working time).`,
    },
    unite: { fr: 'ETP', en: 'FTE' },
    decimales: 2,
  },
  personnes: {
    nom: 'personnes',
    type: 'integer',
    role: 'mesure',
    titre: { fr: 'Personnes', en: 'Persons' },
    description: {
      fr: 'Personnes distinctes ayant au moins une heure réalisée dans la cellule.',
      en: 'Distinct persons with at least one hour carried out in the cell.',
    },
    unite: UNITES.personnes,
  },
  entreprises: {
    nom: 'entreprises',
    type: 'integer',
    role: 'mesure',
    titre: { fr: 'Entreprises ayant embauché', en: 'Companies that hired' },
    description: {
      fr: 'Titulaires distincts des marchés ayant des heures réalisées dans la cellule.',
      en: 'Distinct contractors of the contracts with hours carried out in the cell.',
    },
    unite: UNITES.entreprises,
  },
  part_heures: {
    nom: 'part_heures',
    type: 'number',
    role: 'mesure',
    titre: { fr: 'Part des heures', en: 'Share of hours' },
    unite: PCT,
    decimales: 2,
  },
  part_personnes: {
    nom: 'part_personnes',
    type: 'number',
    role: 'mesure',
    titre: { fr: 'Part des personnes', en: 'Share of persons' },
    unite: PCT,
    decimales: 2,
  },
  nombre_marches: {
    nom: 'nombre_marches',
    type: 'integer',
    role: 'mesure',
    titre: { fr: "Marchés avec clause d'insertion", en: 'Contracts with an insertion clause' },
    unite: UNITES.marches,
  },
  nombre_operations: {
    nom: 'nombre_operations',
    type: 'integer',
    role: 'mesure',
    titre: { fr: 'Opérations', en: 'Operations' },
    unite: UNITES.operations,
  },
  nombre_marches_critere: {
    nom: 'nombre_marches_critere',
    type: 'integer',
    role: 'mesure',
    titre: { fr: "Marchés avec critère d'attribution insertion", en: 'Contracts with an insertion award criterion' },
    unite: UNITES.marches,
  },
  heures_prevues: {
    nom: 'heures_prevues',
    type: 'number',
    role: 'mesure',
    titre: { fr: "Heures d'insertion prévues", en: 'Planned insertion hours' },
    description: {
      fr: 'Heures inscrites dans les marchés avec clause.',
      en: 'Hours written into the contracts with a clause.',
    },
    unite: HEURES,
    decimales: 2,
  },
  taux_realisation: {
    nom: 'taux_realisation',
    type: 'number',
    role: 'mesure',
    titre: { fr: 'Taux de réalisation', en: 'Completion rate' },
    description: {
      fr: 'Heures réalisées sur ces marchés divisées par les heures prévues (vide sans heures prévues).',
      en: 'Hours carried out on these contracts divided by planned hours (empty without planned hours).',
    },
    unite: PCT,
    decimales: 2,
  },
} as const satisfies Record<string, Colonne>;

export const dimensionColumn = (d: Dimension): Colonne => ({
  nom: d,
  type: DIMENSIONS[d].type,
  role: 'dimension',
  titre: DIMENSIONS[d].titre,
});

/** Name of the label column of a dimension (none for years, months and yes/no). */
export function labelColumn(d: Dimension): Colonne | undefined {
  const spec = DIMENSIONS[d];
  if (!spec.libelle || spec.type === 'boolean') return undefined;
  const nom = d === 'id_operation' ? 'nom_operation' : d === 'id_facilitateur' ? 'nom_facilitateur' : d === 'departement' ? 'nom_departement' : `libelle_${d}`;
  return {
    nom,
    type: 'string',
    role: 'dimension',
    titre: { fr: `${spec.titre.fr} (libellé)`, en: `${spec.titre.en} (label)` },
  };
}

/** The label of a dimension's value, as the label column publishes it (in French). */
export const labelText = (d: Dimension, v: DimValue, ds: Dataset): string => DIMENSIONS[d].libelle!(v, ds).fr;

/** A column of the contracts table documented by the data contract (`src/schemas/marches.ts`). */
export const contractField = (nom: keyof typeof marchesFields, type: Colonne['type'], role: Colonne['role'], extra: Partial<Colonne> = {}): Colonne => ({
  nom,
  type,
  role,
  titre: marchesFields[nom].title,
  description: marchesFields[nom].description,
  ...extra,
});

/** A dimension's column and its label column. */
export const labelled = (d: Dimension): Colonne[] => [dimensionColumn(d), labelColumn(d)!];
