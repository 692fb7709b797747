/**
 * The measures that make publishers comparable: ratios that do not depend on the size of the
 * buyer (hours per contract, per person, shares of hours and of contracts), with the context
 * needed to read them (period, contracts, persons, hours).
 *
 * Every value is computed with the indicator functions of src/lib/indicators (the same numbers as
 * the publisher's own key figures), and hidden by the same disclosure control as the publisher's
 * release (its `Protection`): a measure is `secret` as soon as one of the person cells it is made of
 * is hidden there — a cell of fewer than k persons (numerator or denominator), or one hidden so
 * that it cannot be recovered by subtraction.
 */
import type { Dataset } from '../dataset.ts';
import { contractKey, NO_CONTRACT } from '../cells/index.ts';
import { SECRET, type Protection } from '../disclosure/index.ts';
import type { DimValue } from '../indicators/dimensions.ts';
import { HEADLINE_DEFINITIONS, headlineFigures, UNITES } from '../indicators/headline.ts';
import type { Texte } from '../indicators/codes.ts';
import { percent } from '../indicators/measures.ts';
import type { NatureHeures, PeriodeComparee, Perimetre } from './codes.ts';

/** A person cell of the disclosure control (`{}`: everybody; `{ sexe: 'F' }`: the women…). */
type CellDims = Record<string, DimValue>;

export interface MeasureDefinition {
  titre: Texte;
  definition: Texte;
  unite: Texte;
  /** `contexte`: a size, to read the ratios, not to compare; `comparable`: a ratio. */
  role: 'contexte' | 'comparable';
  /** Decimals to display. */
  precision: number;
  /** Person cells the value is made of (`null`: contracts only, never secret). */
  cellules: CellDims[] | null;
}

const headline = <K extends keyof typeof HEADLINE_DEFINITIONS>(id: K) => HEADLINE_DEFINITIONS[id];

/** The measures, in the order of the published table. Shares are in percent. */
export const MEASURE_DEFINITIONS = {
  marches_avec_clause: {
    titre: headline('marches_avec_clause').titre,
    definition: headline('marches_avec_clause').definition,
    unite: UNITES.marches,
    role: 'contexte',
    precision: 0,
    cellules: null,
  },
  personnes: {
    titre: headline('personnes').titre,
    definition: headline('personnes').definition,
    unite: UNITES.personnes,
    role: 'contexte',
    precision: 0,
    cellules: [{}],
  },
  heures_realisees: {
    titre: headline('heures_realisees').titre,
    definition: headline('heures_realisees').definition,
    unite: UNITES.heures,
    role: 'contexte',
    precision: 0,
    cellules: [{}],
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
    cellules: [{}],
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
    cellules: [{}],
  },
  part_heures_siae: {
    titre: headline('part_heures_siae').titre,
    definition: headline('part_heures_siae').definition,
    unite: UNITES.pourcentage,
    role: 'comparable',
    precision: 0,
    cellules: headline('part_heures_siae').protection.cellules,
  },
  part_heures_alternance: {
    titre: headline('part_heures_alternance').titre,
    definition: headline('part_heures_alternance').definition,
    unite: UNITES.pourcentage,
    role: 'comparable',
    precision: 0,
    cellules: headline('part_heures_alternance').protection.cellules,
  },
  part_heures_cdi: {
    titre: headline('part_heures_cdi').titre,
    definition: headline('part_heures_cdi').definition,
    unite: UNITES.pourcentage,
    role: 'comparable',
    precision: 0,
    cellules: headline('part_heures_cdi').protection.cellules,
  },
  part_femmes: {
    titre: { fr: 'Part des femmes parmi les personnes', en: 'Share of women among persons' },
    definition: {
      fr: 'Personnes distinctes de sexe F divisées par l’ensemble des personnes distinctes ayant au moins une heure, sur toute la période.',
      en: 'Distinct persons whose sex is F divided by all distinct persons with at least one hour, over the whole period.',
    },
    unite: UNITES.pourcentage,
    role: 'comparable',
    precision: 0,
    cellules: [{ sexe: 'F' }, { sexe: 'H' }, {}],
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
    cellules: null,
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
    cellules: null,
  },
} as const satisfies Record<string, MeasureDefinition>;

export type MeasureId = keyof typeof MEASURE_DEFINITIONS;
export const MEASURE_IDS = Object.keys(MEASURE_DEFINITIONS) as MeasureId[];

export interface ComparableMeasure {
  id: MeasureId;
  /** Unrounded value; `secret` when hidden by disclosure control; `null` when not applicable (empty denominator). */
  valeur: number | typeof SECRET | null;
}

/** Who publishes, over which period, and the flags shared with other territories' results. */
export interface PublisherContext {
  editeur: string;
  nom: string;
  territoire: string;
  periode: PeriodeComparee & { debut: string; fin: string };
  /** Months from the first to the last month of the period (inclusive). */
  mois_couverts: number;
  /** A validated dataset counts the buyer's own contracts (its SIRET), and hours carried out. */
  perimetre: Extract<Perimetre, 'MARCHES_PROPRES'>;
  nature_heures: Extract<NatureHeures, 'REALISEES'>;
  synthetique: boolean;
  seuil_secret: number;
}

export interface PublisherComparison {
  contexte: PublisherContext;
  mesures: ComparableMeasure[];
}

const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/** Label of a period: `2018`, `2012–2018`, or months when it does not follow calendar years. */
export function periodLabel(debut: string, fin: string): string {
  const wholeYears = debut.slice(5) === '01-01' && fin.slice(5) === '12-31';
  const [a, b] = wholeYears ? [debut.slice(0, 4), fin.slice(0, 4)] : [debut.slice(0, 7), fin.slice(0, 7)];
  return a === b ? a : `${a}–${b}`;
}

/** The period of a dataset: a year when it covers at most 12 months. */
export function publisherPeriod(ds: Dataset): PublisherContext['periode'] & { mois: number } {
  const { debut, fin } = ds.meta.periode;
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

/** For one publisher, the comparable measures and their context, read from its protected cells. */
export function comparableMeasures(p: Protection): PublisherComparison {
  const ds: Dataset = p.cells.ds;
  const figures = headlineFigures(p.cells);
  const total = p.cells.cell({})!;
  const all = p.cells.contracts([]).get(contractKey([])) ?? NO_CONTRACT;
  const services = p.cells.contracts(['segment']).get(contractKey(['SERVICES'])) ?? NO_CONTRACT;
  const contracts = all.nombre_marches;
  const heures = total.heures;
  const personnes = total.personnes.size;
  const values: Record<MeasureId, number | null> = {
    marches_avec_clause: contracts,
    personnes,
    heures_realisees: heures,
    heures_par_marche: contracts > 0 ? heures / contracts : null,
    heures_par_personne: personnes > 0 ? heures / personnes : null,
    part_heures_siae: figures.part_heures_siae.valeur,
    part_heures_alternance: figures.part_heures_alternance.valeur,
    part_heures_cdi: figures.part_heures_cdi.valeur,
    part_femmes: percent(p.cells.cell({ sexe: 'F' })?.personnes.size ?? 0, personnes),
    part_marches_critere: percent(all.nombre_marches_critere, contracts),
    part_marches_services: percent(services.nombre_marches, contracts),
  };
  const hidden = (cells: readonly CellDims[] | null) => cells !== null && cells.some((c) => p.isHidden(c));
  const period = publisherPeriod(ds);
  const { mois, ...periode } = period;
  return {
    contexte: {
      editeur: ds.meta.id,
      nom: ds.meta.nom,
      territoire: ds.meta.territoire,
      periode,
      mois_couverts: mois,
      perimetre: 'MARCHES_PROPRES',
      nature_heures: 'REALISEES',
      synthetique: ds.meta.synthetique,
      seuil_secret: p.rules.k,
    },
    mesures: MEASURE_IDS.map((id) => {
      const v = values[id];
      // Not applicable stays empty even when its cells are unknown (as in the key figures).
      return { id, valeur: v === null ? null : hidden(MEASURE_DEFINITIONS[id].cellules) ? SECRET : v };
    }),
  };
}
