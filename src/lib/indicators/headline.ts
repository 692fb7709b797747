import type { Dataset } from '../dataset.ts';
import { contractKey, NO_CONTRACT, type Cells } from '../cells/index.ts';
import type { DimValue } from './dimensions.ts';
import { executingDirections, facilitatorsCount, percent } from './measures.ts';

import { fullYears, referencesOf, type HeadlineReferences } from './references.ts';
import type { Bilingual } from '../lang.ts';

export { referencesOf, type HeadlineReferences };

export type Unite = 'marches' | 'operations' | 'heures' | 'personnes' | 'entreprises' | 'pourcentage' | 'structures' | 'directions' | 'mois';

export const UNITES: Record<Unite, Bilingual> = {
  marches: { fr: 'marchés', en: 'contracts' },
  operations: { fr: 'opérations', en: 'operations' },
  heures: { fr: 'heures', en: 'hours' },
  personnes: { fr: 'personnes', en: 'persons' },
  entreprises: { fr: 'entreprises', en: 'companies' },
  pourcentage: { fr: '%', en: '%' },
  structures: { fr: 'structures', en: 'organisations' },
  directions: { fr: 'directions', en: 'directorates' },
  mois: { fr: 'mois', en: 'months' },
};

/**
 * What protects a figure from disclosure: the cells (see src/lib/protect) whose secrecy
 * hides it. `null`: not about persons (contracts, operations, companies, public bodies).
 */
export type Protection =
  | null
  | { cellules: Record<string, string>[] }
  | { femmesAuMois: 'moisFemmesDebut' | 'moisFemmesFin' }
  /** The cell of the reference year (0) or of the year before it (-1): `{ annee: Y }`. */
  | { annee: 0 | -1 };

export interface HeadlineDefinition {
  titre: Bilingual;
  /** The definition, written once: the methodology page and the data files show this text. */
  definition: Bilingual;
  unite: Unite;
  /** Display precision (decimals). */
  precision: number;
  /** Period or date the figure refers to, from the references. */
  reference(refs: HeadlineReferences, ds: Dataset): string;
  protection: Protection;
}

const wholePeriod = (_: HeadlineReferences, ds: Dataset) => `${ds.meta.periode.debut.slice(0, 4)}–${ds.meta.periode.fin.slice(0, 4)}`;
const refYear = (refs: HeadlineReferences) => String(refs.annee);
const yearBefore = (refs: HeadlineReferences) => String(refs.annee - 1);

export const HEADLINE_DEFINITIONS = {
  marches_avec_clause: {
    titre: { fr: "Marchés avec une clause d'insertion", en: 'Contracts with an insertion clause' },
    definition: {
      fr: "Nombre de marchés dont le type de clause n'est pas « aucune » (clause d'exécution ou marché réservé), sur toute la période.",
      en: 'Number of contracts whose clause type is not "none" (execution clause or reserved contract), over the whole period.',
    },
    unite: 'marches',
    precision: 0,
    reference: wholePeriod,
    protection: null,
  },
  marches_avec_clause_annee: {
    titre: {
      fr: "Marchés avec une clause d'insertion notifiés dans l'année",
      en: 'Contracts with an insertion clause notified in the year',
    },
    definition: {
      fr: "Nombre de marchés avec une clause d'insertion dont la date de notification tombe dans l'année de référence.",
      en: 'Number of contracts with an insertion clause notified in the reference year.',
    },
    unite: 'marches',
    precision: 0,
    reference: refYear,
    protection: null,
  },
  operations: {
    titre: { fr: "Opérations avec une clause d'insertion", en: 'Operations with an insertion clause' },
    definition: {
      fr: "Nombre d'opérations distinctes auxquelles appartiennent les marchés avec une clause d'insertion.",
      en: 'Number of distinct operations the contracts with an insertion clause belong to.',
    },
    unite: 'operations',
    precision: 0,
    reference: wholePeriod,
    protection: null,
  },
  operations_annee: {
    titre: {
      fr: "Opérations des marchés avec clause notifiés dans l'année",
      en: 'Operations of the clause contracts notified in the year',
    },
    definition: {
      fr: "Nombre d'opérations distinctes des marchés avec une clause d'insertion notifiés dans l'année de référence.",
      en: 'Number of distinct operations of the contracts with an insertion clause notified in the reference year.',
    },
    unite: 'operations',
    precision: 0,
    reference: refYear,
    protection: null,
  },
  heures_annee: {
    titre: { fr: "Heures d'insertion réalisées dans l'année", en: 'Insertion hours carried out in the year' },
    definition: {
      fr: "Somme des heures réalisées dans l'année de référence : la dernière année complète des données, sauf si l'éditeur en déclare une autre (celle de ses résultats publiés).",
      en: 'Sum of the hours carried out in the reference year: the latest full year of the data, unless the publisher declares another (that of its published results).',
    },
    unite: 'heures',
    precision: 0,
    reference: refYear,
    protection: { annee: 0 },
  },
  heures_annee_precedente: {
    titre: { fr: "Heures d'insertion réalisées l'année précédente", en: 'Insertion hours carried out the year before' },
    definition: {
      fr: "Somme des heures réalisées dans l'année qui précède l'année de référence ; vide si cette année n'est pas complète dans les données.",
      en: 'Sum of the hours carried out in the year before the reference year; empty when that year is not full in the data.',
    },
    unite: 'heures',
    precision: 0,
    reference: yearBefore,
    protection: { annee: -1 },
  },
  personnes_annee: {
    titre: { fr: "Personnes ayant travaillé dans l'année", en: 'Persons who worked in the year' },
    definition: {
      fr: "Nombre de personnes distinctes ayant au moins une heure réalisée dans l'année de référence.",
      en: 'Number of distinct persons with at least one hour carried out in the reference year.',
    },
    unite: 'personnes',
    precision: 0,
    reference: refYear,
    protection: { annee: 0 },
  },
  personnes_annee_precedente: {
    titre: { fr: "Personnes ayant travaillé l'année précédente", en: 'Persons who worked the year before' },
    definition: {
      fr: "Nombre de personnes distinctes ayant au moins une heure réalisée dans l'année qui précède l'année de référence ; vide si cette année n'est pas complète dans les données.",
      en: 'Number of distinct persons with at least one hour carried out in the year before the reference year; empty when that year is not full in the data.',
    },
    unite: 'personnes',
    precision: 0,
    reference: yearBefore,
    protection: { annee: -1 },
  },
  mois_couverts: {
    titre: { fr: 'Mois couverts par les données', en: 'Months covered by the data' },
    definition: {
      fr: "Nombre de mois du premier au dernier mois où des heures ont été réalisées, dans la période ; la référence donne ces deux mois (AAAA-MM/AAAA-MM). Une année dont janvier ou décembre n'y figure pas est partielle.",
      en: 'Number of months from the first to the last month with hours carried out, within the period; the reference gives both months (YYYY-MM/YYYY-MM). A year whose January or December is outside them is partial.',
    },
    unite: 'mois',
    precision: 0,
    reference: (refs: HeadlineReferences) => `${refs.couverture.debut}/${refs.couverture.fin}`,
    protection: null,
  },
  heures_realisees: {
    titre: { fr: "Heures d'insertion réalisées", en: 'Insertion hours carried out' },
    definition: {
      fr: 'Somme des heures réalisées déclarées par les facilitateurs (toutes personnes, tous marchés, tous mois).',
      en: 'Sum of the hours carried out reported by the facilitators (all persons, contracts and months).',
    },
    unite: 'heures',
    precision: 0,
    reference: wholePeriod,
    protection: { cellules: [{}] },
  },
  personnes: {
    titre: { fr: 'Personnes bénéficiaires', en: 'Beneficiaries' },
    definition: {
      fr: 'Nombre de personnes distinctes ayant au moins une heure réalisée.',
      en: 'Number of distinct persons with at least one hour carried out.',
    },
    unite: 'personnes',
    precision: 0,
    reference: wholePeriod,
    protection: { cellules: [{}] },
  },
  entreprises_ayant_embauche: {
    titre: { fr: 'Entreprises ayant embauché', en: 'Companies that hired' },
    definition: {
      fr: 'Nombre de titulaires distincts des marchés ayant au moins une heure réalisée.',
      en: 'Number of distinct contractors of the contracts with at least one hour carried out.',
    },
    unite: 'entreprises',
    precision: 0,
    reference: wholePeriod,
    protection: null,
  },
  part_heures_siae: {
    titre: { fr: 'Part des heures réalisées via une SIAE', en: 'Share of hours carried out through an SIAE' },
    definition: {
      fr: "Heures réalisées par une structure de l'insertion par l'activité économique (ETTI, AI, EI, ACI, EITI) divisées par l'ensemble des heures réalisées.",
      en: 'Hours carried out through an insertion structure (ETTI, AI, EI, ACI, EITI) divided by all hours carried out.',
    },
    unite: 'pourcentage',
    precision: 0,
    reference: wholePeriod,
    protection: { cellules: [{ famille_structure: 'SIAE' }, {}] },
  },
  part_heures_alternance: {
    titre: { fr: 'Part des heures en alternance', en: 'Share of hours in work-study contracts' },
    definition: {
      fr: "Heures réalisées en contrat d'apprentissage ou de professionnalisation divisées par l'ensemble des heures réalisées.",
      en: 'Hours carried out under an apprenticeship or professionalisation contract divided by all hours carried out.',
    },
    unite: 'pourcentage',
    precision: 0,
    reference: wholePeriod,
    protection: { cellules: [{ famille_contrat: 'ALTERNANCE' }, {}] },
  },
  personnes_alternance: {
    titre: { fr: 'Personnes recrutées en alternance', en: 'Persons hired on work-study contracts' },
    definition: {
      fr: "Nombre de personnes distinctes ayant au moins une heure en contrat d'apprentissage ou de professionnalisation.",
      en: 'Number of distinct persons with at least one hour under an apprenticeship or professionalisation contract.',
    },
    unite: 'personnes',
    precision: 0,
    reference: wholePeriod,
    protection: { cellules: [{ famille_contrat: 'ALTERNANCE' }] },
  },
  part_heures_cdi: {
    titre: { fr: 'Part des heures en CDI', en: 'Share of hours in permanent contracts (CDI)' },
    definition: {
      fr: "Heures réalisées en contrat à durée indéterminée divisées par l'ensemble des heures réalisées.",
      en: 'Hours carried out under a permanent contract divided by all hours carried out.',
    },
    unite: 'pourcentage',
    precision: 0,
    reference: wholePeriod,
    protection: { cellules: [{ type_contrat: 'CDI' }, {}] },
  },
  personnes_cdi: {
    titre: { fr: 'Personnes recrutées en CDI', en: 'Persons hired on permanent contracts (CDI)' },
    definition: {
      fr: 'Nombre de personnes distinctes ayant au moins une heure en contrat à durée indéterminée.',
      en: 'Number of distinct persons with at least one hour under a permanent contract.',
    },
    unite: 'personnes',
    precision: 0,
    reference: wholePeriod,
    protection: { cellules: [{ type_contrat: 'CDI' }] },
  },
  part_femmes_debut: {
    titre: {
      fr: 'Part des femmes parmi les bénéficiaires (premier point)',
      en: 'Share of women among beneficiaries (first point)',
    },
    definition: {
      fr: 'Parmi les personnes distinctes dont le premier mois avec des heures est au plus tard le mois de référence, part des femmes.',
      en: 'Among the distinct persons whose first month with hours is no later than the reference month, the share of women.',
    },
    unite: 'pourcentage',
    precision: 0,
    reference: (refs: HeadlineReferences) => refs.moisFemmesDebut,
    protection: { femmesAuMois: 'moisFemmesDebut' },
  },
  part_femmes_fin: {
    titre: {
      fr: 'Part des femmes parmi les bénéficiaires (second point)',
      en: 'Share of women among beneficiaries (second point)',
    },
    definition: {
      fr: 'Parmi les personnes distinctes dont le premier mois avec des heures est au plus tard le mois de référence, part des femmes.',
      en: 'Among the distinct persons whose first month with hours is no later than the reference month, the share of women.',
    },
    unite: 'pourcentage',
    precision: 2,
    reference: (refs: HeadlineReferences) => refs.moisFemmesFin,
    protection: { femmesAuMois: 'moisFemmesFin' },
  },
  part_marches_services_debut: {
    titre: { fr: 'Part des marchés de services (année de départ)', en: 'Share of service contracts (starting year)' },
    definition: {
      fr: "Marchés avec clause notifiés dans l'année dont le segment est « services », divisés par l'ensemble des marchés avec clause notifiés dans l'année.",
      en: 'Contracts with a clause notified in the year whose segment is "services", divided by all contracts with a clause notified in the year.',
    },
    unite: 'pourcentage',
    precision: 0,
    reference: (refs: HeadlineReferences) => String(refs.anneeServicesDebut),
    protection: null,
  },
  part_marches_services_annee: {
    titre: {
      fr: 'Part des marchés de services (année de référence)',
      en: 'Share of service contracts (reference year)',
    },
    definition: {
      fr: "Marchés avec clause notifiés dans l'année dont le segment est « services », divisés par l'ensemble des marchés avec clause notifiés dans l'année.",
      en: 'Contracts with a clause notified in the year whose segment is "services", divided by all contracts with a clause notified in the year.',
    },
    unite: 'pourcentage',
    precision: 0,
    reference: refYear,
    protection: null,
  },
  marches_critere_attribution: {
    titre: { fr: "Marchés avec un critère d'attribution insertion", en: 'Contracts with an insertion award criterion' },
    definition: {
      fr: "Nombre de marchés dont l'insertion est un critère de jugement des offres, sur toute la période.",
      en: 'Number of contracts using insertion as an award criterion, over the whole period.',
    },
    unite: 'marches',
    precision: 0,
    reference: wholePeriod,
    protection: null,
  },
  marches_critere_attribution_annee: {
    titre: {
      fr: "Marchés avec un critère d'attribution insertion notifiés dans l'année",
      en: 'Contracts with an insertion award criterion notified in the year',
    },
    definition: {
      fr: "Nombre de marchés avec un critère d'attribution insertion notifiés dans l'année de référence.",
      en: 'Number of contracts with an insertion award criterion notified in the reference year.',
    },
    unite: 'marches',
    precision: 0,
    reference: refYear,
    protection: null,
  },
  operations_critere_attribution_annee: {
    titre: {
      fr: "Opérations des marchés avec critère d'attribution notifiés dans l'année",
      en: 'Operations of the award-criterion contracts notified in the year',
    },
    definition: {
      fr: "Nombre d'opérations distinctes des marchés avec un critère d'attribution insertion notifiés dans l'année de référence.",
      en: 'Number of distinct operations of the contracts with an insertion award criterion notified in the reference year.',
    },
    unite: 'operations',
    precision: 0,
    reference: refYear,
    protection: null,
  },
  facilitateurs: {
    titre: { fr: 'Facilitateurs partenaires', en: 'Partner facilitators' },
    definition: {
      fr: 'Nombre de structures facilitatrices déclarées (maisons de l’emploi, PLIE, collectivités…).',
      en: 'Number of facilitating organisations listed (employment centres, PLIE, local authorities…).',
    },
    unite: 'structures',
    precision: 0,
    reference: wholePeriod,
    protection: null,
  },
  directions_executantes: {
    titre: { fr: 'Directions exécutant des marchés', en: 'Directorates executing contracts' },
    definition: {
      fr: 'Nombre de directions distinctes exécutant les marchés, hors direction des finances qui porte le dispositif.',
      en: 'Number of distinct directorates executing the contracts, finance (which runs the scheme) excluded.',
    },
    unite: 'directions',
    precision: 0,
    reference: wholePeriod,
    protection: null,
  },
} as const satisfies Record<string, HeadlineDefinition>;

export type HeadlineId = keyof typeof HEADLINE_DEFINITIONS;
export const HEADLINE_IDS = Object.keys(HEADLINE_DEFINITIONS) as HeadlineId[];

export interface HeadlineFigure {
  id: HeadlineId;
  /** Unrounded value; `null` when not applicable (reference outside the data, empty denominator). */
  valeur: number | null;
  precision: number;
  unite: Unite;
  reference: string;
}

const inYears = (ds: Dataset, annee: number) => String(annee) >= ds.meta.periode.debut.slice(0, 4) && String(annee) <= ds.meta.periode.fin.slice(0, 4);
const inMonths = (ds: Dataset, mois: string) => mois >= ds.meta.periode.debut.slice(0, 7) && mois <= ds.meta.periode.fin.slice(0, 7);

/**
 * The programme's headline figures, read from the cells every table publishes (one computation
 * per figure: the total of hours here is the cell `{}` of every table's margin), unrounded, with
 * the display precision of each. Not protected: the published table `chiffres-cles` applies
 * disclosure control on top of this.
 */
export function headlineFigures(cells: Cells): Record<HeadlineId, HeadlineFigure> {
  const { ds, references: refs } = cells;
  const total = cells.cell({})!;
  const heures = total.heures;
  const hoursOf = (dims: Record<string, DimValue>) => cells.cell(dims)?.heures ?? 0;
  const personsOf = (dims: Record<string, DimValue>) => cells.cell(dims)?.personnes.size ?? 0;
  const contracts = cells.contracts([]).get(contractKey([])) ?? NO_CONTRACT;
  const byYear = cells.contracts(['annee_notification']);
  const bySegment = cells.contracts(['annee_notification', 'segment']);
  const ofYear = (y: number) => byYear.get(contractKey([y])) ?? NO_CONTRACT;
  const services = (y: number) => percent((bySegment.get(contractKey([y, 'SERVICES'])) ?? NO_CONTRACT).nombre_marches, ofYear(y).nombre_marches);
  const women = (m: string) => percent(personsOf({ cumul_mois: m, sexe: 'F' }), personsOf({ cumul_mois: m }));
  // A reference year or month outside the data's period gives null (not applicable), not 0.
  const year = inYears(ds, refs.annee);
  // The year before counts only when it is full in the data: a partial year is no comparison.
  const before = fullYears(refs.couverture).includes(refs.annee - 1);
  const ofHourYear = (y: number) => cells.cell({ annee: String(y) });
  const [from, to] = [refs.couverture.debut, refs.couverture.fin].map((m) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)));
  const values: Record<HeadlineId, number | null> = {
    marches_avec_clause: contracts.nombre_marches,
    marches_avec_clause_annee: year ? ofYear(refs.annee).nombre_marches : null,
    operations: contracts.nombre_operations,
    operations_annee: year ? ofYear(refs.annee).nombre_operations : null,
    heures_annee: year ? (ofHourYear(refs.annee)?.heures ?? 0) : null,
    heures_annee_precedente: before ? (ofHourYear(refs.annee - 1)?.heures ?? 0) : null,
    personnes_annee: year ? (ofHourYear(refs.annee)?.personnes.size ?? 0) : null,
    personnes_annee_precedente: before ? (ofHourYear(refs.annee - 1)?.personnes.size ?? 0) : null,
    mois_couverts: to! - from! + 1,
    heures_realisees: heures,
    personnes: total.personnes.size,
    entreprises_ayant_embauche: total.entreprises,
    part_heures_siae: percent(hoursOf({ famille_structure: 'SIAE' }), heures),
    part_heures_alternance: percent(hoursOf({ famille_contrat: 'ALTERNANCE' }), heures),
    personnes_alternance: personsOf({ famille_contrat: 'ALTERNANCE' }),
    part_heures_cdi: percent(hoursOf({ type_contrat: 'CDI' }), heures),
    personnes_cdi: personsOf({ type_contrat: 'CDI' }),
    part_femmes_debut: inMonths(ds, refs.moisFemmesDebut) ? women(refs.moisFemmesDebut) : null,
    part_femmes_fin: inMonths(ds, refs.moisFemmesFin) ? women(refs.moisFemmesFin) : null,
    part_marches_services_debut: inYears(ds, refs.anneeServicesDebut) ? services(refs.anneeServicesDebut) : null,
    part_marches_services_annee: year ? services(refs.annee) : null,
    marches_critere_attribution: contracts.nombre_marches_critere,
    marches_critere_attribution_annee: year ? ofYear(refs.annee).nombre_marches_critere : null,
    operations_critere_attribution_annee: year ? ofYear(refs.annee).nombre_operations_critere : null,
    facilitateurs: facilitatorsCount(ds),
    directions_executantes: executingDirections(ds),
  };
  const out = {} as Record<HeadlineId, HeadlineFigure>;
  for (const id of HEADLINE_IDS) {
    const def: HeadlineDefinition = HEADLINE_DEFINITIONS[id];
    out[id] = {
      id,
      valeur: values[id],
      precision: def.precision,
      unite: def.unite,
      reference: def.reference(refs, ds),
    };
  }
  return out;
}
