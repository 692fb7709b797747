import { z } from 'zod';
import { NIVEAUX_FORMATION, PUBLICS, SEXES, SITUATIONS_SORTIE, TRANCHES_AGE } from './enums.ts';
import { codeField, field, multiField, pseudonym, rowSchema } from './field.ts';

/** participants.csv — beneficiaries, pseudonymised. Personal data: never published. */
export const participantsFields = {
  id_participant: field({
    kind: 'pseudonym',
    schema: pseudonym,
    required: true,
    title: { fr: 'Pseudonyme du participant', en: 'Participant pseudonym' },
    description: {
      fr: 'Pseudonyme de la personne (lettres puis chiffres) ; unique ; aucune donnée d’identité.',
      en: 'Pseudonym of the person (letters then digits); unique; no identity data.',
    },
    example: 'P001234',
  }),
  sexe: codeField(SEXES, {
    required: true,
    title: { fr: 'Sexe', en: 'Sex' },
    description: { fr: 'F (femme) ou H (homme).', en: 'F (woman) or H (man).' },
    example: 'F',
  }),
  tranche_age: codeField(TRANCHES_AGE, {
    required: true,
    title: { fr: "Tranche d'âge", en: 'Age band' },
    description: { fr: "Âge à l'entrée dans le parcours.", en: 'Age when the person started.' },
    example: 'MOINS_26',
  }),
  niveau_formation: codeField(NIVEAUX_FORMATION, {
    required: true,
    title: { fr: 'Niveau de formation', en: 'Education level' },
    description: { fr: 'Plus haut diplôme obtenu (nomenclature des niveaux).', en: 'Highest qualification (French level scale).' },
    example: 'NIVEAU_3',
  }),
  publics: multiField(PUBLICS, {
    required: true,
    title: { fr: 'Publics', en: 'Target groups' },
    description: {
      fr: "Catégories de publics éloignés de l'emploi (critères d'éligibilité IAE/GEIQ), séparées par `|`.",
      en: 'Categories of people far from employment (IAE/GEIQ eligibility criteria), separated by `|`.',
    },
    example: 'RSA|QPV',
  }),
  qpv: field({
    kind: 'boolean',
    schema: z.boolean(),
    required: true,
    title: { fr: 'Résident QPV', en: 'QPV resident' },
    description: {
      fr: 'Réside dans un quartier prioritaire de la politique de la ville.',
      en: 'Lives in a priority urban neighbourhood (QPV).',
    },
    example: 'oui',
  }),
  rqth: field({
    kind: 'boolean',
    schema: z.boolean(),
    required: true,
    title: { fr: 'RQTH', en: 'Recognised disability' },
    description: {
      fr: 'Bénéficie d’une reconnaissance de la qualité de travailleur handicapé.',
      en: 'Holds a recognition as a disabled worker (RQTH).',
    },
    example: 'non',
  }),
  situation_sortie: codeField(SITUATIONS_SORTIE, {
    required: true,
    title: { fr: 'Situation à la sortie', en: 'Situation after the clause' },
    description: {
      fr: 'Situation de la personne à la fin de son parcours sur la clause.',
      en: 'Situation of the person at the end of their time on the clause.',
    },
    example: 'EMPLOI_DURABLE',
  }),
} as const;

export const ParticipantRowSchema = rowSchema(participantsFields);
export type ParticipantRow = z.output<typeof ParticipantRowSchema>;
