import type { Bilingual } from '../lang.ts';

/** Stable ids of the issues `parseCsv` and `createCsvParser` report. */
export type CsvRule = 'csv.vide' | 'csv.entete_vide' | 'csv.entete_double' | 'csv.guillemet_non_ferme' | 'csv.guillemet_parasite' | 'csv.champs_en_trop' | 'csv.champs_manquants';

/** Every CSV rule id, in the order a reader meets them. */
export const CSV_RULES: readonly CsvRule[] = ['csv.vide', 'csv.entete_vide', 'csv.entete_double', 'csv.guillemet_non_ferme', 'csv.guillemet_parasite', 'csv.champs_en_trop', 'csv.champs_manquants'];

/** Stable ids of the errors the cell normalisers of `values.ts` return. */
export type ValueRule = 'nombre.format' | 'entier.format' | 'date.format' | 'date.invalide' | 'mois.format' | 'mois.invalide' | 'mois.date_complete' | 'booleen.format';

/**
 * What each cell rule means, without the value or the position (the validator adds them).
 * One entry per {@link ValueRule}.
 */
export const VALUE_MESSAGES: Readonly<Record<ValueRule, Bilingual>> = {
  'nombre.format': {
    fr: 'Nombre illisible : écrire par exemple 1234,5 ou 1234.5 ou 1 234,5 (sans unité, sans point comme séparateur de milliers).',
    en: 'Unreadable number: write for example 1234,5 or 1234.5 or 1 234,5 (no unit, no dot as a thousands separator).',
  },
  'entier.format': {
    fr: 'Nombre entier illisible : écrire par exemple 12 ou 1 234 (sans décimales ni unité).',
    en: 'Unreadable whole number: write for example 12 or 1 234 (no decimals, no unit).',
  },
  'date.format': {
    fr: 'Date illisible : écrire AAAA-MM-JJ (2018-03-31) ou JJ/MM/AAAA (31/03/2018).',
    en: 'Unreadable date: write YYYY-MM-DD (2018-03-31) or DD/MM/YYYY (31/03/2018).',
  },
  'date.invalide': {
    fr: "Date impossible : ce jour n'existe pas dans le calendrier (par exemple 31/02/2018).",
    en: 'Impossible date: this day does not exist in the calendar (for example 31/02/2018).',
  },
  'mois.format': {
    fr: 'Mois illisible : écrire AAAA-MM (2018-03) ou MM/AAAA (03/2018) ; « mars-18 » et « mars 2018 » sont aussi lus.',
    en: 'Unreadable month: write YYYY-MM (2018-03) or MM/YYYY (03/2018); "mars-18" and "Mar 2018" are read too.',
  },
  'mois.invalide': {
    fr: 'Mois impossible : le numéro du mois doit aller de 01 à 12.',
    en: 'Impossible month: the month number must be between 01 and 12.',
  },
  'mois.date_complete': {
    fr: 'Date complète dans une colonne de mois : écrire le mois seul, AAAA-MM (2022-04) ou MM/AAAA (04/2022) ; le premier du mois (01/04/2022) est lu comme ce mois.',
    en: 'Full date in a month column: write the month alone, YYYY-MM (2022-04) or MM/YYYY (04/2022); the first of the month (01/04/2022) is read as that month.',
  },
  'booleen.format': {
    fr: 'Valeur oui/non illisible : écrire oui ou non (o/n, vrai/faux, true/false, yes/no, 1/0 sont acceptés).',
    en: 'Unreadable yes/no value: write oui or non (o/n, vrai/faux, true/false, yes/no, 1/0 are accepted).',
  },
};

/** Messages of the CSV rules; they name the line (and field) because the file is still text. */
export const csvMessages = {
  vide: (): Bilingual => ({
    fr: "Fichier vide : aucune ligne d'en-tête n'a été trouvée.",
    en: 'Empty file: no header line was found.',
  }),
  enteteVide: (line: number, column: number): Bilingual => ({
    fr: `Ligne ${line}, colonne ${column} : le nom de colonne est vide.`,
    en: `Line ${line}, column ${column}: the column name is empty.`,
  }),
  enteteDouble: (line: number, column: number, name: string, first: number): Bilingual => ({
    fr: `Ligne ${line}, colonne ${column} : la colonne « ${name} » apparaît déjà en colonne ${first}.`,
    en: `Line ${line}, column ${column}: column "${name}" already appears as column ${first}.`,
  }),
  guillemetNonFerme: (line: number, column: number): Bilingual => ({
    fr: `Ligne ${line}, champ ${column} : le guillemet ouvert ici n'est jamais fermé ; la suite du fichier a été lue comme un seul champ.`,
    en: `Line ${line}, field ${column}: the quote opened here is never closed; the rest of the file was read as a single field.`,
  }),
  guillemetParasiteOuvert: (line: number, column: number): Bilingual => ({
    fr: `Ligne ${line}, champ ${column} : guillemet au milieu d'un champ non entouré de guillemets ; entourer le champ de guillemets et doubler ce guillemet ("").`,
    en: `Line ${line}, field ${column}: quote inside a field that is not enclosed in quotes; enclose the field in quotes and double this quote ("").`,
  }),
  guillemetParasiteFerme: (line: number, column: number): Bilingual => ({
    fr: `Ligne ${line}, champ ${column} : du texte suit le guillemet fermant ; doubler les guillemets à l'intérieur d'un champ ("").`,
    en: `Line ${line}, field ${column}: text follows the closing quote; double the quotes inside a field ("").`,
  }),
  champsEnTrop: (line: number, expected: number, got: number): Bilingual => ({
    fr: `Ligne ${line} : ${got} champs au lieu des ${expected} de l'en-tête ; les champs en trop sont ignorés.`,
    en: `Line ${line}: ${got} fields instead of the header's ${expected}; the extra fields are ignored.`,
  }),
  champsManquants: (line: number, expected: number, got: number): Bilingual => ({
    fr: `Ligne ${line} : ${got} champ${got > 1 ? 's' : ''} au lieu des ${expected} de l'en-tête ; les champs manquants sont lus vides.`,
    en: `Line ${line}: ${got} field${got > 1 ? 's' : ''} instead of the header's ${expected}; the missing fields are read as empty.`,
  }),
};
