import type { z } from 'zod';
import { DEPARTEMENTS, TYPES_FACILITATEUR } from './enums.ts';
import { codeField, field, identifier, label, rowSchema } from './field.ts';

/** facilitateurs.csv — structures that help companies and check the hours; public. */
export const facilitateursFields = {
  id_facilitateur: field({
    kind: 'id',
    schema: identifier,
    required: true,
    title: { fr: 'Identifiant du facilitateur', en: 'Facilitator identifier' },
    description: { fr: 'Identifiant du facilitateur ; unique.', en: 'Identifier of the facilitator; unique.' },
    example: 'FAC-44-NANTES',
  }),
  nom_facilitateur: field({
    kind: 'string',
    schema: label,
    required: true,
    title: { fr: 'Nom du facilitateur', en: 'Facilitator name' },
    description: {
      fr: "Nom public de la structure (jamais le nom d'une personne).",
      en: 'Public name of the organisation (never the name of a person).',
    },
    example: "Maison de l'emploi de la métropole nantaise",
  }),
  type_facilitateur: codeField(TYPES_FACILITATEUR, {
    required: true,
    title: { fr: 'Type de facilitateur', en: 'Facilitator type' },
    description: { fr: 'Nature de la structure.', en: 'Kind of organisation.' },
    example: 'MAISON_EMPLOI',
  }),
  departement: codeField(DEPARTEMENTS, {
    required: true,
    territorial: true,
    title: { fr: 'Département', en: 'Département' },
    description: {
      fr: "Département (code INSEE) d'intervention ; l'un des départements des métadonnées.",
      en: 'Département (INSEE code) where the facilitator works; one of the metadata départements.',
    },
    example: '44',
  }),
} as const;

export const FacilitateurRowSchema = rowSchema(facilitateursFields);
export type FacilitateurRow = z.output<typeof FacilitateurRowSchema>;
