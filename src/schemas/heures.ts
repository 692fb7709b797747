import { z } from 'zod';
import { MODALITES, TYPES_CONTRAT, TYPES_STRUCTURE } from './enums.ts';
import { codeField, field, identifier, pseudonym, rowSchema } from './field.ts';

/**
 * Legal ceiling of hours a person can work in a month: 48 h a week × 52 weeks / 12 months.
 * Bounds one row and the sum of a person's rows in a month.
 */
export const MAX_HEURES_MOIS = 208;

/** heures.csv — hours carried out, participant × contract × month. Personal data: never published. */
export const heuresFields = {
  id_participant: field({
    kind: 'pseudonym',
    schema: pseudonym,
    required: true,
    title: { fr: 'Participant', en: 'Participant' },
    description: { fr: 'Pseudonyme du participant (→ participants).', en: 'Pseudonym of the participant (→ participants).' },
    example: 'P001234',
  }),
  id_marche: field({
    kind: 'id',
    schema: identifier,
    required: true,
    title: { fr: 'Marché', en: 'Contract' },
    description: { fr: 'Marché sur lequel les heures sont réalisées (→ marches).', en: 'Contract the hours were carried out on (→ marches).' },
    example: '2018-0042-L03',
  }),
  mois: field({
    kind: 'month',
    schema: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    required: true,
    title: { fr: 'Mois', en: 'Month' },
    description: {
      fr: "Mois de réalisation ; dans la période des métadonnées et dans l'exécution du marché.",
      en: "Month the hours were carried out; inside the metadata period and the contract's execution.",
    },
    example: '03/2018',
  }),
  heures: field({
    kind: 'number',
    schema: z.number().positive().max(MAX_HEURES_MOIS),
    required: true,
    title: { fr: 'Heures réalisées', en: 'Hours carried out' },
    description: {
      fr: `Heures d'insertion réalisées dans le mois (> 0, ≤ ${MAX_HEURES_MOIS}) ; la somme par participant et par mois ne dépasse pas ${MAX_HEURES_MOIS}.`,
      en: `Insertion hours carried out in the month (> 0, ≤ ${MAX_HEURES_MOIS}); a participant's total in a month is at most ${MAX_HEURES_MOIS}.`,
    },
    example: '151,67',
  }),
  type_contrat: codeField(TYPES_CONTRAT, {
    required: true,
    title: { fr: 'Type de contrat', en: 'Contract type' },
    description: { fr: 'Contrat de travail de la personne pour ces heures.', en: "The person's employment contract for these hours." },
    example: 'CDDI',
  }),
  modalite: codeField(MODALITES, {
    required: true,
    title: { fr: 'Modalité', en: 'Arrangement' },
    description: { fr: 'Comment les heures ont été réalisées.', en: 'How the hours were carried out.' },
    example: 'MISE_A_DISPOSITION',
  }),
  type_structure: codeField(TYPES_STRUCTURE, {
    required: true,
    title: { fr: 'Structure employeuse', en: 'Employing organisation' },
    description: {
      fr: 'Qui emploie la personne : le titulaire ou une structure (SIAE : ETTI, AI, EI, ACI, EITI ; GEIQ…).',
      en: 'Who employs the person: the contractor or an organisation (SIAE: ETTI, AI, EI, ACI, EITI; GEIQ…).',
    },
    example: 'ETTI',
  }),
} as const;

export const HeureRowSchema = rowSchema(heuresFields);
export type HeureRow = z.output<typeof HeureRowSchema>;
