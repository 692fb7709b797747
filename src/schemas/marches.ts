import { z } from 'zod';
import { CONSIDERATIONS_SOCIALES, DEPARTEMENTS, PROCEDURES, SEGMENTS, TYPES_CLAUSE } from './enums.ts';
import { codeField, field, identifier, label, multiField, pseudonym, rowSchema, siret } from './field.ts';
import { SANS_OPERATION } from './operations.ts';
import { UNIT_CODE } from './profil.ts';

/** marches.csv — one row per contract (or lot) with its insertion clause; aligned with DECP v2. */
export const marchesFields = {
  id_marche: field({
    kind: 'id',
    schema: identifier,
    required: true,
    title: { fr: 'Identifiant du marché', en: 'Contract identifier' },
    description: {
      fr: 'Identifiant du marché ou du lot, celui des données essentielles (DECP `id`) ; unique.',
      en: 'Identifier of the contract or lot, as in the national procurement data (DECP `id`); unique.',
    },
    example: '2018-0042-L03',
  }),
  id_acheteur: field({
    kind: 'id',
    schema: siret,
    required: true,
    title: { fr: "SIRET de l'acheteur", en: 'Buyer SIRET' },
    description: {
      fr: "SIRET (14 chiffres, clé de contrôle juste) de l'acheteur ; égal à `siret_acheteur` des métadonnées.",
      en: "The buyer's SIRET (14 digits, with a right check digit); equals `siret_acheteur` in the metadata.",
    },
    example: '23440003400026',
  }),
  id_operation: field({
    kind: 'id',
    schema: identifier,
    required: false,
    missing: SANS_OPERATION,
    title: { fr: 'Opération', en: 'Operation' },
    description: {
      fr: `Opération à laquelle appartient le marché (→ operations.id_operation) ; vide pour un marché hors opération, publié sous ${SANS_OPERATION} (« Sans opération »).`,
      en: `Operation the contract belongs to (→ operations.id_operation); empty for a contract outside any operation, published as ${SANS_OPERATION} ("No operation").`,
    },
    example: 'OP-2018-03',
  }),
  objet: field({
    kind: 'string',
    schema: label,
    required: true,
    title: { fr: 'Objet du marché', en: 'Subject of the contract' },
    description: {
      fr: 'Objet du marché, tel que publié (250 caractères au plus).',
      en: 'Subject of the contract, as published (at most 250 characters).',
    },
    example: 'Lycée Jules Verne — lot 3 gros œuvre',
  }),
  code_cpv: field({
    kind: 'string',
    schema: z.string().regex(/^\d{8}(-\d)?$/),
    required: true,
    title: { fr: 'Code CPV', en: 'CPV code' },
    description: {
      fr: 'Code du vocabulaire commun des marchés publics (DECP `codeCPV`), 8 chiffres, clé de contrôle facultative.',
      en: 'Common Procurement Vocabulary code (DECP `codeCPV`), 8 digits, optional check digit.',
    },
    example: '45214220-8',
  }),
  segment: codeField(SEGMENTS, {
    required: true,
    title: { fr: 'Segment', en: 'Segment' },
    description: { fr: 'Nature des prestations du marché.', en: 'Nature of the contract.' },
    example: 'TRAVAUX',
  }),
  procedure: codeField(PROCEDURES, {
    required: true,
    title: { fr: 'Procédure', en: 'Procedure' },
    description: {
      fr: 'Procédure de passation (DECP `procedure` ; le libellé DECP est accepté).',
      en: 'Award procedure (DECP `procedure`; the DECP label is accepted).',
    },
    example: 'Procédure adaptée',
  }),
  date_notification: field({
    kind: 'date',
    schema: z.iso.date(),
    required: true,
    title: { fr: 'Date de notification', en: 'Notification date' },
    description: {
      fr: "Date de notification du marché ; début de l'exécution ; au plus tard la fin de la période des métadonnées (avant son début, l'exécution doit entrer dans la période).",
      en: 'Date the contract was notified; start of execution; at the latest the end of the metadata period (before its start, the execution must reach into the period).',
    },
    example: '14/03/2018',
  }),
  duree_mois: field({
    kind: 'integer',
    schema: z.int().min(1),
    required: true,
    title: { fr: 'Durée (mois)', en: 'Duration (months)' },
    description: {
      fr: "Durée d'exécution en mois : l'exécution couvre les mois [notification, notification + durée).",
      en: 'Execution length in months: execution covers the months [notification, notification + duration).',
    },
    example: '18',
  }),
  montant: field({
    kind: 'number',
    schema: z.number().min(1),
    required: true,
    euros: true,
    title: { fr: 'Montant (€ HT)', en: 'Amount (€ excl. VAT)' },
    description: {
      fr: 'Montant du marché en euros hors taxes ; le symbole € du format monétaire d’Excel est accepté.',
      en: "Contract amount in euros, excluding VAT; the € sign of Excel's currency format is accepted.",
    },
    example: '1 254 300,00',
  }),
  considerations_sociales: multiField(CONSIDERATIONS_SOCIALES, {
    required: true,
    title: { fr: 'Considérations sociales', en: 'Social considerations' },
    description: {
      fr: 'Considérations sociales DECP, séparées par `|` (libellés DECP acceptés).',
      en: 'DECP social considerations, separated by `|` (DECP labels accepted).',
    },
    example: 'CLAUSE_SOCIALE|CRITERE_SOCIAL',
  }),
  type_clause: codeField(TYPES_CLAUSE, {
    required: true,
    title: { fr: 'Type de clause', en: 'Clause type' },
    description: {
      fr: "Clause d'insertion du marché ; `AUCUNE` interdit toute heure déclarée sur ce marché.",
      en: 'Insertion clause of the contract; `AUCUNE` forbids any hours reported on this contract.',
    },
    example: 'EXECUTION',
  }),
  critere_attribution: field({
    kind: 'boolean',
    schema: z.boolean(),
    required: true,
    title: { fr: "Critère d'attribution", en: 'Award criterion' },
    description: {
      fr: "L'insertion est un critère d'attribution ; si oui, considerations_sociales contient CRITERE_SOCIAL.",
      en: 'Insertion is an award criterion; if so, considerations_sociales contains CRITERE_SOCIAL.',
    },
    example: 'non',
  }),
  heures_prevues: field({
    kind: 'number',
    schema: z.number().min(0),
    required: true,
    title: { fr: 'Heures prévues', en: 'Planned hours' },
    description: {
      fr: "Heures d'insertion prévues par la clause.",
      en: 'Insertion hours planned by the clause.',
    },
    example: '1 200',
  }),
  // The publisher's own units: the codes of `profil.directions` in its metadata (checked there), any code without it.
  direction: field({
    kind: 'code',
    schema: z.string().regex(UNIT_CODE),
    required: true,
    title: { fr: 'Direction', en: 'Directorate' },
    description: {
      fr: "Direction (ou service) de l'acheteur qui exécute le marché : un code de la liste profil.directions des métadonnées (majuscules, chiffres, « _ »).",
      en: "The buyer's directorate (or unit) executing the contract: a code of the metadata list profil.directions (capitals, digits, « _ »).",
    },
    example: 'COLLEGES',
  }),
  departement: codeField(DEPARTEMENTS, {
    required: true,
    territorial: true,
    title: { fr: 'Département', en: 'Département' },
    description: {
      fr: "Département (code INSEE) du lieu d'exécution ; l'un des départements des métadonnées.",
      en: 'Département (INSEE code) where the contract is executed; one of the metadata départements.',
    },
    example: '44',
  }),
  id_facilitateur: field({
    kind: 'id',
    schema: identifier,
    required: true,
    title: { fr: 'Facilitateur', en: 'Facilitator' },
    description: {
      fr: 'Facilitateur qui suit la clause (→ facilitateurs.id_facilitateur).',
      en: 'Facilitator following the clause (→ facilitateurs.id_facilitateur).',
    },
    example: 'FAC-44-NANTES',
  }),
  id_titulaire: field({
    kind: 'pseudonym',
    schema: pseudonym,
    required: true,
    title: { fr: 'Titulaire', en: 'Contractor' },
    description: {
      fr: 'Pseudonyme du titulaire (→ entreprises.id_entreprise).',
      en: 'Pseudonym of the contractor (→ entreprises.id_entreprise).',
    },
    example: 'E00412',
  }),
} as const;

export const MarcheRowSchema = rowSchema(marchesFields);
export type MarcheRow = z.output<typeof MarcheRowSchema>;
