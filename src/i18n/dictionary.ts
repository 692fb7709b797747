/**
 * The one dictionary of the site: every user-facing string, French first, English second.
 * `{name}` marks a placeholder filled by `t()`. Keys ending in `.html` hold trusted HTML written
 * here (paragraphs, lists, links with `{base}`), rendered with `set:html`; no data goes into them.
 */
import type { Bilingual } from '../lib/lang.ts';
import { checker } from './sections/checker.ts';
import { compare } from './sections/compare.ts';
import { contracts } from './sections/contracts.ts';
import { publish } from './sections/publish.ts';
import { opendata } from './sections/opendata.ts';
import { reader } from './sections/reader.ts';
import { security } from './sections/security.ts';

/** Sections kept in their own files (`./sections/`), one per part of the site. */
export const SECTIONS = { checker, compare, contracts, publish, security, opendata, reader } as const;

const core = {
  // ---------- site, layout ----------
  'site.name': { fr: 'Clauses d’insertion', en: 'Insertion clauses' },
  'site.tagline': {
    fr: 'Données ouvertes de la commande publique responsable',
    en: 'Open data on socially responsible public procurement',
  },
  'site.skip': { fr: 'Aller au contenu', en: 'Skip to content' },
  'site.nav': { fr: 'Navigation principale', en: 'Main navigation' },
  'site.navFooter': { fr: 'Pied de page', en: 'Footer' },
  'site.home': { fr: 'Accueil', en: 'Home' },
  'site.langSwitch': { fr: 'English', en: 'Français' },
  'site.langSwitchLabel': { fr: 'Read this page in English', en: 'Lire cette page en français' },
  'site.synthetic': {
    fr: 'les lignes de cette publication sont inventées pour démontrer le site ; n’en citez pas les chiffres comme des résultats.',
    en: 'the rows of this release are invented to demonstrate the site; do not quote its figures as results.',
  },
  'home.synthetic': {
    fr: 'Cette version du site est construite sur des données de démonstration.',
    en: 'This version of the site is built on demonstration data.',
  },
  'site.syntheticTitle': { fr: 'Données synthétiques', en: 'Synthetic data' },
  'site.footerSource': { fr: 'Source : {source}, version {version} publiée le {date}.', en: 'Source: {source}, version {version} published on {date}.' },
  'site.footerLicence': { fr: 'Données sous {licence}.', en: 'Data under the {licence}.' },
  'site.licence': { fr: 'Licence Ouverte / Etalab 2.0', en: 'Open Licence / Etalab 2.0' },
  'site.licenceUrl': { fr: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/', en: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' },
  'site.period': { fr: 'Période : {period}', en: 'Period: {period}' },
  'site.backToTop': { fr: 'Haut de page', en: 'Back to top' },
  'site.notFound': { fr: 'Page introuvable', en: 'Page not found' },
  'site.notFoundText': {
    fr: 'Cette adresse ne correspond à aucune page. Revenez à l’accueil ou utilisez la recherche.',
    en: 'This address does not match any page. Go back to the home page or use the search.',
  },

  // ---------- page names (navigation and titles) ----------
  'page.home': { fr: 'Accueil', en: 'Home' },
  'page.hours': { fr: 'Heures', en: 'Hours' },
  'page.beneficiaries': { fr: 'Bénéficiaires', en: 'Beneficiaries' },
  'page.employment': { fr: 'Emploi durable', en: 'Durable employment' },
  'page.contracts': { fr: 'Marchés et opérations', en: 'Contracts and operations' },
  'page.partners': { fr: 'Entreprises et structures', en: 'Companies and structures' },
  'page.sdg': { fr: 'ODD 8 et 17', en: 'SDGs 8 and 17' },
  'page.data': { fr: 'Données', en: 'Data' },
  'page.methodology': { fr: 'Méthodologie', en: 'Methodology' },
  'page.validation': { fr: 'Rapport de validation', en: 'Validation report' },
  // The footer and the page's title say the declared compliance instead (`a11y.level.*`).
  'page.accessibility': { fr: 'Accessibilité', en: 'Accessibility' },
  'page.search': { fr: 'Recherche', en: 'Search' },
  'page.embed': { fr: 'Graphique', en: 'Chart' },

  // page h1 and lead paragraphs
  // {de_nom}: the publisher's name after « de », as its profile writes it (« du Département d’Ille-et-Vilaine »).
  'home.h1': { fr: 'Les clauses d’insertion {de_nom}', en: 'Insertion clauses {de_nom}' },
  // Without a profile the name is never put after an article the kit would have to guess.
  'home.h1.bare': { fr: 'Clauses d’insertion : {nom}', en: 'Insertion clauses: {nom}' },
  'home.lead': {
    fr: 'Dans ses marchés publics, la collectivité réserve des heures de travail à des personnes éloignées de l’emploi. Voici les résultats de la période {period}, publiés le {date} (version {version}).',
    en: 'In its public contracts, the authority reserves working hours for people far from employment. Here are the results for {period}, published on {date} (version {version}).',
  },
  'home.keyFigures': { fr: 'Chiffres clés {period}', en: 'Key figures {period}' },
  'home.trends': { fr: 'Évolution', en: 'Trends' },
  'home.whatIs': { fr: 'Qu’est-ce qu’une clause d’insertion ?', en: 'What is an insertion clause?' },
  'home.whatIs.html': {
    fr: '<p>Une <strong>clause d’insertion</strong> est une condition écrite dans un marché public : l’entreprise qui le remporte doit consacrer un nombre d’heures de travail à des personnes éloignées de l’emploi (demandeurs d’emploi de longue durée, allocataires de minima sociaux, jeunes sans qualification, personnes handicapées, seniors, habitants des quartiers prioritaires…).</p><p>L’entreprise embauche directement (CDI, CDD, alternance, intérim) ou fait appel à une structure d’insertion par l’activité économique (SIAE) ou à un groupement d’employeurs (GEIQ) qui emploie la personne et la met à disposition. Des <strong>facilitateurs</strong> locaux accompagnent les entreprises et vérifient que les heures sont réalisées.</p>',
    en: '<p>An <strong>insertion clause</strong> is a condition written into a public contract: the company that wins it must devote a number of working hours to people far from employment (long-term jobseekers, recipients of minimum income benefits, young people without qualification, people with disabilities, seniors, residents of priority neighbourhoods…).</p><p>The company hires directly (permanent or fixed-term contract, work-study, temp work) or calls on an insertion structure (SIAE) or an employers’ group (GEIQ) that employs the person and lends them. Local <strong>facilitators</strong> support the companies and check that the hours are carried out.</p>',
  },
  'home.explore': { fr: 'Explorer les résultats', en: 'Explore the results' },
  'home.explore.hours': { fr: 'heures réalisées par année, type de marché et département', en: 'hours carried out by year, type of contract and département' },
  'home.explore.beneficiaries': { fr: 'sexe, âge, formation, publics, situation après la clause', en: 'sex, age, education, publics, situation after the clause' },
  'home.explore.employment': { fr: 'types de contrat de travail, alternance et CDI', en: 'types of employment contract, work-study and permanent contracts' },
  'home.explore.contracts': { fr: 'tous les marchés et une page par opération', en: 'every contract and one page per operation' },
  'home.explore.partners': { fr: 'entreprises titulaires, structures d’insertion, facilitateurs', en: 'contractors, insertion structures, facilitators' },
  'home.explore.sdg': { fr: 'cibles 8.5, 8.6 et 17.17 des objectifs de développement durable', en: 'targets 8.5, 8.6 and 17.17 of the Sustainable Development Goals' },
  'home.explore.data': { fr: 'tous les fichiers, leur empreinte, la citation et le dictionnaire', en: 'every file, its hash, the citation and the dictionary' },

  'hours.lead': {
    fr: 'Les heures d’insertion réalisées sont les heures effectivement travaillées par les personnes au titre des clauses, déclarées chaque mois par les facilitateurs.',
    en: 'Insertion hours carried out are the hours actually worked by the persons under the clauses, reported each month by the facilitators.',
  },
  'hours.explorer': { fr: 'Explorer les heures', en: 'Explore the hours' },
  'hours.explorerLead': {
    fr: 'Chaque tableau a ses propres filtres, sur les seules dimensions qu’il contient (années, segment ou département) ; ils ne changent pas les graphiques ci-dessus. Le lien de la page garde vos choix.',
    en: 'Each table has its own filters, on the dimensions it holds only (years, segment or département); they do not change the charts above. The page link keeps your choices.',
  },
  'beneficiaries.lead': {
    fr: 'Qui sont les personnes qui ont travaillé grâce aux clauses ? Les chiffres sont des nombres de personnes distinctes ; une case de moins de {k} personnes est couverte par le secret.',
    en: 'Who are the people who worked thanks to the clauses? Figures count distinct persons; a cell of fewer than {k} persons is suppressed for confidentiality.',
  },
  'beneficiaries.profile': { fr: 'Profil', en: 'Profile' },
  'beneficiaries.after': { fr: 'Après la clause', en: 'After the clause' },
  'employment.lead': {
    fr: 'Sous quels contrats de travail les heures ont-elles été réalisées ? L’alternance et le CDI sont des contrats durables et qualifiants.',
    en: 'Under which employment contracts were the hours carried out? Work-study and permanent contracts are durable, qualifying contracts.',
  },
  'contracts.lead': {
    fr: 'Chaque marché est examiné pour savoir s’il peut comporter une clause d’insertion. Une opération regroupe les marchés (lots) d’un même projet.',
    en: 'Every contract is examined to see whether it can include an insertion clause. An operation groups the contracts (lots) of one project.',
  },
  'contracts.all': { fr: 'Tous les marchés', en: 'All contracts' },
  'contracts.operations': { fr: 'Les opérations', en: 'Operations' },
  'contracts.count': { fr: '{shown} marchés affichés sur {total}', en: '{shown} of {total} contracts shown' },
  'contracts.noTable': {
    fr: 'Cette publication ne contient pas de tableau des marchés.',
    en: 'This release does not contain a table of contracts.',
  },
  'partners.lead': {
    fr: 'Les clauses reposent sur un partenariat : entreprises titulaires, structures d’insertion par l’activité économique, groupements d’employeurs et facilitateurs (ODD 17).',
    en: 'Clauses rely on a partnership: contractors, insertion structures, employers’ groups and facilitators (SDG 17).',
  },
  'sdg.lead': {
    fr: 'Les clauses d’insertion concourent aux objectifs de développement durable 8 (travail décent et croissance économique) et 17 (partenariats pour la réalisation des objectifs).',
    en: 'Insertion clauses contribute to Sustainable Development Goals 8 (decent work and economic growth) and 17 (partnerships for the goals).',
  },
  'sdg.goal8': { fr: 'Objectif 8 : travail décent et croissance économique', en: 'Goal 8: decent work and economic growth' },
  'sdg.goal17': { fr: 'Objectif 17 : partenariats pour la réalisation des objectifs', en: 'Goal 17: partnerships for the goals' },
  'sdg.related': { fr: 'Cibles liées', en: 'Related targets' },
  'sdg.target': { fr: 'Cible {code}', en: 'Target {code}' },
  'sdg.wording': { fr: 'Énoncé officiel :', en: 'Official wording:' },
  'sdg.indicators': { fr: 'Indicateurs liés :', en: 'Linked indicators:' },
  'sdg.t8_5': {
    fr: 'D’ici à 2030, parvenir au plein emploi productif et garantir à toutes les femmes et à tous les hommes, y compris les jeunes et les personnes handicapées, un travail décent et un salaire égal pour un travail de valeur égale',
    en: 'By 2030, achieve full and productive employment and decent work for all women and men, including for young people and persons with disabilities, and equal pay for work of equal value',
  },
  'sdg.t8_6': {
    fr: 'D’ici à 2020, réduire nettement la proportion de jeunes non scolarisés et sans emploi ni formation',
    en: 'By 2020, substantially reduce the proportion of youth not in employment, education or training',
  },
  'sdg.t17_17': {
    fr: 'Encourager et promouvoir les partenariats publics, les partenariats public-privé et les partenariats avec la société civile, en faisant fond sur l’expérience acquise et les stratégies de financement appliquées en la matière',
    en: 'Encourage and promote effective public, public-private and civil society partnerships, building on the experience and resourcing strategies of partnerships',
  },
  'sdg.t8_3': {
    fr: 'Promouvoir des politiques axées sur le développement qui favorisent des activités productives, la création d’emplois décents, l’entrepreneuriat, la créativité et l’innovation et stimulent la croissance des microentreprises et des petites et moyennes entreprises et facilitent leur intégration dans le secteur formel, y compris par l’accès aux services financiers',
    en: 'Promote development-oriented policies that support productive activities, decent job creation, entrepreneurship, creativity and innovation, and encourage the formalization and growth of micro-, small- and medium-sized enterprises, including through access to financial services',
  },
  'sdg.t10_2': {
    fr: 'D’ici à 2030, autonomiser toutes les personnes et favoriser leur intégration sociale, économique et politique, indépendamment de leur âge, de leur sexe, de leur handicap, de leur race, de leur appartenance ethnique, de leurs origines, de leur religion ou de leur statut économique ou autre',
    en: 'By 2030, empower and promote the social, economic and political inclusion of all, irrespective of age, sex, disability, race, ethnicity, origin, religion or economic or other status',
  },
  'sdg.t12_7': {
    fr: 'Promouvoir des pratiques durables dans le cadre de la passation des marchés publics, conformément aux politiques et priorités nationales',
    en: 'Promote public procurement practices that are sustainable, in accordance with national policies and priorities',
  },
  'sdg.why8_5': {
    fr: 'Les clauses ouvrent des emplois aux personnes handicapées, aux femmes et aux jeunes, et privilégient les contrats durables.',
    en: 'Clauses open jobs to persons with disabilities, women and young people, and favour durable contracts.',
  },
  'sdg.why8_6': {
    fr: 'Les jeunes de moins de 26 ans sans qualification sont un public prioritaire ; l’alternance les forme en travaillant.',
    en: 'Young people under 26 without qualification are a priority public; work-study trains them while they work.',
  },
  'sdg.why17_17': {
    fr: 'Acheteur public, entreprises, structures d’insertion et facilitateurs travaillent ensemble sur chaque marché.',
    en: 'Public buyer, companies, insertion structures and facilitators work together on every contract.',
  },
  'sdg.why8_3': { fr: 'La situation des personnes après la clause.', en: 'The situation of persons after the clause.' },
  'sdg.why10_2': { fr: 'Les publics éloignés de l’emploi qui en bénéficient.', en: 'The publics far from employment who benefit.' },
  'sdg.why12_7': { fr: 'La part des marchés de la collectivité qui comportent une clause sociale.', en: 'The share of the authority’s contracts with a social clause.' },

  'data.lead': {
    fr: 'Tous les tableaux affichés sur ce site sont publiés ici, dans les mêmes fichiers : ce qui est montré est ce qui est téléchargé.',
    en: 'Every table shown on this site is published here, in the same files: what is shown is what is downloaded.',
  },
  'data.files': { fr: 'Fichiers', en: 'Files' },
  'data.file': { fr: 'Fichier', en: 'File' },
  'data.content': { fr: 'Contenu', en: 'Content' },
  'data.format': { fr: 'Format', en: 'Format' },
  'data.size': { fr: 'Taille', en: 'Size' },
  'data.hash': { fr: 'Empreinte SHA-256', en: 'SHA-256 hash' },
  'data.all': { fr: 'Tout télécharger', en: 'Download everything' },
  'data.licence': { fr: 'Licence', en: 'Licence' },
  'data.licenceText': {
    fr: 'Vous pouvez réutiliser ces données librement, y compris à des fins commerciales, en citant la source et la date de mise à jour.',
    en: 'You may reuse these data freely, including commercially, provided you cite the source and the date of the last update.',
  },
  'data.citation': { fr: 'Citer ces données', en: 'Cite these data' },
  'data.dictionary': { fr: 'Dictionnaire des données', en: 'Data dictionary' },
  'data.dictionaryLead': {
    fr: 'Colonnes de chaque tableau publié. Une case « secret » est masquée par le secret statistique ; une case vide est une valeur manquante.',
    en: 'Columns of every published table. A “secret” cell is suppressed for confidentiality; an empty cell is a missing value.',
  },
  'data.column': { fr: 'Colonne', en: 'Column' },
  'data.type': { fr: 'Type', en: 'Type' },
  'data.role': { fr: 'Rôle', en: 'Role' },
  'data.title': { fr: 'Libellé', en: 'Label' },
  'data.unit': { fr: 'Unité', en: 'Unit' },
  'data.rows': { fr: '{n} lignes', en: '{n} rows' },
  'data.changelog': { fr: 'Journal des versions', en: 'Changelog' },
  'data.filesCaption': { fr: '{title} — version {version}', en: '{title} — version {version}' },
  'data.readme': { fr: 'Lisez-moi', en: 'Read me' },
  'data.datapackage': { fr: 'Description du jeu de données (Data Package)', en: 'Dataset description (Data Package)' },
  'data.workbook': { fr: 'Classeur, un onglet par tableau', en: 'Workbook, one sheet per table' },
  'data.archive': { fr: 'Archive de tous les fichiers', en: 'Archive of every file' },
  'data.dictionaryFile': { fr: 'Dictionnaire des données', en: 'Data dictionary' },
  'data.citationFile': { fr: 'Citation', en: 'Citation' },
  'data.other': { fr: 'Autre fichier', en: 'Other file' },
  'data.tableFile': { fr: '{title}', en: '{title}' },
  'data.verify': {
    fr: 'Pour vérifier un fichier téléchargé : <code>sha256sum fichier</code> doit afficher la même empreinte.',
    en: 'To check a downloaded file: <code>sha256sum file</code> must print the same hash.',
  },

  'methodology.lead': {
    fr: 'Comment les chiffres de ce site sont produits, depuis les fichiers des facilitateurs jusqu’aux tableaux publiés.',
    en: 'How the figures on this site are produced, from the facilitators’ files to the published tables.',
  },
  'methodology.definitions': { fr: 'Définitions', en: 'Definitions' },
  'methodology.definitions.html': {
    fr: '<dl><dt>Heures d’insertion réalisées</dt><dd>Heures travaillées par les personnes au titre d’une clause, déclarées par mois, personne et marché.</dd><dt>Personne (bénéficiaire)</dt><dd>Personne éloignée de l’emploi ayant réalisé au moins une heure ; comptée une fois par période, même si elle a travaillé sur plusieurs marchés.</dd><dt>Marché, lot</dt><dd>Contrat passé par l’acheteur ; un marché alloti compte pour un marché par lot.</dd><dt>Opération</dt><dd>Projet regroupant plusieurs marchés, par exemple la restructuration d’un lycée.</dd><dt>SIAE</dt><dd>Structure d’insertion par l’activité économique : entreprise d’insertion (EI), entreprise de travail temporaire d’insertion (ETTI), association intermédiaire (AI), atelier et chantier d’insertion (ACI), entreprise d’insertion par le travail indépendant (EITI).</dd><dt>Emploi durable</dt><dd>CDI ou CDD de six mois et plus.</dd></dl>',
    en: '<dl><dt>Insertion hours carried out</dt><dd>Hours worked by the persons under a clause, reported by month, person and contract.</dd><dt>Person (beneficiary)</dt><dd>Person far from employment who carried out at least one hour; counted once per period, even when they worked on several contracts.</dd><dt>Contract, lot</dt><dd>Contract awarded by the buyer; a contract divided into lots counts as one contract per lot.</dd><dt>Operation</dt><dd>Project grouping several contracts, for instance the refurbishment of a secondary school.</dd><dt>SIAE</dt><dd>Insertion structure: insertion company (EI), insertion temp agency (ETTI), intermediary association (AI), insertion workshop (ACI), insertion company for self-employment (EITI).</dd><dt>Durable employment</dt><dd>Permanent contract or fixed-term contract of six months or more.</dd></dl>',
  },
  'methodology.pipeline': { fr: 'Chaîne de production', en: 'Production chain' },
  'methodology.pipeline.html': {
    fr: '<ol><li>Les fichiers des facilitateurs et de l’acheteur (marchés, opérations, entreprises, personnes sous pseudonyme, heures par mois) sont <strong>validés</strong> : format, codes, dates, cohérence entre fichiers. Le <a href="{base}validation/">rapport de validation</a> est publié.</li><li>Les indicateurs sont <strong>calculés</strong> : sommes d’heures, nombres de personnes distinctes, parts.</li><li>Le <strong>secret statistique</strong> est appliqué (voir ci-dessous).</li><li>Les tableaux sont <strong>publiés</strong> en CSV, JSON et XLSX avec leur description ; ce site ne lit que ces fichiers.</li></ol><p>Aucun fichier au niveau de la personne n’est publié, même sous pseudonyme.</p>',
    en: '<ol><li>The files of the facilitators and of the buyer (contracts, operations, companies, pseudonymised persons, hours by month) are <strong>validated</strong>: format, codes, dates, consistency between files. The <a href="{base}en/validation/">validation report</a> is published.</li><li>Indicators are <strong>computed</strong>: sums of hours, numbers of distinct persons, shares.</li><li><strong>Statistical disclosure control</strong> is applied (see below).</li><li>Tables are <strong>published</strong> as CSV, JSON and XLSX with their description; this site reads only these files.</li></ol><p>No file at the level of the person is published, even pseudonymised.</p>',
  },
  'methodology.secret': { fr: 'Secret statistique', en: 'Statistical disclosure control' },
  'methodology.secret.html': {
    fr: '<p>Aucune case publiée ne compte moins de <strong>{k} personnes</strong>. Une telle case est remplacée par la mention « secret » : ce n’est ni un zéro ni une valeur manquante. Un <strong>secret secondaire</strong> masque d’autres cases lorsque la case cachée pourrait être retrouvée par différence avec un total.</p><p>Pour les entreprises et les structures, une case compte au moins 3 unités et aucune n’y pèse plus de 85 %. Les résultats sont publiés par département ou à un niveau plus large.</p><p>Sur les graphiques, une case secrète est dessinée comme une bande hachurée avec la mention « secret », jamais comme une barre à zéro.</p>',
    en: '<p>No published cell counts fewer than <strong>{k} persons</strong>. Such a cell is replaced by the word “secret”: it is neither a zero nor a missing value. <strong>Secondary suppression</strong> hides further cells when the hidden one could be recovered by difference from a total.</p><p>For companies and structures, a cell counts at least 3 units and none weighs more than 85% of it. Results are published by département or at a wider level.</p><p>On charts, a secret cell is drawn as a hatched band labelled “secret”, never as a bar at zero.</p>',
  },
  'methodology.attack': { fr: 'Le secret tient-il face à qui lit tout ?', en: 'Does suppression hold against a reader of every file?' },
  'methodology.attack.html': {
    fr: '<p>Masquer les petites cases ne suffit pas : en rapprochant tous les fichiers publiés (tables, marges, chiffres clés, et les versions antérieures encore en ligne), on pourrait retrouver une case masquée par différence. Avant toute publication, le kit se met à la place d’un tel lecteur : par programmation linéaire, il cherche pour chaque case secrète l’intervalle le plus étroit de ses heures qui reste compatible avec tous les chiffres publiés, en lui prêtant même la connaissance des combinaisons de caractéristiques qui existent dans les données. La publication est refusée si les heures d’une petite case peuvent être encadrées à moins de <strong>± {p} %</strong> de leur valeur, si son nombre de personnes peut être fixé, ou si une case d’entreprises peut être prouvée sous le seuil.</p><p>Pour la version {version} : {primary} cases trop petites et {secondary} cases masquées pour les protéger, sur {cells} cases publiées ; audit fait {audited}. Le plus étroit des intervalles laissés au lecteur s’écarte de ± {narrowest} % de la vraie valeur ; {pinned} compte de personnes fixé. Le détail table par table : <a href="{base}{log}">journal de protection</a>.</p><p><strong>Ce que cette garantie ne couvre pas.</strong> Le lecteur modélisé est linéaire (ses bornes sur les nombres de personnes sont arrondies, pas résolues en entiers) ; il ne connaît ni un plafond d’heures par personne ni une personne précise : quelqu’un qui connaît l’une des personnes d’une case en sait plus que lui, limite de tout secret par suppression. ± {p} % est un minimum, pas une marge confortable sur une petite case. Une version retirée du site reste dans les copies déjà téléchargées : c’est pourquoi les versions antérieures restent publiées et auditées avec la nouvelle.</p>',
    en: '<p>Hiding small cells is not enough: by setting every published file side by side (tables, margins, key figures, and earlier releases still online), a hidden cell could be recovered by difference. Before anything is published, the kit takes that reader’s place: by linear programming it looks, for each suppressed cell, for the narrowest interval of its hours that stays consistent with every published figure, even granting the reader knowledge of which combinations of characteristics occur in the data. The release is refused if the hours of a small cell can be bounded closer than <strong>± {p} %</strong> of their value, if its number of persons can be pinned, or if a company cell can be proved below the threshold.</p><p>For release {version}: {primary} cells too small to publish and {secondary} cells suppressed to protect them, out of {cells} published cells; audited {audited}. The narrowest interval left to the reader is ± {narrowest} % of the true value; {pinned} person count pinned. Table by table: <a href="{base}{log}">protection log</a>.</p><p><strong>What this guarantee does not cover.</strong> The modelled reader is linear (its bounds on numbers of persons are rounded, not solved in integers); it knows neither a ceiling of hours per person nor any particular person: someone who knows one of the persons in a cell knows more, the limit of all suppression. ± {p} % is a minimum, not a comfortable margin on a small cell. A release withdrawn from the site stays in copies already downloaded: that is why earlier releases stay published and are audited with the new one.</p>',
  },
  'methodology.attack.with': { fr: 'avec les versions encore publiées {versions}', en: 'together with the releases still published, {versions}' },
  'methodology.attack.alone': { fr: 'seule (aucune version antérieure publiée)', en: 'alone (no earlier release published)' },
  'methodology.limits': { fr: 'Limites', en: 'Limits' },
  'methodology.limits.html': {
    fr: '<ul><li>Les parts de publics ne s’additionnent pas : une personne peut relever de plusieurs catégories.</li><li>Les heures par année sont comptées au mois où elles sont réalisées ; les marchés, à l’année de leur notification.</li></ul>',
    en: '<ul><li>Shares of publics do not add up: a person may belong to several categories.</li><li>Hours by year are counted in the month they are carried out; contracts, in the year they are notified.</li></ul>',
  },

  'validation.lead': {
    fr: 'Résultat des contrôles appliqués aux fichiers sources avant le calcul des indicateurs.',
    en: 'Result of the checks applied to the source files before the indicators are computed.',
  },
  'validation.none': {
    fr: 'Aucun rapport de validation n’a été publié avec cette version.',
    en: 'No validation report was published with this release.',
  },
  'validation.ok': { fr: 'Les fichiers sont valides : aucune erreur bloquante.', en: 'The files are valid: no blocking error.' },
  'validation.ko': { fr: 'Les fichiers comportent des erreurs bloquantes.', en: 'The files contain blocking errors.' },
  'validation.counts': { fr: '{errors} erreur(s), {warnings} avertissement(s).', en: '{errors} error(s), {warnings} warning(s).' },
  'validation.files': { fr: 'Fichiers lus', en: 'Files read' },
  'validation.filesCaption': { fr: 'Fichiers sources lus par le validateur', en: 'Source files read by the validator' },
  'validation.encoding': { fr: 'Encodage', en: 'Encoding' },
  'validation.delimiter': { fr: 'Séparateur', en: 'Delimiter' },
  'validation.rows': { fr: 'Lignes', en: 'Rows' },
  'validation.rules': { fr: 'Règles déclenchées', en: 'Rules that fired' },
  'validation.rulesCaption': { fr: 'Nombre de remarques par règle', en: 'Number of remarks per rule' },
  'validation.count': { fr: 'Nombre', en: 'Count' },
  'validation.inFiles': { fr: 'Fichiers', en: 'Files' },
  'validation.issues': { fr: 'Détail des remarques', en: 'Details' },
  'validation.issuesCaption': { fr: 'Remarques, les erreurs d’abord', en: 'Remarks, errors first' },
  'validation.level': { fr: 'Niveau', en: 'Level' },
  'validation.line': { fr: 'Ligne', en: 'Line' },
  'validation.value': { fr: 'Valeur', en: 'Value' },
  'validation.rule': { fr: 'Règle', en: 'Rule' },
  'validation.fix': { fr: 'Pour corriger', en: 'How to fix' },
  'validation.message': { fr: 'Message', en: 'Message' },
  'validation.more': { fr: '… et {n} autres remarques comptées par le validateur (voir le rapport complet).', en: '… and {n} more counted by the validator (see the full report).' },
  'validation.error': { fr: 'erreur', en: 'error' },
  'validation.warning': { fr: 'avertissement', en: 'warning' },

  // {nom}: the publisher's name with its article, first letter in capitals (« Le Département d’Ille-et-Vilaine »).
  'a11y.lead': {
    fr: '{nom} s’engage à rendre ce site accessible conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.',
    en: '{nom} is committed to making this site accessible in accordance with article 47 of French law no. 2005-102 of 11 February 2005.',
  },
  'a11y.lead.bare': {
    fr: 'L’éditeur de ce site, {nom}, s’engage à le rendre accessible conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.',
    en: 'The publisher of this site, {nom}, is committed to making it accessible in accordance with article 47 of French law no. 2005-102 of 11 February 2005.',
  },
  'a11y.declared': { fr: 'Déclaration établie par l’éditeur le {date}.', en: 'Statement made by the publisher on {date}.' },
  // Without a statement of its own, the publisher has made no audit: the site is « non conforme » (RGAA).
  'a11y.none.html': {
    fr: '<h2>État de conformité</h2><p>L’éditeur n’a pas encore publié de déclaration d’accessibilité pour ce site : faute d’audit, le site est <strong>non conforme</strong> au référentiel général d’amélioration de l’accessibilité (RGAA) version 4.1.</p><h2>Ce que fait le kit qui construit ce site</h2><ul><li>Chaque graphique a un titre, un résumé en texte et un tableau de ses données, accessible au clavier.</li><li>Les pages se lisent sans JavaScript ; le JavaScript n’ajoute que le tri, les filtres et la recherche.</li><li>Un lien d’évitement mène au contenu ; le focus est visible ; les contrastes visent le niveau AA.</li><li>Chaque page existe en français et en anglais.</li><li>Les tests du kit contrôlent ses pages avec axe-core ; ce contrôle automatique ne remplace pas un audit.</li></ul>',
    en: '<h2>Compliance status</h2><p>The publisher has not yet published an accessibility statement for this site: without an audit, the site is <strong>not compliant</strong> with the French accessibility framework (RGAA) version 4.1.</p><h2>What the kit that builds this site does</h2><ul><li>Every chart has a title, a text summary and a table of its data, reachable by keyboard.</li><li>Pages read without JavaScript; JavaScript only adds sorting, filters and search.</li><li>A skip link leads to the content; focus is visible; contrast aims at level AA.</li><li>Every page exists in French and English.</li><li>The kit’s tests check its pages with axe-core; this automatic check does not replace an audit.</li></ul>',
  },
  'a11y.remedies.html': {
    fr: '<h2>Voies de recours</h2><p>Si vous signalez un défaut d’accessibilité sans obtenir de réponse, vous pouvez saisir le Défenseur des droits : formulaire en ligne, délégué de votre région, téléphone 09 69 39 00 00, ou courrier gratuit (Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07).</p>',
    en: '<h2>Remedies</h2><p>If you report an accessibility defect and get no answer, you may refer the matter to the Défenseur des droits (French rights ombudsman): online form, regional delegate, phone +33 9 69 39 00 00, or free post (Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07, France).</p>',
  },
  // The footer's link and the page's title say the compliance the publisher declares.
  'a11y.level.totalement_conforme': { fr: 'Accessibilité : totalement conforme', en: 'Accessibility: fully compliant' },
  'a11y.level.partiellement_conforme': { fr: 'Accessibilité : partiellement conforme', en: 'Accessibility: partially compliant' },
  'a11y.level.non_conforme': { fr: 'Accessibilité : non conforme', en: 'Accessibility: not compliant' },

  'search.lead': { fr: 'Cherchez dans toutes les pages du site.', en: 'Search every page of the site.' },
  'search.label': { fr: 'Mots à chercher', en: 'Words to search for' },
  'search.submit': { fr: 'Chercher', en: 'Search' },
  'search.noscript': {
    fr: 'La recherche nécessite JavaScript. Toutes les pages restent accessibles par le menu.',
    en: 'Search needs JavaScript. Every page remains reachable from the menu.',
  },
  'search.loading': { fr: 'Recherche en cours…', en: 'Searching…' },
  'search.none': { fr: 'Aucun résultat pour « {q} ».', en: 'No result for “{q}”.' },
  'search.results.one': { fr: '{n} résultat pour « {q} ».', en: '{n} result for “{q}”.' },
  'search.results.other': { fr: '{n} résultats pour « {q} ».', en: '{n} results for “{q}”.' },
  'search.unavailable': {
    fr: 'L’index de recherche n’est pas disponible sur cette copie du site.',
    en: 'The search index is not available on this copy of the site.',
  },

  'operation.title': { fr: 'Opération {id}', en: 'Operation {id}' },
  'operation.back': { fr: 'Toutes les opérations', en: 'All operations' },
  'operation.facts': { fr: 'En bref', en: 'Summary' },
  'operation.contracts': { fr: 'Marchés de l’opération', en: 'Contracts of the operation' },
  'operation.none': { fr: 'Aucun marché publié pour cette opération.', en: 'No contract published for this operation.' },

  // ---------- key figures ----------
  'keyFigures.change': { fr: '{change} par rapport à {year}', en: '{change} from {year}' },
  'keyFigures.published': { fr: 'publié auparavant : {value}', en: 'published before: {value}' },
  'keyFigures.publishedSource': { fr: 'Les chiffres « publiés auparavant » viennent de : {source}.', en: 'Figures “published before” come from: {source}.' },
  'keyFigures.partial': { fr: '{year} est une année partielle : données {from}–{to} seulement.', en: '{year} is a partial year: data for {from}–{to} only.' },

  // ---------- filters ----------
  'filter.legend': { fr: 'Filtrer', en: 'Filter' },
  'filter.yearFrom': { fr: 'De l’année', en: 'From year' },
  'filter.yearTo': { fr: 'À l’année', en: 'To year' },
  'filter.all': { fr: 'Tous', en: 'All' },
  'filter.text': { fr: 'Texte contenu', en: 'Text contains' },
  'filter.reset': { fr: 'Réinitialiser', en: 'Reset' },
  'filter.rows': { fr: '{shown} lignes affichées sur {total}', en: '{shown} of {total} rows shown' },
  'table.sort': { fr: 'Trier par {col}', en: 'Sort by {col}' },
  'table.scroll': { fr: 'Tableau défilant : {title}', en: 'Scrollable table: {title}' },

  // ---------- charts ----------
  'chart.source': { fr: 'Source : {source}, tableau « {table} », version {version}.', en: 'Source: {source}, table “{table}”, version {version}.' },
  'chart.licence': { fr: 'Licence Ouverte / Etalab 2.0', en: 'Open Licence / Etalab 2.0' },
  'chart.table': { fr: 'Voir les données en tableau', en: 'Show the data as a table' },
  'chart.share': { fr: 'Télécharger, partager, intégrer', en: 'Download, share, embed' },
  'chart.csv': { fr: 'Données du graphique (CSV, {size})', en: 'Chart data (CSV, {size})' },
  'chart.fullTable': { fr: 'Tableau complet (CSV, {size})', en: 'Full table (CSV, {size})' },
  'chart.svg': { fr: 'Image vectorielle (SVG)', en: 'Vector image (SVG)' },
  'chart.png': { fr: 'Image (PNG)', en: 'Image (PNG)' },
  'chart.permalink': { fr: 'Lien permanent vers ce graphique', en: 'Permanent link to this chart' },
  'chart.embed': { fr: 'Code d’intégration (iframe)', en: 'Embed code (iframe)' },
  'chart.open': { fr: 'Voir ce graphique dans sa page', en: 'See this chart in its page' },
  'chart.secret': { fr: 'secret', en: 'suppressed' },
  'chart.missing': { fr: 'n.d.', en: 'n/a' },
  'chart.yes': { fr: 'oui', en: 'yes' },
  'chart.no': { fr: 'non', en: 'no' },
  'chart.note': {
    fr: '« secret » : case masquée par le secret statistique (moins de {k} personnes), ni nulle ni manquante. « n.d. » : non disponible.',
    en: '“suppressed”: cell suppressed for confidentiality (fewer than {k} persons), neither zero nor missing; the files write it “secret”. “n/a”: not available.',
  },
  'chart.legend': { fr: 'Légende', en: 'Legend' },
  'chart.secretLegend': { fr: 'secret statistique', en: 'suppressed for confidentiality' },
  'chart.sub': { fr: '{unit} · {period}', en: '{unit} · {period}' },
  'chart.unavailable': {
    fr: 'Le tableau « {table} » ne figure pas dans cette publication.',
    en: 'Table “{table}” is not part of this release.',
  },

  // chart titles
  'chart.heures-par-annee': { fr: 'Heures d’insertion réalisées par année', en: 'Insertion hours carried out by year' },
  'chart.marches-par-annee': { fr: 'Marchés notifiés avec une clause, par année', en: 'Contracts notified with a clause, by year' },
  'chart.personnes-par-annee': { fr: 'Personnes ayant travaillé dans l’année', en: 'Persons who worked during the year' },
  'chart.heures-par-segment': { fr: 'Heures réalisées par segment de marché', en: 'Hours carried out by contract segment' },
  'chart.marches-par-segment': { fr: 'Marchés avec une clause par segment', en: 'Contracts with a clause by segment' },
  'chart.heures-par-departement': { fr: 'Heures réalisées par département', en: 'Hours carried out by département' },
  'chart.part-femmes': { fr: 'Part des femmes parmi les personnes de l’année', en: 'Share of women among the persons of the year' },
  'chart.personnes-par-age': { fr: 'Personnes par tranche d’âge', en: 'Persons by age band' },
  'chart.personnes-par-niveau-formation': { fr: 'Personnes par niveau de formation', en: 'Persons by education level' },
  'chart.personnes-par-public': { fr: 'Personnes par catégorie de public', en: 'Persons by category of public' },
  'chart.part-qpv': { fr: 'Part des résidents des quartiers prioritaires (QPV)', en: 'Share of priority neighbourhood (QPV) residents' },
  'chart.part-rqth': { fr: 'Part des travailleurs handicapés reconnus (RQTH)', en: 'Share of recognised disabled workers (RQTH)' },
  'chart.part-services': { fr: 'Part des marchés de services parmi les marchés avec clause', en: 'Share of service contracts among contracts with a clause' },
  'chart.personnes-par-situation-sortie': { fr: 'Situation des personnes après la clause', en: 'Situation of persons after the clause' },
  'chart.heures-par-type-contrat': { fr: 'Heures réalisées par type de contrat de travail', en: 'Hours carried out by type of employment contract' },
  'chart.personnes-par-type-contrat': { fr: 'Personnes par type de contrat de travail', en: 'Persons by type of employment contract' },
  'chart.heures-par-type-structure': { fr: 'Heures réalisées par type de structure employeuse', en: 'Hours carried out by type of employing organisation' },
  'chart.personnes-par-type-structure': { fr: 'Personnes par type de structure employeuse', en: 'Persons by type of employing organisation' },
  'chart.heures-par-facilitateur': { fr: 'Heures réalisées par facilitateur', en: 'Hours carried out by facilitator' },
  'chart.entreprises-par-taille': { fr: 'Entreprises titulaires par taille', en: 'Contractors by size' },
  'chart.heures-par-taille-entreprise': { fr: 'Heures réalisées par taille d’entreprise', en: 'Hours carried out by company size' },

  // generated summaries
  'summary.trend': { fr: '{measure} : {a} en {from}, {b} en {to} ({change}).', en: '{measure}: {a} in {from}, {b} in {to} ({change}).' },
  'summary.points': { fr: '{sign}{v} points', en: '{sign}{v} points' },
  'summary.max': { fr: 'Valeur la plus haute : {v} en {x}.', en: 'Highest value: {v} in {x}.' },
  'summary.series': { fr: '{series} : {a} en {from}, {b} en {to}.', en: '{series}: {a} in {from}, {b} in {to}.' },
  'summary.seriesOne': { fr: '{series} : {a} en {from}.', en: '{series}: {a} in {from}.' },
  'summary.ranked': { fr: 'En tête : {first} ({a}), puis {second} ({b}).', en: 'First: {first} ({a}), then {second} ({b}).' },
  'summary.rankedOne': { fr: '{first} : {a}.', en: '{first}: {a}.' },
  'summary.rankedLast': { fr: 'Valeur publiée la plus basse : {last} ({c}).', en: 'Lowest published value: {last} ({c}).' },
  'summary.secret.one': {
    fr: '{n} valeur est couverte par le secret statistique : {which}.',
    en: '{n} value is suppressed for confidentiality: {which}.',
  },
  'summary.secret.other': {
    fr: '{n} valeurs sont couvertes par le secret statistique : {which}.',
    en: '{n} values are suppressed for confidentiality: {which}.',
  },
  'summary.empty': { fr: 'Aucune valeur publiée.', en: 'No published value.' },

  // units used in key figures
  'unit.heures': { fr: 'heures', en: 'hours' },
  'unit.personnes': { fr: 'personnes', en: 'persons' },
  'unit.nombre': { fr: 'nombre', en: 'number' },
  'unit.pourcent': { fr: '%', en: '%' },
  'unit.share': { fr: 'part en %', en: 'share in %' },
} as const satisfies Record<string, Bilingual>;

export const dictionary = { ...core, ...checker, ...compare, ...contracts, ...publish, ...security, ...opendata, ...reader } as const satisfies Record<string, Bilingual>;

/** The strings of the core dictionary, before the sections are spread in (for the clash test). */
export const CORE = core;

export type Key = keyof typeof dictionary;

/**
 * Labels of codes that no published table labels: the types and roles of the data dictionary's
 * columns. Codes of the data (segments, directions, publics…) are labelled by the published
 * `libelle_*` columns and, where a table has none, by the data contract's enumerations
 * (src/schemas/enums.ts, through `codeLabel`).
 */
export const codes = {
  type: {
    string: { fr: 'texte', en: 'text' },
    integer: { fr: 'entier', en: 'integer' },
    number: { fr: 'nombre', en: 'number' },
    boolean: { fr: 'booléen', en: 'boolean' },
    date: { fr: 'date', en: 'date' },
    year: { fr: 'année', en: 'year' },
    yearmonth: { fr: 'mois', en: 'month' },
  },
  role: {
    dimension: { fr: 'dimension', en: 'dimension' },
    mesure: { fr: 'mesure', en: 'measure' },
  },
} as const satisfies Record<string, Record<string, Bilingual>>;
