/**
 * Strings of the comparison page and the per-publisher sections, French first, English second. Spread into the one dictionary
 * (`../dictionary.ts`); keys must not clash with other sections (a test checks).
 */
import type { Bilingual } from '../../lib/lang.ts';

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
  // {de_nom}: the publisher's name after « de » as its profile writes it (« du Département d’Ille-et-Vilaine »).
  'publisher.lead': {
    fr: 'Le jeu de données {de_nom} ({territory}, {period}) : métadonnées, chiffres clés, fichiers à télécharger, contrôle des fichiers, citation et historique des versions.',
    en: 'The dataset {de_nom} ({territory}, {period}): metadata, key figures, files to download, file checks, citation and version history.',
  },
  'publisher.lead.bare': {
    fr: 'Jeu de données : {name} ({territory}, {period}). Métadonnées, chiffres clés, fichiers à télécharger, contrôle des fichiers, citation et historique des versions.',
    en: 'Dataset: {name} ({territory}, {period}). Metadata, key figures, files to download, file checks, citation and version history.',
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
    fr: 'Des publications d’acheteurs côte à côte — celles des éditeurs de ce site et celles d’autres acheteurs, lues à leur adresse (leurs « pairs ») —, avec les mesures qui les rendent comparables : des ratios qui ne dépendent pas de la taille de l’acheteur, tous calculés de la même façon à partir des tableaux publiés. Plus bas, à part, les chiffres publiés par d’autres territoires, repris tels quels et non vérifiés.',
    en: 'Buyers’ releases side by side — those of this site’s publishers and those of other buyers, read from their addresses (their "peers") —, with the measures that make them comparable: ratios that do not depend on the size of the buyer, all computed the same way from the published tables. Further down, apart, figures published by other territories, taken as they are and not verified.',
  },
  'compare.validated': { fr: 'Publications comparées', en: 'Compared releases' },
  'compare.validatedLead': {
    fr: 'Chaque publication ne compte que les marchés propres de son acheteur et des heures réalisées. « Données validées » : un éditeur de ce site, dont ce site a validé les fichiers ; « publication vérifiée » : la publication d’un pair, dont ce site a vérifié le format, l’empreinte de chaque fichier lu et la cohérence des tableaux. Un total pluriannuel n’est jamais mis dans le même graphique qu’un chiffre annuel. « Non calculable » : la mesure demande une case que la publication de l’éditeur masque (secret statistique) ; elle n’est jamais estimée à partir des cases voisines.',
    en: 'Each release counts only its buyer’s own contracts and hours carried out. "Validated data": a publisher of this site, whose files this site validated; "checked release": a peer’s release, whose format, the hash of each file read and the consistency of the tables this site checked. A multi-year total is never put in the same chart as a yearly figure. "Not computable": the measure needs a cell the publisher’s release hides (statistical secret); it is never estimated from the cells around it.',
  },
  'compare.counts': {
    fr: '{total} publication(s) comparée(s) : {site} de ce site et {peers} publication(s) paire(s) ; {excluded} publication(s) paire(s) listée(s) non incluse(s), avec la raison, dans « Publications paires ».',
    en: '{total} release(s) compared: {site} of this site and {peers} peer release(s); {excluded} listed peer release(s) not included, with the reason, under "Peer releases".',
  },
  'compare.countsPeersOnly': {
    fr: '{peers} publication(s) paire(s) comparée(s) ; {excluded} publication(s) listée(s) non incluse(s), avec la raison, dans « Publications paires ».',
    en: '{peers} peer release(s) compared; {excluded} listed release(s) not included, with the reason, under "Peer releases".',
  },
  'compare.colRelease': { fr: 'Publication', en: 'Release' },
  'compare.fromSite': { fr: 'données validées par ce site', en: 'data validated by this site' },
  'compare.fromPeer': { fr: 'publication vérifiée, version {version} du {date}', en: 'checked release, version {version} of {date}' },
  'compare.copyReseau': { fr: 'lue à son adresse le {date}', en: 'read from its address on {date}' },
  'compare.copyFichier': { fr: 'lue dans son dossier ou son archive le {date}', en: 'read from its folder or archive on {date}' },
  'compare.copyCache': { fr: 'copie en cache du {date}, vieille de {days} jour(s)', en: 'cached copy of {date}, {days} day(s) old' },
  'compare.notComputable': { fr: 'non calculable', en: 'not computable' },
  'compare.tableNote': {
    fr: '« non calculable » : la mesure demande une case que la publication de l’éditeur masque par le secret statistique (moins de k personnes, k étant le seuil de l’éditeur) ; elle n’est ni nulle ni estimée. « n.d. » : sans objet (aucun marché, aucune heure prévue…).',
    en: '"not computable": the measure needs a cell the publisher’s release suppresses for confidentiality (fewer than k persons, k being the publisher’s threshold); it is neither zero nor estimated. "n/a": not applicable (no contract, no planned hours…).',
  },
  'compare.definitions': { fr: 'Définition et calcul de chaque mesure', en: 'Definition and computation of each measure' },
  'compare.computation': { fr: 'Calcul à partir des tableaux publiés : {calcul}', en: 'Computed from the published tables: {calcul}' },
  'compare.peersQuantile': { fr: 'Pairs : {quantile} ({n} publications)', en: 'Peers: {quantile} ({n} releases)' },
  'compare.quantile.min': { fr: 'minimum', en: 'minimum' },
  'compare.quantile.q1': { fr: '1er quartile', en: '1st quartile' },
  'compare.quantile.mediane': { fr: 'médiane', en: 'median' },
  'compare.quantile.q3': { fr: '3e quartile', en: '3rd quartile' },
  'compare.quantile.max': { fr: 'maximum', en: 'maximum' },
  'compare.peersSummarised': {
    fr: 'Trop de publications paires pour une barre chacune : le graphique montre leur minimum, leurs quartiles, leur médiane et leur maximum ({n} publications avec une valeur, {without} sans valeur calculable) ; la valeur de chacune est dans le tableau des mesures.',
    en: 'Too many peer releases for one bar each: the chart shows their minimum, quartiles, median and maximum ({n} releases with a value, {without} without a computable value); each one’s value is in the table of measures.',
  },

  // ---------- peers ----------
  'compare.peers': { fr: 'Publications paires', en: 'Peer releases' },
  'compare.peersLead': {
    fr: 'Les publications d’autres acheteurs que ce site compare (liste pairs.json). Chacune est lue à son adresse, puis vérifiée : format de publication, empreinte SHA-256 de chaque fichier lu, cohérence des tableaux. Une publication injoignable pendant la construction est remplacée par sa dernière copie valide, dont l’âge est donné. Une publication qui ne passe pas ces contrôles n’est pas incluse, et la raison est dite ici.',
    en: 'Other buyers’ releases this site compares itself with (list pairs.json). Each is read from its address, then checked: release format, SHA-256 hash of each file read, consistency of the tables. A release out of reach during the build is replaced by its last valid copy, whose age is given. A release that fails these checks is not included, and the reason is given here.',
  },
  'compare.peersCaption': { fr: 'Publications paires listées, incluses ou non', en: 'Listed peer releases, included or not' },
  'compare.peerAddress': { fr: 'Adresse', en: 'Address' },
  'compare.peerPublisher': { fr: 'Éditeur', en: 'Publisher' },
  'compare.peerRelease': { fr: 'Version, date, licence', en: 'Version, date, licence' },
  'compare.peerCopy': { fr: 'Copie lue', en: 'Copy read' },
  'compare.peerState': { fr: 'État', en: 'Status' },
  'compare.included': { fr: 'incluse', en: 'included' },
  'compare.excluded': { fr: 'non incluse', en: 'not included' },
  'compare.notRead': { fr: 'non lue', en: 'not read' },
  'compare.unknownPublisher': { fr: 'inconnu', en: 'unknown' },
  'compare.releaseOf': { fr: 'version {version} du {date}, {licence}', en: 'version {version} of {date}, {licence}' },

  // ---------- a site that only compares ----------
  'compare.siteFooter': {
    fr: 'Comparaison publiée par {nom}. Chaque chiffre vient de la publication de son éditeur, sous sa licence ; les publications comparées et leurs adresses sont listées sur cette page.',
    en: 'Comparison published by {nom}. Each figure comes from its publisher’s release, under its licence; the compared releases and their addresses are listed on this page.',
  },
  'compare.siteSynthetic': {
    fr: 'Certaines publications comparées sont synthétiques : leurs lignes sont inventées pour démontrer le kit. Elles sont marquées comme telles.',
    en: 'Some compared releases are synthetic: their rows are invented to demonstrate the kit. They are marked as such.',
  },
  'compare.colName': { fr: 'Éditeur ou territoire', en: 'Publisher or territory' },
  'compare.colStatus': { fr: 'Statut', en: 'Status' },
  'compare.colPeriod': { fr: 'Période', en: 'Period' },
  'compare.tableCaption': { fr: 'Mesures des publications comparées, une ligne par publication', en: 'Measures of the compared releases, one row per release' },
  'compare.periodKind': { fr: '{period}, {kind}', en: '{period}, {kind}' },
  'compare.annual': { fr: 'annuel', en: 'yearly' },
  'compare.multiYear': { fr: 'pluriannuel', en: 'multi-year' },
  'compare.syntheticMark': { fr: 'données synthétiques', en: 'synthetic data' },
  'compare.charts': { fr: 'Graphiques par mesure', en: 'Charts by measure' },
  'compare.chartSub': { fr: '{unit} — {flags}', en: '{unit} — {flags}' },
  'compare.flagsText': { fr: '{period} ; {scope} ; {hours}', en: '{period}; {scope}; {hours}' },
  'compare.source': {
    fr: 'Source : {table}, calculée à partir des publications des éditeurs : {publishers}.',
    en: 'Source: {table}, computed from the publishers’ releases: {publishers}.',
  },
  'compare.manyPublishers': { fr: '{n} éditeurs', en: '{n} publishers' },
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
  'compare.refInFrench': { fr: 'Citation et notes de la source (en français)', en: 'Quotation and notes of the source (in French)' },
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
} as const satisfies Record<string, Bilingual>;
