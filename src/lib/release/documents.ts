import type { Metadonnees } from '../../schemas/metadonnees.ts';
import { HEURES_ANNUELLES_ETP } from '../indicators/codes.ts';
import { CIBLES_ODD, type CibleOdd } from '../sdg.ts';
import type { TableSpec } from '../tables/types.ts';
import type { Bilingual } from '../lang.ts';

export const LICENCE = {
  name: 'etalab-2.0',
  title: 'Licence Ouverte / Open Licence version 2.0',
  path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
} as const;

/**
 * The documents every release publishes besides its tables, workbook and archive, with their
 * titles: the one list the release writer, the kept-release checks and the catalogue read.
 */
export const RELEASE_DOCUMENTS = {
  'datapackage.json': { fr: 'Description Frictionless Data (datapackage.json)', en: 'Frictionless Data description (datapackage.json)' },
  'publication.json': { fr: 'Entrée de la version pour le journal des versions', en: "The release's entry for the release history" },
  'LISEZMOI.md': { fr: 'Lisez-moi', en: 'Read me (French, with an English section)' },
  'CITATION.txt': { fr: 'Comment citer', en: 'How to cite' },
  'CHANGELOG.md': { fr: 'Journal des versions', en: 'Changelog' },
  'protection.md': { fr: 'Journal de protection (secret statistique, audit)', en: 'Protection log (disclosure control, audit)' },
  'protection.json': { fr: 'Journal de protection, en données', en: 'Protection log, as data' },
} as const satisfies Record<string, Bilingual>;

export const DATASET_TITLE = {
  fr: "Clauses d'insertion dans la commande publique",
  en: 'Insertion clauses in public procurement',
};

const year = (date: string) => date.slice(0, 4);

/** How to cite the release (CITATION.txt). */
export function citation(meta: Metadonnees): string {
  const synth = meta.synthetique ? ' Données synthétiques (exemple), pas des données réelles.' : '';
  const synthEn = meta.synthetique ? ' Synthetic (sample) data, not real data.' : '';
  return [
    `${meta.nom} (${year(meta.date_publication)}). ${DATASET_TITLE.fr} — ${meta.territoire}, ${meta.periode.debut} au ${meta.periode.fin}. Données agrégées, version ${meta.version}, publiée le ${meta.date_publication}. ${LICENCE.title}.${synth}`,
    '',
    `${meta.nom} (${year(meta.date_publication)}). ${DATASET_TITLE.en} — ${meta.territoire}, ${meta.periode.debut} to ${meta.periode.fin}. Aggregated data, version ${meta.version}, published ${meta.date_publication}. ${LICENCE.title}.${synthEn}`,
    '',
  ].join('\n');
}

/** LISEZMOI.md: what, who, period, licence, how to cite, files, caveats, disclosure rule, markers. */
export function lisezmoi(
  meta: Metadonnees,
  tables: readonly TableSpec[],
  files: {
    xlsx: string;
    zip: string;
    /** Tables longer than a worksheet holds, left out of the workbook (see `workbook`). */
    sansFeuille?: readonly { id: string; lignes: number }[];
  },
): string {
  const left = files.sansFeuille ?? [];
  const k = meta.seuil_secret;
  const targets = [...new Set(tables.flatMap((t) => t.odd))] as CibleOdd[];
  const lines: string[] = [`# ${DATASET_TITLE.fr} — ${meta.nom}`, ''];
  if (meta.synthetique) {
    lines.push(
      '> **Données synthétiques.** Les lignes de ce jeu sont inventées pour montrer le format et les',
      '> calculs ; elles sont calibrées sur les chiffres publiés par le programme mais ne décrivent',
      '> aucune personne ni aucun marché réels. / **Synthetic data**: rows are invented (calibrated on',
      '> the published figures) and describe no real person or contract.',
      '',
    );
  }
  lines.push(
    '## De quoi s’agit-il ?',
    '',
    `Des tableaux agrégés sur les clauses d'insertion des marchés publics de ${meta.nom} : marchés et`,
    "opérations comportant une clause, heures d'insertion prévues et réalisées, personnes",
    'bénéficiaires (sexe, âge, niveau de formation, publics, situation à la sortie), contrats de',
    'travail, structures employeuses, entreprises titulaires, facilitateurs.',
    '',
    `- Éditeur : ${meta.nom} (${meta.territoire})`,
    `- Période couverte : du ${meta.periode.debut} au ${meta.periode.fin}`,
    `- Version : ${meta.version}, publiée le ${meta.date_publication}`,
    `- Licence : ${LICENCE.title} — ${LICENCE.path}`,
    `- Contact : ${meta.contact}`,
  );
  if (meta.sources.length) {
    lines.push('- Sources :');
    for (const s of meta.sources) lines.push(`  - ${s.titre}${s.url ? ` — ${s.url}` : ''}`);
  }
  lines.push(
    '',
    '## Comment citer',
    '',
    citation(meta).split('\n')[0]!,
    '',
    '## Fichiers',
    '',
    '- `<table>.csv` : une table, UTF-8 avec BOM, séparateur virgule, fin de ligne CRLF, point décimal.',
    '- `<table>.json` : la même table avec ses métadonnées (titre, colonnes, unités) en français et en anglais.',
    '- `<table>.parquet` : la même table au format Apache Parquet, colonnes typées ; une cellule « secret » y est nulle et sa colonne `statut_<colonne>` vaut `secret` (`vide` : sans objet, `valeur` : publiée).',
    left.length === 0
      ? `- \`${files.xlsx}\` : toutes les tables dans un classeur, une feuille par table, précédées d'une feuille « Lisez-moi ».`
      : `- \`${files.xlsx}\` : les tables dans un classeur, une feuille par table, précédées d'une feuille « Lisez-moi », sauf ${left.map((t) => `\`${t.id}\` (${t.lignes} lignes)`).join(', ')}, plus longue(s) qu'une feuille ne le permet (1 048 575 lignes) : voir son CSV.`,
    '- `datapackage.json` : description Frictionless Data (schéma de chaque CSV, empreinte SHA-256).',
    '- `CHANGELOG.md` : ce qui a changé depuis la version précédente. `CITATION.txt` : comment citer.',
    `- \`${files.zip}\` : tous ces fichiers.`,
    '',
    '| table | titre |',
    '|---|---|',
    ...tables.map((t) => `| \`${t.id}\` | ${t.titre.fr} |`),
    '',
    '## Secret statistique : « secret », vide et zéro',
    '',
    'Seuls des agrégats anonymes sont publiés : aucune donnée individuelle sur les personnes (même',
    'pseudonymisée) ne quitte la chaîne de traitement.',
    '',
    `- Une cellule qui compte de 1 à ${k - 1} personnes (seuil k = ${k}) est masquée, avec ses heures,`,
    '  ses parts et toute mesure qui en dérive.',
    "- D'autres cellules sont masquées en complément (secret secondaire) pour qu'aucune valeur masquée",
    '  ne puisse être retrouvée par différence avec un total ou une marge publiés, dans la même table',
    '  ou dans une table liée (une table par année × dimension a pour marges la table par année et la',
    '  table par dimension).',
    "- Tables par taille ou secteur d'entreprise : au moins 3 entreprises par cellule et aucune",
    "  au-dessus de 85 % des heures de la cellule (pratique de l'INSEE), sinon secret.",
    '',
    'Trois valeurs à ne pas confondre :',
    '',
    '| dans le fichier | signifie |',
    '|---|---|',
    '| `secret` | la valeur existe mais est masquée (secret statistique) |',
    '| vide (JSON : `null`) | sans objet ou inconnue (par exemple un taux sans heures prévues) |',
    '| `0` | zéro, vraiment : aucune heure, aucune personne |',
    '',
    'Le schéma de chaque table (datapackage.json) déclare `missingValues: ["", "secret"]`.',
    '',
    '## Précautions de lecture',
    '',
    '- Les personnes ne s’additionnent pas toujours : une personne présente deux années compte',
    '  dans chacune, une personne relevant de plusieurs publics compte dans chacun (la somme des',
    '  lignes dépasse alors le total). Les heures, elles, s’additionnent.',
    "- L'année des heures est l'année où elles ont été réalisées ; l'année d'un marché est celle de sa",
    '  notification.',
    `- Équivalent temps plein (ETP) = heures / ${HEURES_ANNUELLES_ETP} (durée légale annuelle du travail).`,
    '- Les parts et taux sont en pourcentage (0 à 100).',
    '- Les définitions de chaque indicateur sont dans `chiffres-cles.csv` et sur la page méthodologie du site.',
    '',
    '## Objectifs de développement durable',
    '',
    ...targets.map((c) => `- ${c} — ${CIBLES_ODD[c].fr}`),
    '',
    '---',
    '',
    '## In English',
    '',
    `Aggregated tables on the insertion clauses in ${meta.nom}'s public contracts, ${meta.periode.debut} to`,
    `${meta.periode.fin}, release ${meta.version} (${meta.date_publication}), under the ${LICENCE.title}.`,
    'Each table comes as CSV (UTF-8 with BOM, comma, CRLF, dot decimal), JSON and Apache Parquet (typed',
    'columns; a hidden cell is null and its `statut_<column>` column says `secret`); all of them in one',
    'XLSX workbook; datapackage.json describes them (Frictionless Data).',
    ...(left.length === 0 ? [] : [`The workbook leaves out ${left.map((t) => `\`${t.id}\` (${t.lignes} rows)`).join(', ')}: longer than a worksheet holds`, '(1,048,575 rows); see the CSV.']),
    '',
    `Disclosure control: a cell counting 1 to ${k - 1} persons (k = ${k}) is hidden with every measure`,
    'derived from it, and further cells are hidden so that no hidden value can be recovered from',
    'published totals or margins; company breakdowns need 3 companies per cell and none above 85 % of',
    'its hours. `secret` = hidden value; empty = not applicable or unknown; `0` = a true zero.',
    'No person-level data is ever published, pseudonymised or not.',
    meta.synthetique ? '\nThese are **synthetic** sample data.' : '',
    '',
  );
  return lines.join('\n');
}
