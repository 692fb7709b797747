/**
 * Every sentence of the DECP import, French and English. Functions take the values they print,
 * so a caller cannot forget one. A sentence never prints a contractor's identifier (SIRET, VAT
 * number…): the import exists to keep those out of the published files.
 */
import { formatNumber } from '../validate/messages.ts';
import type { Bilingual } from '../lang.ts';

/** Why a DECP record was not imported. */
export type SkipReason = 'autre_acheteur' | 'concession' | 'sans_consideration_sociale' | 'incomplet' | 'doublon' | 'hors_periode';

/** Every skip reason, in the order the import checks them (and the report lists them). */
export const SKIP_REASONS: readonly SkipReason[] = ['incomplet', 'autre_acheteur', 'concession', 'doublon', 'sans_consideration_sociale', 'hors_periode'];

/** Short title of each skip reason (a heading of the report). */
export const SKIP_TITLES: Readonly<Record<SkipReason, Bilingual>> = {
  autre_acheteur: { fr: 'Autre acheteur', en: 'Another buyer' },
  concession: { fr: 'Contrat de concession', en: 'Concession contract' },
  sans_consideration_sociale: { fr: 'Sans considération sociale', en: 'No social consideration' },
  incomplet: { fr: 'Enregistrement incomplet ou invalide', en: 'Incomplete or invalid record' },
  doublon: { fr: 'Identifiant en double', en: 'Duplicate identifier' },
  hors_periode: { fr: 'Hors de la période des métadonnées', en: 'Outside the metadata period' },
};

/** One problem of a record's field, listed in an `incomplet` skip. */
export interface FieldProblem {
  /** DECP field name, e.g. `montant`, `codeCPV`. */
  field: string;
  /** The value as found (absent when the field is missing). Never a contractor id. */
  value?: string;
}

const q = (v: string, lang: 'fr' | 'en') => (lang === 'fr' ? `« ${v} »` : `"${v}"`);
const problem = (p: FieldProblem, lang: 'fr' | 'en') =>
  p.value === undefined ? `${p.field} ${lang === 'fr' ? 'absent' : 'missing'}` : `${p.field} ${q(p.value, lang)} ${lang === 'fr' ? 'invalide' : 'invalid'}`;

/** The detail sentence of each skip. */
export const skipMessages = {
  pasUnObjet: (): Bilingual => ({
    fr: "L'enregistrement n'est pas un objet JSON.",
    en: 'The record is not a JSON object.',
  }),
  champs: (problems: readonly FieldProblem[]): Bilingual => ({
    fr: `Champs manquants ou invalides : ${problems.map((p) => problem(p, 'fr')).join(', ')}.`,
    en: `Missing or invalid fields: ${problems.map((p) => problem(p, 'en')).join(', ')}.`,
  }),
  autreAcheteur: (buyer: string, siret: string): Bilingual => ({
    fr: `Acheteur ${buyer}, différent du SIRET de l'éditeur (${siret}).`,
    en: `Buyer ${buyer}, not the publisher's SIRET (${siret}).`,
  }),
  concession: (): Bilingual => ({
    fr: 'Contrat de concession : la table des marchés ne reçoit que des marchés publics.',
    en: 'Concession contract: the contracts table only takes public procurement contracts (marchés).',
  }),
  sansConsideration: (labels: readonly string[]): Bilingual =>
    labels.length === 0
      ? {
          fr: 'Aucune considération sociale renseignée (champ considerationsSociales absent ou vide).',
          en: 'No social consideration given (field considerationsSociales missing or empty).',
        }
      : {
          fr: `Considérations sociales : ${labels.map((l) => q(l, 'fr')).join(', ')} ; ni « Clause sociale », ni « Critère social », ni « Marché réservé ».`,
          en: `Social considerations: ${labels.map((l) => q(l, 'en')).join(', ')}; neither "Clause sociale", "Critère social" nor "Marché réservé".`,
        },
  doublon: (keptSource: string, keptIndex: number, why: Bilingual): Bilingual => ({
    fr: `Même identifiant que ${keptSource} n° ${keptIndex}, gardé à sa place : ${why.fr}.`,
    en: `Same identifier as ${keptSource} no. ${keptIndex}, kept instead: ${why.en}.`,
  }),
  horsPeriode: (date: string, debut: string, fin: string): Bilingual => ({
    fr: `Notifié le ${date}, exécuté en dehors de la période des métadonnées (${debut} – ${fin}) ; élargissez la période pour l'importer.`,
    en: `Notified on ${date}, executed outside the metadata period (${debut} – ${fin}); widen the period to import it.`,
  }),
};

/** Why one version of a duplicated record was kept. */
export const duplicateWhy = {
  modification: (date: string): Bilingual => ({
    fr: `sa dernière modification est la plus récente (${date})`,
    en: `its latest modification is the most recent (${date})`,
  }),
  modifications: (n: number): Bilingual => ({
    fr: `il compte le plus de modifications (${n})`,
    en: `it has the most modifications (${n})`,
  }),
  publication: (date: string): Bilingual => ({
    fr: `ses données sont publiées le plus récemment (${date})`,
    en: `its data were published most recently (${date})`,
  }),
  position: (): Bilingual => ({
    fr: 'à égalité, le dernier du fichier est gardé',
    en: 'on a tie, the last one in the file is kept',
  }),
};

/** Remarks on an imported record: what the import did that the buyer should know. */
export type NoteRule =
  | 'modifications'
  | 'plusieurs_titulaires'
  | 'sans_titulaire'
  | 'cpv_complete'
  | 'objet_tronque'
  | 'sans_objet'
  | 'departement_inconnu'
  | 'departement_hors_territoire'
  | 'consideration_inconnue'
  | 'pas_de_consideration_retiree';

export const noteMessages = {
  modifications: (n: number, fields: readonly string[]): Bilingual => ({
    fr: `${n} modification${n > 1 ? 's' : ''} appliquée${n > 1 ? 's' : ''}${fields.length ? ` (${fields.join(', ')})` : ' (sans changement de montant, durée ni titulaire)'}.`,
    en: `${n} modification${n > 1 ? 's' : ''} applied${fields.length ? ` (${fields.join(', ')})` : ' (no change of amount, duration or contractor)'}.`,
  }),
  plusieursTitulaires: (n: number): Bilingual => ({
    fr: `${n} titulaires (groupement) : seul le premier, le mandataire, est pseudonymisé dans id_titulaire.`,
    en: `${n} contractors (joint bid): only the first one, the lead, is pseudonymised into id_titulaire.`,
  }),
  sansTitulaire: (): Bilingual => ({
    fr: 'Aucun titulaire dans les DECP : id_titulaire reste vide.',
    en: 'No contractor in the DECP: id_titulaire is left empty.',
  }),
  cpvComplete: (raw: string, fixed: string): Bilingual => ({
    fr: `Code CPV « ${raw} » à 7 chiffres : zéro initial rétabli (${fixed}).`,
    en: `7-digit CPV code "${raw}": leading zero restored (${fixed}).`,
  }),
  objetTronque: (length: number, max: number): Bilingual => ({
    fr: `Objet de ${formatNumber(length, 'fr')} caractères coupé à ${max} ; relisez-le.`,
    en: `Subject of ${formatNumber(length, 'en')} characters cut to ${max}; check it.`,
  }),
  sansObjet: (): Bilingual => ({
    fr: 'Pas d’objet dans les DECP : la colonne objet reste vide.',
    en: 'No subject in the DECP: the objet column is left empty.',
  }),
  departementInconnu: (code: string | undefined, type: string | undefined): Bilingual => ({
    fr: `Lieu d'exécution ${code === undefined ? 'absent' : `« ${code} » (${type ?? 'type de code absent'})`} : département non déduit, à remplir.`,
    en: `Place of execution ${code === undefined ? 'missing' : `"${code}" (${type ?? 'no code type'})`}: département not derived, to fill in.`,
  }),
  departementHorsTerritoire: (departement: string, allowed: readonly string[]): Bilingual => ({
    fr: `Lieu d'exécution dans le département ${departement}, hors des départements des métadonnées (${allowed.join(', ')}) : laissé vide.`,
    en: `Place of execution in département ${departement}, outside the metadata départements (${allowed.join(', ')}): left empty.`,
  }),
  considerationInconnue: (labels: readonly string[]): Bilingual => ({
    fr: `Considération sociale inconnue ignorée : ${labels.map((l) => `« ${l} »`).join(', ')}.`,
    en: `Unknown social consideration ignored: ${labels.map((l) => `"${l}"`).join(', ')}.`,
  }),
  pasDeConsiderationRetiree: (): Bilingual => ({
    fr: '« Pas de considération sociale » retiré : il contredit les autres considérations sociales du marché.',
    en: '"Pas de considération sociale" removed: it contradicts the other social considerations of the contract.',
  }),
};

/** Errors that stop the import: nothing is written. */
export const errorMessages = {
  formatInconnu: (found: string): Bilingual => ({
    fr: `Ce n'est pas un fichier DECP : on attend un objet JSON avec une clé « marches » (objet ou tableau) ; trouvé ${found}.`,
    en: `This is not a DECP file: a JSON object with a "marches" key (object or array) is expected; found ${found}.`,
  }),
  selCourt: (min: number): Bilingual => ({
    fr: `Sel de pseudonymisation absent ou trop court (${min} caractères au moins) : passez --sel ou la variable DECP_SEL, par exemple la sortie de « openssl rand -hex 32 », et conservez-le hors du dépôt.`,
    en: `Pseudonymisation salt missing or too short (at least ${min} characters): pass --sel or the DECP_SEL variable, e.g. the output of "openssl rand -hex 32", and keep it out of the repository.`,
  }),
  siret: (value: string): Bilingual => ({
    fr: `SIRET de l'acheteur invalide : « ${value} » (14 chiffres attendus).`,
    en: `Invalid buyer SIRET: "${value}" (14 digits expected).`,
  }),
  collision: (pseudonym: string): Bilingual => ({
    fr: `Deux titulaires différents reçoivent le même pseudonyme ${pseudonym} : changez de sel (et refaites l'import complet).`,
    en: `Two different contractors get the same pseudonym ${pseudonym}: change the salt (and redo the whole import).`,
  }),
  csvIllisible: (file: string, detail: string): Bilingual => ({
    fr: `${file} existant illisible, rien n'est écrit : ${detail}`,
    en: `Existing ${file} unreadable, nothing is written: ${detail}`,
  }),
  csvSansId: (file: string): Bilingual => ({
    fr: `${file} existant sans colonne id_marche : impossible de fusionner, rien n'est écrit.`,
    en: `Existing ${file} has no id_marche column: cannot merge, nothing is written.`,
  }),
  csvDoublon: (file: string, id: string, lines: readonly number[]): Bilingual => ({
    fr: `${file} existant : id_marche « ${id} » figure lignes ${lines.join(', ')} ; corrigez le doublon avant d'importer.`,
    en: `Existing ${file}: id_marche "${id}" appears on lines ${lines.join(', ')}; fix the duplicate before importing.`,
  }),
};

/** An error that stops the import, with its sentence in both languages. */
export class DecpError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
    this.name = 'DecpError';
  }
}

/** Words of the text report. */
export const REPORT_WORDS = {
  heading: { fr: 'Import DECP', en: 'DECP import' },
  format: { fr: 'format', en: 'format' },
  formats: {
    'v2-objet': { fr: 'DECP v2 (marches.marche)', en: 'DECP v2 (marches.marche)' },
    tableau: { fr: 'tableau « marches » (DECP v2 en tableau ou format antérieur)', en: '"marches" array (DECP v2 as an array or older format)' },
  },
  records: { fr: 'enregistrement(s) lu(s)', en: 'record(s) read' },
  concessions: { fr: 'dont contrat(s) de concession', en: 'including concession contract(s)' },
  imported: { fr: 'Importés', en: 'Imported' },
  added: { fr: 'nouveau(x)', en: 'new' },
  updated: { fr: 'mis à jour', en: 'updated' },
  unchanged: { fr: 'inchangé(s)', en: 'unchanged' },
  untouched: { fr: 'ligne(s) existante(s) absente(s) de ce fichier DECP, laissée(s) telle(s) quelle(s)', en: 'existing row(s) not in this DECP file, left as they are' },
  skipped: { fr: 'Non importés', en: 'Not imported' },
  none: { fr: 'aucun', en: 'none' },
  more: { fr: 'autre(s) : voir --json', en: 'more: see --json' },
  notes: { fr: 'Remarques', en: 'Remarks' },
  kept: { fr: 'Vos valeurs conservées (différentes de la valeur déduite des DECP)', en: 'Your values kept (different from the value derived from the DECP)' },
  yours: { fr: 'vous', en: 'yours' },
  decp: { fr: 'DECP', en: 'DECP' },
  toFill: { fr: 'À compléter dans marches.csv (absent des DECP)', en: 'To fill in marches.csv (not in the DECP)' },
  companies: { fr: 'Titulaires à ajouter dans entreprises.csv (taille, secteur)', en: 'Contractors to add to entreprises.csv (size, sector)' },
  extra: { fr: 'Colonnes hors contrat conservées (le validateur les refusera)', en: 'Columns outside the contract kept (the validator will refuse them)' },
  written: { fr: 'Écrit', en: 'Written' },
  rows: { fr: 'ligne(s)', en: 'row(s)' },
  unchangedFile: { fr: 'Rien à changer, fichier laissé tel quel', en: 'Nothing to change, file left as it is' },
  dryRun: { fr: 'Simulation (--dry-run) : rien n’est écrit.', en: 'Dry run (--dry-run): nothing is written.' },
  encoding: {
    fr: 'Le fichier existant était en Windows-1252 ; il est réécrit en UTF-8.',
    en: 'The existing file was Windows-1252; it is rewritten as UTF-8.',
  },
  no: { fr: 'n°', en: 'no.' },
} as const;
