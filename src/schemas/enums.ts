/**
 * Every enumeration of the data contract (docs/contrat-de-donnees.md).
 *
 * Each entry is a canonical `code` (what validated tables and published files hold) with its French
 * and English labels. On input, a cell matches an entry when, after trimming, it equals the code, the
 * French label or one of the `aliases` — ignoring case, accents, apostrophe style and the difference
 * between spaces, `_` and `-` (see {@link enumKey}). Aliases carry the labels of the national
 * procurement format (DECP), so a DECP export can be used as is.
 */
import { z } from 'zod';
import geographie from '../../data/references/geographie-insee.json' with { type: 'json' };

/** One allowed value of an enumeration. */
export interface EnumEntry {
  /** Canonical code, as published. */
  readonly code: string;
  /** French label. */
  readonly fr: string;
  /** English label. */
  readonly en: string;
  /** Other spellings accepted on input (e.g. the DECP label). */
  readonly aliases?: readonly string[];
}

/** A list of allowed values, in their natural order (the order used by pages and sorts). */
export type Enumeration = readonly EnumEntry[];

/** The codes of an enumeration, typed as the union of its literal codes. */
export function codesOf<const E extends Enumeration>(entries: E): readonly E[number]['code'][] {
  return entries.map((e) => e.code);
}

/**
 * The matching key of a spelling: lower case, without accents, typographic apostrophes made
 * straight, runs of spaces, `_` and `-` made one space.
 */
export function enumKey(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’ʼ`]/g, "'")
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

const lookups = new WeakMap<Enumeration, ReadonlyMap<string, string>>();

/**
 * The map from matching key to canonical code of an enumeration (built once per enumeration).
 * Throws when two entries share a key: the enumeration itself would be ambiguous.
 */
export function enumLookup(entries: Enumeration): ReadonlyMap<string, string> {
  let map = lookups.get(entries);
  if (map) return map;
  const built = new Map<string, string>();
  for (const e of entries) {
    for (const spelling of [e.code, e.fr, ...(e.aliases ?? [])]) {
      const key = enumKey(spelling);
      const seen = built.get(key);
      if (seen !== undefined && seen !== e.code) {
        throw new Error(`Ambiguous enumeration: "${spelling}" matches both ${seen} and ${e.code}`);
      }
      built.set(key, e.code);
    }
  }
  lookups.set(entries, built);
  map = built;
  return map;
}

/** The canonical code a cell stands for, or `undefined` when it matches no entry. */
export function matchCode(entries: Enumeration, raw: string): string | undefined {
  return enumLookup(entries).get(enumKey(raw));
}

// ---------------------------------------------------------------------------------------------
// marches.csv

export const SEGMENTS = [
  { code: 'TRAVAUX', fr: 'Travaux', en: 'Works' },
  { code: 'SERVICES', fr: 'Services', en: 'Services' },
  { code: 'FOURNITURES', fr: 'Fournitures', en: 'Supplies' },
  { code: 'PRESTATIONS_INTELLECTUELLES', fr: 'Prestations intellectuelles', en: 'Intellectual services' },
] as const satisfies Enumeration;

/** Procedures of DECP v2 (`procedure`); the DECP label is the French label. */
export const PROCEDURES = [
  { code: 'PROCEDURE_ADAPTEE', fr: 'Procédure adaptée', en: 'Adapted procedure (below EU thresholds)' },
  { code: 'APPEL_OFFRES_OUVERT', fr: "Appel d'offres ouvert", en: 'Open call for tenders' },
  { code: 'APPEL_OFFRES_RESTREINT', fr: "Appel d'offres restreint", en: 'Restricted call for tenders' },
  { code: 'PROCEDURE_NEGOCIATION', fr: 'Procédure avec négociation', en: 'Negotiated procedure' },
  {
    code: 'SANS_PUBLICITE',
    fr: 'Marché passé sans publicité ni mise en concurrence préalable',
    en: 'Contract awarded without prior publication or competition',
    aliases: ['Sans publicité ni mise en concurrence'],
  },
  { code: 'DIALOGUE_COMPETITIF', fr: 'Dialogue compétitif', en: 'Competitive dialogue' },
] as const satisfies Enumeration;

/** Social considerations of DECP v2 (`considerationsSociales`); the DECP label is the French label. */
export const CONSIDERATIONS_SOCIALES = [
  { code: 'CLAUSE_SOCIALE', fr: 'Clause sociale', en: 'Social clause' },
  { code: 'CRITERE_SOCIAL', fr: 'Critère social', en: 'Social award criterion' },
  { code: 'MARCHE_RESERVE', fr: 'Marché réservé', en: 'Reserved contract' },
  { code: 'PAS_DE_CONSIDERATION_SOCIALE', fr: 'Pas de considération sociale', en: 'No social consideration' },
] as const satisfies Enumeration;

export const TYPES_CLAUSE = [
  { code: 'EXECUTION', fr: "Clause d'exécution", en: 'Execution clause' },
  { code: 'RESERVE', fr: 'Marché réservé (SIAE, handicap)', en: 'Reserved contract (SIAE, disability)' },
  { code: 'AUCUNE', fr: "Pas de clause d'insertion", en: 'No insertion clause' },
] as const satisfies Enumeration;

/**
 * INSEE's official geography (code officiel géographique): the départements of metropolitan France
 * and the five overseas départements, and the regions (since 2016) with the départements each
 * holds. Reference data, not code: it lives in data/references/geographie-insee.json with its
 * source and licence, and is checked here as it is read.
 */
const GEOGRAPHIE = z
  .object({
    regions: z.array(z.object({ code: z.string(), fr: z.string(), en: z.string(), departements: z.array(z.string()).min(1) })).min(1),
    departements: z.array(z.object({ code: z.string().regex(/^(\d{2}|2[AB]|97\d)$/), nom: z.string().min(1) })).min(1),
  })
  .parse(geographie);

/** Départements: a name or a one-digit code without its leading zero is accepted on input. */
export const DEPARTEMENTS: Enumeration = GEOGRAPHIE.departements.map(({ code, nom }) => ({
  code,
  fr: nom,
  en: nom,
  aliases: /^0\d$/.test(code) ? [code.slice(1)] : [],
}));

/** INSEE regions with their départements: the metadata's `code_region` must hold every one of its `departements`. */
export const REGIONS: readonly (EnumEntry & { readonly departements: readonly string[] })[] = GEOGRAPHIE.regions;

/** The region (INSEE code) a département belongs to. */
export function regionOf(departement: string): (typeof REGIONS)[number] | undefined {
  return REGIONS.find((r) => r.departements.includes(departement));
}

// ---------------------------------------------------------------------------------------------
// facilitateurs.csv

export const TYPES_FACILITATEUR = [
  { code: 'MAISON_EMPLOI', fr: "Maison de l'emploi", en: 'Employment centre (maison de l’emploi)' },
  { code: 'PLIE', fr: "Plan local pour l'insertion et l'emploi (PLIE)", en: 'Local plan for insertion and employment (PLIE)' },
  { code: 'COLLECTIVITE', fr: 'Collectivité territoriale', en: 'Local authority' },
  { code: 'AUTRE', fr: 'Autre structure', en: 'Other organisation' },
] as const satisfies Enumeration;

// ---------------------------------------------------------------------------------------------
// entreprises.csv

export const TAILLES_ENTREPRISE = [
  { code: 'TPE', fr: 'Très petite entreprise (moins de 10 salariés)', en: 'Micro enterprise (fewer than 10 employees)' },
  { code: 'PME', fr: 'Petite ou moyenne entreprise (10 à 249 salariés)', en: 'Small or medium enterprise (10 to 249 employees)' },
  { code: 'ETI', fr: 'Entreprise de taille intermédiaire (250 à 4 999 salariés)', en: 'Mid-sized enterprise (250 to 4,999 employees)' },
  { code: 'GE', fr: 'Grande entreprise (5 000 salariés ou plus)', en: 'Large enterprise (5,000 employees or more)' },
] as const satisfies Enumeration;

/** Sections of the French activity classification NAF rév. 2 (= NACE rev. 2 sections). */
export const SECTEURS_NAF = [
  { code: 'A', fr: 'Agriculture, sylviculture et pêche', en: 'Agriculture, forestry and fishing' },
  { code: 'B', fr: 'Industries extractives', en: 'Mining and quarrying' },
  { code: 'C', fr: 'Industrie manufacturière', en: 'Manufacturing' },
  { code: 'D', fr: "Production et distribution d'électricité, de gaz, de vapeur et d'air conditionné", en: 'Electricity, gas, steam and air conditioning supply' },
  { code: 'E', fr: "Production et distribution d'eau ; assainissement, gestion des déchets et dépollution", en: 'Water supply; sewerage, waste management and remediation' },
  { code: 'F', fr: 'Construction', en: 'Construction' },
  { code: 'G', fr: "Commerce ; réparation d'automobiles et de motocycles", en: 'Wholesale and retail trade; repair of motor vehicles and motorcycles' },
  { code: 'H', fr: 'Transports et entreposage', en: 'Transportation and storage' },
  { code: 'I', fr: 'Hébergement et restauration', en: 'Accommodation and food service activities' },
  { code: 'J', fr: 'Information et communication', en: 'Information and communication' },
  { code: 'K', fr: "Activités financières et d'assurance", en: 'Financial and insurance activities' },
  { code: 'L', fr: 'Activités immobilières', en: 'Real estate activities' },
  { code: 'M', fr: 'Activités spécialisées, scientifiques et techniques', en: 'Professional, scientific and technical activities' },
  { code: 'N', fr: 'Activités de services administratifs et de soutien', en: 'Administrative and support service activities' },
  { code: 'O', fr: 'Administration publique', en: 'Public administration and defence' },
  { code: 'P', fr: 'Enseignement', en: 'Education' },
  { code: 'Q', fr: 'Santé humaine et action sociale', en: 'Human health and social work activities' },
  { code: 'R', fr: 'Arts, spectacles et activités récréatives', en: 'Arts, entertainment and recreation' },
  { code: 'S', fr: 'Autres activités de services', en: 'Other service activities' },
  { code: 'T', fr: "Activités des ménages en tant qu'employeurs", en: 'Activities of households as employers' },
  { code: 'U', fr: 'Activités extra-territoriales', en: 'Activities of extraterritorial organisations' },
] as const satisfies Enumeration;

// ---------------------------------------------------------------------------------------------
// participants.csv

export const SEXES = [
  { code: 'F', fr: 'Femme', en: 'Woman' },
  { code: 'H', fr: 'Homme', en: 'Man', aliases: ['M'] },
] as const satisfies Enumeration;

export const TRANCHES_AGE = [
  { code: 'MOINS_26', fr: 'Moins de 26 ans', en: 'Under 26' },
  { code: '26_49', fr: '26 à 49 ans', en: '26 to 49' },
  { code: '50_PLUS', fr: '50 ans ou plus', en: '50 or over' },
] as const satisfies Enumeration;

export const NIVEAUX_FORMATION = [
  { code: 'INFRA_3', fr: 'Sans diplôme (infra niveau 3)', en: 'No qualification (below level 3)' },
  { code: 'NIVEAU_3', fr: 'Niveau 3 (CAP, BEP)', en: 'Level 3 (vocational certificate, CAP/BEP)' },
  { code: 'NIVEAU_4', fr: 'Niveau 4 (baccalauréat)', en: 'Level 4 (baccalauréat)' },
  { code: 'NIVEAU_5_PLUS', fr: 'Niveau 5 ou plus (bac + 2 et au-delà)', en: 'Level 5 or higher (two years of higher education or more)' },
  { code: 'INCONNU', fr: 'Niveau inconnu', en: 'Unknown level' },
] as const satisfies Enumeration;

/**
 * Public categories of beneficiaries: the eligibility criteria codes of the national inclusion
 * platform (`reference/criteres-eligibilite-iae.json`, `-geiq.json`, field `kind`), plus `AUTRE`.
 */
export const PUBLICS = [
  { code: 'RSA', fr: 'Bénéficiaire du RSA', en: 'Recipient of the minimum income (RSA)' },
  { code: 'ASS', fr: 'Allocataire ASS', en: 'Recipient of the specific solidarity allowance (ASS)' },
  { code: 'AAH', fr: 'Allocataire AAH', en: 'Recipient of the disabled adult allowance (AAH)' },
  { code: 'DETLD', fr: "Demandeur d'emploi de très longue durée (24 mois ou plus)", en: 'Very long-term jobseeker (24 months or more)' },
  { code: 'DELD', fr: "Demandeur d'emploi de longue durée (12 à 24 mois)", en: 'Long-term jobseeker (12 to 24 months)' },
  { code: 'JEUNE', fr: 'Jeune de moins de 26 ans', en: 'Young person under 26' },
  { code: 'SENIOR', fr: 'Senior (50 ans ou plus)', en: 'Senior (50 or over)' },
  { code: 'TH', fr: 'Travailleur handicapé', en: 'Disabled worker' },
  { code: 'QPV', fr: 'Résident QPV', en: 'Resident of a priority urban neighbourhood (QPV)' },
  { code: 'ZRR', fr: 'Résident ZRR/ZFRR', en: 'Resident of a rural revitalisation zone (ZRR/ZFRR)' },
  { code: 'PI', fr: 'Parent isolé', en: 'Single parent' },
  { code: 'ASE', fr: "Sortant de l'ASE", en: 'Leaving child welfare (ASE)' },
  { code: 'REF_DA', fr: "Réfugié, bénéficiaire d'une protection ou demandeur d'asile", en: 'Refugee, person under protection or asylum seeker' },
  { code: 'PSH_PR', fr: 'Personne sans hébergement ou ayant un parcours de rue', en: 'Homeless person or person with a history of living on the street' },
  { code: 'DETENTION_MJ', fr: 'Sortant de détention ou placé sous main de justice', en: 'Leaving prison or under judicial supervision' },
  { code: 'FLE', fr: 'Maîtrise du français inférieure au niveau A1', en: 'French below level A1' },
  { code: 'PM', fr: 'Problème de mobilité', en: 'Mobility difficulties' },
  { code: 'CAP_BEP', fr: "Niveau d'étude 3 (CAP, BEP) ou infra", en: 'Education level 3 (CAP, BEP) or below' },
  { code: 'AUTRE', fr: 'Autre public éloigné de l’emploi', en: 'Other person far from employment' },
] as const satisfies Enumeration;

export const SITUATIONS_SORTIE = [
  { code: 'EMPLOI_DURABLE', fr: 'Emploi durable (CDI, CDD de 6 mois ou plus)', en: 'Lasting job (permanent, or fixed-term of 6 months or more)' },
  { code: 'EMPLOI_TEMPORAIRE', fr: 'Emploi temporaire', en: 'Temporary job' },
  { code: 'FORMATION', fr: 'Formation', en: 'Training' },
  { code: 'DEMANDEUR_EMPLOI', fr: "Demandeur d'emploi", en: 'Jobseeker' },
  { code: 'AUTRE', fr: 'Autre situation', en: 'Other situation' },
  { code: 'EN_COURS', fr: 'Parcours en cours', en: 'Still in progress' },
  { code: 'INCONNUE', fr: 'Situation inconnue', en: 'Unknown situation' },
] as const satisfies Enumeration;

// ---------------------------------------------------------------------------------------------
// heures.csv

export const TYPES_CONTRAT = [
  { code: 'CDI', fr: 'Contrat à durée indéterminée (CDI)', en: 'Permanent contract' },
  { code: 'CDD', fr: 'Contrat à durée déterminée (CDD)', en: 'Fixed-term contract' },
  { code: 'CDDI', fr: "CDD d'insertion (CDDI)", en: 'Insertion fixed-term contract (CDDI)' },
  { code: 'CTTI', fr: "Contrat de travail temporaire d'insertion (CTTI)", en: 'Insertion temporary work contract (CTTI)' },
  { code: 'INTERIM', fr: 'Intérim', en: 'Temporary agency work' },
  { code: 'APPRENTISSAGE', fr: "Contrat d'apprentissage", en: 'Apprenticeship contract' },
  { code: 'PROFESSIONNALISATION', fr: 'Contrat de professionnalisation', en: 'Professionalisation contract' },
  { code: 'AUTRE', fr: 'Autre contrat', en: 'Other contract' },
] as const satisfies Enumeration;

export const MODALITES = [
  { code: 'EMBAUCHE_DIRECTE', fr: 'Embauche directe par le titulaire', en: 'Direct hire by the contractor' },
  { code: 'MISE_A_DISPOSITION', fr: 'Mise à disposition (ETTI, AI, GEIQ)', en: 'Staff provided by an insertion structure (ETTI, AI, GEIQ)' },
  { code: 'SOUS_TRAITANCE', fr: 'Sous-traitance à une structure d’insertion (EI, ACI)', en: 'Subcontracting to an insertion structure (EI, ACI)' },
  { code: 'FORMATION', fr: 'Action de formation', en: 'Training' },
] as const satisfies Enumeration;

/** Who employed the person for these hours. `siae` marks insertion structures (SIAE). */
export const TYPES_STRUCTURE = [
  { code: 'ENTREPRISE', fr: 'Le titulaire lui-même', en: 'The contractor itself', siae: false },
  { code: 'ETTI', fr: "Entreprise de travail temporaire d'insertion (ETTI)", en: 'Insertion temporary work agency (ETTI)', siae: true },
  { code: 'AI', fr: 'Association intermédiaire (AI)', en: 'Intermediary association (AI)', siae: true },
  { code: 'EI', fr: "Entreprise d'insertion (EI)", en: 'Insertion enterprise (EI)', siae: true },
  { code: 'ACI', fr: "Atelier et chantier d'insertion (ACI)", en: 'Insertion workshop (ACI)', siae: true },
  { code: 'EITI', fr: "Entreprise d'insertion par le travail indépendant (EITI)", en: 'Insertion enterprise through self-employment (EITI)', siae: true },
  { code: 'GEIQ', fr: "Groupement d'employeurs pour l'insertion et la qualification (GEIQ)", en: 'Employers’ group for insertion and qualification (GEIQ)', siae: false },
  { code: 'ORGANISME_FORMATION', fr: 'Organisme de formation', en: 'Training provider', siae: false },
] as const satisfies readonly (EnumEntry & { readonly siae: boolean })[];

/** Codes of `type_structure` that are insertion structures (SIAE). */
export const STRUCTURES_SIAE = TYPES_STRUCTURE.filter((t) => t.siae).map((t) => t.code);
