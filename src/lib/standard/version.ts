/**
 * Identity and version of the published data standard (docs/standard.md explains the rules).
 *
 * The standard is the input data contract of src/schemas, published in the layout of the French
 * public schema catalogue (schema.data.gouv.fr): its version is the contract's version, so the
 * schemas, the validator and the published standard cannot disagree on it.
 */
import { CONTRACT_VERSION } from '../../schemas/index.ts';
import type { Texte } from '../indicators/codes.ts';
import { DATASET_TITLE } from '../release/documents.ts';

/** Semantic version of the standard (MAJOR.MINOR.PATCH), the data contract's version. */
export const STANDARD_VERSION: string = CONTRACT_VERSION;

/** Date the standard was first published (fixed: builds never read the clock). */
export const STANDARD_CREATED = '2026-11-25';

/** Date of the current version: the date of the latest CHANGELOG entry. */
export const STANDARD_LAST_MODIFIED = '2026-11-25';

/** Slug of the standard: file names, archive name, schema names. */
export const STANDARD_ID = 'clauses-insertion';

export const STANDARD_TITLE: Texte = DATASET_TITLE;

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
  changes: Texte[];
}

/** Every version of the standard, newest first. Add an entry (and bump the contract) for each release. */
export const CHANGELOG: readonly ChangelogEntry[] = [
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
