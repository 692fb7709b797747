/**
 * Hand-written reference lists the sample is drawn from: towns of the five départements, the
 * twelve facilitators, lot catalogues with their CPV codes, kinds of operations.
 * Names of places are real; every operation built from them is invented.
 */

export type Segment = 'TRAVAUX' | 'SERVICES' | 'FOURNITURES' | 'PRESTATIONS_INTELLECTUELLES';
export type Direction = 'PATRIMOINE' | 'TRANSPORTS' | 'SERVICES_GENERAUX' | 'COMMUNICATION' | 'RESSOURCES_HUMAINES' | 'LYCEES' | 'APPRENTISSAGE';
export type Departement = '44' | '49' | '53' | '72' | '85';
export const DEPARTEMENTS: readonly Departement[] = ['44', '49', '53', '72', '85'];

export interface Facilitator {
  id: string;
  name: string;
  type: 'MAISON_EMPLOI' | 'PLIE' | 'COLLECTIVITE' | 'AUTRE';
  departement: Departement;
}

/** Twelve facilitators, as the Région reports; names of the kind of structure, per area. */
export const FACILITATORS: readonly Facilitator[] = [
  { id: 'FAC01', name: "Maison de l'emploi de la métropole nantaise", type: 'MAISON_EMPLOI', departement: '44' },
  { id: 'FAC02', name: 'PLIE de la métropole nantaise', type: 'PLIE', departement: '44' },
  { id: 'FAC03', name: "Maison de l'emploi et de la formation de l'agglomération nazairienne", type: 'MAISON_EMPLOI', departement: '44' },
  { id: 'FAC04', name: "Communauté de communes du Pays d'Ancenis — service emploi", type: 'COLLECTIVITE', departement: '44' },
  { id: 'FAC05', name: 'Angers Loire Métropole — mission clauses sociales', type: 'COLLECTIVITE', departement: '49' },
  { id: 'FAC06', name: "Maison de l'emploi du Choletais", type: 'MAISON_EMPLOI', departement: '49' },
  { id: 'FAC07', name: 'PLIE du Saumurois', type: 'PLIE', departement: '49' },
  { id: 'FAC08', name: 'Laval Agglomération — service emploi et insertion', type: 'COLLECTIVITE', departement: '53' },
  { id: 'FAC09', name: "Maison de l'emploi et de la formation du Mans", type: 'MAISON_EMPLOI', departement: '72' },
  { id: 'FAC10', name: "Maison de l'emploi du Sud Sarthe", type: 'MAISON_EMPLOI', departement: '72' },
  { id: 'FAC11', name: "La Roche-sur-Yon Agglomération — mission clauses d'insertion", type: 'COLLECTIVITE', departement: '85' },
  { id: 'FAC12', name: 'Association pour les clauses sociales du littoral vendéen', type: 'AUTRE', departement: '85' },
];

export interface Town {
  name: string;
  /** "de X" / "du X" / "des X" / "d'X", for labels such as « Lycée de Saumur ». */
  of: string;
  departement: Departement;
  /** Facilitators covering the town (the first is the usual one). */
  facilitators: readonly string[];
  /** Relative size, drives how often a town hosts an operation. */
  weight: number;
}

function town(name: string, departement: Departement, facilitators: string[], weight: number, of?: string): Town {
  const fallback = /^[AEIOUÉÈÂ]/.test(name) ? `d'${name}` : name.startsWith('Le ') ? `du ${name.slice(3)}` : name.startsWith('Les ') ? `des ${name.slice(4)}` : `de ${name}`;
  return { name, of: of ?? fallback, departement, facilitators, weight };
}

export const TOWNS: readonly Town[] = [
  town('Nantes', '44', ['FAC01', 'FAC02'], 10),
  town('Saint-Herblain', '44', ['FAC02', 'FAC01'], 2),
  town('Rezé', '44', ['FAC02', 'FAC01'], 2),
  town('Orvault', '44', ['FAC01'], 1),
  town('Carquefou', '44', ['FAC01'], 1),
  town('Saint-Nazaire', '44', ['FAC03'], 4),
  town('Guérande', '44', ['FAC03'], 1.5),
  town('La Baule-Escoublac', '44', ['FAC03'], 1, 'de La Baule-Escoublac'),
  town('Savenay', '44', ['FAC03'], 1),
  town('Pornic', '44', ['FAC03'], 1),
  town('Ancenis', '44', ['FAC04'], 1.5),
  town('Châteaubriant', '44', ['FAC04'], 1.5),
  town('Clisson', '44', ['FAC04', 'FAC01'], 1),
  town('Blain', '44', ['FAC04'], 0.7),
  town('Angers', '49', ['FAC05'], 6),
  town('Avrillé', '49', ['FAC05'], 1),
  town('Les Ponts-de-Cé', '49', ['FAC05'], 0.8),
  town('Segré', '49', ['FAC05'], 1),
  town('Cholet', '49', ['FAC06'], 3),
  town('Beaupréau', '49', ['FAC06'], 1),
  town('Chemillé', '49', ['FAC06'], 0.7),
  town('Saumur', '49', ['FAC07'], 2.5),
  town('Doué-la-Fontaine', '49', ['FAC07'], 0.7),
  town('Baugé', '49', ['FAC07'], 0.7),
  town('Laval', '53', ['FAC08'], 3.5),
  town('Mayenne', '53', ['FAC08'], 1.2, 'de Mayenne'),
  town('Château-Gontier', '53', ['FAC08'], 1.2),
  town('Évron', '53', ['FAC08'], 0.8),
  town('Ernée', '53', ['FAC08'], 0.6),
  town('Craon', '53', ['FAC08'], 0.6),
  town('Le Mans', '72', ['FAC09'], 6),
  town('Allonnes', '72', ['FAC09'], 0.8),
  town('Coulaines', '72', ['FAC09'], 0.6),
  town('La Ferté-Bernard', '72', ['FAC09'], 1, 'de La Ferté-Bernard'),
  town('Mamers', '72', ['FAC09'], 0.7),
  town('La Flèche', '72', ['FAC10'], 1.5, 'de La Flèche'),
  town('Sablé-sur-Sarthe', '72', ['FAC10'], 1.5),
  town('Château-du-Loir', '72', ['FAC10'], 0.8),
  town('La Roche-sur-Yon', '85', ['FAC11'], 4, 'de La Roche-sur-Yon'),
  town('Les Herbiers', '85', ['FAC11'], 1.2),
  town('Montaigu', '85', ['FAC11'], 1),
  town('Chantonnay', '85', ['FAC11'], 0.7),
  town('Fontenay-le-Comte', '85', ['FAC11'], 1.2),
  town('Luçon', '85', ['FAC11'], 1),
  town("Les Sables-d'Olonne", '85', ['FAC12'], 2),
  town('Challans', '85', ['FAC12'], 1.5),
  town('Saint-Gilles-Croix-de-Vie', '85', ['FAC12'], 1),
];

/** A kind of lot: label, CPV code (real codes of the CPV 2008 nomenclature), size and length. */
export interface LotKind {
  label: string;
  cpv: string;
  /** Relative weight: drives planned and carried-out insertion hours. */
  weight: number;
  /** Execution length range in months. */
  months: readonly [number, number];
}

/** Building lots, in the usual order of a French « allotissement ». */
export const BUILDING_LOTS: readonly LotKind[] = [
  { label: 'Désamiantage – démolition', cpv: '45262660-5', weight: 0.8, months: [4, 10] },
  { label: 'Terrassement – VRD', cpv: '45112500-0', weight: 1.2, months: [6, 18] },
  { label: 'Gros œuvre', cpv: '45223220-4', weight: 3, months: [12, 28] },
  { label: 'Charpente – couverture', cpv: '45261000-4', weight: 1.2, months: [8, 18] },
  { label: 'Étanchéité', cpv: '45261420-4', weight: 0.6, months: [6, 14] },
  { label: 'Menuiseries extérieures', cpv: '45421100-5', weight: 1, months: [8, 18] },
  { label: 'Serrurerie – métallerie', cpv: '45262670-8', weight: 0.7, months: [8, 18] },
  { label: 'Plâtrerie – isolation', cpv: '45410000-4', weight: 1.4, months: [8, 18] },
  { label: 'Menuiseries intérieures', cpv: '45421000-4', weight: 1, months: [8, 18] },
  { label: 'Cloisons – faux plafonds', cpv: '45421146-9', weight: 0.8, months: [6, 14] },
  { label: 'Carrelage – faïence', cpv: '45431000-7', weight: 0.6, months: [6, 12] },
  { label: 'Revêtements de sols', cpv: '45432100-5', weight: 0.6, months: [6, 12] },
  { label: 'Peinture – revêtements muraux', cpv: '45442100-8', weight: 1, months: [6, 14] },
  { label: 'Électricité – courants faibles', cpv: '45310000-3', weight: 1.2, months: [10, 20] },
  { label: 'Plomberie – sanitaires', cpv: '45330000-9', weight: 0.9, months: [10, 20] },
  { label: 'Chauffage – ventilation – climatisation', cpv: '45331000-6', weight: 1.1, months: [10, 20] },
  { label: 'Ascenseurs', cpv: '45313100-5', weight: 0.3, months: [6, 14] },
  { label: 'Espaces verts', cpv: '45112700-2', weight: 0.7, months: [4, 10] },
];

/** Lots of a station / interchange hub operation. */
export const STATION_LOTS: readonly LotKind[] = [
  { label: 'Terrassement – voirie – réseaux divers', cpv: '45233140-2', weight: 2, months: [8, 18] },
  { label: 'Gros œuvre – quais', cpv: '45223220-4', weight: 1.8, months: [8, 18] },
  { label: 'Abris voyageurs – serrurerie', cpv: '45262670-8', weight: 0.8, months: [6, 12] },
  { label: 'Éclairage – courants faibles', cpv: '45310000-3', weight: 0.8, months: [6, 12] },
  { label: 'Aménagements paysagers', cpv: '45112700-2', weight: 0.7, months: [4, 10] },
  { label: 'Rénovation du bâtiment voyageurs', cpv: '45453000-7', weight: 1.2, months: [8, 16] },
];

export type WorksKind = 'LYCEE' | 'CFA' | 'BATIMENT_REGIONAL' | 'GARE';

export const WORKS_KINDS: readonly {
  kind: WorksKind;
  direction: Direction;
  weight: number;
  programmes: readonly string[];
}[] = [
  {
    kind: 'LYCEE',
    direction: 'LYCEES',
    weight: 58,
    programmes: [
      'restructuration de la demi-pension',
      "construction d'un internat",
      "réhabilitation de l'externat",
      'rénovation énergétique des bâtiments',
      'extension des ateliers',
      'restructuration et extension',
      'mise en accessibilité',
      "construction d'un gymnase",
      'rénovation des salles de sciences',
      'reconstruction du pôle enseignement général',
    ],
  },
  {
    kind: 'CFA',
    direction: 'APPRENTISSAGE',
    weight: 10,
    programmes: ['extension des ateliers', "construction d'un plateau technique", 'restructuration des locaux', "rénovation de l'hébergement des apprentis"],
  },
  {
    kind: 'BATIMENT_REGIONAL',
    direction: 'PATRIMOINE',
    weight: 14,
    programmes: ['rénovation énergétique', 'restructuration des bureaux', 'réfection des façades', 'aménagement des locaux'],
  },
  {
    kind: 'GARE',
    direction: 'TRANSPORTS',
    weight: 14,
    programmes: ["pôle d'échanges multimodal", 'mise en accessibilité des quais', 'réaménagement du parvis et du stationnement'],
  },
];

export const LYCEE_TYPES: readonly (readonly [string, number])[] = [
  ['Lycée', 4],
  ['Lycée professionnel', 3],
  ['Lycée polyvalent', 2],
  ['Lycée agricole', 0.6],
];

export const CFA_TYPES: readonly string[] = ['CFA du BTP', 'CFA interprofessionnel', 'CFA des métiers', 'Campus des métiers'];

export const REGIONAL_BUILDINGS: readonly { label: string; town: string }[] = [
  { label: 'Hôtel de Région', town: 'Nantes' },
  { label: 'Bâtiment administratif régional du quai Ceineray', town: 'Nantes' },
  { label: 'Maison de la Région', town: 'Angers' },
  { label: 'Maison de la Région', town: 'Laval' },
  { label: 'Maison de la Région', town: 'Le Mans' },
  { label: 'Maison de la Région', town: 'La Roche-sur-Yon' },
  { label: 'Maison de la Région', town: 'Saint-Nazaire' },
  { label: 'Archives et réserves régionales', town: 'Carquefou' },
];

/** Kinds of service operations, each with its direction, lot labels and codes. */
export type ServiceKind = 'NETTOYAGE' | 'ESPACES_VERTS' | 'MAINTENANCE' | 'TRANSPORT' | 'IMPRESSION' | 'EVENEMENTS' | 'PETITE_ENFANCE' | 'RESTAURATION' | 'INFORMATIQUE';

export interface ServiceKindDef {
  kind: ServiceKind;
  direction: Direction;
  name: string;
  lot: { label: string; cpv: string };
  weight: number;
  months: readonly number[];
  /** NAF section of the companies that win such lots. */
  secteur: string;
  /** Propensity of women among the persons it employs (higher = more women). */
  women: number;
}

export const SERVICE_KINDS: Readonly<Record<ServiceKind, ServiceKindDef>> = {
  NETTOYAGE: {
    kind: 'NETTOYAGE',
    direction: 'SERVICES_GENERAUX',
    name: 'Nettoyage des locaux régionaux',
    lot: { label: 'nettoyage et vitrerie', cpv: '90911200-8' },
    weight: 2.2,
    months: [24, 36, 48],
    secteur: 'N',
    women: 2.2,
  },
  ESPACES_VERTS: {
    kind: 'ESPACES_VERTS',
    direction: 'LYCEES',
    name: 'Entretien des espaces verts des lycées',
    lot: { label: 'entretien des espaces verts', cpv: '77310000-6' },
    weight: 1.2,
    months: [12, 24, 36],
    secteur: 'N',
    women: 0.3,
  },
  MAINTENANCE: {
    kind: 'MAINTENANCE',
    direction: 'LYCEES',
    name: 'Maintenance des installations techniques des lycées',
    lot: { label: 'maintenance multitechnique', cpv: '50700000-2' },
    weight: 1.3,
    months: [24, 36, 48],
    secteur: 'F',
    women: 0.2,
  },
  TRANSPORT: {
    kind: 'TRANSPORT',
    direction: 'TRANSPORTS',
    name: 'Transport routier régional de voyageurs',
    lot: { label: 'lignes régulières', cpv: '60112000-6' },
    weight: 1.6,
    months: [36, 48],
    secteur: 'H',
    women: 1.2,
  },
  IMPRESSION: {
    kind: 'IMPRESSION',
    direction: 'COMMUNICATION',
    name: 'Impression des supports de communication de la Région',
    lot: { label: 'impression', cpv: '79810000-5' },
    weight: 0.5,
    months: [12, 24, 36],
    secteur: 'C',
    women: 1.5,
  },
  EVENEMENTS: {
    kind: 'EVENEMENTS',
    direction: 'COMMUNICATION',
    name: 'Organisation des événements régionaux',
    lot: { label: 'logistique événementielle', cpv: '79952000-2' },
    weight: 0.5,
    months: [12, 24],
    secteur: 'N',
    women: 1.6,
  },
  PETITE_ENFANCE: {
    kind: 'PETITE_ENFANCE',
    direction: 'RESSOURCES_HUMAINES',
    name: "Places d'accueil en crèche pour les enfants des agents",
    lot: { label: 'accueil de la petite enfance', cpv: '85312110-3' },
    weight: 0.9,
    months: [36, 48],
    secteur: 'Q',
    women: 3,
  },
  RESTAURATION: {
    kind: 'RESTAURATION',
    direction: 'RESSOURCES_HUMAINES',
    name: 'Restauration collective des agents régionaux',
    lot: { label: 'restauration', cpv: '55520000-1' },
    weight: 1.2,
    months: [36, 48],
    secteur: 'I',
    women: 2,
  },
  INFORMATIQUE: {
    kind: 'INFORMATIQUE',
    direction: 'SERVICES_GENERAUX',
    name: 'Assistance et maintenance informatique des sites régionaux',
    lot: { label: 'assistance utilisateurs et maintenance', cpv: '72250000-2' },
    weight: 0.6,
    months: [24, 36, 48],
    secteur: 'J',
    women: 1,
  },
};

/** Service operations launched each year (services start modestly; wider from 2015). */
export const SERVICE_OPERATIONS_BY_YEAR: Readonly<Record<number, readonly ServiceKind[]>> = {
  2012: ['NETTOYAGE'],
  2013: ['NETTOYAGE', 'ESPACES_VERTS'],
  2014: ['MAINTENANCE', 'NETTOYAGE'],
  2015: ['TRANSPORT', 'IMPRESSION', 'ESPACES_VERTS'],
  2016: ['PETITE_ENFANCE', 'INFORMATIQUE', 'NETTOYAGE'],
  2017: ['TRANSPORT', 'RESTAURATION', 'EVENEMENTS', 'ESPACES_VERTS'],
  2018: ['NETTOYAGE', 'TRANSPORT', 'PETITE_ENFANCE'],
};

/** Service kinds whose lots may be reserved to SIAE (marché réservé). */
export const RESERVABLE: ReadonlySet<ServiceKind> = new Set(['NETTOYAGE', 'ESPACES_VERTS']);

/** Maîtrise d'œuvre (intellectual services), added to works operations from 2015. */
export const MOE_LOT = { label: "Maîtrise d'œuvre", cpv: '71221000-3', weight: 0.12, months: [24, 48] as const };
export const OPC_LOT = { label: 'Ordonnancement, pilotage et coordination (OPC)', cpv: '71520000-9', weight: 0.1, months: [18, 36] as const };

/** Supplies lots, attached to lycée operations. */
export const SUPPLY_LOTS: readonly { label: string; cpv: string; secteur: string }[] = [
  { label: 'Fourniture et pose du mobilier', cpv: '39160000-1', secteur: 'G' },
  { label: 'Équipement informatique des salles', cpv: '30200000-1', secteur: 'G' },
];

/** Companies' départements outside the region (headquarters of larger firms, neighbours). */
export const OUTSIDE_DEPARTEMENTS: readonly string[] = ['35', '56', '79', '37', '61', '14', '75', '69', '86', '92'];
