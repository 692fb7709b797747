/**
 * Code lists of the data contract with their public labels (FR first, EN second), as the
 * indicators and published tables use them: each list is built from the enumeration of
 * `src/schemas/enums.ts`, the one place where codes and labels are written, so the labels of the
 * published `libelle_*` columns are those of the data contract.
 *
 * The order of each list is the order of rows in published tables, so a table keeps the same
 * shape from one release to the next (a code with no data shows as a zero row, never vanishes).
 */
import * as enums from '../../schemas/enums.ts';
import type { Enumeration } from '../../schemas/enums.ts';
import type { Bilingual } from '../lang.ts';

export type CodeList = Readonly<Record<string, Bilingual>>;

/** An enumeration as a code list: its codes in order, with their French and English labels. */
export function codeList(entries: Enumeration): CodeList {
  return Object.freeze(Object.fromEntries(entries.map((e) => [e.code, { fr: e.fr, en: e.en }])));
}

export const SEGMENTS = codeList(enums.SEGMENTS);
export const TYPES_CLAUSE = codeList(enums.TYPES_CLAUSE);
export const TYPES_CONTRAT = codeList(enums.TYPES_CONTRAT);
export const MODALITES = codeList(enums.MODALITES);
export const TYPES_STRUCTURE = codeList(enums.TYPES_STRUCTURE);

/** Insertion structures (SIAE) among `type_structure`. */
export const SIAE: ReadonlySet<string> = new Set(enums.STRUCTURES_SIAE);

/** Work-study contracts (alternance) among `type_contrat`. */
export const ALTERNANCE: ReadonlySet<string> = new Set(['APPRENTISSAGE', 'PROFESSIONNALISATION']);

/** Grouping of `type_structure` into SIAE / other (used by the headline share of hours through SIAE). */
export const FAMILLES_STRUCTURE = {
  SIAE: { fr: "Structures de l'insertion par l'activité économique (SIAE)", en: 'Insertion structures (SIAE)' },
  HORS_SIAE: { fr: 'Autres (entreprise, GEIQ, formation)', en: 'Other (company, GEIQ, training)' },
} as const satisfies CodeList;

/** Grouping of `type_contrat` into work-study / other (used by the headline work-study figures). */
export const FAMILLES_CONTRAT = {
  ALTERNANCE: {
    fr: 'Alternance (apprentissage, professionnalisation)',
    en: 'Work-study (apprenticeship, professionalisation)',
  },
  HORS_ALTERNANCE: { fr: 'Autres contrats', en: 'Other contracts' },
} as const satisfies CodeList;

export const SEXES = codeList(enums.SEXES);
export const TRANCHES_AGE = codeList(enums.TRANCHES_AGE);
export const NIVEAUX_FORMATION = codeList(enums.NIVEAUX_FORMATION);
/** Public categories (codes of the national inclusion platform's eligibility criteria). */
export const PUBLICS = codeList(enums.PUBLICS);
export const SITUATIONS_SORTIE = codeList(enums.SITUATIONS_SORTIE);
export const TAILLES_ENTREPRISE = codeList(enums.TAILLES_ENTREPRISE);
/** NAF rev. 2 sections. */
export const SECTEURS = codeList(enums.SECTEURS_NAF);
export const TYPES_FACILITATEUR = codeList(enums.TYPES_FACILITATEUR);
/** INSEE départements (names). */
export const DEPARTEMENTS = codeList(enums.DEPARTEMENTS);

/**
 * The code list of each published code column, by column name: the labels of the release's
 * `libelle_<column>` columns, and the pages' fallback when a table has no label column.
 */
export const CODE_LISTS = {
  segment: SEGMENTS,
  departement: DEPARTEMENTS,
  type_clause: TYPES_CLAUSE,
  type_contrat: TYPES_CONTRAT,
  famille_contrat: FAMILLES_CONTRAT,
  modalite: MODALITES,
  type_structure: TYPES_STRUCTURE,
  famille_structure: FAMILLES_STRUCTURE,
  sexe: SEXES,
  tranche_age: TRANCHES_AGE,
  niveau_formation: NIVEAUX_FORMATION,
  public: PUBLICS,
  situation_sortie: SITUATIONS_SORTIE,
  taille_entreprise: TAILLES_ENTREPRISE,
  secteur_entreprise: SECTEURS,
} as const satisfies Record<string, CodeList>;

/** Legal annual working time in France (hours): the full-time-equivalent convention. */
export const HEURES_ANNUELLES_ETP = 1607;

/** Label of a code, or the code itself when the list does not know it. */
export function libelle(list: CodeList, code: string): Bilingual {
  return list[code] ?? { fr: code, en: code };
}
