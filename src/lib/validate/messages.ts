/**
 * Every message of the validator, French and English, in one dictionary.
 *
 * A rule has a severity, a short title (the summary line) and a sentence template. Templates name
 * their parameters `{like_this}`; a parameter is a string, a number (written the French or the
 * English way) or a `{ fr, en }` pair. The sentence never repeats the file, line, column or value:
 * the report prints them in front of it.
 *
 * The cell rules of the CSV layer (`nombre.format`, `date.invalide`…) take their sentence from
 * `VALUE_MESSAGES` of src/lib/csv/messages.ts, and CSV parsing issues arrive with their own
 * sentence; this dictionary only gives them a title.
 */
import { VALUE_MESSAGES, type CsvRule, type Message, type ValueRule } from '../csv/messages.ts';

export type { Message };
export type Severity = 'error' | 'warning';
export type Lang = 'fr' | 'en';

interface RuleText {
  readonly severity: Severity;
  readonly title: Message;
  readonly text: Message;
}

/** Rules this validator reports itself. */
const OWN_RULES = {
  // Metadata
  'meta.absent': {
    severity: 'error',
    title: { fr: 'Métadonnées absentes', en: 'Missing metadata' },
    text: { fr: 'Le dossier ne contient pas de fichier metadonnees.json.', en: 'The folder has no metadonnees.json file.' },
  },
  'meta.json': {
    severity: 'error',
    title: { fr: 'Métadonnées illisibles', en: 'Unreadable metadata' },
    text: { fr: "metadonnees.json n'est pas un JSON valide : {detail}", en: 'metadonnees.json is not valid JSON: {detail}' },
  },
  'meta.champ': {
    severity: 'error',
    title: { fr: 'Métadonnées invalides', en: 'Invalid metadata' },
    text: { fr: 'Champ « {champ} » : {detail}.', en: 'Field "{champ}": {detail}.' },
  },
  'meta.caractere_controle': {
    severity: 'error',
    title: { fr: 'Caractère de contrôle dans les métadonnées', en: 'Control character in metadata' },
    text: {
      fr: 'Champ « {champ} » : caractère invisible {char} (position {position}) interdit ; retirez-le.',
      en: 'Field "{champ}": invisible character {char} (position {position}) is not allowed; remove it.',
    },
  },
  'meta.periode': {
    severity: 'error',
    title: { fr: 'Période inversée', en: 'Reversed period' },
    text: {
      fr: 'La période commence ({debut}) après sa fin ({fin}).',
      en: 'The period starts ({debut}) after its end ({fin}).',
    },
  },
  'meta.editeur': {
    severity: 'error',
    title: { fr: "Identifiant d'éditeur incohérent", en: 'Inconsistent publisher id' },
    text: {
      fr: "L'identifiant « {id} » des métadonnées diffère du nom du dossier « {publisher} ».",
      en: 'The metadata id "{id}" differs from the folder name "{publisher}".',
    },
  },
  // Files
  'fichier.absent': {
    severity: 'error',
    title: { fr: 'Fichier absent', en: 'Missing file' },
    text: { fr: 'Fichier obligatoire absent du dossier.', en: 'Required file missing from the folder.' },
  },
  'fichier.inconnu': {
    severity: 'warning',
    title: { fr: 'Fichier inattendu', en: 'Unexpected file' },
    text: {
      fr: "Fichier non prévu par le contrat de données : il n'est ni lu ni publié.",
      en: 'File not in the data contract: it is neither read nor published.',
    },
  },
  'fichier.lien_symbolique': {
    severity: 'error',
    title: { fr: 'Lien symbolique refusé', en: 'Symbolic link refused' },
    text: {
      fr: "Lien symbolique : refusé, il pourrait désigner un fichier hors du dossier de l'éditeur. Copiez le fichier lui-même.",
      en: "Symbolic link: refused, it could point to a file outside the publisher's folder. Copy the file itself.",
    },
  },
  'fichier.encodage': {
    severity: 'warning',
    title: { fr: 'Encodage autre que UTF-8', en: 'Encoding other than UTF-8' },
    text: {
      fr: 'Fichier lu en {encoding} (ce n’est pas de l’UTF-8) ; enregistrez-le si possible en « CSV UTF-8 ».',
      en: 'File read as {encoding} (it is not UTF-8); if you can, save it as "CSV UTF-8".',
    },
  },
  // Header
  'entete.colonne_manquante': {
    severity: 'error',
    title: { fr: 'Colonne obligatoire absente', en: 'Missing required column' },
    text: { fr: "Colonne obligatoire absente de l'en-tête.", en: 'Required column missing from the header.' },
  },
  'anonymat.colonne_inconnue': {
    severity: 'error',
    title: { fr: 'Colonne hors contrat refusée', en: 'Column outside the contract refused' },
    text: {
      fr: 'Colonne absente du contrat de données : seules les colonnes prévues sont acceptées ({expected}).',
      en: 'Column not in the data contract: only the listed columns are accepted ({expected}).',
    },
  },
  'anonymat.colonne_identite': {
    severity: 'error',
    title: { fr: "Colonne de données d'identité", en: 'Identity data column' },
    text: {
      fr: "Cette colonne semble contenir des données d'identité ({what}) : interdit, même sous pseudonyme.",
      en: 'This column seems to hold identity data ({what}): forbidden, even with pseudonyms.',
    },
  },
  // Cells (after the CSV layer's normalisers)
  'valeur.manquante': {
    severity: 'error',
    title: { fr: 'Valeur obligatoire manquante', en: 'Missing required value' },
    text: { fr: 'Cellule vide dans une colonne obligatoire.', en: 'Empty cell in a required column.' },
  },
  'code.inconnu': {
    severity: 'error',
    title: { fr: 'Code inconnu', en: 'Unknown code' },
    text: {
      fr: '« {item} » ne fait pas partie des valeurs acceptées : {allowed}.',
      en: '"{item}" is not one of the accepted values: {allowed}.',
    },
  },
  'nombre.minimum': {
    severity: 'error',
    title: { fr: 'Nombre trop petit', en: 'Number too small' },
    text: { fr: 'La valeur doit être {op} {min}.', en: 'The value must be {op} {min}.' },
  },
  'nombre.maximum': {
    severity: 'error',
    title: { fr: 'Nombre trop grand', en: 'Number too large' },
    text: { fr: 'La valeur doit être {op} {max}.', en: 'The value must be {op} {max}.' },
  },
  'texte.format': {
    severity: 'error',
    title: { fr: 'Format inattendu', en: 'Unexpected format' },
    text: {
      fr: 'La valeur ne respecte pas le format de la colonne ; exemple valide : {example}.',
      en: "The value does not follow the column's format; valid example: {example}.",
    },
  },
  'texte.longueur': {
    severity: 'error',
    title: { fr: 'Texte trop long', en: 'Text too long' },
    text: {
      fr: 'Texte de {length} caractères, pour {max} au plus.',
      en: 'Text of {length} characters, for at most {max}.',
    },
  },
  'texte.caractere_controle': {
    severity: 'error',
    title: { fr: 'Caractère de contrôle', en: 'Control character' },
    text: {
      fr: 'Caractère invisible {char} (position {position}) interdit dans un texte : retirez-le ou remplacez-le par une espace.',
      en: 'Invisible character {char} (position {position}) is not allowed in text: remove it or replace it with a space.',
    },
  },
  'valeur.invalide': {
    severity: 'error',
    title: { fr: 'Valeur invalide', en: 'Invalid value' },
    text: { fr: 'Valeur invalide : {detail}.', en: 'Invalid value: {detail}.' },
  },
  // Table rules
  'cle.doublon': {
    severity: 'error',
    title: { fr: 'Clé en double', en: 'Duplicate key' },
    text: {
      fr: 'Cette clé figure déjà ligne {first}.',
      en: 'This key already appears on line {first}.',
    },
  },
  // Cross-table rules
  'reference.introuvable': {
    severity: 'error',
    title: { fr: 'Référence introuvable', en: 'Dangling reference' },
    text: {
      fr: 'Aucune ligne de {target} n’a cette valeur dans la colonne {target_column}.',
      en: 'No row of {target} has this value in column {target_column}.',
    },
  },
  'acheteur.siret': {
    severity: 'error',
    title: { fr: "SIRET d'acheteur différent", en: 'Different buyer SIRET' },
    text: {
      fr: 'Le SIRET diffère de siret_acheteur des métadonnées ({expected}).',
      en: 'The SIRET differs from siret_acheteur in the metadata ({expected}).',
    },
  },
  'departement.hors_territoire': {
    severity: 'error',
    title: { fr: 'Département hors territoire', en: 'Département outside the territory' },
    text: {
      fr: 'Ce département n’est pas l’un de ceux des métadonnées ({allowed}).',
      en: 'This département is not one of the metadata départements ({allowed}).',
    },
  },
  'periode.hors_periode': {
    severity: 'error',
    title: { fr: 'Hors période', en: 'Outside the period' },
    text: {
      fr: 'En dehors de la période couverte par les métadonnées ({debut} – {fin}).',
      en: 'Outside the period covered by the metadata ({debut} – {fin}).',
    },
  },
  'heures.hors_execution': {
    severity: 'error',
    title: { fr: "Heures hors de l'exécution du marché", en: "Hours outside the contract's execution" },
    text: {
      fr: "Mois en dehors de l'exécution du marché {marche} ({debut} à {fin}).",
      en: 'Month outside the execution of contract {marche} ({debut} to {fin}).',
    },
  },
  'heures.plafond_mensuel': {
    severity: 'error',
    title: { fr: "Plafond mensuel d'heures dépassé", en: 'Monthly ceiling of hours exceeded' },
    text: {
      fr: '{total} h déclarées pour {participant} en {mois}, tous marchés confondus : plus que le plafond de {max} h par mois.',
      en: '{total} h reported for {participant} in {mois}, all contracts together: more than the ceiling of {max} h a month.',
    },
  },
  'marches.critere_sans_consideration': {
    severity: 'error',
    title: { fr: 'Critère social non déclaré', en: 'Social criterion not declared' },
    text: {
      fr: "critere_attribution vaut oui mais considerations_sociales ne contient pas CRITERE_SOCIAL.",
      en: 'critere_attribution is yes but considerations_sociales does not contain CRITERE_SOCIAL.',
    },
  },
  'marches.aucune_clause_avec_heures': {
    severity: 'error',
    title: { fr: 'Heures sur un marché sans clause', en: 'Hours on a contract without a clause' },
    text: {
      fr: "Marché sans clause d'insertion (AUCUNE), mais heures.csv lui attribue {rows} ligne(s), {hours} h.",
      en: 'Contract without an insertion clause (AUCUNE), yet heures.csv gives it {rows} row(s), {hours} h.',
    },
  },
  'heures.depassement_prevision': {
    severity: 'warning',
    title: { fr: 'Heures réalisées > 150 % des prévues', en: 'Hours carried out > 150 % of planned' },
    text: {
      fr: '{realised} h réalisées pour {planned} h prévues ({ratio} %) : vérifier heures_prevues.',
      en: '{realised} h carried out for {planned} h planned ({ratio} %): check heures_prevues.',
    },
  },
  'heures.sans_prevision': {
    severity: 'warning',
    title: { fr: 'Heures réalisées sans heures prévues', en: 'Hours carried out with none planned' },
    text: {
      fr: '{realised} h réalisées alors que heures_prevues vaut 0.',
      en: '{realised} h carried out while heures_prevues is 0.',
    },
  },
  // Anonymisation guard on cell contents
  'anonymat.email': {
    severity: 'error',
    title: { fr: 'Adresse e-mail dans une cellule', en: 'E-mail address in a cell' },
    text: {
      fr: 'La cellule semble contenir une adresse e-mail : donnée personnelle interdite (valeur masquée).',
      en: 'The cell seems to hold an e-mail address: forbidden personal data (value masked).',
    },
  },
  'anonymat.telephone': {
    severity: 'error',
    title: { fr: 'Numéro de téléphone dans une cellule', en: 'Phone number in a cell' },
    text: {
      fr: 'La cellule semble contenir un numéro de téléphone : donnée personnelle interdite (valeur masquée).',
      en: 'The cell seems to hold a phone number: forbidden personal data (value masked).',
    },
  },
  'anonymat.nir': {
    severity: 'error',
    title: { fr: 'Numéro de sécurité sociale dans une cellule', en: 'Social security number in a cell' },
    text: {
      fr: 'La cellule semble contenir un numéro de sécurité sociale (NIR) : donnée personnelle interdite (valeur masquée).',
      en: 'The cell seems to hold a French social security number (NIR): forbidden personal data (value masked).',
    },
  },
  'anonymat.adresse': {
    severity: 'error',
    title: { fr: 'Adresse postale dans une cellule', en: 'Street address in a cell' },
    text: {
      fr: 'La cellule semble contenir une adresse postale : donnée personnelle interdite (valeur masquée).',
      en: 'The cell seems to hold a street address: forbidden personal data (value masked).',
    },
  },
} as const satisfies Record<string, RuleText>;

/** Titles of the CSV layer's rules; their sentences come with each issue. */
const CSV_TITLES: Readonly<Record<CsvRule, Message>> = {
  'csv.vide': { fr: 'Fichier vide', en: 'Empty file' },
  'csv.entete_vide': { fr: "Nom de colonne vide dans l'en-tête", en: 'Empty column name in the header' },
  'csv.entete_double': { fr: "Colonne en double dans l'en-tête", en: 'Duplicate column in the header' },
  'csv.guillemet_non_ferme': { fr: 'Guillemet jamais fermé', en: 'Unclosed quote' },
  'csv.guillemet_parasite': { fr: 'Guillemet mal placé', en: 'Misplaced quote' },
  'csv.champs_en_trop': { fr: 'Ligne avec trop de champs', en: 'Row with too many fields' },
  'csv.champs_manquants': { fr: 'Ligne avec des champs manquants', en: 'Row with missing fields' },
};

/** Titles of the CSV layer's cell rules; their sentences are `VALUE_MESSAGES`. */
const VALUE_TITLES: Readonly<Record<ValueRule, Message>> = {
  'nombre.format': { fr: 'Nombre illisible', en: 'Unreadable number' },
  'entier.format': { fr: 'Nombre entier illisible', en: 'Unreadable whole number' },
  'date.format': { fr: 'Date illisible', en: 'Unreadable date' },
  'date.invalide': { fr: 'Date impossible', en: 'Impossible date' },
  'mois.format': { fr: 'Mois illisible', en: 'Unreadable month' },
  'mois.invalide': { fr: 'Mois impossible', en: 'Impossible month' },
  'booleen.format': { fr: 'Oui/non illisible', en: 'Unreadable yes/no' },
};

export type OwnRule = keyof typeof OWN_RULES;
/** Every rule id a report can contain. */
export type RuleId = OwnRule | CsvRule | ValueRule;

/** Severity, title and sentence template of every rule. */
export const RULES: Readonly<Record<RuleId, RuleText>> = {
  ...OWN_RULES,
  ...(Object.fromEntries(
    Object.entries(CSV_TITLES).map(([rule, title]) => [rule, { severity: 'error', title, text: { fr: '{message}', en: '{message}' } }]),
  ) as Record<CsvRule, RuleText>),
  ...(Object.fromEntries(
    Object.entries(VALUE_TITLES).map(([rule, title]) => [rule, { severity: 'error', title, text: VALUE_MESSAGES[rule as ValueRule] }]),
  ) as Record<ValueRule, RuleText>),
};

/** Every rule id, in dictionary order (own rules, then CSV rules, then cell rules). */
export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** A template parameter. */
export type Param = string | number | Message;
export type Params = Readonly<Record<string, Param>>;

const EN_NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** A number the French way (`1 234,5`, plain spaces) or the English way (`1,234.5`). */
export function formatNumber(n: number, lang: Lang): string {
  const en = EN_NUMBER.format(n);
  return lang === 'en' ? en : en.replace(/[,.]/g, (c) => (c === ',' ? ' ' : ','));
}

function renderParam(p: Param | undefined, lang: Lang): string {
  if (p === undefined) return '';
  if (typeof p === 'number') return formatNumber(p, lang);
  if (typeof p === 'string') return p;
  return p[lang];
}

function fill(template: string, params: Params, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => renderParam(params[name], lang));
}

/** The sentence of a rule with its parameters, in both languages. */
export function ruleMessage(rule: RuleId, params: Params = {}): Message {
  const { text } = RULES[rule];
  return { fr: fill(text.fr, params, 'fr'), en: fill(text.en, params, 'en') };
}

/** Why a folder cannot be validated at all (there is no report to put these in). */
export const INPUT_ERRORS = {
  introuvable: { fr: 'Dossier introuvable : {path}', en: 'Folder not found: {path}' },
  nom_dossier: {
    fr: "Nom de dossier d'éditeur refusé : « {name} » (minuscules et chiffres, groupes reliés par un tiret : pays-de-la-loire).",
    en: 'Publisher folder name refused: "{name}" (lower-case letters and digits, groups joined by one hyphen: pays-de-la-loire).',
  },
  lien_symbolique: {
    fr: "Dossier d'éditeur refusé : {path} est un lien symbolique.",
    en: 'Publisher folder refused: {path} is a symbolic link.',
  },
  hors_dossier: {
    fr: 'Dossier refusé : {path} est en dehors de {root}.',
    en: 'Folder refused: {path} is outside {root}.',
  },
  nom_reserve: {
    fr: "Nom de dossier d'éditeur réservé : « {name} » est un dossier de la publication elle-même (donnees/{name}/). Choisissez un autre identifiant.",
    en: 'Reserved publisher folder name: "{name}" is a folder of the release itself (donnees/{name}/). Choose another id.',
  },
  aucun_editeur: { fr: "Aucun dossier d'éditeur dans {root}.", en: 'No publisher folder in {root}.' },
} as const satisfies Record<string, Message>;

/** An input error's sentence with its parameters. */
export function inputMessage(key: keyof typeof INPUT_ERRORS, params: Params): Message {
  const t = INPUT_ERRORS[key];
  return { fr: fill(t.fr, params, 'fr'), en: fill(t.en, params, 'en') };
}

/** Words of the text report. */
export const REPORT_WORDS = {
  heading: { fr: 'Rapport de validation', en: 'Validation report' },
  files: { fr: 'Fichiers', en: 'Files' },
  rows: { fr: 'lignes', en: 'rows' },
  delimiter: { fr: 'séparateur', en: 'delimiter' },
  issues: { fr: 'Problèmes', en: 'Issues' },
  none: { fr: 'Aucun problème.', en: 'No issue.' },
  more: { fr: 'autre(s) non affiché(s)', en: 'more not shown' },
  summary: { fr: 'Résumé par règle', en: 'Summary by rule' },
  error: { fr: 'erreur', en: 'error' },
  warning: { fr: 'avertissement', en: 'warning' },
  errors: { fr: 'erreur(s)', en: 'error(s)' },
  warnings: { fr: 'avertissement(s)', en: 'warning(s)' },
  accepted: { fr: 'données acceptées', en: 'data accepted' },
  refused: { fr: 'données refusées', en: 'data refused' },
  tab: { fr: 'tabulation', en: 'tab' },
} as const satisfies Record<string, Message>;
