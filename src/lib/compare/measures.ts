/**
 * The measures that make publishers comparable — ratios that do not depend on the size of the
 * buyer (hours per contract, per person, shares of hours and of contracts, completion of planned
 * hours) — with the context needed to read them (period, contracts, persons, hours).
 *
 * Every value is computed from a publisher's **published release**, never from its raw data: the
 * same few tables (`COMPARED_TABLES`) of a peer fetched from its address and of a publisher of
 * this site read back from its own release go through this one computation. A measure made of a
 * cell the release hides (`secret`) is itself `secret` — shown as not computable — and is never
 * estimated from the cells around it (a total minus the other rows, say).
 *
 * Pure.
 */
import type { ReleaseCell, ReleasePublisher } from '../../schemas/release.ts';
import { SECRET } from '../../schemas/secret.ts';
import { HEADLINE_DEFINITIONS, UNITES } from '../indicators/headline.ts';
import type { NatureHeures, PeriodeComparee, Perimetre } from './codes.ts';
import type { Bilingual } from '../lang.ts';

/**
 * The published tables the comparison reads, each with the columns it needs. Only these files
 * of a peer's release are fetched, and each is checked against its published hash.
 */
export const COMPARED_TABLES = {
  synthese: ['nombre_marches', 'nombre_marches_critere', 'heures_prevues', 'heures_realisees', 'taux_realisation', 'personnes'],
  'chiffres-cles': ['indicateur', 'valeur'],
  'heures-par-annee': ['annee', 'heures_realisees'],
  'heures-par-sexe': ['sexe', 'heures_realisees', 'personnes', 'part_personnes'],
  'marches-par-annee-et-segment': ['annee_notification', 'segment', 'nombre_marches'],
} as const satisfies Record<string, readonly string[]>;
export type ComparedTable = keyof typeof COMPARED_TABLES;
export const COMPARED_TABLE_IDS = Object.keys(COMPARED_TABLES) as ComparedTable[];

/** A row of a published table, typed by its Table Schema. */
export type Row = Record<string, ReleaseCell>;
/** The compared tables of one release, as published. */
export type ReleaseTables = Record<ComparedTable, Row[]>;

/** Key figures (`chiffres-cles`) the measures and the checks read: a release without them is incomplete. */
export const KEY_FIGURES = ['marches_avec_clause', 'heures_realisees', 'personnes', 'part_heures_siae', 'part_heures_alternance', 'part_heures_cdi'] as const;

/** A value as the comparison publishes it: a number, `secret` (not computable), or `null` (not applicable). */
export type MeasureValue = number | typeof SECRET | null;

export interface MeasureDefinition {
  titre: Bilingual;
  definition: Bilingual;
  unite: Bilingual;
  /** `contexte`: a size, to read the ratios, not to compare; `comparable`: a ratio. */
  role: 'contexte' | 'comparable';
  /** Decimals to display. */
  precision: number;
  /** The published cells it is made of, `table.colonne` (÷ for a ratio): where a reader checks it. */
  calcul: string;
  /** The value, from the published tables of one release. */
  compute(t: ReleaseTables): MeasureValue;
}

// ---------------------------------------------------------------------------------------------
// Reading published cells

/** The one row of `synthese`. */
export const totalRow = (t: ReleaseTables): Row => t.synthese[0]!;

/** A key figure as published (`chiffres-cles`, by `indicateur`). */
export const keyFigure = (t: ReleaseTables, id: string): ReleaseCell => t['chiffres-cles'].find((r) => r.indicateur === id)?.valeur ?? null;

/** A published cell as a measure: a number, `secret`, or `null` for anything else (empty). */
export const cellValue = (v: ReleaseCell): MeasureValue => (typeof v === 'number' ? v : v === SECRET ? SECRET : null);

/**
 * `scale × num / den` from two published cells. Not applicable (`null`) when the denominator is
 * 0 or empty, even if the numerator is hidden (as in the key figures); `secret` when either cell
 * is hidden: a hidden cell is never estimated.
 */
export function quotient(num: ReleaseCell, den: ReleaseCell, scale = 1): MeasureValue {
  if (den === 0 || den === null || num === null) return null;
  if (num === SECRET || den === SECRET) return SECRET;
  if (typeof num !== 'number' || typeof den !== 'number') return null;
  return (scale * num) / den;
}

/** The sum of one column over rows, or `secret` when one of the cells is hidden. */
export function sumOf(rows: readonly Row[], column: string): number | typeof SECRET {
  let total = 0;
  for (const r of rows) {
    const v = r[column];
    if (v === SECRET) return SECRET;
    if (typeof v === 'number') total += v;
  }
  return total;
}

const headline = <K extends keyof typeof HEADLINE_DEFINITIONS>(id: K) => HEADLINE_DEFINITIONS[id];

// ---------------------------------------------------------------------------------------------
// The measures, in the order of the published table. Shares are in percent.

export const MEASURE_DEFINITIONS = {
  marches_avec_clause: {
    titre: headline('marches_avec_clause').titre,
    definition: headline('marches_avec_clause').definition,
    unite: UNITES.marches,
    role: 'contexte',
    precision: 0,
    calcul: 'synthese.nombre_marches',
    compute: (t) => cellValue(totalRow(t).nombre_marches ?? null),
  },
  personnes: {
    titre: headline('personnes').titre,
    definition: headline('personnes').definition,
    unite: UNITES.personnes,
    role: 'contexte',
    precision: 0,
    calcul: 'synthese.personnes',
    compute: (t) => cellValue(totalRow(t).personnes ?? null),
  },
  heures_realisees: {
    titre: headline('heures_realisees').titre,
    definition: headline('heures_realisees').definition,
    unite: UNITES.heures,
    role: 'contexte',
    precision: 0,
    calcul: 'synthese.heures_realisees',
    compute: (t) => cellValue(totalRow(t).heures_realisees ?? null),
  },
  heures_par_marche: {
    titre: { fr: 'Heures réalisées par marché avec clause', en: 'Hours carried out per contract with a clause' },
    definition: {
      fr: "Heures d'insertion réalisées divisées par le nombre de marchés avec une clause d'insertion, sur toute la période.",
      en: 'Insertion hours carried out divided by the number of contracts with an insertion clause, over the whole period.',
    },
    unite: { fr: 'heures par marché', en: 'hours per contract' },
    role: 'comparable',
    precision: 0,
    calcul: 'synthese.heures_realisees ÷ synthese.nombre_marches',
    compute: (t) => quotient(totalRow(t).heures_realisees ?? null, totalRow(t).nombre_marches ?? null),
  },
  heures_par_personne: {
    titre: { fr: 'Heures réalisées par personne', en: 'Hours carried out per person' },
    definition: {
      fr: "Heures d'insertion réalisées divisées par le nombre de personnes distinctes ayant au moins une heure, sur toute la période (une personne présente plusieurs années compte une fois).",
      en: 'Insertion hours carried out divided by the number of distinct persons with at least one hour, over the whole period (a person present in several years counts once).',
    },
    unite: { fr: 'heures par personne', en: 'hours per person' },
    role: 'comparable',
    precision: 0,
    calcul: 'synthese.heures_realisees ÷ synthese.personnes',
    compute: (t) => quotient(totalRow(t).heures_realisees ?? null, totalRow(t).personnes ?? null),
  },
  part_heures_siae: {
    titre: headline('part_heures_siae').titre,
    definition: headline('part_heures_siae').definition,
    unite: UNITES.pourcentage,
    role: 'comparable',
    precision: 0,
    calcul: 'chiffres-cles[part_heures_siae].valeur',
    compute: (t) => cellValue(keyFigure(t, 'part_heures_siae')),
  },
  part_heures_alternance: {
    titre: headline('part_heures_alternance').titre,
    definition: headline('part_heures_alternance').definition,
    unite: UNITES.pourcentage,
    role: 'comparable',
    precision: 0,
    calcul: 'chiffres-cles[part_heures_alternance].valeur',
    compute: (t) => cellValue(keyFigure(t, 'part_heures_alternance')),
  },
  part_heures_cdi: {
    titre: headline('part_heures_cdi').titre,
    definition: headline('part_heures_cdi').definition,
    unite: UNITES.pourcentage,
    role: 'comparable',
    precision: 0,
    calcul: 'chiffres-cles[part_heures_cdi].valeur',
    compute: (t) => cellValue(keyFigure(t, 'part_heures_cdi')),
  },
  part_femmes: {
    titre: { fr: 'Part des femmes parmi les personnes, sur toute la période', en: 'Share of women among persons, over the whole period' },
    definition: {
      fr: 'Personnes distinctes de sexe F divisées par l’ensemble des personnes distinctes ayant au moins une heure, sur toute la période.',
      en: 'Distinct persons whose sex is F divided by all distinct persons with at least one hour, over the whole period.',
    },
    unite: UNITES.pourcentage,
    role: 'comparable',
    precision: 0,
    calcul: 'heures-par-sexe[F].part_personnes',
    compute: (t) => cellValue(t['heures-par-sexe'].find((r) => r.sexe === 'F')?.part_personnes ?? null),
  },
  part_marches_critere: {
    titre: {
      fr: "Part des marchés avec un critère d'attribution insertion",
      en: 'Share of contracts with an insertion award criterion',
    },
    definition: {
      fr: "Marchés avec clause dont l'insertion est un critère de jugement des offres, divisés par l'ensemble des marchés avec clause, sur toute la période.",
      en: 'Contracts with a clause using insertion as an award criterion, divided by all contracts with a clause, over the whole period.',
    },
    unite: UNITES.pourcentage,
    role: 'comparable',
    precision: 0,
    calcul: '100 × synthese.nombre_marches_critere ÷ synthese.nombre_marches',
    compute: (t) => quotient(totalRow(t).nombre_marches_critere ?? null, totalRow(t).nombre_marches ?? null, 100),
  },
  part_marches_services: {
    titre: { fr: 'Part des marchés de services', en: 'Share of service contracts' },
    definition: {
      fr: "Marchés avec clause dont le segment est « services », divisés par l'ensemble des marchés avec clause, sur toute la période.",
      en: 'Contracts with a clause whose segment is "services", divided by all contracts with a clause, over the whole period.',
    },
    unite: UNITES.pourcentage,
    role: 'comparable',
    precision: 0,
    calcul: '100 × Σ marches-par-annee-et-segment[SERVICES].nombre_marches ÷ synthese.nombre_marches',
    compute: (t) =>
      quotient(
        sumOf(
          t['marches-par-annee-et-segment'].filter((r) => r.segment === 'SERVICES'),
          'nombre_marches',
        ),
        totalRow(t).nombre_marches ?? null,
        100,
      ),
  },
  taux_realisation: {
    titre: { fr: 'Taux de réalisation des heures prévues', en: 'Completion of planned hours' },
    definition: {
      fr: 'Heures réalisées divisées par les heures inscrites dans les marchés avec clause, sur toute la période (vide sans heures prévues).',
      en: 'Hours carried out divided by the hours written into the contracts with a clause, over the whole period (empty without planned hours).',
    },
    unite: UNITES.pourcentage,
    role: 'comparable',
    precision: 0,
    calcul: 'synthese.taux_realisation (100 × synthese.heures_realisees ÷ synthese.heures_prevues)',
    compute: (t) => (totalRow(t).heures_prevues === 0 ? null : cellValue(totalRow(t).taux_realisation ?? null)),
  },
} as const satisfies Record<string, MeasureDefinition>;

export type MeasureId = keyof typeof MEASURE_DEFINITIONS;
export const MEASURE_IDS = Object.keys(MEASURE_DEFINITIONS) as MeasureId[];

export interface ComparableMeasure {
  id: MeasureId;
  /** Unrounded value; `secret` when made of a hidden cell; `null` when not applicable (empty denominator). */
  valeur: MeasureValue;
}

/** Who publishes, over which period, and the flags shared with other territories' results. */
export interface PublisherContext {
  editeur: string;
  nom: string;
  territoire: string;
  periode: PeriodeComparee & { debut: string; fin: string };
  /** Months from the first to the last month of the period (inclusive). */
  mois_couverts: number;
  /** A release of this format counts the buyer's own contracts (its SIRET), and hours carried out. */
  perimetre: Extract<Perimetre, 'MARCHES_PROPRES'>;
  nature_heures: Extract<NatureHeures, 'REALISEES'>;
  synthetique: boolean;
  seuil_secret: number;
  version: string;
  date_publication: string;
  licence: ReleasePublisher['licence'];
}

export interface PublisherComparison {
  contexte: PublisherContext;
  mesures: ComparableMeasure[];
}

const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/** Label of a period: `2021`, `2019–2021`, or months when it does not follow calendar years. */
export function periodLabel(debut: string, fin: string): string {
  const wholeYears = debut.slice(5) === '01-01' && fin.slice(5) === '12-31';
  const [a, b] = wholeYears ? [debut.slice(0, 4), fin.slice(0, 4)] : [debut.slice(0, 7), fin.slice(0, 7)];
  return a === b ? a : `${a}–${b}`;
}

/** A period and its kind: one year when it covers at most 12 months. */
export function comparedPeriod(debut: string, fin: string): PublisherContext['periode'] & { mois: number } {
  const mois = monthIndex(fin) - monthIndex(debut) + 1;
  const annee_debut = Number(debut.slice(0, 4));
  const annee_fin = Number(fin.slice(0, 4));
  return {
    debut,
    fin,
    libelle: periodLabel(debut, fin),
    annee_debut,
    annee_fin,
    annees_couvertes: annee_fin - annee_debut + 1,
    annuel: mois <= 12,
    mois,
  };
}

/** For one release, the comparable measures and their context, from its published tables. */
export function releaseMeasures(publisher: ReleasePublisher, tables: ReleaseTables): PublisherComparison {
  const { mois, ...periode } = comparedPeriod(publisher.periode.debut, publisher.periode.fin);
  return {
    contexte: {
      editeur: publisher.id,
      nom: publisher.nom,
      territoire: publisher.territoire,
      periode,
      mois_couverts: mois,
      perimetre: 'MARCHES_PROPRES',
      nature_heures: 'REALISEES',
      synthetique: publisher.synthetique,
      seuil_secret: publisher.seuil_secret,
      version: publisher.version,
      date_publication: publisher.date_publication,
      licence: publisher.licence,
    },
    mesures: MEASURE_IDS.map((id) => ({ id, valeur: (MEASURE_DEFINITIONS[id] as MeasureDefinition).compute(tables) })),
  };
}
