import { SANS_OPERATION } from '../../schemas/operations.ts';
import type { Dataset } from '../dataset.ts';
import { DictionaryColumn } from '../columns/index.ts';
import {
  DEPARTEMENTS,
  FAMILLES_CONTRAT,
  FAMILLES_STRUCTURE,
  MODALITES,
  NIVEAUX_FORMATION,
  PUBLICS,
  SECTEURS,
  SEGMENTS,
  SEXES,
  SITUATIONS_SORTIE,
  SIAE,
  ALTERNANCE,
  TAILLES_ENTREPRISE,
  TRANCHES_AGE,
  TYPES_CLAUSE,
  TYPES_CONTRAT,
  TYPES_STRUCTURE,
  libelle,
  type CodeList,
} from './codes.ts';
import type { Bilingual } from '../lang.ts';

/** A breakdown dimension: a column of `hoursDetail` (and, for contract dimensions, of contracts). */
export type Dimension =
  | 'annee'
  | 'mois'
  | 'annee_notification'
  | 'segment'
  | 'direction'
  | 'departement'
  | 'type_clause'
  | 'id_operation'
  | 'id_facilitateur'
  | 'type_contrat'
  | 'famille_contrat'
  | 'modalite'
  | 'type_structure'
  | 'famille_structure'
  | 'sexe'
  | 'tranche_age'
  | 'niveau_formation'
  | 'public'
  | 'qpv'
  | 'rqth'
  | 'situation_sortie'
  | 'taille_entreprise'
  | 'secteur_entreprise';

/** Value of a dimension: a code, an id, a `YYYY` year, a `YYYY-MM` month or a boolean. */
export type DimValue = string | boolean;

/** Dimensions that are attributes of a contract (usable on contracts as well as on hours). */
export const CONTRACT_DIMENSIONS = ['annee_notification', 'segment', 'direction', 'departement', 'type_clause', 'id_operation', 'id_facilitateur'] as const satisfies readonly Dimension[];
export type ContractDimension = (typeof CONTRACT_DIMENSIONS)[number];

export interface DimensionSpec {
  nom: Dimension;
  titre: Bilingual;
  /** Table Schema type of the published column. */
  type: 'string' | 'year' | 'yearmonth' | 'boolean';
  /** Where the attribute comes from. */
  source: 'heure' | 'marche' | 'participant' | 'entreprise';
  /** Every value the dimension can take, in publication order (complete tables, stable shapes). */
  domaine(ds: Dataset): DimValue[];
  /** Public label of a value (codes, départements, operation and facilitator names). */
  libelle?(value: DimValue, ds: Dataset): Bilingual;
  /** Coarser dimension this one nests in (a month in its year, a structure type in SIAE / other). */
  parent?: { dimension: Dimension; valeur(value: DimValue): DimValue };
  /** Multi-valued: a person counts in each of their values, so cells do not add up to the total. */
  multiple?: boolean;
  /** Company dimension: cells also follow the INSEE rule (≥ 3 companies, none above 85 % of hours). */
  entreprises?: boolean;
  /** Note shown with tables broken down by this dimension. */
  note?: Bilingual;
}

const codes = (list: CodeList) => (): DimValue[] => Object.keys(list);
const label =
  (list: CodeList) =>
  (value: DimValue): Bilingual =>
    libelle(list, String(value));

function years(ds: Dataset): DimValue[] {
  const first = Number(ds.meta.periode.debut.slice(0, 4));
  const last = Number(ds.meta.periode.fin.slice(0, 4));
  const out: string[] = [];
  for (let y = first; y <= last; y++) out.push(String(y));
  return out;
}

/**
 * Years of notification: from the earliest contract (a contract notified before the period
 * belongs to it when its execution reaches into it, src/lib/validate/rules.ts) to the period's
 * last year. Its hours are counted in the years they were carried out (`annee`).
 */
function notificationYears(ds: Dataset): DimValue[] {
  let first = Number(ds.meta.periode.debut.slice(0, 4));
  const column = ds.marches.column('date_notification');
  const dates = column instanceof DictionaryColumn ? column.values : (ds.marches.array('date_notification') as readonly unknown[]);
  for (const d of dates) if (typeof d === 'string' && d !== '') first = Math.min(first, Number(d.slice(0, 4)));
  const last = Number(ds.meta.periode.fin.slice(0, 4));
  const out: string[] = [];
  for (let y = first; y <= last; y++) out.push(String(y));
  return out;
}

/** Operations: their ids in order, then « Sans opération » when some contract is outside any. */
function operationIds(ds: Dataset): DimValue[] {
  const ids: DimValue[] = column(ds, 'operations', 'id_operation');
  const outside = ds.marches.array('id_operation') as unknown as ArrayLike<unknown>;
  for (let i = 0; i < outside.length; i++) {
    if (outside[i] === SANS_OPERATION) {
      ids.push(SANS_OPERATION);
      break;
    }
  }
  return ids;
}

const NO_OPERATION: Bilingual = { fr: 'Sans opération', en: 'No operation' };

function months(ds: Dataset): DimValue[] {
  const out: string[] = [];
  const end = ds.meta.periode.fin.slice(0, 7);
  let [y, m] = ds.meta.periode.debut.slice(0, 7).split('-').map(Number) as [number, number];
  for (let s = ym(y, m); s <= end; s = ym(y, m)) {
    out.push(s);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}
const ym = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

function column(ds: Dataset, table: 'operations' | 'facilitateurs', id: string): string[] {
  return [...(ds[table].array(id) as string[])].sort();
}

/** Per table and id column, each id's name (its first row, as `indexOf` would find it). */
const namesById = new WeakMap<object, Map<string, Map<unknown, string>>>();

function lookupName(ds: Dataset, table: 'operations' | 'facilitateurs', id: string, name: string, value: DimValue): Bilingual {
  // One Map per table, not a scan per value: the table of hours by operation asks for every
  // operation's name (104,000 at ×1000: 340 s of indexOf).
  let byColumn = namesById.get(ds[table]);
  if (!byColumn) namesById.set(ds[table], (byColumn = new Map<string, Map<unknown, string>>()));
  const key = `${id}\u0000${name}`;
  let names = byColumn.get(key);
  if (!names) {
    names = new Map();
    const ids = ds[table].array(id);
    const labels = ds[table].array(name);
    for (let i = 0; i < ids.length; i++) if (!names.has(ids[i])) names.set(ids[i], String(labels[i]));
    byColumn.set(key, names);
  }
  const found = names.get(value) ?? String(value);
  return { fr: found, en: found };
}

const yesNo: Bilingual[] = [
  { fr: 'Oui', en: 'Yes' },
  { fr: 'Non', en: 'No' },
];

/** The catalogue of breakdown dimensions. */
export const DIMENSIONS: Record<Dimension, DimensionSpec> = {
  annee: {
    nom: 'annee',
    titre: { fr: 'Année de réalisation des heures', en: 'Year the hours were carried out' },
    type: 'year',
    source: 'heure',
    domaine: years,
  },
  mois: {
    nom: 'mois',
    titre: { fr: 'Mois de réalisation des heures', en: 'Month the hours were carried out' },
    type: 'yearmonth',
    source: 'heure',
    domaine: months,
    parent: { dimension: 'annee', valeur: (v) => String(v).slice(0, 4) },
  },
  annee_notification: {
    nom: 'annee_notification',
    titre: { fr: 'Année de notification du marché', en: 'Year the contract was notified' },
    type: 'year',
    source: 'marche',
    domaine: notificationYears,
  },
  segment: {
    nom: 'segment',
    titre: { fr: 'Segment d’achat', en: 'Contract segment' },
    type: 'string',
    source: 'marche',
    domaine: codes(SEGMENTS),
    libelle: label(SEGMENTS),
  },
  direction: {
    nom: 'direction',
    titre: { fr: 'Direction exécutant le marché', en: 'Executing directorate' },
    type: 'string',
    source: 'marche',
    // The publisher's own list (`profil.directions`), else the codes its contracts use.
    domaine: (ds) => ds.meta.profil?.directions?.map((d) => d.code) ?? [...new Set(ds.marches.array('direction') as string[])].sort(),
    libelle: (value, ds) => {
      const d = ds.meta.profil?.directions?.find((x) => x.code === value);
      return d ? { fr: d.fr, en: d.en } : { fr: String(value), en: String(value) };
    },
  },
  departement: {
    nom: 'departement',
    titre: { fr: "Département d'exécution du marché", en: 'Département where the contract is carried out' },
    type: 'string',
    source: 'marche',
    domaine: (ds) => [...ds.meta.departements],
    libelle: label(DEPARTEMENTS),
  },
  type_clause: {
    nom: 'type_clause',
    titre: { fr: 'Type de clause', en: 'Clause type' },
    type: 'string',
    source: 'marche',
    domaine: codes(TYPES_CLAUSE),
    libelle: label(TYPES_CLAUSE),
  },
  id_operation: {
    nom: 'id_operation',
    titre: { fr: 'Opération', en: 'Operation' },
    type: 'string',
    source: 'marche',
    domaine: operationIds,
    libelle: (v, ds) => (v === SANS_OPERATION ? NO_OPERATION : lookupName(ds, 'operations', 'id_operation', 'nom_operation', v)),
  },
  id_facilitateur: {
    nom: 'id_facilitateur',
    titre: { fr: 'Facilitateur', en: 'Facilitator' },
    type: 'string',
    source: 'marche',
    domaine: (ds) => column(ds, 'facilitateurs', 'id_facilitateur'),
    libelle: (v, ds) => lookupName(ds, 'facilitateurs', 'id_facilitateur', 'nom_facilitateur', v),
  },
  type_contrat: {
    nom: 'type_contrat',
    titre: { fr: 'Type de contrat de travail', en: 'Employment contract type' },
    type: 'string',
    source: 'heure',
    domaine: codes(TYPES_CONTRAT),
    libelle: label(TYPES_CONTRAT),
    parent: {
      dimension: 'famille_contrat',
      valeur: (v) => (ALTERNANCE.has(String(v)) ? 'ALTERNANCE' : 'HORS_ALTERNANCE'),
    },
    note: {
      fr: 'Une personne ayant eu plusieurs types de contrat compte dans chacun.',
      en: 'A person who had several contract types counts in each.',
    },
  },
  famille_contrat: {
    nom: 'famille_contrat',
    titre: { fr: 'Alternance ou autre contrat', en: 'Work-study or other contract' },
    type: 'string',
    source: 'heure',
    domaine: codes(FAMILLES_CONTRAT),
    libelle: label(FAMILLES_CONTRAT),
  },
  modalite: {
    nom: 'modalite',
    titre: { fr: 'Modalité de réalisation', en: 'How the hours were carried out' },
    type: 'string',
    source: 'heure',
    domaine: codes(MODALITES),
    libelle: label(MODALITES),
    note: {
      fr: 'Une personne passée par plusieurs modalités compte dans chacune.',
      en: 'A person who went through several arrangements counts in each.',
    },
  },
  type_structure: {
    nom: 'type_structure',
    titre: { fr: 'Type de structure employeuse', en: 'Type of employing structure' },
    type: 'string',
    source: 'heure',
    domaine: codes(TYPES_STRUCTURE),
    libelle: label(TYPES_STRUCTURE),
    parent: {
      dimension: 'famille_structure',
      valeur: (v) => (SIAE.has(String(v)) ? 'SIAE' : 'HORS_SIAE'),
    },
    note: {
      fr: 'Une personne passée par plusieurs structures compte dans chacune.',
      en: 'A person who went through several structures counts in each.',
    },
  },
  famille_structure: {
    nom: 'famille_structure',
    titre: { fr: 'SIAE ou autre structure', en: 'SIAE or other structure' },
    type: 'string',
    source: 'heure',
    domaine: codes(FAMILLES_STRUCTURE),
    libelle: label(FAMILLES_STRUCTURE),
  },
  sexe: {
    nom: 'sexe',
    titre: { fr: 'Sexe', en: 'Sex' },
    type: 'string',
    source: 'participant',
    domaine: codes(SEXES),
    libelle: label(SEXES),
  },
  tranche_age: {
    nom: 'tranche_age',
    titre: { fr: "Tranche d'âge à l'entrée", en: 'Age band at entry' },
    type: 'string',
    source: 'participant',
    domaine: codes(TRANCHES_AGE),
    libelle: label(TRANCHES_AGE),
  },
  niveau_formation: {
    nom: 'niveau_formation',
    titre: { fr: 'Niveau de formation', en: 'Education level' },
    type: 'string',
    source: 'participant',
    domaine: codes(NIVEAUX_FORMATION),
    libelle: label(NIVEAUX_FORMATION),
  },
  public: {
    nom: 'public',
    titre: { fr: 'Public prioritaire', en: 'Priority group' },
    type: 'string',
    source: 'participant',
    domaine: codes(PUBLICS),
    libelle: label(PUBLICS),
    multiple: true,
    note: {
      fr: 'Une personne peut relever de plusieurs publics : elle compte dans chacun, la somme des lignes dépasse donc le total.',
      en: 'A person may belong to several groups and counts in each, so rows add up to more than the total.',
    },
  },
  qpv: {
    nom: 'qpv',
    titre: { fr: 'Résident d’un quartier prioritaire (QPV)', en: 'Priority neighbourhood (QPV) resident' },
    type: 'boolean',
    source: 'participant',
    domaine: () => [true, false],
    libelle: (v) => (v === true ? yesNo[0]! : yesNo[1]!),
  },
  rqth: {
    nom: 'rqth',
    titre: { fr: 'Travailleur handicapé reconnu (RQTH)', en: 'Recognised disabled worker (RQTH)' },
    type: 'boolean',
    source: 'participant',
    domaine: () => [true, false],
    libelle: (v) => (v === true ? yesNo[0]! : yesNo[1]!),
  },
  situation_sortie: {
    nom: 'situation_sortie',
    titre: { fr: 'Situation à la sortie', en: 'Situation after the clause' },
    type: 'string',
    source: 'participant',
    domaine: codes(SITUATIONS_SORTIE),
    libelle: label(SITUATIONS_SORTIE),
  },
  taille_entreprise: {
    nom: 'taille_entreprise',
    titre: { fr: "Taille de l'entreprise titulaire", en: 'Size of the contractor' },
    type: 'string',
    source: 'entreprise',
    domaine: codes(TAILLES_ENTREPRISE),
    libelle: label(TAILLES_ENTREPRISE),
    entreprises: true,
  },
  secteur_entreprise: {
    nom: 'secteur_entreprise',
    titre: {
      fr: "Secteur d'activité de l'entreprise titulaire (section NAF)",
      en: 'Sector of the contractor (NACE section)',
    },
    type: 'string',
    source: 'entreprise',
    domaine: codes(SECTEURS),
    libelle: label(SECTEURS),
    entreprises: true,
  },
};
