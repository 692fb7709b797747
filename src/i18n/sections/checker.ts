/**
 * Strings of the « Vérifier vos fichiers » / « Check your files » page, French first, English second. Spread into the one dictionary
 * (`../dictionary.ts`); keys must not clash with other sections (a test checks).
 * The page also reuses the `validation.*` strings of the build's report page for its tables.
 */
import type { Bilingual } from '../../lib/lang.ts';

export const checker = {
  'page.checker': { fr: 'Vérifier vos fichiers', en: 'Check your files' },
  'checker.lead': {
    fr: 'Déposez vos fichiers CSV ou vos classeurs Excel (.xlsx), et, si vous l’avez, metadonnees.json : ils sont contrôlés avec les mêmes règles que la construction du site, et chaque erreur est indiquée avec son fichier (sa feuille), sa ligne ou sa cellule, sa colonne, sa valeur, sa règle et la façon de la corriger.',
    en: 'Drop your CSV files or Excel workbooks (.xlsx), and metadonnees.json if you have it: they are checked with the same rules as the site build, and each error is shown with its file (its sheet), line or cell, column, value, rule and how to fix it.',
  },
  'checker.privacy': {
    fr: 'Vos fichiers ne quittent pas votre ordinateur : la vérification se fait entièrement dans votre navigateur, aucune donnée n’est envoyée.',
    en: 'Your files never leave your computer: the check runs entirely in your browser, no data is sent.',
  },
  'checker.noscript': {
    fr: 'Cette page a besoin de JavaScript pour vérifier vos fichiers. Sans JavaScript, lancez la même vérification avec le kit : npm run validate -- data/votre-dossier. Le contrat de données est décrit dans le standard téléchargeable :',
    en: 'This page needs JavaScript to check your files. Without JavaScript, run the same check with the kit: npm run validate -- data/your-folder. The data contract is described in the downloadable standard:',
  },
  'checker.standardReadme': { fr: 'le standard (README)', en: 'the standard (README)' },
  'checker.standardZip': { fr: 'le standard complet (zip)', en: 'the whole standard (zip)' },
  'checker.choose': { fr: 'Choisir des fichiers', en: 'Choose files' },
  'checker.hint': {
    fr: 'Fichiers attendus : {files} (ou un classeur .xlsx dont chaque feuille porte le nom d’une table), et metadonnees.json (facultatif). CSV en UTF-8 ou Windows-1252, séparateur « ; » ou « , ».',
    en: 'Expected files: {files} (or an .xlsx workbook with each sheet named after a table), and metadonnees.json (optional). CSV in UTF-8 or Windows-1252, “;” or “,” delimiter.',
  },
  'checker.drop': { fr: 'Vous pouvez aussi les déposer dans ce cadre.', en: 'You can also drop them into this box.' },
  'checker.partial': {
    fr: 'Seuls les fichiers déposés sont vérifiés : un fichier absent n’est pas une erreur ici, et les références vers un fichier absent ne sont pas contrôlées. Déposez les six fichiers et metadonnees.json pour le contrôle complet de la construction.',
    en: 'Only the files you drop are checked: a missing file is not an error here, and references into a missing file are not checked. Drop the six files and metadonnees.json for the full check of the build.',
  },
  'checker.progress': { fr: 'Avancement de la vérification', en: 'Progress of the check' },
  'checker.reading': { fr: 'Lecture de {file}…', en: 'Reading {file}…' },
  'checker.checking': { fr: 'Vérification de {files}…', en: 'Checking {files}…' },
  'checker.done': {
    fr: '{files} vérifié(s) en {seconds} s : {errors} erreur(s), {warnings} avertissement(s).',
    en: '{files} checked in {seconds} s: {errors} error(s), {warnings} warning(s).',
  },
  'checker.failed': { fr: 'La vérification a échoué : {detail}', en: 'The check failed: {detail}' },
  'checker.unsupported': {
    fr: 'Votre navigateur ne permet pas la vérification (Web Workers en module). Utilisez une version récente de Firefox, Chrome, Edge ou Safari, ou la commande npm run validate.',
    en: 'Your browser cannot run the check (module Web Workers). Use a recent Firefox, Chrome, Edge or Safari, or the npm run validate command.',
  },
  'checker.result': { fr: 'Résultat de la vérification', en: 'Result of the check' },
  'checker.noIssue': { fr: 'Aucune remarque : rien à corriger.', en: 'No remark: nothing to fix.' },
  'checker.shown': {
    fr: 'Les {shown} premières remarques sont affichées ; le rapport téléchargeable en contient {stored}.',
    en: 'The first {shown} remarks are shown; the downloadable report holds {stored}.',
  },
  'checker.stored': {
    fr: 'Au-delà de 100 remarques d’une même règle dans un même fichier, les suivantes sont seulement comptées (voir le résumé par règle).',
    en: 'Beyond 100 remarks of one rule in one file, the next ones are only counted (see the summary by rule).',
  },
  'checker.download': { fr: 'Télécharger le rapport :', en: 'Download the report:' },
  'checker.downloadJson': { fr: 'Rapport JSON (format du rapport de construction)', en: 'JSON report (format of the build report)' },
  'checker.downloadCsv': { fr: 'Rapport CSV (une remarque par ligne)', en: 'CSV report (one remark per line)' },
  'checker.command': {
    fr: 'La même vérification en ligne de commande, dans le kit : npm run validate -- data/votre-dossier.',
    en: 'The same check on the command line, in the kit: npm run validate -- data/your-folder.',
  },
} as const satisfies Record<string, Bilingual>;
