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
import type { Lang } from '../lang.ts';
import { VALUE_MESSAGES, type CsvRule, type ValueRule } from '../csv/messages.ts';
import type { Bilingual } from '../lang.ts';

export type Severity = 'error' | 'warning';
export type { Lang };

interface RuleText {
  readonly severity: Severity;
  readonly title: Bilingual;
  readonly text: Bilingual;
  /** How to fix it, said to someone who works in a spreadsheet. */
  readonly fix: Bilingual;
}

/** Rules this validator reports itself. */
const OWN_RULES = {
  // Metadata
  'meta.absent': {
    severity: 'error',
    title: { fr: 'Métadonnées absentes', en: 'Missing metadata' },
    text: { fr: 'Le dossier ne contient pas de fichier metadonnees.json.', en: 'The folder has no metadonnees.json file.' },
    fix: {
      fr: 'Créez metadonnees.json dans le dossier (npm run init -- <id> en écrit un modèle à compléter).',
      en: 'Create metadonnees.json in the folder (npm run init -- <id> writes a template to fill in).',
    },
  },
  'meta.json': {
    severity: 'error',
    title: { fr: 'Métadonnées illisibles', en: 'Unreadable metadata' },
    text: { fr: "metadonnees.json n'est pas un JSON valide : {detail}", en: 'metadonnees.json is not valid JSON: {detail}' },
    fix: {
      fr: 'Ouvrez le fichier dans un éditeur de texte : chaque clé et chaque texte entre guillemets droits "…", une virgule entre deux champs, aucune après le dernier.',
      en: 'Open the file in a text editor: every key and text in straight quotes "…", a comma between two fields, none after the last.',
    },
  },
  'meta.champ': {
    severity: 'error',
    title: { fr: 'Métadonnées invalides', en: 'Invalid metadata' },
    text: { fr: 'Champ « {champ} » : {detail}.', en: 'Field "{champ}": {detail}.' },
    fix: {
      fr: "Corrigez la valeur de ce champ d'après docs/contrat-de-donnees.md (section metadonnees.json).",
      en: "Fix this field's value as docs/data-contract.md describes (metadonnees.json section).",
    },
  },
  'meta.caractere_controle': {
    severity: 'error',
    title: { fr: 'Caractère de contrôle dans les métadonnées', en: 'Control character in metadata' },
    text: {
      fr: 'Champ « {champ} » : caractère invisible {char} (position {position}) interdit ; retirez-le.',
      en: 'Field "{champ}": invisible character {char} (position {position}) is not allowed; remove it.',
    },
    fix: { fr: 'Retapez le texte de ce champ au clavier au lieu de le coller.', en: "Type this field's text again instead of pasting it." },
  },
  'meta.periode': {
    severity: 'error',
    title: { fr: 'Période inversée', en: 'Reversed period' },
    text: {
      fr: 'La période commence ({debut}) après sa fin ({fin}).',
      en: 'The period starts ({debut}) after its end ({fin}).',
    },
    fix: { fr: 'Mettez dans periode.debut la date la plus ancienne et dans periode.fin la plus récente.', en: 'Put the earliest date in periode.debut and the latest in periode.fin.' },
  },
  'meta.editeur': {
    severity: 'error',
    title: { fr: "Identifiant d'éditeur incohérent", en: 'Inconsistent publisher id' },
    text: {
      fr: "L'identifiant « {id} » des métadonnées diffère du nom du dossier « {publisher} ».",
      en: 'The metadata id "{id}" differs from the folder name "{publisher}".',
    },
    fix: { fr: 'Donnez à « id » le nom exact du dossier (ou renommez le dossier).', en: 'Give "id" the folder\'s exact name (or rename the folder).' },
  },
  'meta.a_completer': {
    severity: 'error',
    title: { fr: 'Champ à compléter', en: 'Field to fill in' },
    text: { fr: 'Champ « {champ} » encore à compléter : {hint}', en: 'Field "{champ}" still to fill in: {hint}' },
    fix: {
      fr: 'Remplacez « À COMPLÉTER… » par la vraie valeur ; les clés « // » du fichier expliquent chaque champ.',
      en: 'Replace "À COMPLÉTER…" with the real value; the file\'s "//" keys explain each field.',
    },
  },
  'meta.siret': {
    severity: 'error',
    title: { fr: 'SIRET impossible', en: 'Impossible SIRET' },
    text: { fr: 'Champ « siret_acheteur » : {detail}', en: 'Field "siret_acheteur": {detail}' },
    fix: {
      fr: "Recopiez le SIRET depuis l'Annuaire des entreprises (annuaire-entreprises.data.gouv.fr) : un chiffre est faux ou deux sont inversés.",
      en: 'Copy the SIRET again from the Annuaire des entreprises (annuaire-entreprises.data.gouv.fr): a digit is wrong or two are swapped.',
    },
  },
  'meta.contact_telephone': {
    severity: 'error',
    title: { fr: 'Numéro de téléphone dans le contact', en: 'Phone number in the contact' },
    text: {
      fr: 'Le contact contient un numéro de téléphone ; il est publié sur chaque page.',
      en: 'The contact holds a phone number; it is published on every page.',
    },
    fix: {
      fr: 'Donnez une boîte de service (clauses.sociales@…) ou l’adresse d’une page de contact.',
      en: 'Give a service mailbox (clauses.sociales@…) or the address of a contact page.',
    },
  },
  'meta.contact_personne': {
    severity: 'warning',
    title: { fr: 'Personne nommée dans le contact', en: 'Named person in the contact' },
    text: {
      fr: 'Le contact semble nommer une personne ({found}) ; il est publié sur chaque page et survit aux départs.',
      en: 'The contact seems to name a person ({found}); it is published on every page and outlives staff changes.',
    },
    fix: {
      fr: 'Donnez le nom du service et une boîte de service (clauses.sociales@…) plutôt qu’une personne.',
      en: 'Give the name of the service and a service mailbox (clauses.sociales@…) rather than a person.',
    },
  },
  'meta.region': {
    severity: 'error',
    title: { fr: 'Région et départements incohérents', en: 'Region and départements disagree' },
    text: { fr: '{detail}', en: '{detail}' },
    fix: {
      fr: 'Corrigez code_region (code INSEE de la région : 53 Bretagne, 44 Grand Est…) ou la liste departements.',
      en: 'Fix code_region (INSEE region code: 53 Bretagne, 44 Grand Est…) or the departements list.',
    },
  },
  'meta.seuil_bas': {
    severity: 'error',
    title: { fr: 'Seuil de secret trop bas', en: 'Disclosure threshold too low' },
    text: {
      fr: 'seuil_secret vaut {seuil} : une case publiée pourrait compter moins de 5 personnes, la pratique du secteur de l’insertion.',
      en: 'seuil_secret is {seuil}: a published cell could count fewer than 5 persons, the practice of the inclusion sector.',
    },
    fix: {
      fr: 'Mettez seuil_secret à 5 (ou plus : 11 est le seuil prudent des données fiscales), ou retirez la clé (5 par défaut).',
      en: 'Set seuil_secret to 5 (or more: 11 is the cautious threshold of tax data), or remove the key (5 by default).',
    },
  },
  'meta.date_future': {
    severity: 'error',
    title: { fr: 'Date de publication future', en: 'Publication date in the future' },
    text: {
      fr: 'date_publication ({date}) est après aujourd’hui ({today}).',
      en: 'date_publication ({date}) is after today ({today}).',
    },
    fix: {
      fr: 'Mettez la date du jour où vous publiez (AAAA-MM-JJ), au plus tard aujourd’hui.',
      en: 'Put the date you publish on (YYYY-MM-DD), today at the latest.',
    },
  },
  'meta.controles_non_faits': {
    severity: 'warning',
    title: { fr: 'Contrôles suspendus par une erreur des métadonnées', en: 'Checks held back by a metadata error' },
    text: {
      fr: 'Tant que « {champ} » est faux, ces contrôles des tables n’ont pas été faits : {checks}.',
      en: 'While "{champ}" is wrong, these checks of the tables were not run: {checks}.',
    },
    fix: {
      fr: 'Corrigez d’abord ce champ, puis validez à nouveau : ces contrôles peuvent alors signaler d’autres erreurs.',
      en: 'Fix this field first, then validate again: these checks may then report other errors.',
    },
  },
  // Files
  'fichier.absent': {
    severity: 'error',
    title: { fr: 'Fichier absent', en: 'Missing file' },
    text: {
      fr: 'Table {table} absente du dossier : ni ce fichier CSV, ni une feuille « {table} » dans un classeur .xlsx.',
      en: 'Table {table} missing from the folder: neither this CSV file nor a sheet "{table}" in an .xlsx workbook.',
    },
    fix: {
      fr: "Ajoutez ce fichier au dossier (un modèle est dans modeles/ après npm run init), même s'il n'a qu'une ligne d'en-tête.",
      en: 'Add this file to the folder (a template is in modeles/ after npm run init), even with a header line only.',
    },
  },
  'fichier.inconnu': {
    severity: 'warning',
    title: { fr: 'Fichier inattendu', en: 'Unexpected file' },
    text: {
      fr: "Fichier non prévu par le contrat de données : il n'est ni lu ni publié.",
      en: 'File not in the data contract: it is neither read nor published.',
    },
    fix: { fr: "Retirez ce fichier du dossier ou renommez-le comme l'une des tables du contrat.", en: "Remove this file from the folder or name it after one of the contract's tables." },
  },
  'fichier.lien_symbolique': {
    severity: 'error',
    title: { fr: 'Lien symbolique refusé', en: 'Symbolic link refused' },
    text: {
      fr: "Lien symbolique : refusé, il pourrait désigner un fichier hors du dossier de l'éditeur. Copiez le fichier lui-même.",
      en: "Symbolic link: refused, it could point to a file outside the publisher's folder. Copy the file itself.",
    },
    fix: { fr: 'Remplacez le lien par une copie du fichier.', en: 'Replace the link with a copy of the file.' },
  },
  'fichier.encodage': {
    severity: 'warning',
    title: { fr: 'Encodage autre que UTF-8', en: 'Encoding other than UTF-8' },
    text: {
      fr: 'Fichier lu en {encoding} (ce n’est pas de l’UTF-8) ; enregistrez-le si possible en « CSV UTF-8 ».',
      en: 'File read as {encoding} (it is not UTF-8); if you can, save it as "CSV UTF-8".',
    },
    fix: {
      fr: "Rien d'obligatoire ; dans Excel, « Enregistrer sous » › « CSV UTF-8 (délimité par des virgules) » évite cet avertissement.",
      en: 'Nothing required; in Excel, "Save as" › "CSV UTF-8 (comma delimited)" avoids this warning.',
    },
  },
  'fichier.table_en_double': {
    severity: 'error',
    title: { fr: 'Table fournie deux fois', en: 'Table given twice' },
    text: {
      fr: 'La table {table} est déjà lue depuis {first} : cette source-ci est ignorée.',
      en: 'Table {table} is already read from {first}: this source is ignored.',
    },
    fix: {
      fr: 'Gardez une seule source par table : supprimez le fichier CSV ou la feuille Excel en trop.',
      en: 'Keep one source per table: delete the extra CSV file or Excel sheet.',
    },
  },
  'fichier.tableur': {
    severity: 'warning',
    title: { fr: 'Classeur dans un format non lu', en: 'Workbook in a format not read' },
    text: {
      fr: 'Classeur {format} : seuls les classeurs .xlsx (et les fichiers CSV) sont lus.',
      en: '{format} workbook: only .xlsx workbooks (and CSV files) are read.',
    },
    fix: {
      fr: 'Dans Excel ou LibreOffice : « Enregistrer sous » › « Classeur Excel (*.xlsx) ».',
      en: 'In Excel or LibreOffice: "Save as" › "Excel Workbook (*.xlsx)".',
    },
  },
  'xlsx.illisible': {
    severity: 'error',
    title: { fr: 'Classeur illisible', en: 'Unreadable workbook' },
    text: { fr: 'Le classeur ne peut pas être lu : {detail}', en: 'The workbook cannot be read: {detail}' },
    fix: {
      fr: 'Ouvrez-le dans Excel et enregistrez-le à nouveau en .xlsx, sans mot de passe.',
      en: 'Open it in Excel and save it again as .xlsx, without a password.',
    },
  },
  'xlsx.sans_table': {
    severity: 'warning',
    title: { fr: 'Classeur sans table', en: 'Workbook without a table' },
    text: {
      fr: 'Aucune feuille ne porte le nom d’une table ({tables}) : le classeur n’est pas lu (feuilles : {sheets}).',
      en: 'No sheet is named after a table ({tables}): the workbook is not read (sheets: {sheets}).',
    },
    fix: {
      fr: 'Renommez chaque onglet comme sa table (marches, heures…), ou le fichier comme sa table (marches.xlsx).',
      en: 'Rename each tab after its table (marches, heures…), or the file after its table (marches.xlsx).',
    },
  },
  // Header
  'entete.colonne_manquante': {
    severity: 'error',
    title: { fr: 'Colonne obligatoire absente', en: 'Missing required column' },
    text: { fr: "Colonne obligatoire absente de l'en-tête.", en: 'Required column missing from the header.' },
    fix: {
      fr: 'Ajoutez cette colonne à la première ligne, avec exactement ce nom (les modèles de npm run init ont toutes les colonnes).',
      en: "Add this column to the first line, with exactly this name (npm run init's templates have every column).",
    },
  },
  'anonymat.colonne_inconnue': {
    severity: 'error',
    title: { fr: 'Colonne hors contrat refusée', en: 'Column outside the contract refused' },
    text: {
      fr: 'Colonne absente du contrat de données : seules les colonnes prévues sont acceptées ({expected}).',
      en: 'Column not in the data contract: only the listed columns are accepted ({expected}).',
    },
    fix: { fr: "Supprimez cette colonne, ou renommez-la si c'est une colonne du contrat mal orthographiée.", en: 'Delete this column, or rename it if it is a misspelt column of the contract.' },
  },
  'anonymat.colonne_identite': {
    severity: 'error',
    title: { fr: "Colonne de données d'identité", en: 'Identity data column' },
    text: {
      fr: "Cette colonne semble contenir des données d'identité ({what}) : interdit, même sous pseudonyme.",
      en: 'This column seems to hold identity data ({what}): forbidden, even with pseudonyms.',
    },
    fix: { fr: 'Supprimez cette colonne : les personnes ne sont désignées que par un pseudonyme.', en: 'Delete this column: people are only designated by a pseudonym.' },
  },
  // Cells (after the CSV layer's normalisers)
  'valeur.manquante': {
    severity: 'error',
    title: { fr: 'Valeur obligatoire manquante', en: 'Missing required value' },
    text: { fr: 'Cellule vide dans une colonne obligatoire.', en: 'Empty cell in a required column.' },
    fix: {
      fr: "Remplissez la cellule ; si l'information manque vraiment, voyez avec la personne qui tient le suivi.",
      en: 'Fill in the cell; if the information is really missing, ask the person who keeps the follow-up.',
    },
  },
  'code.inconnu': {
    severity: 'error',
    title: { fr: 'Code inconnu', en: 'Unknown code' },
    text: {
      fr: '« {item} » ne fait pas partie des valeurs acceptées : {allowed}.',
      en: '"{item}" is not one of the accepted values: {allowed}.',
    },
    fix: {
      fr: "Choisissez l'une des valeurs acceptées (la liste déroulante du modèle Excel les propose).",
      en: "Choose one of the accepted values (the Excel template's drop-down list offers them).",
    },
  },
  'nombre.minimum': {
    severity: 'error',
    title: { fr: 'Nombre trop petit', en: 'Number too small' },
    text: { fr: 'La valeur doit être {op} {min}.', en: 'The value must be {op} {min}.' },
    fix: { fr: 'Vérifiez la valeur : elle est trop petite pour cette colonne.', en: 'Check the value: it is too small for this column.' },
  },
  'nombre.maximum': {
    severity: 'error',
    title: { fr: 'Nombre trop grand', en: 'Number too large' },
    text: { fr: 'La valeur doit être {op} {max}.', en: 'The value must be {op} {max}.' },
    fix: {
      fr: 'Vérifiez la valeur : elle est trop grande pour cette colonne (une ligne par mois et par personne).',
      en: 'Check the value: it is too large for this column (one row per month and person).',
    },
  },
  'texte.format': {
    severity: 'error',
    title: { fr: 'Format inattendu', en: 'Unexpected format' },
    text: {
      fr: 'La valeur ne respecte pas le format de la colonne ; exemple valide : {example}.',
      en: "The value does not follow the column's format; valid example: {example}.",
    },
    fix: {
      fr: "Réécrivez la valeur sur le modèle de l'exemple ; dans Excel, mettez la colonne au format Texte avant de saisir.",
      en: 'Write the value again following the example; in Excel, format the column as Text before typing.',
    },
  },
  'texte.longueur': {
    severity: 'error',
    title: { fr: 'Texte trop long', en: 'Text too long' },
    text: {
      fr: 'Texte de {length} caractères, pour {max} au plus.',
      en: 'Text of {length} characters, for at most {max}.',
    },
    fix: { fr: 'Raccourcissez le texte.', en: 'Shorten the text.' },
  },
  'texte.caractere_controle': {
    severity: 'error',
    title: { fr: 'Caractère de contrôle', en: 'Control character' },
    text: {
      fr: 'Caractère invisible {char} (position {position}) interdit dans un texte : retirez-le ou remplacez-le par une espace.',
      en: 'Invisible character {char} (position {position}) is not allowed in text: remove it or replace it with a space.',
    },
    fix: { fr: 'Retapez la cellule au clavier au lieu de la coller.', en: 'Type the cell again instead of pasting it.' },
  },
  'valeur.invalide': {
    severity: 'error',
    title: { fr: 'Valeur invalide', en: 'Invalid value' },
    text: { fr: 'Valeur invalide : {detail}.', en: 'Invalid value: {detail}.' },
    fix: { fr: "Corrigez la valeur d'après la description de la colonne (docs/contrat-de-donnees.md).", en: "Fix the value as the column's description says (docs/data-contract.md)." },
  },
  'siret.cle': {
    severity: 'error',
    title: { fr: 'SIRET impossible', en: 'Impossible SIRET' },
    text: { fr: '{detail}', en: '{detail}' },
    fix: {
      fr: "Recopiez le SIRET depuis l'Annuaire des entreprises (annuaire-entreprises.data.gouv.fr) : un chiffre est faux ou deux sont inversés.",
      en: 'Copy the SIRET again from the Annuaire des entreprises (annuaire-entreprises.data.gouv.fr): a digit is wrong or two are swapped.',
    },
  },
  'excel.notation_scientifique': {
    severity: 'error',
    title: { fr: 'Nombre abîmé par Excel (notation scientifique)', en: 'Number spoilt by Excel (scientific notation)' },
    text: {
      fr: 'Excel a écrit ce nombre en notation scientifique : ses derniers chiffres sont perdus.',
      en: 'Excel wrote this number in scientific notation: its last digits are lost.',
    },
    fix: {
      fr: 'Dans le classeur, mettez la colonne au format Texte et ressaisissez ou recollez les valeurs, puis exportez à nouveau ; ou déposez directement le fichier .xlsx.',
      en: 'In the workbook, format the column as Text and type or paste the values again, then export again; or use the .xlsx file itself.',
    },
  },
  'pseudonyme.numerique': {
    severity: 'error',
    title: { fr: 'Pseudonyme fait de chiffres seulement', en: 'Pseudonym made of digits only' },
    text: {
      fr: 'Un pseudonyme commence par 1 à 4 lettres puis 3 à 9 chiffres (par exemple {example}).',
      en: 'A pseudonym starts with 1 to 4 letters then 3 to 9 digits (e.g. {example}).',
    },
    fix: {
      fr: 'Ajoutez la même lettre devant chaque pseudonyme de la colonne et des tables qui les citent (participants et heures ; entreprises et marches).',
      en: 'Add the same letter in front of every pseudonym of the column and of the tables that cite them (participants and heures; entreprises and marches).',
    },
  },
  // Table rules
  'cle.doublon': {
    severity: 'error',
    title: { fr: 'Clé en double', en: 'Duplicate key' },
    text: {
      fr: 'Cette clé figure déjà ligne {first}.',
      en: 'This key already appears on line {first}.',
    },
    fix: { fr: 'Supprimez la ligne en double, ou regroupez les deux lignes en une (additionnez les heures).', en: 'Delete the duplicate row, or merge both rows into one (add up the hours).' },
  },
  // Cross-table rules
  'reference.introuvable': {
    severity: 'error',
    title: { fr: 'Référence introuvable', en: 'Dangling reference' },
    text: {
      fr: 'Aucune ligne de {target} n’a cette valeur dans la colonne {target_column}.',
      en: 'No row of {target} has this value in column {target_column}.',
    },
    fix: {
      fr: "Ajoutez la ligne manquante à l'autre table, ou corrigez l'identifiant (même orthographe des deux côtés).",
      en: 'Add the missing row to the other table, or fix the identifier (same spelling on both sides).',
    },
  },
  'acheteur.siret': {
    severity: 'error',
    title: { fr: "SIRET d'acheteur différent", en: 'Different buyer SIRET' },
    text: {
      fr: 'Le SIRET diffère de siret_acheteur des métadonnées ({expected}).',
      en: 'The SIRET differs from siret_acheteur in the metadata ({expected}).',
    },
    fix: {
      fr: 'Mettez le SIRET de siret_acheteur dans toute la colonne id_acheteur (ou corrigez siret_acheteur).',
      en: "Put siret_acheteur's SIRET in the whole id_acheteur column (or fix siret_acheteur).",
    },
  },
  'direction.inconnue': {
    severity: 'error',
    title: { fr: 'Direction inconnue', en: 'Unknown directorate' },
    text: {
      fr: 'Cette direction n’est pas dans la liste profil.directions des métadonnées ({allowed}).',
      en: 'This directorate is not in the metadata list profil.directions ({allowed}).',
    },
    fix: {
      fr: 'Écrivez le code d’une direction de la liste, ou ajoutez la direction à profil.directions dans metadonnees.json (code, nom en français et en anglais).',
      en: 'Write the code of a directorate of the list, or add the directorate to profil.directions in metadonnees.json (code, French and English names).',
    },
  },
  'departement.hors_territoire': {
    severity: 'error',
    title: { fr: 'Département hors territoire', en: 'Département outside the territory' },
    text: {
      fr: 'Ce département n’est pas l’un de ceux des métadonnées ({allowed}).',
      en: 'This département is not one of the metadata départements ({allowed}).',
    },
    fix: { fr: 'Corrigez le département, ou ajoutez-le à la liste departements des métadonnées.', en: "Fix the département, or add it to the metadata's departements list." },
  },
  'periode.hors_periode': {
    severity: 'error',
    title: { fr: 'Hors période', en: 'Outside the period' },
    text: {
      fr: 'En dehors de la période couverte par les métadonnées ({debut} – {fin}).',
      en: 'Outside the period covered by the metadata ({debut} – {fin}).',
    },
    fix: { fr: 'Corrigez la date, ou élargissez periode dans metadonnees.json.', en: 'Fix the date, or widen periode in metadonnees.json.' },
  },
  'marches.execution_hors_periode': {
    severity: 'error',
    title: { fr: 'Marché exécuté avant la période', en: 'Contract executed before the period' },
    text: {
      fr: 'Marché notifié le {date} pour {duree} mois (exécution jusqu’en {fin_execution}) : il se termine avant la période ({debut} – {fin}).',
      en: 'Contract notified on {date} for {duree} months (executed until {fin_execution}): it ends before the period ({debut} – {fin}).',
    },
    fix: {
      fr: 'Retirez ce marché de la table, ou corrigez sa date de notification ou sa durée.',
      en: 'Remove this contract from the table, or fix its notification date or duration.',
    },
  },
  'heures.hors_execution': {
    severity: 'error',
    title: { fr: "Heures hors de l'exécution du marché", en: "Hours outside the contract's execution" },
    text: {
      fr: "Mois en dehors de l'exécution du marché {marche} ({debut} à {fin}).",
      en: 'Month outside the execution of contract {marche} ({debut} to {fin}).',
    },
    fix: { fr: 'Corrigez le mois, ou la date de notification ou la durée du marché dans marches.', en: "Fix the month, or the contract's notification date or duration in marches." },
  },
  'heures.plafond_mensuel': {
    severity: 'error',
    title: { fr: "Plafond mensuel d'heures dépassé", en: 'Monthly ceiling of hours exceeded' },
    text: {
      fr: '{total} h déclarées pour {participant} en {mois}, tous marchés confondus : plus que le plafond de {max} h par mois.',
      en: '{total} h reported for {participant} in {mois}, all contracts together: more than the ceiling of {max} h a month.',
    },
    fix: {
      fr: 'Vérifiez les heures de cette personne ce mois-là : une ligne est sans doute en double ou mal saisie.',
      en: "Check this person's hours that month: a row is probably duplicated or mistyped.",
    },
  },
  'marches.critere_sans_consideration': {
    severity: 'error',
    title: { fr: 'Critère social non déclaré', en: 'Social criterion not declared' },
    text: {
      fr: 'critere_attribution vaut oui mais considerations_sociales ne contient pas CRITERE_SOCIAL.',
      en: 'critere_attribution is yes but considerations_sociales does not contain CRITERE_SOCIAL.',
    },
    fix: { fr: 'Ajoutez CRITERE_SOCIAL à considerations_sociales, ou mettez critere_attribution à non.', en: 'Add CRITERE_SOCIAL to considerations_sociales, or set critere_attribution to non.' },
  },
  'marches.aucune_clause_avec_heures': {
    severity: 'error',
    title: { fr: 'Heures sur un marché sans clause', en: 'Hours on a contract without a clause' },
    text: {
      fr: "Marché sans clause d'insertion (AUCUNE), mais heures.csv lui attribue {rows} ligne(s), {hours} h.",
      en: 'Contract without an insertion clause (AUCUNE), yet heures.csv gives it {rows} row(s), {hours} h.',
    },
    fix: {
      fr: 'Donnez au marché son type de clause (EXECUTION ou RESERVE), ou retirez ses heures de heures.',
      en: 'Give the contract its clause type (EXECUTION or RESERVE), or remove its hours from heures.',
    },
  },
  'heures.depassement_prevision': {
    severity: 'warning',
    title: { fr: 'Heures réalisées > 150 % des prévues', en: 'Hours carried out > 150 % of planned' },
    text: {
      fr: '{realised} h réalisées pour {planned} h prévues ({ratio} %) : vérifier heures_prevues.',
      en: '{realised} h carried out for {planned} h planned ({ratio} %): check heures_prevues.',
    },
    fix: { fr: "Vérifiez heures_prevues (un avenant l'a peut-être augmenté) et les heures déclarées.", en: 'Check heures_prevues (an amendment may have raised it) and the hours reported.' },
  },
  'heures.sans_prevision': {
    severity: 'warning',
    title: { fr: 'Heures réalisées sans heures prévues', en: 'Hours carried out with none planned' },
    text: {
      fr: '{realised} h réalisées alors que heures_prevues vaut 0.',
      en: '{realised} h carried out while heures_prevues is 0.',
    },
    fix: { fr: 'Renseignez heures_prevues pour ce marché.', en: 'Fill in heures_prevues for this contract.' },
  },
  // Anonymisation guard on cell contents
  'anonymat.email': {
    severity: 'error',
    title: { fr: 'Adresse e-mail dans une cellule', en: 'E-mail address in a cell' },
    text: {
      fr: 'La cellule semble contenir une adresse e-mail : donnée personnelle interdite (valeur masquée).',
      en: 'The cell seems to hold an e-mail address: forbidden personal data (value masked).',
    },
    fix: { fr: "Retirez l'adresse : aucune donnée d'identité dans les tables.", en: 'Remove the address: no identity data in the tables.' },
  },
  'anonymat.telephone': {
    severity: 'error',
    title: { fr: 'Numéro de téléphone dans une cellule', en: 'Phone number in a cell' },
    text: {
      fr: 'La cellule semble contenir un numéro de téléphone : donnée personnelle interdite (valeur masquée).',
      en: 'The cell seems to hold a phone number: forbidden personal data (value masked).',
    },
    fix: { fr: "Retirez le numéro : aucune donnée d'identité dans les tables.", en: 'Remove the number: no identity data in the tables.' },
  },
  'anonymat.nir': {
    severity: 'error',
    title: { fr: 'Numéro de sécurité sociale dans une cellule', en: 'Social security number in a cell' },
    text: {
      fr: 'La cellule semble contenir un numéro de sécurité sociale (NIR) : donnée personnelle interdite (valeur masquée).',
      en: 'The cell seems to hold a French social security number (NIR): forbidden personal data (value masked).',
    },
    fix: { fr: "Retirez le numéro : aucune donnée d'identité dans les tables.", en: 'Remove the number: no identity data in the tables.' },
  },
  'anonymat.adresse': {
    severity: 'error',
    title: { fr: 'Adresse postale dans une cellule', en: 'Street address in a cell' },
    text: {
      fr: 'La cellule semble contenir une adresse postale : donnée personnelle interdite (valeur masquée).',
      en: 'The cell seems to hold a street address: forbidden personal data (value masked).',
    },
    fix: { fr: "Retirez l'adresse : aucune donnée d'identité dans les tables.", en: 'Remove the address: no identity data in the tables.' },
  },
} as const satisfies Record<string, RuleText>;

/** Titles and fixes of the CSV layer's rules; their sentences come with each issue. */
const CSV_TITLES: Readonly<Record<CsvRule, { title: Bilingual; fix: Bilingual }>> = {
  'csv.vide': {
    title: { fr: 'Fichier vide', en: 'Empty file' },
    fix: { fr: 'Exportez à nouveau le fichier, avec sa ligne d’en-tête.', en: 'Export the file again, with its header line.' },
  },
  'csv.entete_vide': {
    title: { fr: "Nom de colonne vide dans l'en-tête", en: 'Empty column name in the header' },
    fix: { fr: 'Donnez un nom à cette colonne, ou supprimez-la avec ses cellules.', en: 'Give this column a name, or delete it with its cells.' },
  },
  'csv.entete_double': {
    title: { fr: "Colonne en double dans l'en-tête", en: 'Duplicate column in the header' },
    fix: { fr: 'Supprimez ou renommez l’une des deux colonnes.', en: 'Delete or rename one of the two columns.' },
  },
  'csv.guillemet_non_ferme': {
    title: { fr: 'Guillemet jamais fermé', en: 'Unclosed quote' },
    fix: {
      fr: 'Fermez le guillemet, ou enregistrez à nouveau le fichier depuis le tableur (il place les guillemets lui-même).',
      en: 'Close the quote, or save the file again from the spreadsheet (it places the quotes itself).',
    },
  },
  'csv.guillemet_parasite': {
    title: { fr: 'Guillemet mal placé', en: 'Misplaced quote' },
    fix: {
      fr: 'Enregistrez à nouveau le fichier depuis le tableur, ou doublez ce guillemet ("").',
      en: 'Save the file again from the spreadsheet, or double this quote ("").',
    },
  },
  'csv.champs_en_trop': {
    title: { fr: 'Ligne avec trop de champs', en: 'Row with too many fields' },
    fix: {
      fr: 'Retirez la valeur en trop ; un « ; » à l’intérieur d’un texte doit être entre guillemets.',
      en: 'Remove the extra value; a ";" inside a text must be in quotes.',
    },
  },
  'csv.champs_manquants': {
    title: { fr: 'Ligne avec des champs manquants', en: 'Row with missing fields' },
    fix: { fr: 'Complétez la ligne : autant de champs que l’en-tête.', en: 'Complete the row: as many fields as the header.' },
  },
};

/** Titles and fixes of the CSV layer's cell rules; their sentences are `VALUE_MESSAGES`. */
const VALUE_TITLES: Readonly<Record<ValueRule, { title: Bilingual; fix: Bilingual }>> = {
  'nombre.format': {
    title: { fr: 'Nombre illisible', en: 'Unreadable number' },
    fix: { fr: 'Écrivez le nombre seul, par exemple 1234,5.', en: 'Write the number alone, for example 1234,5.' },
  },
  'entier.format': {
    title: { fr: 'Nombre entier illisible', en: 'Unreadable whole number' },
    fix: { fr: 'Écrivez un nombre entier, par exemple 12.', en: 'Write a whole number, for example 12.' },
  },
  'date.format': {
    title: { fr: 'Date illisible', en: 'Unreadable date' },
    fix: { fr: 'Écrivez la date JJ/MM/AAAA, par exemple 14/03/2022.', en: 'Write the date DD/MM/YYYY, for example 14/03/2022.' },
  },
  'date.invalide': {
    title: { fr: 'Date impossible', en: 'Impossible date' },
    fix: { fr: 'Vérifiez le jour et le mois.', en: 'Check the day and the month.' },
  },
  'mois.format': {
    title: { fr: 'Mois illisible', en: 'Unreadable month' },
    fix: { fr: 'Écrivez le mois MM/AAAA, par exemple 03/2022.', en: 'Write the month MM/YYYY, for example 03/2022.' },
  },
  'mois.invalide': {
    title: { fr: 'Mois impossible', en: 'Impossible month' },
    fix: { fr: 'Vérifiez le numéro du mois (01 à 12).', en: 'Check the month number (01 to 12).' },
  },
  'mois.date_complete': {
    title: { fr: 'Date complète dans une colonne de mois', en: 'Full date in a month column' },
    fix: { fr: 'Écrivez le mois seul, par exemple 04/2022.', en: 'Write the month alone, for example 04/2022.' },
  },
  'booleen.format': {
    title: { fr: 'Oui/non illisible', en: 'Unreadable yes/no' },
    fix: { fr: 'Écrivez oui ou non.', en: 'Write oui or non.' },
  },
};

export type OwnRule = keyof typeof OWN_RULES;
/** Every rule id a report can contain. */
export type RuleId = OwnRule | CsvRule | ValueRule;

/** Severity, title and sentence template of every rule. */
export const RULES: Readonly<Record<RuleId, RuleText>> = {
  ...OWN_RULES,
  ...(Object.fromEntries(Object.entries(CSV_TITLES).map(([rule, { title, fix }]) => [rule, { severity: 'error', title, text: { fr: '{message}', en: '{message}' }, fix }])) as Record<
    CsvRule,
    RuleText
  >),
  ...(Object.fromEntries(Object.entries(VALUE_TITLES).map(([rule, { title, fix }]) => [rule, { severity: 'error', title, text: VALUE_MESSAGES[rule as ValueRule], fix }])) as Record<
    ValueRule,
    RuleText
  >),
};

/** Every rule id, in dictionary order (own rules, then CSV rules, then cell rules). */
export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** A template parameter. */
export type Param = string | number | Bilingual;
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
export function ruleMessage(rule: RuleId, params: Params = {}): Bilingual {
  const { text } = RULES[rule];
  return { fr: fill(text.fr, params, 'fr'), en: fill(text.en, params, 'en') };
}

/** Why a folder cannot be validated at all (there is no report to put these in). */
export const INPUT_ERRORS = {
  introuvable: { fr: 'Dossier introuvable : {path}', en: 'Folder not found: {path}' },
  nom_dossier: {
    fr: "Nom de dossier d'éditeur refusé : « {name} » (minuscules et chiffres, groupes reliés par un tiret : departement-ille-et-vilaine).",
    en: 'Publisher folder name refused: "{name}" (lower-case letters and digits, groups joined by one hyphen: departement-ille-et-vilaine).',
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
  existe: {
    fr: 'Le dossier {path} existe déjà : rien n’est écrit. Choisissez un autre identifiant, ou complétez ce dossier et vérifiez-le (npm run validate -- {path}).',
    en: 'Folder {path} already exists: nothing is written. Choose another id, or complete that folder and check it (npm run validate -- {path}).',
  },
  nom_references: {
    fr: "Nom de dossier réservé : « {name} » contient les résultats publiés d'autres territoires (data/{name}/). Choisissez un autre identifiant.",
    en: 'Reserved folder name: "{name}" holds other territories\' published results (data/{name}/). Choose another id.',
  },
  usage_init: {
    fr: 'Usage : npm run init -- <identifiant> [--data data] ; identifiant en minuscules, chiffres et tirets, par exemple departement-ille-et-vilaine.',
    en: 'Usage: npm run init -- <id> [--data data]; an id in lower-case letters, digits and hyphens, e.g. departement-ille-et-vilaine.',
  },
} as const satisfies Record<string, Bilingual>;

/** An input error's sentence with its parameters. */
export function inputMessage(key: keyof typeof INPUT_ERRORS, params: Params): Bilingual {
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
  fix: { fr: 'Pour corriger', en: 'How to fix' },
  sheet: { fr: 'feuille', en: 'sheet' },
  cell: { fr: 'cellule', en: 'cell' },
  row: { fr: 'ligne', en: 'row' },
  lines: { fr: 'lignes', en: 'lines' },
  cells: { fr: 'cellules', en: 'cells' },
  values: { fr: 'valeurs', en: 'values' },
  firstMessage: { fr: 'message de la première', en: 'message of the first' },
  error: { fr: 'erreur', en: 'error' },
  warning: { fr: 'avertissement', en: 'warning' },
  errors: { fr: 'erreur(s)', en: 'error(s)' },
  warnings: { fr: 'avertissement(s)', en: 'warning(s)' },
  accepted: { fr: 'données acceptées', en: 'data accepted' },
  refused: { fr: 'données refusées', en: 'data refused' },
  tab: { fr: 'tabulation', en: 'tab' },
} as const satisfies Record<string, Bilingual>;
