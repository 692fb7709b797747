/**
 * The flags that keep comparisons honest (docs/comparaison.md): what a figure covers (scope), what
 * kind of hours it counts, and whether it comes from a validated dataset. Every published row of
 * `donnees/comparaison/` carries them, for validated publishers and other territories alike.
 */
import type { Bilingual } from '../lang.ts';

/** Folder of the comparison in the publication. */
export const COMPARISON_DIR = 'donnees/comparaison';

/** Scope of a figure: whose contracts it counts. */
export const PERIMETRES = {
  MARCHES_PROPRES: {
    fr: "Marchés propres de l'acheteur",
    en: "The buyer's own contracts",
  },
  MARCHES_PROPRES_ET_AUTRES: {
    fr: "Marchés de l'acheteur et d'autres acheteurs (subventionnés, accompagnés, délégués)",
    en: "The buyer's contracts and other buyers' (subsidised, supported, delegated)",
  },
  PLUSIEURS_DONNEURS_ORDRE: {
    fr: "Plusieurs donneurs d'ordre (un territoire, un programme ou le portefeuille d'un facilitateur)",
    en: "Several buyers (a territory, a programme or a facilitator's portfolio)",
  },
  NON_PRECISE: { fr: 'Périmètre non précisé', en: 'Scope not stated' },
} as const satisfies Record<string, Bilingual>;
export type Perimetre = keyof typeof PERIMETRES;

/** What the hours of a figure are. */
export const NATURES_HEURES = {
  REALISEES: { fr: 'Heures réalisées', en: 'Hours carried out' },
  PREVUES: { fr: 'Heures prévues (inscrites dans les marchés)', en: 'Planned hours (written into the contracts)' },
  GENEREES: {
    fr: 'Heures « générées » : prévues ou réalisées, la source ne le dit pas',
    en: 'Hours "generated": planned or carried out, the source does not say',
  },
  NON_PRECISEE: {
    fr: 'La source ne dit pas si les heures sont réalisées ou prévues',
    en: 'The source does not say whether the hours were carried out or planned',
  },
} as const satisfies Record<string, Bilingual>;
export type NatureHeures = keyof typeof NATURES_HEURES;

/** Where a row comes from. */
export const STATUTS = {
  /** A publisher of this site: its data validated by this build, compared through its own release. */
  VALIDE: { fr: 'données validées', en: 'validated data' },
  /** A peer's release: format, hashes and consistency checked by this build; its data validated by its publisher. */
  PUBLICATION_VERIFIEE: { fr: 'publication vérifiée', en: 'checked release' },
  PUBLIE_NON_VERIFIE: { fr: 'publié, non vérifié', en: 'published, not verified' },
} as const satisfies Record<string, Bilingual>;
export type Statut = keyof typeof STATUTS;

/** A period: its label, its bounds, how many years and whether it is one year. */
export interface PeriodeComparee {
  /** As written (`2019–2021`, `2005-06/2013 (cumul au 30/06/2013)`). */
  libelle: string;
  annee_debut: number | null;
  annee_fin: number | null;
  /** Calendar years from the first to the last (inclusive); null when unknown. */
  annees_couvertes: number | null;
  /** True for one year (or a yearly average); false for a multi-year total or an unknown period. */
  annuel: boolean;
}
