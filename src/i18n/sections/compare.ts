/**
 * Strings of the comparison page and the per-publisher sections, French first, English second. Spread into the one dictionary
 * (`../dictionary.ts`); keys must not clash with other sections (a test checks).
 */
import type { Entry } from '../entry.ts';

export const compare = {
  'page.compare': { fr: 'Comparer les territoires', en: 'Compare territories' },
  'page.publishers': { fr: 'Éditeurs des données', en: 'Data publishers' },

  // ---------- publishers list and publisher pages ----------
  'publishers.lead': {
    fr: 'Chaque éditeur publie son propre jeu de données : ses fichiers sont validés à part, ses tableaux calculés et protégés à part, et il a ici sa page, ses téléchargements et ses métadonnées. Un seul fichier en erreur, chez n’importe quel éditeur, et rien n’est publié.',
    en: 'Each publisher releases its own dataset: its files are validated on their own, its tables computed and protected on their own, and it has its own page, downloads and metadata here. One file in error, at any publisher, and nothing is published.',
  },
  'publishers.caption': { fr: 'Éditeurs de cette publication', en: 'Publishers of this release' },
  'publishers.name': { fr: 'Éditeur', en: 'Publisher' },
  'publishers.territory': { fr: 'Territoire', en: 'Territory' },
  'publishers.period': { fr: 'Période', en: 'Period' },
  'publishers.version': { fr: 'Version', en: 'Version' },
  'publishers.published': { fr: 'Publiée le', en: 'Published on' },
  'publishers.synthetic': { fr: 'Données synthétiques', en: 'Synthetic data' },
  'publishers.licence': { fr: 'Licence', en: 'Licence' },
  'publishers.contact': { fr: 'Contact', en: 'Contact' },
  'publishers.warnings': { fr: 'Avertissements de validation', en: 'Validation warnings' },
  'publishers.id': { fr: 'Identifiant', en: 'Identifier' },
  'publishers.threshold': { fr: 'Seuil de secret statistique', en: 'Statistical disclosure threshold' },
  'publishers.thresholdValue': { fr: 'k = {k} personnes', en: 'k = {k} persons' },
  'publishers.yes': { fr: 'oui', en: 'yes' },
  'publishers.no': { fr: 'non', en: 'no' },
  'publishers.unknown': { fr: 'non renseigné', en: 'not given' },
  'publishers.main': { fr: 'éditeur principal du site', en: 'main publisher of the site' },
  'publishers.compareLink': { fr: 'Comparer les éditeurs et les autres territoires', en: 'Compare the publishers and other territories' },
  'publisher.lead': {
    fr: 'Le jeu de données de {name} ({territory}, {period}) : métadonnées, chiffres clés, fichiers à télécharger, contrôle des fichiers, citation et historique des versions.',
    en: 'The dataset of {name} ({territory}, {period}): metadata, key figures, files to download, file checks, citation and version history.',
  },
  'publisher.syntheticNote': {
    fr: 'Les lignes de ce jeu sont inventées pour démontrer le site. Ne citez pas ces chiffres comme des résultats.',
    en: 'The rows of this dataset are invented to demonstrate the site. Do not quote these figures as results.',
  },
  'publisher.metadata': { fr: 'Métadonnées', en: 'Metadata' },
  'publisher.keyFigures': { fr: 'Chiffres clés', en: 'Key figures' },
  'publisher.keyFiguresNone': { fr: 'Ce jeu ne publie pas de tableau de chiffres clés.', en: 'This dataset publishes no key-figures table.' },
  'publisher.downloads': { fr: 'Fichiers à télécharger', en: 'Files to download' },
  'publisher.validation': { fr: 'Contrôle des fichiers', en: 'File checks' },
  'publisher.validationNone': { fr: 'Aucun rapport de validation n’est publié pour ce jeu.', en: 'No validation report is published for this dataset.' },
  'publisher.validationCounts': {
    fr: '{errors} erreur(s), {warnings} avertissement(s) sur {files} fichier(s) lus.',
    en: '{errors} error(s), {warnings} warning(s) over {files} file(s) read.',
  },
  'publisher.validationRules': { fr: 'Règles déclenchées', en: 'Rules that fired' },
  'publisher.validationFull': { fr: 'Rapport de validation complet', en: 'Full validation report' },
  'publisher.citation': { fr: 'Citer ce jeu', en: 'Cite this dataset' },
  'publisher.changelog': { fr: 'Historique des versions', en: 'Version history' },
  'publisher.siteLinks': {
    fr: 'Ce jeu est celui que montrent les pages de résultats du site :',
    en: 'This is the dataset the site’s results pages show:',
  },

  // ---------- comparison page ----------
  'compare.lead': {
    fr: 'Les éditeurs validés côte à côte, avec les mesures qui les rendent comparables : des ratios qui ne dépendent pas de la taille de l’acheteur. Plus bas, à part, les chiffres publiés par d’autres territoires, repris tels quels et non vérifiés.',
    en: 'The validated publishers side by side, with the measures that make them comparable: ratios that do not depend on the size of the buyer. Further down, apart, figures published by other territories, taken as they are and not verified.',
  },
  'compare.validated': { fr: 'Éditeurs validés', en: 'Validated publishers' },
  'compare.validatedLead': {
    fr: 'Données validées par le kit : chaque éditeur ne compte que ses propres marchés et des heures réalisées. Un total pluriannuel n’est jamais mis dans le même graphique qu’un chiffre annuel. « secret » : la valeur repose sur moins de k personnes dans la publication de l’éditeur.',
    en: 'Data validated by the kit: each publisher counts only its own contracts and hours carried out. A multi-year total is never put in the same chart as a yearly figure. "secret": the value rests on fewer than k persons in the publisher’s release.',
  },
  'compare.colName': { fr: 'Éditeur ou territoire', en: 'Publisher or territory' },
  'compare.colStatus': { fr: 'Statut', en: 'Status' },
  'compare.colPeriod': { fr: 'Période', en: 'Period' },
  'compare.tableCaption': { fr: 'Mesures comparables des éditeurs validés', en: 'Comparable measures of the validated publishers' },
  'compare.measure': { fr: 'Mesure', en: 'Measure' },
  'compare.unit': { fr: 'Unité', en: 'Unit' },
  'compare.contextRows': { fr: 'Contexte (tailles, à ne pas comparer)', en: 'Context (sizes, not to be compared)' },
  'compare.comparableRows': { fr: 'Mesures comparables', en: 'Comparable measures' },
  'compare.periodKind': { fr: '{period}, {kind}', en: '{period}, {kind}' },
  'compare.annual': { fr: 'annuel', en: 'yearly' },
  'compare.multiYear': { fr: 'pluriannuel', en: 'multi-year' },
  'compare.syntheticMark': { fr: 'données synthétiques', en: 'synthetic data' },
  'compare.realMark': { fr: 'données réelles', en: 'real data' },
  'compare.charts': { fr: 'Graphiques par mesure', en: 'Charts by measure' },
  'compare.chartSub': { fr: '{unit} — {flags}', en: '{unit} — {flags}' },
  'compare.flagsText': { fr: '{period} ; {scope} ; {hours}', en: '{period}; {scope}; {hours}' },
  'compare.source': {
    fr: 'Source : {table}, calculée à partir des jeux validés de {publishers}.',
    en: 'Source: {table}, computed from the validated datasets of {publishers}.',
  },
  'compare.referenceInChart': { fr: '{name} ({period}, publié, non vérifié)', en: '{name} ({period}, published, not verified)' },
  'compare.referencesJoined': {
    fr: 'Ce graphique montre aussi des chiffres publiés par d’autres territoires, non vérifiés, parce qu’ils ont exactement les mêmes drapeaux (période, périmètre, nature des heures) et aucune réserve.',
    en: 'This chart also shows figures published by other territories, not verified, because they have exactly the same flags (period, scope, kind of hours) and no caveat.',
  },
  'compare.none': {
    fr: 'Cette publication ne contient pas de comparaison (dossier donnees/comparaison/ absent).',
    en: 'This release holds no comparison (no donnees/comparaison/ folder).',
  },
  'compare.downloads': { fr: 'Fichiers de la comparaison', en: 'Files of the comparison' },

  // ---------- other territories ----------
  'compare.references': {
    fr: 'Résultats publiés par d’autres territoires — publiés, non vérifiés',
    en: 'Results published by other territories — published, not verified',
  },
  'compare.referencesLead': {
    fr: 'Ces chiffres viennent de communiqués et de pages officielles d’autres territoires (lus en novembre 2026). Ils n’ont pas été vérifiés et ne sont pas des jeux validés. Chacun dit s’il est annuel ou pluriannuel, s’il couvre les marchés propres d’un acheteur ou tout un territoire, et si les heures sont réalisées ou prévues : lisez ces drapeaux avant de rapprocher deux chiffres.',
    en: 'These figures come from press releases and official pages of other territories (read in November 2026). They have not been verified and are not validated datasets. Each says whether it is yearly or multi-year, covers one buyer’s own contracts or a whole territory, and whether the hours were carried out or planned: read these flags before setting two figures side by side.',
  },
  'compare.referencesCaption': {
    fr: 'Résultats publiés par d’autres territoires (publiés, non vérifiés)',
    en: 'Results published by other territories (published, not verified)',
  },
  'compare.refTerritory': { fr: 'Territoire ou acheteur', en: 'Territory or buyer' },
  'compare.refPeriod': { fr: 'Période', en: 'Period' },
  'compare.refFigures': { fr: 'Chiffres publiés', en: 'Published figures' },
  'compare.refFlags': { fr: 'Drapeaux', en: 'Flags' },
  'compare.refCaveats': { fr: 'Réserves', en: 'Caveats' },
  'compare.refSource': { fr: 'Source', en: 'Source' },
  'compare.refStatus': { fr: 'publié, non vérifié', en: 'published, not verified' },
  'compare.refNone': { fr: 'aucune', en: 'none' },
  'compare.refDate': { fr: 'date : {date}', en: 'date: {date}' },
  'compare.refQuote': { fr: 'Citation', en: 'Quote' },
  'compare.refScopeAsStated': { fr: 'selon la source :', en: 'as the source states it:' },
  'compare.refYearly': { fr: 'Annuel', en: 'Yearly' },
  'compare.refYearlyAverage': { fr: 'Annuel (moyenne annuelle)', en: 'Yearly (yearly average)' },
  'compare.refMultiYear': { fr: 'Pluriannuel ({n} années)', en: 'Multi-year ({n} years)' },
  'compare.refUnknownPeriod': { fr: 'Période inconnue', en: 'Unknown period' },
  'compare.fig.heures': { fr: '{v} heures', en: '{v} hours' },
  'compare.fig.personnes': { fr: '{v} personnes', en: '{v} persons' },
  'compare.fig.marches': { fr: '{v} marchés', en: '{v} contracts' },
  'compare.fig.operations': { fr: '{v} opérations', en: '{v} operations' },
  'compare.fig.part_femmes': { fr: 'femmes : {v}', en: 'women: {v}' },
  'compare.fig.part_heures_siae': { fr: 'heures via une SIAE : {v}', en: 'hours through an SIAE: {v}' },
  'compare.fig.heures_par_personne': { fr: '{v} heures par personne (calculé)', en: '{v} hours per person (derived)' },
  'compare.fig.heures_par_marche': { fr: '{v} heures par marché (calculé)', en: '{v} hours per contract (derived)' },
} as const satisfies Record<string, Entry>;
