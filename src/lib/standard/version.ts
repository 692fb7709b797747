/**
 * Identity and version of the published data standard (docs/standard.md explains the rules).
 *
 * The standard is the input data contract of src/schemas, published in the layout of the French
 * public schema catalogue (schema.data.gouv.fr): its version is the contract's version, so the
 * schemas, the validator and the published standard cannot disagree on it.
 */
import { CONTRACT_VERSION } from '../../schemas/index.ts';
import { DATASET_TITLE } from '../release/documents.ts';
import type { Bilingual } from '../lang.ts';

/** Semantic version of the standard (MAJOR.MINOR.PATCH), the data contract's version. */
export const STANDARD_VERSION: string = CONTRACT_VERSION;

/** Date the standard was first published (fixed: builds never read the clock). */
export const STANDARD_CREATED = '2026-11-25';

/** Date of the current version: the date of the latest CHANGELOG entry. */
export const STANDARD_LAST_MODIFIED = '2026-12-06';

/** Slug of the standard: file names, archive name, schema names. */
export const STANDARD_ID = 'clauses-insertion';

export const STANDARD_TITLE: Bilingual = DATASET_TITLE;

/** Where the site is served when the caller does not say (astro.config.mjs uses the same default). */
export const DEFAULT_BASE_URL = 'https://clauses-insertion.example.org/';

/** Folder of the standard in the publication. */
export const STANDARD_DIR = 'donnees/standard';

/** The archive holding the whole standard, `standard-clauses-insertion-<version>.zip`. */
export function standardArchiveName(version: string = STANDARD_VERSION): string {
  return `standard-${STANDARD_ID}-${version}.zip`;
}

/** What kind of change a version is (docs/standard.md, « Versions »). */
export type ChangeKind = 'majeure' | 'mineure' | 'correctif';

export interface ChangelogEntry {
  version: string;
  date: string;
  kind: ChangeKind;
  changes: Bilingual[];
}

/** Every version of the standard, newest first. Add an entry (and bump the contract) for each release. */
export const CHANGELOG: readonly ChangelogEntry[] = [
  {
    version: '2.1.0',
    date: '2026-12-06',
    kind: 'mineure',
    changes: [
      {
        fr: "Nouveau : metadonnees.profil (facultatif), tout ce que le site dit de l'éditeur — son nom dans une phrase (formes), ses textes, ses directions, sa déclaration d'accessibilité, sa couleur, ses résultats publiés auparavant ; recopié dans datapackage.json.",
        en: 'New: metadonnees.profil (optional), everything the site says of the publisher — its name in a sentence (formes), its texts, directorates, accessibility statement, colour, earlier published results; copied into datapackage.json.',
      },
      {
        fr: "La colonne direction de marches.csv prend les codes de profil.directions (règle direction.inconnue) au lieu d'une liste fixe ; sans liste, tout code en majuscules est accepté.",
        en: 'Column direction of marches.csv takes the codes of profil.directions (rule direction.inconnue) instead of a fixed list; without a list, any code in capitals is accepted.',
      },
      {
        fr: 'Chiffres clés nouveaux : heures et personnes de l’année de référence et de l’année précédente, mois couverts par les données ; dates de référence tirées des résultats publiés de l’éditeur, sinon de ses données.',
        en: 'New key figures: hours and persons of the reference year and of the year before, months covered by the data; reference dates from the publisher’s published results, else from its data.',
      },
    ],
  },
  {
    version: '2.0.0',
    date: '2026-12-06',
    kind: 'majeure',
    changes: [
      {
        fr: 'Refusé désormais : un SIRET dont la clé de contrôle est fausse (marches.id_acheteur, metadonnees.siret_acheteur ; La Poste par la somme de ses chiffres), un seuil_secret inférieur à 5, un code_region qui ne contient pas les départements, une date_publication future, un numéro de téléphone dans contact.',
        en: 'Now refused: a SIRET with a wrong check digit (marches.id_acheteur, metadonnees.siret_acheteur; La Poste by the sum of its digits), a seuil_secret below 5, a code_region that does not hold the départements, a date_publication in the future, a phone number in contact.',
      },
      {
        fr: "Accepté désormais : un marché notifié avant la période dont l'exécution y entre ; un marché hors opération (id_operation vide, publié « Sans opération », SANS_OPERATION réservé) ; les tables en classeur .xlsx ; `€` en fin de montant, les mois `mars-22` ou `01/04/2022`, les colonnes et lignes vides d'Excel.",
        en: "Now accepted: a contract notified before the period whose execution reaches into it; a contract outside any operation (empty id_operation, published « Sans opération », SANS_OPERATION reserved); tables in an .xlsx workbook; `€` after amounts, months `mars-22` or `01/04/2022`, Excel's empty columns and rows.",
      },
      {
        fr: 'Chaque règle de validation dit comment corriger ; nouvelles règles : meta.a_completer, meta.siret, meta.contact_telephone, meta.contact_personne, meta.region, meta.seuil_bas, meta.date_future, meta.controles_non_faits, siret.cle, excel.notation_scientifique, pseudonyme.numerique, mois.date_complete, marches.execution_hors_periode, fichier.table_en_double, fichier.tableur, xlsx.illisible, xlsx.sans_table.',
        en: 'Every validation rule says how to fix it; new rules: meta.a_completer, meta.siret, meta.contact_telephone, meta.contact_personne, meta.region, meta.seuil_bas, meta.date_future, meta.controles_non_faits, siret.cle, excel.notation_scientifique, pseudonyme.numerique, mois.date_complete, marches.execution_hors_periode, fichier.table_en_double, fichier.tableur, xlsx.illisible, xlsx.sans_table.',
      },
    ],
  },
  {
    version: '1.0.0',
    date: '2026-11-25',
    kind: 'majeure',
    changes: [
      {
        fr: "Publication initiale : six tables (marches, operations, facilitateurs, entreprises, participants, heures), le fichier metadonnees.json, un Table Schema et un fichier d'exemple valide par table.",
        en: 'Initial release: six tables (marches, operations, facilitateurs, entreprises, participants, heures), the metadonnees.json file, one Table Schema and one valid example file per table.',
      },
      {
        fr: 'Marchés alignés sur les données essentielles de la commande publique (DECP v2) : identifiant, SIRET acheteur, code CPV, procédure, considérations sociales.',
        en: 'Contracts aligned with the national procurement data format (DECP v2): identifier, buyer SIRET, CPV code, procedure, social considerations.',
      },
      {
        fr: "Publics codés comme les critères d'éligibilité IAE et GEIQ de la plateforme de l'inclusion.",
        en: 'Target groups coded as the IAE and GEIQ eligibility criteria of the national inclusion platform.',
      },
    ],
  },
];

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** True for a plain semantic version `MAJOR.MINOR.PATCH`. */
export function isSemver(version: string): boolean {
  return SEMVER.test(version);
}
