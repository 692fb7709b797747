import type { z } from 'zod';
import { DEPARTEMENTS, SECTEURS_NAF, TAILLES_ENTREPRISE } from './enums.ts';
import { codeField, field, pseudonym, rowSchema } from './field.ts';

/** entreprises.csv — contractors, pseudonymised: the site never needs their names. */
export const entreprisesFields = {
  id_entreprise: field({
    kind: 'pseudonym',
    schema: pseudonym,
    required: true,
    title: { fr: "Pseudonyme de l'entreprise", en: 'Company pseudonym' },
    description: {
      fr: "Pseudonyme de l'entreprise (lettres puis chiffres) ; unique ; jamais un SIRET ni un nom.",
      en: 'Pseudonym of the company (letters then digits); unique; never a SIRET nor a name.',
    },
    example: 'E00412',
  }),
  taille: codeField(TAILLES_ENTREPRISE, {
    required: true,
    title: { fr: 'Taille', en: 'Size' },
    description: { fr: "Catégorie d'entreprise (INSEE).", en: 'Company size category (INSEE).' },
    example: 'PME',
  }),
  secteur: codeField(SECTEURS_NAF, {
    required: true,
    title: { fr: "Secteur d'activité", en: 'Sector' },
    description: { fr: 'Section de la nomenclature NAF rév. 2 (A à U).', en: 'Section of the NAF rev. 2 classification (A to U).' },
    example: 'F',
  }),
  departement: codeField(DEPARTEMENTS, {
    required: false,
    title: { fr: 'Département', en: 'Département' },
    description: {
      fr: "Département (code INSEE) de l'établissement ; facultatif ; peut être hors du territoire.",
      en: "Département (INSEE code) of the company's establishment; optional; may be outside the territory.",
    },
    example: '49',
  }),
} as const;

export const EntrepriseRowSchema = rowSchema(entreprisesFields);
export type EntrepriseRow = z.output<typeof EntrepriseRowSchema>;
