import type { Dimension } from './indicators/dimensions.ts';
import type { HeadlineId } from './indicators/headline.ts';
import type { Bilingual } from './lang.ts';

/**
 * UN Sustainable Development Goals (ODD in French) the programme contributes to, and which
 * published indicator speaks to which target, with the reason.
 *
 * Wording of 8.5, 8.6 and 17.17: verbatim from the project's domain brief (official UN text).
 * Wording of the related targets 8.3, 10.2 and 12.7: official UN text of resolution A/RES/70/1
 * (French and English versions).
 */
export const CIBLES_ODD = {
  '8.5': {
    objectif: 8,
    fr: "D'ici à 2030, parvenir au plein emploi productif et garantir à toutes les femmes et à tous les hommes, y compris les jeunes et les personnes handicapées, un travail décent et un salaire égal pour un travail de valeur égale",
    en: 'By 2030, achieve full and productive employment and decent work for all women and men, including for young people and persons with disabilities, and equal pay for work of equal value',
    principale: true,
  },
  '8.6': {
    objectif: 8,
    fr: "D'ici à 2020, réduire nettement la proportion de jeunes non scolarisés et sans emploi ni formation",
    en: 'By 2020, substantially reduce the proportion of youth not in employment, education or training',
    principale: true,
  },
  '17.17': {
    objectif: 17,
    fr: "Encourager et promouvoir les partenariats publics, les partenariats public-privé et les partenariats avec la société civile, en faisant fond sur l'expérience acquise et les stratégies de financement appliquées en la matière",
    en: 'Encourage and promote effective public, public-private and civil society partnerships, building on the experience and resourcing strategies of partnerships',
    principale: true,
  },
  '8.3': {
    objectif: 8,
    fr: "Promouvoir des politiques axées sur le développement qui favorisent des activités productives, la création d'emplois décents, l'entrepreneuriat, la créativité et l'innovation et stimulent la croissance des microentreprises et des petites et moyennes entreprises et facilitent leur intégration dans le secteur formel, y compris par l'accès aux services financiers",
    en: 'Promote development-oriented policies that support productive activities, decent job creation, entrepreneurship, creativity and innovation, and encourage the formalization and growth of micro-, small- and medium-sized enterprises, including through access to financial services',
    principale: false,
  },
  '10.2': {
    objectif: 10,
    fr: "D'ici à 2030, autonomiser toutes les personnes et favoriser leur intégration sociale, économique et politique, indépendamment de leur âge, de leur sexe, de leur handicap, de leur race, de leur appartenance ethnique, de leurs origines, de leur religion ou de leur statut économique ou autre",
    en: 'By 2030, empower and promote the social, economic and political inclusion of all, irrespective of age, sex, disability, race, ethnicity, origin, religion or economic or other status',
    principale: false,
  },
  '12.7': {
    objectif: 12,
    fr: 'Promouvoir des pratiques durables dans le cadre de la passation des marchés publics, conformément aux politiques et priorités nationales',
    en: 'Promote public procurement practices that are sustainable, in accordance with national policies and priorities',
    principale: false,
  },
} as const satisfies Record<string, Bilingual & { objectif: number; principale: boolean }>;

export type CibleOdd = keyof typeof CIBLES_ODD;

export interface Alignement {
  cibles: CibleOdd[];
  raison: Bilingual;
}

/** Subjects a published table or figure is about: the measures, or the dimension it breaks them down by. */
export type SujetOdd = 'heures' | 'marches' | Dimension | HeadlineId;

const heures: Alignement = {
  cibles: ['8.5', '10.2'],
  raison: {
    fr: "Les heures d'insertion sont des heures de travail rémunéré offertes à des personnes éloignées de l'emploi.",
    en: 'Insertion hours are paid working hours offered to people far from employment.',
  },
};
const marches: Alignement = {
  cibles: ['12.7'],
  raison: {
    fr: 'La clause sociale fait de la commande publique un levier de développement durable.',
    en: 'The social clause makes public procurement a lever for sustainable development.',
  },
};
const partenariat: Alignement = {
  cibles: ['17.17'],
  raison: {
    fr: "Le dispositif repose sur un partenariat entre l'acheteur public, les entreprises titulaires, les facilitateurs et les structures d'insertion.",
    en: 'The scheme rests on a partnership between the public buyer, contractors, facilitators and insertion structures.',
  },
};
const jeunes: Alignement = {
  cibles: ['8.6', '8.5'],
  raison: {
    fr: "L'alternance et l'accès des jeunes à l'emploi réduisent la part de jeunes sans emploi ni formation.",
    en: 'Work-study and young people’s access to jobs reduce the share of youth not in employment, education or training.',
  },
};
const egalite: Alignement = {
  cibles: ['8.5', '10.2'],
  raison: {
    fr: "Mesure l'accès au travail décent de tous, femmes et hommes, personnes handicapées et publics prioritaires.",
    en: 'Measures access to decent work for all: women and men, persons with disabilities, priority groups.',
  },
};
const qualite: Alignement = {
  cibles: ['8.5'],
  raison: {
    fr: "Le type de contrat et la situation à la sortie disent si l'emploi offert est durable.",
    en: 'Contract type and situation after the clause tell whether the job offered lasts.',
  },
};
const entreprises: Alignement = {
  cibles: ['8.3', '17.17'],
  raison: {
    fr: 'Les TPE/PME titulaires recrutent avec l’appui du dispositif : création d’emplois et partenariat public-privé.',
    en: 'Small contractors hire with the scheme’s support: job creation and public-private partnership.',
  },
};
const structures: Alignement = {
  cibles: ['8.3', '10.2'],
  raison: {
    fr: "Les structures de l'insertion par l'activité économique (SIAE, GEIQ) accompagnent les personnes vers l'emploi.",
    en: 'Insertion structures (SIAE, GEIQ) support people on their way to employment.',
  },
};

/** Which SDG targets each subject serves, and why. */
export const ALIGNEMENT_ODD: Record<SujetOdd, Alignement> = {
  heures,
  marches,
  annee: heures,
  mois: heures,
  annee_notification: marches,
  segment: marches,
  type_clause: marches,
  direction: partenariat,
  departement: heures,
  id_operation: marches,
  id_facilitateur: partenariat,
  type_contrat: qualite,
  famille_contrat: jeunes,
  modalite: structures,
  type_structure: structures,
  famille_structure: structures,
  sexe: egalite,
  tranche_age: jeunes,
  niveau_formation: jeunes,
  public: egalite,
  qpv: egalite,
  rqth: egalite,
  situation_sortie: qualite,
  taille_entreprise: entreprises,
  secteur_entreprise: entreprises,
  marches_avec_clause: marches,
  marches_avec_clause_annee: marches,
  operations: marches,
  operations_annee: marches,
  heures_annee: heures,
  heures_annee_precedente: heures,
  personnes_annee: heures,
  personnes_annee_precedente: heures,
  mois_couverts: heures,
  heures_realisees: heures,
  personnes: heures,
  entreprises_ayant_embauche: entreprises,
  part_heures_siae: structures,
  part_heures_alternance: jeunes,
  personnes_alternance: jeunes,
  part_heures_cdi: qualite,
  personnes_cdi: qualite,
  part_femmes_debut: egalite,
  part_femmes_fin: egalite,
  part_marches_services_debut: marches,
  part_marches_services_annee: marches,
  marches_critere_attribution: marches,
  marches_critere_attribution_annee: marches,
  operations_critere_attribution_annee: marches,
  facilitateurs: partenariat,
  directions_executantes: partenariat,
};

/** Targets of several subjects, deduplicated, in the order of CIBLES_ODD. */
export function ciblesDe(...sujets: SujetOdd[]): CibleOdd[] {
  const wanted = new Set(sujets.flatMap((s) => ALIGNEMENT_ODD[s].cibles));
  return (Object.keys(CIBLES_ODD) as CibleOdd[]).filter((c) => wanted.has(c));
}
