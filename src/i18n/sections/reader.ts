/**
 * Strings of the reader's pages (issue 17): the short definition shown under each chart
 * (`def.<chart id>`, one wording per measure; the longer text is in docs/methodologie.md and the
 * methodology page), the « does it work? » section, tables, embeds. Publisher-neutral: no name,
 * date or figure of one publisher. Spread into the one dictionary (`../dictionary.ts`).
 */
import type { Bilingual } from '../../lib/lang.ts';

export const reader = {
  // ---------- definitions (one wording per measure) ----------
  'def.label': { fr: 'Définition', en: 'Definition' },
  'def.partialYear': {
    fr: '{year} : année partielle ({from}–{to} seulement)',
    en: '{year}: part year ({from}–{to} only)',
  },
  'def.heures-par-annee': {
    fr: 'Heures d’insertion réalisées dans l’année civile (heures travaillées déclarées par les facilitateurs).',
    en: 'Insertion hours carried out in the calendar year (hours worked, as reported by the facilitators).',
  },
  'def.heures-par-segment': {
    fr: 'Heures réalisées dans l’année, selon le segment du marché (travaux, services, prestations intellectuelles…).',
    en: 'Hours carried out in the year, by segment of the contract (works, services, intellectual services…).',
  },
  'def.heures-par-departement': {
    fr: 'Heures réalisées dans l’année, selon le département d’exécution du marché.',
    en: 'Hours carried out in the year, by département where the contract is carried out.',
  },
  'def.marches-par-annee': {
    fr: 'Marchés avec une clause d’insertion, comptés dans l’année de leur notification.',
    en: 'Contracts with an insertion clause, counted in the year they were notified.',
  },
  'def.marches-par-segment': {
    fr: 'Marchés avec une clause d’insertion notifiés dans l’année, selon leur segment.',
    en: 'Contracts with an insertion clause notified in the year, by segment.',
  },
  'def.part-services': {
    fr: 'Par année de notification : marchés de services divisés par l’ensemble des marchés avec clause notifiés dans l’année.',
    en: 'By year of notification: service contracts divided by all contracts with a clause notified in the year.',
  },
  'def.personnes-par-annee': {
    fr: 'Personnes distinctes ayant au moins une heure réalisée dans l’année ; une personne présente deux années compte dans chacune.',
    en: 'Distinct persons with at least one hour carried out in the year; a person present in two years counts in each.',
  },
  'def.part-femmes': {
    fr: 'Par année : femmes parmi les personnes ayant au moins une heure dans l’année. À ne pas confondre avec la part sur toute la période, ni avec la part cumulée à une date.',
    en: 'By year: women among the persons with at least one hour in the year. Not to be confused with the share over the whole period, nor with the cumulative share at a date.',
  },
  'def.personnes-par-age': {
    fr: 'Personnes distinctes sur toute la période, selon leur tranche d’âge à l’entrée.',
    en: 'Distinct persons over the whole period, by age band at entry.',
  },
  'def.personnes-par-niveau-formation': {
    fr: 'Personnes distinctes sur toute la période, selon leur niveau de formation.',
    en: 'Distinct persons over the whole period, by education level.',
  },
  'def.personnes-par-public': {
    fr: 'Personnes distinctes sur toute la période, selon chaque catégorie de public ; une personne peut relever de plusieurs catégories, les barres ne s’additionnent pas.',
    en: 'Distinct persons over the whole period, by category of public; a person may belong to several categories, so the bars do not add up.',
  },
  'def.part-qpv': {
    fr: 'Par année : résidents d’un quartier prioritaire parmi les personnes ayant au moins une heure dans l’année.',
    en: 'By year: residents of a priority neighbourhood among the persons with at least one hour in the year.',
  },
  'def.part-rqth': {
    fr: 'Par année : travailleurs handicapés reconnus parmi les personnes ayant au moins une heure dans l’année.',
    en: 'By year: recognised disabled workers among the persons with at least one hour in the year.',
  },
  'def.personnes-par-situation-sortie': {
    fr: 'Personnes distinctes sur toute la période, selon leur situation déclarée à la fin de leur parcours dans la clause.',
    en: 'Distinct persons over the whole period, by their situation reported at the end of their path in the clause.',
  },
  'def.part-situation-sortie': {
    fr: 'Part des personnes de toute la période dans chaque situation à la sortie ; les parcours en cours et les situations inconnues restent au dénominateur.',
    en: 'Share of the persons of the whole period in each situation at exit; ongoing paths and unknown situations stay in the denominator.',
  },
  'def.part-emploi-durable-par-annee': {
    fr: 'Par année : personnes en emploi durable à la sortie (CDI, CDD de 6 mois ou plus) parmi les personnes ayant au moins une heure dans l’année. Les dernières années comptent encore des parcours en cours.',
    en: 'By year: persons in lasting employment at exit (permanent contract, fixed-term of 6 months or more) among the persons with at least one hour in the year. The latest years still hold ongoing paths.',
  },
  'def.heures-par-type-contrat': {
    fr: 'Heures réalisées sur toute la période, selon le contrat de travail de la personne.',
    en: 'Hours carried out over the whole period, by the person’s employment contract.',
  },
  'def.personnes-par-type-contrat': {
    fr: 'Personnes distinctes sur toute la période, selon leur contrat de travail ; une personne peut avoir eu plusieurs contrats.',
    en: 'Distinct persons over the whole period, by employment contract; a person may have had several contracts.',
  },
  'def.contrats-durables-par-annee': {
    fr: 'Par année : heures en CDI, en contrat d’apprentissage et en contrat de professionnalisation, divisées par l’ensemble des heures de l’année.',
    en: 'By year: hours under a permanent contract, an apprenticeship and a professionalisation contract, divided by all hours of the year.',
  },
  'def.taux-realisation-par-annee': {
    fr: 'Par année de notification : heures réalisées divisées par les heures prévues des marchés notifiés cette année-là. Les marchés récents sont encore en cours : leur taux monte à mesure que les heures sont réalisées.',
    en: 'By year of notification: hours carried out divided by the hours planned in the contracts notified that year. Recent contracts are still running: their rate rises as the hours are carried out.',
  },
  'def.heures-par-type-structure': {
    fr: 'Heures réalisées sur toute la période, selon la structure qui emploie la personne (entreprise, SIAE, GEIQ…).',
    en: 'Hours carried out over the whole period, by the organisation employing the person (company, SIAE, GEIQ…).',
  },
  'def.personnes-par-type-structure': {
    fr: 'Personnes distinctes sur toute la période, selon la structure qui les emploie.',
    en: 'Distinct persons over the whole period, by employing organisation.',
  },
  'def.entreprises-par-taille': {
    fr: 'Entreprises titulaires distinctes ayant au moins une heure réalisée, selon leur taille.',
    en: 'Distinct contractors with at least one hour carried out, by size.',
  },
  'def.heures-par-taille-entreprise': {
    fr: 'Heures réalisées sur toute la période, selon la taille de l’entreprise titulaire.',
    en: 'Hours carried out over the whole period, by size of the contractor.',
  },
  'def.heures-par-facilitateur': {
    fr: 'Heures réalisées sur toute la période, selon le facilitateur qui les a suivies.',
    en: 'Hours carried out over the whole period, by the facilitator who followed them.',
  },

  'methodology.shown': { fr: 'Les chiffres et graphiques du site, un par un', en: 'The site’s figures and charts, one by one' },
  'methodology.shownLead': {
    fr: 'Chaque chiffre et chaque graphique porte sur la page la définition ci-dessous, mot pour mot. Trois parts des femmes existent et ne se comparent pas : par année (graphique), sur toute la période (comparaison entre acheteurs) et cumulée à une date (chiffres clés, personnes entrées jusqu’à ce mois). Une année que les données ne couvrent qu’en partie est dite partielle, et aucune évolution n’est calculée depuis elle.',
    en: 'Every figure and chart carries on its page the definition below, word for word. Three shares of women exist and do not compare: by year (chart), over the whole period (comparison between buyers) and cumulative at a date (key figures, persons who entered up to that month). A year the data cover only in part is said to be partial, and no change is computed from it.',
  },
  'methodology.shownFigures': { fr: 'Chiffres', en: 'Figures' },
  'methodology.shownCharts': { fr: 'Graphiques', en: 'Charts' },

  // ---------- new charts ----------
  'chart.boundaries': {
    fr: 'Contours des départements : svg-maps, « Map of France departments », Victor Cazanave, licence CC BY 4.0.',
    en: 'Département boundaries: svg-maps, “Map of France departments”, Victor Cazanave, CC BY 4.0 licence.',
  },
  'chart.carte-heures-par-departement': { fr: 'Carte des heures réalisées par département', en: 'Map of hours carried out by département' },
  'chart.carte-personnes-par-departement': { fr: 'Carte des personnes par département', en: 'Map of persons by département' },
  'def.carte-heures-par-departement': {
    fr: 'Heures réalisées sur toute la période, selon le département d’exécution du marché ; plus la teinte est foncée, plus il y a d’heures.',
    en: 'Hours carried out over the whole period, by département where the contract is carried out; the darker, the more hours.',
  },
  'def.carte-personnes-par-departement': {
    fr: 'Personnes distinctes sur toute la période, selon le département d’exécution du marché ; une personne passée par deux départements compte dans chacun.',
    en: 'Distinct persons over the whole period, by département where the contract is carried out; a person who worked in two départements counts in each.',
  },
  'chart.part-situation-sortie': { fr: 'Situation à la sortie, en part des personnes', en: 'Situation at exit, as a share of persons' },
  'chart.part-emploi-durable-par-annee': {
    fr: 'Part des personnes en emploi durable à la sortie, par année',
    en: 'Share of persons in lasting employment at exit, by year',
  },
  'chart.contrats-durables-par-annee': {
    fr: 'Part des heures en CDI et en alternance, par année',
    en: 'Share of hours in permanent and work-study contracts, by year',
  },
  'chart.taux-realisation-par-annee': {
    fr: 'Heures réalisées sur heures prévues, par année de notification',
    en: 'Hours carried out against hours planned, by year of notification',
  },

  // ---------- does it work? ----------
  'outcomes.title': { fr: 'Est-ce que ça marche ?', en: 'Does it work?' },
  'outcomes.lead': {
    fr: 'Trois mesures, lues dans les tableaux publiés : ce que deviennent les personnes, si les heures promises sont réalisées, et la part des contrats qui durent.',
    en: 'Three measures, read from the published tables: what becomes of the persons, whether the hours promised are carried out, and the share of contracts that last.',
  },
  'outcomes.chart': { fr: 'Voir le graphique et ses données', en: 'See the chart and its data' },
  'outcome.emploi_durable': { fr: 'des personnes en emploi durable à la sortie', en: 'of persons in lasting employment at exit' },
  'outcome.emploi_durable.def': {
    fr: 'Personnes dont la situation déclarée à la fin du parcours est un CDI ou un CDD de 6 mois ou plus, divisées par toutes les personnes de la période (parcours en cours et situations inconnues compris).',
    en: 'Persons whose situation reported at the end of their path is a permanent contract or a fixed-term contract of 6 months or more, divided by all persons of the period (ongoing paths and unknown situations included).',
  },
  'outcome.taux_realisation': { fr: 'des heures prévues ont été réalisées', en: 'of the planned hours were carried out' },
  'outcome.taux_realisation.def': {
    fr: 'Heures réalisées divisées par les heures prévues dans les marchés avec clause, sur toute la période ; les marchés encore en cours tirent ce taux vers le bas.',
    en: 'Hours carried out divided by the hours planned in the contracts with a clause, over the whole period; contracts still running pull this rate down.',
  },
  'outcome.period': { fr: 'période {period}', en: 'period {period}' },

  // ---------- tables ----------
  'filter.appliesTo': { fr: 'Ces filtres s’appliquent au tableau « {table} » ci-dessous.', en: 'These filters apply to the table “{table}” below.' },

  // ---------- charts a reader can question ----------
  'chart.keyboardHint': {
    fr: 'flèches : lire les valeurs une à une',
    en: 'arrow keys: read the values one by one',
  },

  // ---------- downloads ----------
  'csv.source': { fr: 'Source', en: 'Source' },
  'csv.sourceCell': { fr: '{source}, tableau « {table} », version {version}', en: '{source}, table “{table}”, release {version}' },
  'chart.labelledCsv': { fr: 'Données du graphique avec libellés (CSV, {size})', en: 'Chart data with labels, in English (CSV, {size})' },
  'chart.codesCsv': { fr: 'Données du graphique, codes publiés (CSV, {size})', en: 'Chart data, published codes (CSV, in French, {size})' },

  'chart.cite': { fr: 'Citer ce graphique', en: 'Cite this chart' },
  'chart.accessed': { fr: 'consulté le', en: 'accessed' },
  'chart.accessedUnknown': { fr: '[date de consultation]', en: '[date of access]' },
  'chart.citation': {
    fr: '{source}, « {title} », données ouvertes des clauses d’insertion, version {version} du {date} (Licence Ouverte / Etalab 2.0) :',
    en: '{source}, “{title}”, insertion clauses open data, release {version} of {date} (Open Licence / Etalab 2.0):',
  },

  // ---------- embeds ----------
  'embed.live': { fr: 'Toujours la dernière version', en: 'Always the latest release' },
  'embed.pinned': { fr: 'Figé à la version {version}', en: 'Pinned to release {version}' },
  'embed.pinnedNote': {
    fr: 'Graphique figé à la version {version} : il est dessiné à partir des fichiers de cette version, dont l’adresse ne change jamais, et ne change plus avec les versions suivantes.',
    en: 'Chart pinned to release {version}: it is drawn from the files of that release, whose address never changes, and no longer changes with later releases.',
  },
} as const satisfies Record<string, Bilingual>;
