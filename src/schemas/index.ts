/**
 * The manifest of the data contract: one list of tables that drives validation, the generated
 * Table Schemas and the data dictionary. Add a table here and every consumer follows.
 */
import type { TableName } from '../lib/dataset.ts';
import type { Bilingual } from '../lib/lang.ts';
import { EntrepriseRowSchema, entreprisesFields } from './entreprises.ts';
import { FacilitateurRowSchema, facilitateursFields } from './facilitateurs.ts';
import type { FieldMap } from './field.ts';
import { HeureRowSchema, heuresFields } from './heures.ts';
import { MarcheRowSchema, marchesFields } from './marches.ts';
import { OperationRowSchema, operationsFields } from './operations.ts';
import { ParticipantRowSchema, participantsFields } from './participants.ts';

/** Name of the metadata file of a publisher folder. */
export const METADATA_FILE = 'metadonnees.json';

/** Version of the data contract (docs/contrat-de-donnees.md). */
export const CONTRACT_VERSION = '2.1.0';

/** A column (or columns) whose values must exist in another table's key. */
export interface ForeignKey {
  readonly fields: readonly string[];
  readonly reference: { readonly table: TableName; readonly fields: readonly string[] };
}

/** One table of the contract. */
export interface TableDef<F extends FieldMap = FieldMap> {
  readonly name: TableName;
  /** File name inside a publisher folder. */
  readonly file: `${TableName}.csv`;
  readonly title: Bilingual;
  readonly description: Bilingual;
  readonly fields: F;
  /** Columns whose combined values are unique. */
  readonly primaryKey: readonly string[];
  readonly foreignKeys: readonly ForeignKey[];
  /** Personal data (pseudonymised): validated and aggregated, never published. */
  readonly personal: boolean;
}

/** Keeps the literal field map and checks that key columns exist. */
function table<const F extends FieldMap>(
  def: TableDef<F> & { primaryKey: readonly (keyof F & string)[]; foreignKeys: readonly (ForeignKey & { fields: readonly (keyof F & string)[] })[] },
): TableDef<F> {
  return def;
}

export const marches = table({
  name: 'marches',
  file: 'marches.csv',
  title: { fr: 'Marchés', en: 'Contracts' },
  description: {
    fr: "Marchés (ou lots) et leur clause d'insertion, alignés sur les données essentielles de la commande publique (DECP v2).",
    en: 'Contracts (or lots) and their insertion clause, aligned with the national procurement data format (DECP v2).',
  },
  fields: marchesFields,
  primaryKey: ['id_marche'],
  foreignKeys: [
    { fields: ['id_operation'], reference: { table: 'operations', fields: ['id_operation'] } },
    { fields: ['id_facilitateur'], reference: { table: 'facilitateurs', fields: ['id_facilitateur'] } },
    { fields: ['id_titulaire'], reference: { table: 'entreprises', fields: ['id_entreprise'] } },
  ],
  personal: false,
});

export const operations = table({
  name: 'operations',
  file: 'operations.csv',
  title: { fr: 'Opérations', en: 'Operations' },
  description: { fr: 'Opérations (projets regroupant des marchés).', en: 'Operations (projects grouping contracts).' },
  fields: operationsFields,
  primaryKey: ['id_operation'],
  foreignKeys: [],
  personal: false,
});

export const facilitateurs = table({
  name: 'facilitateurs',
  file: 'facilitateurs.csv',
  title: { fr: 'Facilitateurs', en: 'Facilitators' },
  description: {
    fr: "Structures qui accompagnent les entreprises et suivent la réalisation des heures d'insertion.",
    en: 'Organisations that help companies and check that insertion hours are carried out.',
  },
  fields: facilitateursFields,
  primaryKey: ['id_facilitateur'],
  foreignKeys: [],
  personal: false,
});

export const entreprises = table({
  name: 'entreprises',
  file: 'entreprises.csv',
  title: { fr: 'Entreprises titulaires', en: 'Contractors' },
  description: {
    fr: 'Entreprises titulaires des marchés, sous pseudonyme, avec leur taille et leur secteur.',
    en: 'Companies holding the contracts, under a pseudonym, with their size and sector.',
  },
  fields: entreprisesFields,
  primaryKey: ['id_entreprise'],
  foreignKeys: [],
  personal: false,
});

export const participants = table({
  name: 'participants',
  file: 'participants.csv',
  title: { fr: 'Participants', en: 'Participants' },
  description: {
    fr: 'Bénéficiaires des clauses, sous pseudonyme. Données personnelles : jamais publiées.',
    en: 'Beneficiaries of the clauses, under a pseudonym. Personal data: never published.',
  },
  fields: participantsFields,
  primaryKey: ['id_participant'],
  foreignKeys: [],
  personal: true,
});

export const heures = table({
  name: 'heures',
  file: 'heures.csv',
  title: { fr: "Heures d'insertion réalisées", en: 'Insertion hours carried out' },
  description: {
    fr: 'Heures réalisées par participant, marché et mois. Données personnelles : jamais publiées.',
    en: 'Hours carried out per participant, contract and month. Personal data: never published.',
  },
  fields: heuresFields,
  primaryKey: ['id_participant', 'id_marche', 'mois', 'type_contrat', 'type_structure'],
  foreignKeys: [
    { fields: ['id_participant'], reference: { table: 'participants', fields: ['id_participant'] } },
    { fields: ['id_marche'], reference: { table: 'marches', fields: ['id_marche'] } },
  ],
  personal: true,
});

/** Every table of a publisher folder, in the order of src/lib/dataset.ts `TABLE_NAMES`. */
export const TABLES = [marches, operations, facilitateurs, entreprises, participants, heures] as const;

/** A table of the manifest, whatever its fields. */
export type AnyTableDef = (typeof TABLES)[number];

/** The table definition of a name. */
export function tableDef(name: TableName): TableDef {
  const def = TABLES.find((t) => t.name === name);
  if (!def) throw new Error(`Unknown table ${name}`);
  return def;
}

/** The table read from a file of a publisher folder (`heures.csv`), if any. */
export function tableOfFile(file: string): TableDef | undefined {
  return TABLES.find((t) => t.file === file);
}

/** The row schema of each table, to check one row object (tests, examples). */
export const ROW_SCHEMAS = {
  marches: MarcheRowSchema,
  operations: OperationRowSchema,
  facilitateurs: FacilitateurRowSchema,
  entreprises: EntrepriseRowSchema,
  participants: ParticipantRowSchema,
  heures: HeureRowSchema,
} as const satisfies Record<TableName, unknown>;

export * from './enums.ts';
export * from './field.ts';
export { MetadonneesSchema, type Metadonnees } from './metadonnees.ts';
export { MarcheRowSchema, type MarcheRow } from './marches.ts';
export { OperationRowSchema, type OperationRow } from './operations.ts';
export { FacilitateurRowSchema, type FacilitateurRow } from './facilitateurs.ts';
export { EntrepriseRowSchema, type EntrepriseRow } from './entreprises.ts';
export { ParticipantRowSchema, type ParticipantRow } from './participants.ts';
export { HeureRowSchema, type HeureRow, MAX_HEURES_MOIS } from './heures.ts';
