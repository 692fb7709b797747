/**
 * Code lists of the data contract with their public labels (FR first, EN second).
 *
 * The order of each list is the order of rows in published tables, so a table keeps the same
 * shape from one release to the next (a code with no data shows as a zero row, never vanishes).
 */

export interface Texte {
  fr: string;
  en: string;
}

export type CodeList = Readonly<Record<string, Texte>>;

export const SEGMENTS = {
  TRAVAUX: { fr: 'Travaux', en: 'Works' },
  SERVICES: { fr: 'Services', en: 'Services' },
  FOURNITURES: { fr: 'Fournitures', en: 'Supplies' },
  PRESTATIONS_INTELLECTUELLES: { fr: 'Prestations intellectuelles', en: 'Intellectual services' },
} as const satisfies CodeList;

export const DIRECTIONS = {
  PATRIMOINE: { fr: 'Direction du patrimoine immobilier', en: 'Real estate directorate' },
  TRANSPORTS: { fr: 'Direction des transports et de la mobilité', en: 'Transport and mobility directorate' },
  SERVICES_GENERAUX: { fr: 'Direction des services généraux', en: 'General services directorate' },
  COMMUNICATION: { fr: 'Direction de la communication', en: 'Communication directorate' },
  RESSOURCES_HUMAINES: { fr: 'Direction des ressources humaines', en: 'Human resources directorate' },
  LYCEES: { fr: 'Direction des lycées', en: 'Upper secondary schools directorate' },
  APPRENTISSAGE: { fr: "Direction de l'apprentissage", en: 'Apprenticeship directorate' },
  FINANCES: {
    fr: 'Direction des finances et de la commande publique',
    en: 'Finance and public procurement directorate',
  },
} as const satisfies CodeList;

export const TYPES_CLAUSE = {
  EXECUTION: { fr: "Clause d'exécution", en: 'Execution clause' },
  RESERVE: { fr: 'Marché réservé', en: 'Reserved contract' },
  AUCUNE: { fr: 'Sans clause', en: 'No clause' },
} as const satisfies CodeList;

export const TYPES_CONTRAT = {
  CDI: { fr: 'CDI (contrat à durée indéterminée)', en: 'Permanent contract (CDI)' },
  CDD: { fr: 'CDD (contrat à durée déterminée)', en: 'Fixed-term contract (CDD)' },
  CDDI: { fr: "CDDI (CDD d'insertion)", en: 'Insertion fixed-term contract (CDDI)' },
  CTTI: { fr: "CTTI (intérim d'insertion)", en: 'Insertion temp contract (CTTI)' },
  INTERIM: { fr: 'Intérim', en: 'Temp work' },
  APPRENTISSAGE: { fr: "Contrat d'apprentissage", en: 'Apprenticeship contract' },
  PROFESSIONNALISATION: { fr: 'Contrat de professionnalisation', en: 'Professionalisation contract' },
  AUTRE: { fr: 'Autre contrat', en: 'Other contract' },
} as const satisfies CodeList;

export const MODALITES = {
  EMBAUCHE_DIRECTE: { fr: 'Embauche directe', en: 'Direct hire' },
  MISE_A_DISPOSITION: { fr: 'Mise à disposition', en: 'Staff lending' },
  SOUS_TRAITANCE: { fr: 'Sous-traitance', en: 'Subcontracting' },
  FORMATION: { fr: 'Formation', en: 'Training' },
} as const satisfies CodeList;

export const TYPES_STRUCTURE = {
  ENTREPRISE: { fr: 'Entreprise titulaire', en: 'Contractor itself' },
  ETTI: { fr: "ETTI (entreprise de travail temporaire d'insertion)", en: 'ETTI (insertion temp agency)' },
  AI: { fr: 'AI (association intermédiaire)', en: 'AI (intermediary association)' },
  EI: { fr: "EI (entreprise d'insertion)", en: 'EI (insertion company)' },
  ACI: { fr: "ACI (atelier et chantier d'insertion)", en: 'ACI (insertion workshop)' },
  EITI: {
    fr: "EITI (entreprise d'insertion par le travail indépendant)",
    en: 'EITI (insertion through self-employment)',
  },
  GEIQ: {
    fr: "GEIQ (groupement d'employeurs pour l'insertion et la qualification)",
    en: "GEIQ (employers' group for insertion and qualification)",
  },
  ORGANISME_FORMATION: { fr: 'Organisme de formation', en: 'Training provider' },
} as const satisfies CodeList;

/** Insertion structures (SIAE) among `type_structure`. */
export const SIAE: ReadonlySet<string> = new Set(['ETTI', 'AI', 'EI', 'ACI', 'EITI']);

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

export const SEXES = {
  F: { fr: 'Femmes', en: 'Women' },
  H: { fr: 'Hommes', en: 'Men' },
} as const satisfies CodeList;

export const TRANCHES_AGE = {
  MOINS_26: { fr: 'Moins de 26 ans', en: 'Under 26' },
  '26_49': { fr: '26 à 49 ans', en: '26 to 49' },
  '50_PLUS': { fr: '50 ans et plus', en: '50 and over' },
} as const satisfies CodeList;

export const NIVEAUX_FORMATION = {
  INFRA_3: { fr: 'Sans diplôme (infra niveau 3)', en: 'No diploma (below level 3)' },
  NIVEAU_3: { fr: 'Niveau 3 (CAP, BEP)', en: 'Level 3 (CAP, BEP)' },
  NIVEAU_4: { fr: 'Niveau 4 (baccalauréat)', en: 'Level 4 (baccalaureate)' },
  NIVEAU_5_PLUS: { fr: 'Niveau 5 et plus (bac + 2 et plus)', en: 'Level 5 and above (2+ years of higher education)' },
  INCONNU: { fr: 'Non renseigné', en: 'Unknown' },
} as const satisfies CodeList;

/** Public categories (codes of the national inclusion platform's eligibility criteria). */
export const PUBLICS = {
  RSA: { fr: 'Bénéficiaire du RSA', en: 'Minimum income (RSA) recipient' },
  ASS: { fr: 'Allocataire ASS', en: 'Specific solidarity allowance (ASS) recipient' },
  AAH: { fr: 'Allocataire AAH', en: 'Disabled adult allowance (AAH) recipient' },
  DETLD: {
    fr: "Demandeur d'emploi de très longue durée (24 mois et plus)",
    en: 'Jobseeker unemployed 24 months or more',
  },
  DELD: { fr: "Demandeur d'emploi de longue durée (12 à 24 mois)", en: 'Jobseeker unemployed 12 to 24 months' },
  JEUNE: { fr: 'Jeune de moins de 26 ans', en: 'Young person under 26' },
  SENIOR: { fr: 'Senior (50 ans et plus)', en: 'Senior (50 and over)' },
  TH: { fr: 'Travailleur handicapé', en: 'Worker with a disability' },
  QPV: { fr: 'Résident QPV', en: 'Priority neighbourhood resident' },
  ZRR: { fr: 'Résident ZRR / ZFRR', en: 'Rural revitalisation area resident' },
  PI: { fr: 'Parent isolé', en: 'Single parent' },
  ASE: { fr: "Sortant de l'aide sociale à l'enfance", en: 'Care leaver' },
  REF_DA: { fr: "Réfugié, protégé ou demandeur d'asile", en: 'Refugee, protected person or asylum seeker' },
  PSH_PR: { fr: 'Personne sans hébergement ou en parcours de rue', en: 'Homeless person' },
  DETENTION_MJ: { fr: 'Sortant de détention ou sous main de justice', en: 'Prison leaver or under court supervision' },
  FLE: { fr: 'Maîtrise du français inférieure au niveau A1', en: 'French below level A1' },
  PM: { fr: 'Problème de mobilité', en: 'Mobility difficulty' },
  CAP_BEP: { fr: "Niveau d'étude 3 (CAP, BEP) ou infra", en: 'Education level 3 (CAP, BEP) or below' },
  AUTRE: { fr: 'Autre public', en: 'Other' },
} as const satisfies CodeList;

export const SITUATIONS_SORTIE = {
  EMPLOI_DURABLE: {
    fr: 'Emploi durable (CDI, CDD de 6 mois et plus)',
    en: 'Lasting job (permanent, fixed-term 6 months or more)',
  },
  EMPLOI_TEMPORAIRE: { fr: 'Emploi temporaire', en: 'Temporary job' },
  FORMATION: { fr: 'Formation', en: 'Training' },
  DEMANDEUR_EMPLOI: { fr: "Demandeur d'emploi", en: 'Jobseeker' },
  AUTRE: { fr: 'Autre situation', en: 'Other' },
  EN_COURS: { fr: 'Parcours en cours', en: 'Still in the scheme' },
  INCONNUE: { fr: 'Situation inconnue', en: 'Unknown' },
} as const satisfies CodeList;

export const TAILLES_ENTREPRISE = {
  TPE: { fr: 'Très petite entreprise (TPE)', en: 'Micro-enterprise' },
  PME: { fr: 'Petite ou moyenne entreprise (PME)', en: 'Small or medium-sized enterprise' },
  ETI: { fr: 'Entreprise de taille intermédiaire (ETI)', en: 'Mid-sized enterprise' },
  GE: { fr: 'Grande entreprise (GE)', en: 'Large enterprise' },
} as const satisfies CodeList;

/** NAF rev. 2 sections. */
export const SECTEURS = {
  A: { fr: 'Agriculture, sylviculture et pêche', en: 'Agriculture, forestry and fishing' },
  B: { fr: 'Industries extractives', en: 'Mining and quarrying' },
  C: { fr: 'Industrie manufacturière', en: 'Manufacturing' },
  D: {
    fr: "Production et distribution d'électricité, de gaz, de vapeur et d'air conditionné",
    en: 'Electricity, gas, steam and air conditioning supply',
  },
  E: {
    fr: "Production et distribution d'eau ; assainissement, gestion des déchets et dépollution",
    en: 'Water supply; sewerage, waste management and remediation',
  },
  F: { fr: 'Construction', en: 'Construction' },
  G: {
    fr: "Commerce ; réparation d'automobiles et de motocycles",
    en: 'Wholesale and retail trade; repair of motor vehicles',
  },
  H: { fr: 'Transports et entreposage', en: 'Transportation and storage' },
  I: { fr: 'Hébergement et restauration', en: 'Accommodation and food service' },
  J: { fr: 'Information et communication', en: 'Information and communication' },
  K: { fr: "Activités financières et d'assurance", en: 'Financial and insurance activities' },
  L: { fr: 'Activités immobilières', en: 'Real estate activities' },
  M: {
    fr: 'Activités spécialisées, scientifiques et techniques',
    en: 'Professional, scientific and technical activities',
  },
  N: { fr: 'Activités de services administratifs et de soutien', en: 'Administrative and support service activities' },
  O: { fr: 'Administration publique', en: 'Public administration' },
  P: { fr: 'Enseignement', en: 'Education' },
  Q: { fr: 'Santé humaine et action sociale', en: 'Human health and social work' },
  R: { fr: 'Arts, spectacles et activités récréatives', en: 'Arts, entertainment and recreation' },
  S: { fr: 'Autres activités de services', en: 'Other service activities' },
  T: { fr: 'Activités des ménages en tant qu’employeurs', en: 'Activities of households as employers' },
  U: { fr: 'Activités extra-territoriales', en: 'Extraterritorial organisations' },
} as const satisfies CodeList;

export const TYPES_FACILITATEUR = {
  MAISON_EMPLOI: { fr: "Maison de l'emploi", en: 'Employment centre (maison de l’emploi)' },
  PLIE: { fr: "PLIE (plan local pour l'insertion et l'emploi)", en: 'Local insertion and employment plan (PLIE)' },
  COLLECTIVITE: { fr: 'Collectivité territoriale', en: 'Local authority' },
  AUTRE: { fr: 'Autre structure', en: 'Other organisation' },
} as const satisfies CodeList;

/** INSEE départements (names). */
export const DEPARTEMENTS: CodeList = Object.fromEntries(
  (
    [
      ['01', 'Ain'],
      ['02', 'Aisne'],
      ['03', 'Allier'],
      ['04', 'Alpes-de-Haute-Provence'],
      ['05', 'Hautes-Alpes'],
      ['06', 'Alpes-Maritimes'],
      ['07', 'Ardèche'],
      ['08', 'Ardennes'],
      ['09', 'Ariège'],
      ['10', 'Aube'],
      ['11', 'Aude'],
      ['12', 'Aveyron'],
      ['13', 'Bouches-du-Rhône'],
      ['14', 'Calvados'],
      ['15', 'Cantal'],
      ['16', 'Charente'],
      ['17', 'Charente-Maritime'],
      ['18', 'Cher'],
      ['19', 'Corrèze'],
      ['2A', 'Corse-du-Sud'],
      ['2B', 'Haute-Corse'],
      ['21', "Côte-d'Or"],
      ['22', "Côtes-d'Armor"],
      ['23', 'Creuse'],
      ['24', 'Dordogne'],
      ['25', 'Doubs'],
      ['26', 'Drôme'],
      ['27', 'Eure'],
      ['28', 'Eure-et-Loir'],
      ['29', 'Finistère'],
      ['30', 'Gard'],
      ['31', 'Haute-Garonne'],
      ['32', 'Gers'],
      ['33', 'Gironde'],
      ['34', 'Hérault'],
      ['35', 'Ille-et-Vilaine'],
      ['36', 'Indre'],
      ['37', 'Indre-et-Loire'],
      ['38', 'Isère'],
      ['39', 'Jura'],
      ['40', 'Landes'],
      ['41', 'Loir-et-Cher'],
      ['42', 'Loire'],
      ['43', 'Haute-Loire'],
      ['44', 'Loire-Atlantique'],
      ['45', 'Loiret'],
      ['46', 'Lot'],
      ['47', 'Lot-et-Garonne'],
      ['48', 'Lozère'],
      ['49', 'Maine-et-Loire'],
      ['50', 'Manche'],
      ['51', 'Marne'],
      ['52', 'Haute-Marne'],
      ['53', 'Mayenne'],
      ['54', 'Meurthe-et-Moselle'],
      ['55', 'Meuse'],
      ['56', 'Morbihan'],
      ['57', 'Moselle'],
      ['58', 'Nièvre'],
      ['59', 'Nord'],
      ['60', 'Oise'],
      ['61', 'Orne'],
      ['62', 'Pas-de-Calais'],
      ['63', 'Puy-de-Dôme'],
      ['64', 'Pyrénées-Atlantiques'],
      ['65', 'Hautes-Pyrénées'],
      ['66', 'Pyrénées-Orientales'],
      ['67', 'Bas-Rhin'],
      ['68', 'Haut-Rhin'],
      ['69', 'Rhône'],
      ['70', 'Haute-Saône'],
      ['71', 'Saône-et-Loire'],
      ['72', 'Sarthe'],
      ['73', 'Savoie'],
      ['74', 'Haute-Savoie'],
      ['75', 'Paris'],
      ['76', 'Seine-Maritime'],
      ['77', 'Seine-et-Marne'],
      ['78', 'Yvelines'],
      ['79', 'Deux-Sèvres'],
      ['80', 'Somme'],
      ['81', 'Tarn'],
      ['82', 'Tarn-et-Garonne'],
      ['83', 'Var'],
      ['84', 'Vaucluse'],
      ['85', 'Vendée'],
      ['86', 'Vienne'],
      ['87', 'Haute-Vienne'],
      ['88', 'Vosges'],
      ['89', 'Yonne'],
      ['90', 'Territoire de Belfort'],
      ['91', 'Essonne'],
      ['92', 'Hauts-de-Seine'],
      ['93', 'Seine-Saint-Denis'],
      ['94', 'Val-de-Marne'],
      ['95', "Val-d'Oise"],
      ['971', 'Guadeloupe'],
      ['972', 'Martinique'],
      ['973', 'Guyane'],
      ['974', 'La Réunion'],
      ['976', 'Mayotte'],
    ] as const
  ).map(([code, nom]) => [code, { fr: nom, en: nom }]),
);

/** Legal annual working time in France (hours): the full-time-equivalent convention. */
export const HEURES_ANNUELLES_ETP = 1607;

/** Label of a code, or the code itself when the list does not know it. */
export function libelle(list: CodeList, code: string): Texte {
  return list[code] ?? { fr: code, en: code };
}
