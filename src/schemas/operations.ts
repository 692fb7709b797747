import type { z } from 'zod';
import { DEPARTEMENTS } from './enums.ts';
import { codeField, field, identifier, label, rowSchema } from './field.ts';

/**
 * The operation of a contract that belongs to none (`marches.id_operation` left empty): a value of
 * its own in the dataset and the published tables (« Sans opération »), never an operation's id.
 */
export const SANS_OPERATION = 'SANS_OPERATION';

/** operations.csv — operations (projects grouping contracts); public. */
export const operationsFields = {
  id_operation: field({
    kind: 'id',
    schema: identifier.refine((id) => id !== SANS_OPERATION, {
      message: `${SANS_OPERATION} est réservé aux marchés hors opération / ${SANS_OPERATION} is reserved for contracts outside any operation`,
    }),
    required: true,
    title: { fr: "Identifiant de l'opération", en: 'Operation identifier' },
    description: {
      fr: `Identifiant de l'opération ; unique ; ${SANS_OPERATION} est réservé.`,
      en: `Identifier of the operation; unique; ${SANS_OPERATION} is reserved.`,
    },
    example: 'OP-2018-03',
  }),
  nom_operation: field({
    kind: 'string',
    schema: label,
    required: true,
    title: { fr: "Nom de l'opération", en: 'Operation name' },
    description: {
      fr: "Libellé public de l'opération (250 caractères au plus).",
      en: 'Public name of the operation (at most 250 characters).',
    },
    example: 'Lycée Jules Verne — restructuration',
  }),
  departement: codeField(DEPARTEMENTS, {
    required: true,
    territorial: true,
    title: { fr: 'Département', en: 'Département' },
    description: {
      fr: "Département (code INSEE) de l'opération ; l'un des départements des métadonnées.",
      en: 'Département (INSEE code) of the operation; one of the metadata départements.',
    },
    example: '44',
  }),
} as const;

export const OperationRowSchema = rowSchema(operationsFields);
export type OperationRow = z.output<typeof OperationRowSchema>;
