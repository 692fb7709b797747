/**
 * The data contract as documents of the repository, generated from the schemas like the
 * standard's READMEs: `docs/contrat-de-donnees.md` in French and `docs/data-contract.md` in
 * English (`npm run docs` writes them; a test checks that the committed files are these). Also
 * the example publisher folder of `docs/exemples/`, in the convention French Excel opens.
 */
import { buildDictionary, type DictionaryRow } from '../../schemas/dictionary.ts';
import type { FieldDef } from '../../schemas/field.ts';
import { CONTRACT_VERSION, METADATA_FILE, TABLES, type TableDef } from '../../schemas/index.ts';
import { SANS_OPERATION } from '../../schemas/operations.ts';
import { frenchCsv } from '../template/csv.ts';
import { TEMPLATE_WORKBOOK, TEMPLATES_DIR } from '../template/index.ts';
import { exampleMetadata } from './example.ts';
import { METADATA_KEYS } from './metadata.ts';
import { acceptedForms, rulesTable, table } from './readme.ts';
import type { Lang } from '../lang.ts';
import type { Bilingual } from '../lang.ts';

/** Where each language's document lives, and the other's. */
export const CONTRACT_DOCS: Readonly<Record<Lang, string>> = { fr: 'docs/contrat-de-donnees.md', en: 'docs/data-contract.md' };

/** The example publisher of `docs/exemples/` (its folder's name is its id). */
export const EXAMPLE_DIR = `docs/exemples/${exampleMetadata().id}`;

const code = (s: string) => `\`${s}\``;
const yesNo = (b: boolean, lang: Lang) => (b ? (lang === 'fr' ? 'oui' : 'yes') : lang === 'fr' ? 'non' : 'no');
const T = (fr: string, en: string): Bilingual => ({ fr, en });

const W = {
  title: T('Contrat de données — clauses d’insertion', 'Data contract — insertion clauses'),
  other: T(
    `English version: [data-contract.md](data-contract.md). Ce document est généré à partir des schémas zod de \`src/schemas/\` par \`npm run docs\` : ne le modifiez pas à la main, modifiez les schémas (un test vérifie qu’il est à jour). Si ce document et les schémas divergent, les schémas ont raison.`,
    `Version française : [contrat-de-donnees.md](contrat-de-donnees.md). This document is generated from the zod schemas of \`src/schemas/\` by \`npm run docs\`: do not edit it by hand, edit the schemas (a test checks it is up to date). Should it and the schemas disagree, the schemas are right.`,
  ),
  folder: T('Le dossier d’un éditeur', 'A publisher’s folder'),
  start: T('Commencer', 'Getting started'),
  meta: T('Les métadonnées', 'The metadata'),
  forms: T('Formats acceptés', 'Accepted forms'),
  periods: T('Période, marchés antérieurs, marchés hors opération', 'Period, older contracts, contracts outside any operation'),
  tables: T('Les tables', 'The tables'),
  rules: T('Règles de validation', 'Validation rules'),
  guard: T('Protection de l’anonymat', 'Anonymity guard'),
  optional: T('Fichiers facultatifs : historique, pairs, versions', 'Optional files: history, peers, versions'),
  release: T('La publication (format 1.0)', 'The release (format 1.0)'),
  example: T('Exemple', 'Example'),
  fieldsHeader: { fr: ['Colonne', 'Type', 'Obligatoire', 'Description', 'Contraintes', 'Exemple'], en: ['Column', 'Type', 'Required', 'Description', 'Constraints', 'Example'] },
  metaHeader: { fr: ['Clé', 'Type', 'Obligatoire', 'Signification'], en: ['Key', 'Type', 'Required', 'Meaning'] },
  values: T('Valeurs', 'Values'),
  key: T('Clé (valeurs uniques)', 'Key (unique values)'),
  refs: T('Références', 'References'),
  personal: T('Données personnelles sous pseudonyme : le fichier reste chez l’éditeur, jamais publié.', 'Pseudonymised personal data: the file stays with the publisher, never published.'),
};

function folderSection(lang: Lang): string[] {
  const comment = (fr: string, en: string) => (lang === 'fr' ? fr : en);
  return [
    '```',
    `data/<editeur>/                 # <editeur> : [a-z0-9]+(-[a-z0-9]+)*, ${comment('par exemple', 'e.g.')} departement-ille-et-vilaine`,
    `  ${METADATA_FILE.padEnd(30)}# ${comment('métadonnées de l’éditeur', 'publisher metadata')}`,
    ...TABLES.map((t) => `  ${t.file.padEnd(30)}# ${t.title[lang]}${t.personal ? comment(' — JAMAIS publié', ' — NEVER published') : ''}`),
    `  ${`${comment('ou', 'or')} ${TEMPLATE_WORKBOOK}`.padEnd(30)}# ${comment('les six tables, une feuille par table', 'the six tables, one sheet per table')}`,
    `  ${`${TEMPLATES_DIR}/`.padEnd(30)}# ${comment('modèles et guide de npm run init (jamais lu)', 'npm run init’s templates and guide (never read)')}`,
    '```',
    '',
    lang === 'fr'
      ? 'Les six tables sont obligatoires ; chacune vient d’un fichier CSV ou d’une feuille d’un classeur `.xlsx` (jamais des deux). Une colonne hors contrat est refusée ; l’ordre des colonnes est libre. Un sous-dossier (comme `modeles/`) n’est jamais lu.'
      : 'The six tables are required; each comes from a CSV file or from a sheet of an `.xlsx` workbook (never both). A column outside the contract is refused; column order is free. A sub-folder (such as `modeles/`) is never read.',
  ];
}

function startSection(lang: Lang): string[] {
  return lang === 'fr'
    ? [
        '```sh',
        'npm run init -- departement-ille-et-vilaine    # crée data/departement-ille-et-vilaine/',
        'npm run validate -- data/departement-ille-et-vilaine --lang fr',
        '```',
        '',
        `\`npm run init\` écrit \`${METADATA_FILE}\` à compléter (chaque champ expliqué par une clé \`//\`, les valeurs inconnues marquées « À COMPLÉTER »), \`${TEMPLATE_WORKBOOK}\` (une feuille par table, listes déroulantes des codes, formats de cellule qui protègent identifiants et SIRET) et, dans \`${TEMPLATES_DIR}/\`, le guide et les six tables en CSV « ; ». Un exemple complet et valide, écrit comme on le saisit : [\`docs/exemples/${exampleMetadata().id}/\`](exemples/${exampleMetadata().id}/). Le parcours entier : [publier.md](publier.md).`,
      ]
    : [
        '```sh',
        'npm run init -- departement-ille-et-vilaine    # makes data/departement-ille-et-vilaine/',
        'npm run validate -- data/departement-ille-et-vilaine --lang en',
        '```',
        '',
        `\`npm run init\` writes \`${METADATA_FILE}\` to complete (each field explained by a \`//\` key, unknown values marked "À COMPLÉTER"), \`${TEMPLATE_WORKBOOK}\` (one sheet per table, drop-down lists of the codes, cell formats that protect identifiers and SIRET) and, in \`${TEMPLATES_DIR}/\`, the guide and the six tables as ";" CSV. A complete valid example, written the way people type: [\`docs/exemples/${exampleMetadata().id}/\`](exemples/${exampleMetadata().id}/). The whole path: [publier.md](publier.md).`,
      ];
}

function metaSection(lang: Lang): string[] {
  const rows = Object.entries(METADATA_KEYS).map(([k, m]) => [code(k), m.type[lang], yesNo(m.required, lang), m.description[lang]]);
  const notes =
    lang === 'fr'
      ? [
          '- Une clé qui commence par `//` est un commentaire, ignoré (JSON n’a pas de commentaires).',
          '- Une valeur « À COMPLÉTER… » est signalée champ par champ (`meta.a_completer`).',
          '- Tous les champs sont contrôlés d’un coup ; un champ faux qui sert à contrôler les tables (`siret_acheteur`, `departements`, `periode`) suspend seulement ces contrôles-là, et le rapport dit lesquels (`meta.controles_non_faits`) : corriger les métadonnées ne fait pas apparaître d’erreurs cachées sans prévenir.',
          '- Contrôles au-delà du format : clé de contrôle du SIRET (Luhn ; La Poste, SIREN 356000000, par la somme de ses chiffres multiple de 5), `code_region` qui contient bien chaque département, `seuil_secret` d’au moins 5, `date_publication` pas après aujourd’hui, `contact` sans numéro de téléphone ni personne nommée (une personne nommée est un avertissement).',
        ]
      : [
          '- A key starting with `//` is a comment, ignored (JSON has no comments).',
          '- A value left "À COMPLÉTER…" is reported field by field (`meta.a_completer`).',
          '- Every field is checked at once; a wrong field the tables are checked against (`siret_acheteur`, `departements`, `periode`) holds back only those checks, and the report says which (`meta.controles_non_faits`): fixing the metadata does not reveal hidden errors unannounced.',
          '- Checks beyond the format: the SIRET check digit (Luhn; La Poste, SIREN 356000000, by its digits adding up to a multiple of 5), a `code_region` that holds every département, a `seuil_secret` of at least 5, a `date_publication` not after today, a `contact` without a phone number or a named person (a named person is a warning).',
        ];
  return [...table(W.metaHeader[lang], rows), '', ...notes];
}

/** The keys of `profil` (src/schemas/profil.ts): what the site says of the publisher. */
const PROFILE_KEYS: readonly [string, Record<Lang, string>, Record<Lang, string>][] = [
  [
    'formes',
    { fr: 'oui', en: 'yes' },
    {
      fr: 'Le nom tel qu’il s’écrit dans une phrase, donné, jamais deviné : `{ "fr": { "nom": "le Département d’Ille-et-Vilaine", "de_nom": "du Département d’Ille-et-Vilaine" }, "en": { "nom": "the Département d’Ille-et-Vilaine", "de_nom": "of the Département d’Ille-et-Vilaine" } }`. `nom` avec son article (« la Communauté de communes… », « la Métropole… », « Rennes Métropole ») ; `de_nom` après « de », élision et contraction faites (« du », « de la », « de l’ », « de Rennes Métropole »). Le titre de l’accueil est « Les clauses d’insertion » + `de_nom` ; la déclaration d’accessibilité commence par `nom`.',
      en: 'The name as written in a sentence, given, never guessed: `{ "fr": { "nom": "le Département d’Ille-et-Vilaine", "de_nom": "du Département d’Ille-et-Vilaine" }, "en": { "nom": "the Département d’Ille-et-Vilaine", "de_nom": "of the Département d’Ille-et-Vilaine" } }`. `nom` with its article; `de_nom` after « de » / “of”, with elision and contraction done. The home title is “Insertion clauses” + `de_nom`; the accessibility statement starts with `nom`.',
    },
  ],
  ['presentation', { fr: 'non', en: 'no' }, { fr: 'Présentation et histoire du dispositif, `{ "fr", "en" }` (accueil).', en: 'Presentation and history of the scheme, `{ "fr", "en" }` (home page).' }],
  ['objectifs', { fr: 'non', en: 'no' }, { fr: 'Ce que l’éditeur demande aux entreprises (page Emploi durable).', en: 'What the publisher asks of companies (durable employment page).' }],
  [
    'odd',
    { fr: 'non', en: 'no' },
    {
      fr: 'Comment l’éditeur rattache son dispositif aux objectifs de développement durable (page ODD) ; sans lui, une phrase générale.',
      en: 'How the publisher links its scheme to the SDGs (SDG page); without it, a general sentence.',
    },
  ],
  [
    'note_donnees',
    { fr: 'non', en: 'no' },
    {
      fr: 'Pour des données synthétiques : ce qui est inventé et ce qui reproduit des résultats publiés (accueil).',
      en: 'For synthetic data: what is invented and what reproduces published results (home page).',
    },
  ],
  ['limites', { fr: 'non', en: 'no' }, { fr: 'Limites propres à ces données (page Méthodologie).', en: 'Limits of these data (methodology page).' }],
  [
    'directions',
    { fr: 'non', en: 'no' },
    {
      fr: 'Les directions (ou services) de l’acheteur : `[{ "code": "COLLEGES", "fr": "Collèges", "en": "Lower secondary schools", "porte_le_dispositif"?: false }]`. La colonne `direction` de marches.csv n’admet que ces codes (`direction.inconnue`) et les tableaux publient ces libellés ; une direction qui `porte_le_dispositif` n’est pas comptée parmi les directions exécutant des marchés. Sans la liste, tout code (majuscules, chiffres, `_`) est admis et publié tel quel.',
      en: 'The buyer’s directorates (or units): `[{ "code": "COLLEGES", "fr": "Collèges", "en": "Lower secondary schools", "porte_le_dispositif"?: false }]`. Column `direction` of marches.csv only takes these codes (`direction.inconnue`) and the tables publish these labels; a unit that `porte_le_dispositif` (runs the scheme) is not counted among the directorates executing contracts. Without the list, any code (capitals, digits, `_`) is accepted and published as it is.',
    },
  ],
  [
    'accessibilite',
    { fr: 'non', en: 'no' },
    {
      fr: 'La déclaration d’accessibilité de l’éditeur, après son propre audit : `{ "conformite": "totalement_conforme" | "partiellement_conforme" | "non_conforme", "date"?: "AAAA-MM-JJ", "declaration": { "fr", "en" } }`. Sans elle, la page Accessibilité dit qu’aucune déclaration n’a été publiée et que le site est non conforme faute d’audit.',
      en: 'The publisher’s accessibility statement, after its own audit: `{ "conformite": "totalement_conforme" | "partiellement_conforme" | "non_conforme", "date"?: "YYYY-MM-DD", "declaration": { "fr", "en" } }`. Without it, the accessibility page says no statement was published and the site is not compliant for lack of an audit.',
    },
  ],
  [
    'couleur',
    { fr: 'non', en: 'no' },
    { fr: 'Couleur principale `#RRGGBB` ; refusée si son contraste sur blanc est sous 4,5:1.', en: 'Main colour `#RRGGBB`; refused when its contrast on white is below 4.5:1.' },
  ],
  [
    'resultats_publies',
    { fr: 'non', en: 'no' },
    {
      fr: 'Résultats que l’éditeur a publiés avant (un bilan, une fiche) : `{ "titre": { "fr", "en" }, "url"?, "reperes"?: { "annee", "annee_services_debut", "mois_femmes_debut", "mois_femmes_fin" }, "valeurs"?: { "<indicateur de chiffres-cles>": nombre } }`. Les `reperes` fixent les dates de référence des chiffres clés (sinon : la dernière année complète des données, etc.) ; les `valeurs` sont montrées à côté des chiffres recalculés.',
      en: 'Results the publisher published before (a report, a sheet): `{ "titre": { "fr", "en" }, "url"?, "reperes"?: { "annee", "annee_services_debut", "mois_femmes_debut", "mois_femmes_fin" }, "valeurs"?: { "<chiffres-cles indicator>": number } }`. `reperes` set the key figures’ reference dates (otherwise: the latest full year of the data, etc.); `valeurs` are shown next to the figures computed again.',
    },
  ],
];

function profileSection(lang: Lang): string[] {
  const intro =
    lang === 'fr'
      ? 'Tout ce que le site dit d’un éditeur vient de son dossier : aucun fichier du kit ne le nomme. Les textes sont `{ "fr": "…", "en": "…" }`, en Markdown simple (paragraphes, listes, liens, **gras**). La publication reprend `profil` tel quel dans son `datapackage.json`.'
      : 'Everything the site says of a publisher comes from its folder: no file of the kit names it. Texts are `{ "fr": "…", "en": "…" }`, in simple Markdown (paragraphs, lists, links, **bold**). The release copies `profil` as it is into its `datapackage.json`.';
  const header = lang === 'fr' ? ['Clé', 'Obligatoire', 'Description'] : ['Key', 'Required', 'Description'];
  return [
    intro,
    '',
    ...table(
      header,
      PROFILE_KEYS.map(([k, req, d]) => [code(k), req[lang], d[lang]]),
    ),
  ];
}

function periodSection(lang: Lang): string[] {
  return lang === 'fr'
    ? [
        '- Chaque mois d’heures est dans la période des métadonnées et dans l’exécution de son marché (de la notification à notification + durée).',
        '- Un marché notifié avant la période est accepté si son exécution entre dans la période : les périodes réelles portent des marchés plus anciens. Ses heures comptent dans les années où elles sont réalisées ; son année de notification figure dans les tableaux par année de notification. Un marché terminé avant la période est refusé (`marches.execution_hors_periode`), un marché notifié après aussi (`periode.hors_periode`). L’import DECP suit la même règle.',
        `- Un marché hors de toute opération a \`id_operation\` vide : il est accepté, et les tableaux par opération le montrent sur une ligne « Sans opération » (\`${SANS_OPERATION}\`), qui n’est jamais comptée comme une opération. \`${SANS_OPERATION}\` ne peut pas servir d’identifiant dans \`operations.csv\`.`,
      ]
    : [
        '- Every month of hours is inside the metadata period and inside its contract’s execution (from notification to notification + duration).',
        '- A contract notified before the period is accepted when its execution reaches into the period: real periods carry older contracts. Its hours count in the years they were carried out; its year of notification appears in the tables by year of notification. A contract that ended before the period is refused (`marches.execution_hors_periode`), and so is one notified after it (`periode.hors_periode`). The DECP import follows the same rule.',
        `- A contract outside any operation has an empty \`id_operation\`: it is accepted, and the tables by operation show it on a « Sans opération » ("No operation") row (\`${SANS_OPERATION}\`), never counted as an operation. \`${SANS_OPERATION}\` cannot be an id of \`operations.csv\`.`,
      ];
}

function tableSection(def: TableDef, rows: readonly DictionaryRow[], lang: Lang): string[] {
  const colon = lang === 'fr' ? ' :' : ':';
  const lines = [`### ${code(def.file)} — ${def.title[lang]}`, '', def.description[lang]];
  if (def.personal) lines.push('', `**${W.personal[lang]}**`);
  lines.push('', `- ${W.key[lang]}${colon} ${def.primaryKey.map(code).join(' + ')}`);
  if (def.foreignKeys.length > 0) {
    lines.push(`- ${W.refs[lang]}${colon} ${def.foreignKeys.map((fk) => `${fk.fields.map(code).join(', ')} → ${code(`${fk.reference.table}.${fk.reference.fields.join(', ')}`)}`).join(' ; ')}`);
  }
  lines.push(
    '',
    ...table(
      W.fieldsHeader[lang],
      rows.map((r) => [
        code(r.column),
        r.type[lang],
        yesNo(r.required, lang),
        r.description[lang],
        [r.constraints[lang], r.values.length > 0 ? `${W.values[lang]}${colon} ${r.values.map((v) => code(v.code)).join(', ')}` : ''].filter(Boolean).join(' ; '),
        code(r.example),
      ]),
    ),
  );
  for (const r of rows.filter((x) => x.values.length > 0 && x.values.length <= 30)) {
    lines.push(
      '',
      `<details><summary>${code(r.column)} — ${W.values[lang].toLowerCase()}</summary>`,
      '',
      ...table(
        ['Code', lang === 'fr' ? 'Libellé' : 'Label'],
        r.values.map((v) => [code(v.code), v[lang]]),
      ),
      '',
      '</details>',
    );
  }
  return lines;
}

function guardSection(lang: Lang): string[] {
  return [
    lang === 'fr'
      ? 'La construction s’arrête quand une colonne n’est pas dans ce contrat, quand un en-tête annonce une donnée d’identité (`nom`, `prenom`, `date_naissance`, `nir`, `adresse`, `email`, `telephone`…), ou quand une cellule de n’importe quelle table ressemble à une adresse e-mail, un numéro de téléphone, un numéro de sécurité sociale (NIR) ou une adresse postale. Les valeurs sont masquées dans le rapport.'
      : 'The build stops when a column is not in this contract, when a header announces identity data (`nom`, `prenom`, `date_naissance`, `nir`, `adresse`, `email`, `telephone`…), or when a cell of any table looks like an e-mail address, a phone number, a social security number (NIR) or a street address. Values are masked in the report.',
  ];
}

function optionalSection(lang: Lang): string[] {
  return lang === 'fr'
    ? [
        '- `publications.json` : l’historique des publications (version, date, notes, chiffres clés, empreinte de chaque table), que complète `scripts/archive-release.ts` ; le journal des modifications compare la publication avec la dernière entrée.',
        '- `versions/<version>/` : les fichiers publiés d’une version antérieure encore en ligne, tels quels (jamais de données de niveau participant) ; la construction les sert à une adresse stable et l’audit du secret les lit avec la nouvelle version (méthodologie).',
        '- `pairs.json` : les publications d’autres acheteurs avec lesquelles se comparer ([comparaison.md](comparaison.md)) : `{ "pairs": [adresse, …] }`, chaque adresse étant celle, en `https`, d’un `datapackage.json` (ou de son dossier, terminée par `/`), ou un dossier ou une archive zip de cette machine, relatif au dossier du fichier ; `http` seulement sur cette machine (`127.0.0.1`, `localhost`). Une entrée peut être `{ "adresse", "note" }`. À la racine de `data/` seulement, `site: { "nom", "description"?, "contact"? }` nomme un site qui compare sans données à lui. Ce n’est pas une table : jamais validé comme telle ni publié tel quel.',
      ]
    : [
        '- `publications.json`: the release history (version, date, notes, key figures, hash of each table), extended by `scripts/archive-release.ts`; the changelog compares the release with its latest entry.',
        '- `versions/<version>/`: the published files of an earlier release still online, as published (never participant-level data); the build serves them at a stable address and the disclosure audit reads them together with the new release (methodology).',
        '- `pairs.json`: other buyers’ releases to compare with ([comparaison.md](comparaison.md)): `{ "pairs": [address, …] }`, each address the `https` address of a `datapackage.json` (or of its folder, ending with `/`), or a folder or zip archive on this machine, relative to the file’s folder; `http` only on this machine (`127.0.0.1`, `localhost`). An entry may be `{ "adresse", "note" }`. At the root of `data/` only, `site: { "nom", "description"?, "contact"? }` names a site that compares with no data of its own. Not a table: never validated as one nor published as it is.',
      ];
}

function releaseSection(lang: Lang): string[] {
  return [
    lang === 'fr'
      ? 'Ce que la construction publie dans `donnees/<editeur>/` et que d’autres sites lisent pour se comparer : `datapackage.json`, un Frictionless Tabular Data Package dont `format_publication` vaut `"1.0"`, et les tables qu’il liste (`resources`), chacune un fichier CSV avec sa taille (`bytes`), son SHA-256 (`hash`, `sha256:<hex>`), son dialecte (UTF-8 avec BOM, `,`, CRLF) et son Table Schema (`missingValues` `["", "secret"]` : une case vide manque, `secret` est masquée par le secret statistique, jamais un nombre). Le schéma zod de `src/schemas/release.ts` est cette description : l’écriture vérifie ce qu’elle publie avec lui, les lecteurs lisent avec lui. Un lecteur de la version 1.x lit toute publication 1.x et ignore ce qu’ajoute une version mineure plus récente (une copie Parquet, un catalogue) ; une autre version majeure est refusée comme telle. La publication contient aussi son journal de protection (`protection.md`, `protection.json`).'
      : 'What the build publishes in `donnees/<editeur>/` and what other sites read to compare with it: `datapackage.json`, a Frictionless Tabular Data Package whose `format_publication` is `"1.0"`, and the tables it lists (`resources`), each a CSV file with its size (`bytes`), its SHA-256 (`hash`, `sha256:<hex>`), its dialect (UTF-8 with BOM, `,`, CRLF) and its Table Schema (`missingValues` `["", "secret"]`: an empty cell is missing, `secret` is hidden by disclosure control, never a number). The zod schema of `src/schemas/release.ts` is this description: the writer checks its output with it and readers read with it. A reader of version 1.x reads every 1.x release and ignores what a later minor version adds (a Parquet copy, a catalogue); another major version is refused as such. The release also holds its protection log (`protection.md`, `protection.json`).',
  ];
}

/** The data contract in one language (`docs/contrat-de-donnees.md` or `docs/data-contract.md`). */
export function contractDoc(lang: Lang): string {
  const dictionary = buildDictionary();
  const rulesIntro =
    lang === 'fr'
      ? 'Une **erreur** bloque la publication ; un **avertissement** est signalé sans bloquer. Le rapport de `npm run validate` regroupe les problèmes par règle : pour chaque fichier (ou feuille) et colonne, le nombre de lignes, les premières lignes ou cellules (« marches.xlsx, feuille marches, cellule H12 »), les valeurs, et la façon de corriger. `--lang fr` ou `--lang en` pour une seule langue, `--detail` pour chaque ligne. Au plus 100 problèmes sont gardés par fichier et par règle ; les totaux sont exacts.'
      : 'An **error** blocks publication; a **warning** is reported without blocking. The report of `npm run validate` groups problems by rule: for each file (or sheet) and column, the number of lines, the first lines or cells ("marches.xlsx, feuille marches, cellule H12"), the values, and how to fix it. `--lang fr` or `--lang en` for one language, `--detail` for every line. At most 100 problems are kept per file and rule; totals are exact.';
  return [
    `# ${W.title[lang]} (v${CONTRACT_VERSION})`,
    '',
    `> ${W.other[lang]}`,
    '',
    `## ${W.folder[lang]}`,
    '',
    ...folderSection(lang),
    '',
    `## ${W.start[lang]}`,
    '',
    ...startSection(lang),
    '',
    `## ${W.meta[lang]} — ${code(METADATA_FILE)}`,
    '',
    ...metaSection(lang),
    '',
    `### ${lang === 'fr' ? 'Profil de l’éditeur' : 'Publisher profile'} — ${code('profil')}`,
    '',
    ...profileSection(lang),
    '',
    `## ${W.forms[lang]}`,
    '',
    ...acceptedForms(lang),
    '',
    `## ${W.periods[lang]}`,
    '',
    ...periodSection(lang),
    '',
    `## ${W.tables[lang]}`,
    '',
    ...TABLES.flatMap((t) => [
      ...tableSection(
        t,
        dictionary.filter((r) => r.table === t.name),
        lang,
      ),
      '',
    ]),
    `## ${W.rules[lang]}`,
    '',
    rulesIntro,
    '',
    ...rulesTable(lang),
    '',
    `## ${W.guard[lang]}`,
    '',
    ...guardSection(lang),
    '',
    `## ${W.optional[lang]}`,
    '',
    ...optionalSection(lang),
    '',
    `## ${W.release[lang]}`,
    '',
    ...releaseSection(lang),
    '',
  ].join('\n');
}

/**
 * The example publisher folder (`docs/exemples/<id>/`): its metadata and one row per table, each
 * cell written as a publisher types it (the fields' `example`: `14/03/2018`, `1 254 300,00`,
 * `Procédure adaptée`), in `;` CSV with a BOM. The validator accepts it (a test checks).
 */
export function exampleFiles(): Map<string, string> {
  const files = new Map<string, string>();
  files.set(METADATA_FILE, `${JSON.stringify(exampleMetadata(), null, 2)}\n`);
  for (const t of TABLES) {
    const fields = Object.entries(t.fields as Readonly<Record<string, FieldDef>>);
    files.set(
      t.file,
      frenchCsv(
        fields.map(([name]) => name),
        [fields.map(([, f]) => f.example)],
      ),
    );
  }
  return files;
}
