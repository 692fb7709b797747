/**
 * The README files of the standard, French first then English, generated from the field maps
 * (through the data dictionary), the metadata keys and the validator's rules: nothing about a
 * field, a code or a rule is restated by hand here.
 */
import { buildDictionary, type DictionaryRow } from '../../schemas/dictionary.ts';
import { TABLES, type TableDef } from '../../schemas/index.ts';
import { FALSE_VALUES, TRUE_VALUES } from '../../schemas/table-schema.ts';
import { LICENCE } from '../release/documents.ts';
import type { Ligne } from '../tables/types.ts';
import { RULES, RULE_IDS } from '../validate/messages.ts';
import { exampleCsv, exampleRow } from './example.ts';
import { METADATA_KEYS } from './metadata.ts';
import { PERSONAL_NOTE } from './schema.ts';
import { CHANGELOG, standardArchiveName, STANDARD_TITLE, STANDARD_VERSION, type ChangeKind } from './version.ts';
import type { Lang } from '../lang.ts';
import type { Bilingual } from '../lang.ts';

/** Text of a Markdown table cell: one line, `|` escaped. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [row(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(row)];
}

const code = (s: string) => (s === '' ? '' : `\`${s}\``);

const yesNo = (b: boolean, lang: Lang) => (b ? (lang === 'fr' ? 'oui' : 'yes') : lang === 'fr' ? 'non' : 'no');

const L = <T extends Bilingual>(t: T, lang: Lang) => t[lang];

// ---------------------------------------------------------------------------------------------
// One table

const WORDS = {
  standard: { fr: 'Standard', en: 'Standard' },
  version: { fr: 'version', en: 'version' },
  englishBelow: '[English below](#english)',
  file: { fr: 'Fichier', en: 'File' },
  primaryKey: { fr: 'Clé primaire (valeurs uniques)', en: 'Primary key (unique values)' },
  references: { fr: 'Références vers d’autres tables', en: 'References to other tables' },
  schema: { fr: 'Schéma Table Schema', en: 'Table Schema' },
  example: { fr: 'Exemple valide', en: 'Valid example' },
  fields: { fr: 'Champs', en: 'Fields' },
  values: { fr: 'Valeurs autorisées', en: 'Allowed values' },
  exampleTitle: { fr: 'Exemple', en: 'Example' },
  header: {
    fr: ['Colonne', 'Titre', 'Type', 'Obligatoire', 'Description', 'Contraintes', 'Exemple'],
    en: ['Column', 'Title', 'Type', 'Required', 'Description', 'Constraints', 'Example'],
  },
  valuesHeader: { fr: ['Code', 'Libellé'], en: ['Code', 'Label'] },
  canonical: {
    fr: "Le fichier d'exemple est écrit sous la forme canonique (dates AAAA-MM-JJ, point décimal, codes) que décrit `schema.json` ; le validateur du kit accepte aussi les autres écritures listées dans le [README du standard](../README.md#formats-csv-acceptés).",
    en: "The example file is written in the canonical form (YYYY-MM-DD dates, dot decimals, codes) that `schema.json` describes; the kit's validator also accepts the other spellings listed in the [standard's README](../README.md#accepted-csv-forms).",
  },
  oneOf: { fr: 'une des valeurs autorisées ci-dessous', en: 'one of the allowed values below' },
  someOf: { fr: 'une ou plusieurs des valeurs autorisées ci-dessous', en: 'one or more of the allowed values below' },
  multi: {
    fr: 'Colonne à valeurs multiples : codes séparés par `|`.',
    en: 'Multi-valued column: codes separated by `|`.',
  },
} as const;

function fieldRows(rows: readonly DictionaryRow[], examples: Ligne, lang: Lang): string[][] {
  return rows.map((r) => [
    code(r.column),
    r.title[lang],
    r.type[lang],
    yesNo(r.required, lang),
    r.description[lang],
    [r.constraints[lang], r.values.length > 0 ? L(r.kind === 'multi' ? WORDS.someOf : WORDS.oneOf, lang) : ''].filter(Boolean).join(', '),
    code(String(examples[r.column] ?? '')),
  ]);
}

function tableSection(def: TableDef, rows: readonly DictionaryRow[], lang: Lang, level: number): string[] {
  const h = (n: number) => '#'.repeat(level + n);
  const colon = lang === 'fr' ? ' :' : ':';
  const examples = exampleRow(def);
  const lines: string[] = [
    `${def.description[lang]}${def.personal ? PERSONAL_NOTE[lang] : ''}`,
    '',
    `- ${L(WORDS.file, lang)}${colon} \`${def.file}\``,
    `- ${L(WORDS.primaryKey, lang)}${colon} ${def.primaryKey.map(code).join(' + ')}`,
  ];
  if (def.foreignKeys.length > 0) {
    const refs = def.foreignKeys.map((fk) => `${fk.fields.map(code).join(', ')} → ${fk.reference.fields.map((f) => code(`${fk.reference.table}.${f}`)).join(', ')}`);
    lines.push(`- ${L(WORDS.references, lang)}${colon} ${refs.join(' ; ')}`);
  }
  lines.push(
    `- ${L(WORDS.schema, lang)}${colon} [\`schema.json\`](schema.json) · ${L(WORDS.example, lang)}${colon} [\`exemple-valide.csv\`](exemple-valide.csv)`,
    '',
    `${h(1)} ${L(WORDS.fields, lang)}`,
    '',
    ...table(WORDS.header[lang], fieldRows(rows, examples, lang)),
    '',
  );
  const coded = rows.filter((r) => r.values.length > 0);
  if (coded.length > 0) {
    lines.push(`${h(1)} ${L(WORDS.values, lang)}`, '');
    for (const r of coded) {
      lines.push(`${h(2)} ${code(r.column)} — ${r.title[lang]}`, '');
      if (r.kind === 'multi') lines.push(L(WORDS.multi, lang), '');
      lines.push(
        ...table(
          WORDS.valuesHeader[lang],
          r.values.map((v) => [code(v.code), v[lang]]),
        ),
        '',
      );
    }
  }
  const csv = exampleCsv(def)
    .replace(/^\uFEFF/, '')
    .replace(/\r\n/g, '\n')
    .trimEnd();
  lines.push(`${h(1)} ${L(WORDS.exampleTitle, lang)}`, '', L(WORDS.canonical, lang), '', '```csv', csv, '```', '');
  return lines;
}

/** `<table>/README.md`: the table, every field with its type, whether required, description, constraints and allowed values. */
export function tableReadme(def: TableDef): string {
  const rows = buildDictionary().filter((r) => r.table === def.name);
  return [
    `# ${def.title.fr} — \`${def.file}\``,
    '',
    `${WORDS.standard.fr} « ${STANDARD_TITLE.fr} », ${WORDS.version.fr} ${STANDARD_VERSION} · ${WORDS.englishBelow}`,
    '',
    ...tableSection(def, rows, 'fr', 1),
    '---',
    '',
    '# English',
    '',
    `## ${def.title.en} — \`${def.file}\``,
    '',
    `${WORDS.standard.en} "${STANDARD_TITLE.en}", ${WORDS.version.en} ${STANDARD_VERSION}`,
    '',
    ...tableSection(def, rows, 'en', 2),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Metadata

function metadataRows(lang: Lang): string[][] {
  return Object.entries(METADATA_KEYS).map(([k, m]) => [code(k), m.type[lang], yesNo(m.required, lang), m.description[lang]]);
}

const METADATA_HEADER = { fr: ['Clé', 'Type', 'Obligatoire', 'Signification'], en: ['Key', 'Type', 'Required', 'Meaning'] };

/** `metadonnees/README.md`. */
export function metadataReadme(): string {
  return [
    '# Métadonnées — `metadonnees.json`',
    '',
    `Standard « ${STANDARD_TITLE.fr} », version ${STANDARD_VERSION} · [English below](#english)`,
    '',
    "Chaque dossier d'éditeur contient un fichier `metadonnees.json` qui décrit l'éditeur, son territoire, la période couverte et la publication. Schéma : [`schema.json`](schema.json) (JSON Schema) · exemple : [`exemple-valide.json`](exemple-valide.json).",
    '',
    ...table(METADATA_HEADER.fr, metadataRows('fr')),
    '',
    '---',
    '',
    '# English',
    '',
    `Standard "${STANDARD_TITLE.en}", version ${STANDARD_VERSION}`,
    '',
    'Each publisher folder holds a `metadonnees.json` file describing the publisher, its territory, the period covered and the release. Schema: [`schema.json`](schema.json) (JSON Schema) · example: [`exemple-valide.json`](exemple-valide.json).',
    '',
    ...table(METADATA_HEADER.en, metadataRows('en')),
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// The standard as a whole

const quoted = (values: readonly string[]) => values.map(code).join(', ');

/**
 * Accepted forms of the files (what src/lib/csv and src/lib/validate/xlsx.ts read), in both
 * languages: the standard's README and the data contract (docs/) say the same.
 */
export function acceptedForms(lang: Lang): string[] {
  const trueValues = quoted([...new Set(TRUE_VALUES.map((v) => v.toLowerCase()))]);
  const falseValues = quoted([...new Set(FALSE_VALUES.map((v) => v.toLowerCase()))]);
  return lang === 'fr'
    ? [
        '- Fichiers : une table par fichier CSV (`marches.csv`…) ou par feuille d’un classeur Excel `.xlsx` dont la feuille porte le nom de la table (`marches`, `heures`…), ou par classeur nommé comme la table (`marches.xlsx`, sa première feuille). Une table ne vient que d’une source. Les autres feuilles (aide, listes) sont ignorées ; les classeurs `.xls` et `.ods` ne sont pas lus (« Enregistrer sous » › `.xlsx`).',
        '- Encodage : UTF-8 (avec ou sans BOM) ou Windows-1252 (ce que produit Excel « CSV séparateur point-virgule » ; le rapport le signale par un avertissement).',
        '- Séparateur : `;`, `,` ou tabulation, détecté sur la ligne d’en-tête. Fins de ligne LF ou CRLF. Guillemets RFC 4180 (un champ entre guillemets peut contenir des retours à la ligne ; `""` pour un guillemet).',
        '- En-tête : noms de colonnes du standard, dans n’importe quel ordre, comparés sans tenir compte de la casse ni des espaces autour. Une colonne hors standard est refusée (protection de l’anonymat). Les colonnes vides sans nom en fin de ligne (les `;;;` d’Excel) et les lignes faites seulement de séparateurs sont ignorées.',
        '- Chaque cellule est débarrassée de ses espaces (y compris insécables) en début et fin ; une cellule vide est une valeur manquante.',
        '- Nombres : `1234.5`, `1234,5`, `1 234,5` (espace comme séparateur de milliers avec la virgule décimale) ; un montant peut finir par `€` (`1 245 800,50 €`, format monétaire d’Excel). `1.234,5`, `12h` ou `1,2,3` sont des erreurs, jamais tronqués en silence ; un nombre en notation scientifique (`2,23500E+13`, chiffres perdus par Excel) a son propre message.',
        '- Dates : `AAAA-MM-JJ` ou `JJ/MM/AAAA`. Mois : `AAAA-MM` ou `MM/AAAA`, et ce qu’Excel fait d’un mois saisi : `mars-22`, `janv.-23`, `Mar 2022`, ou le premier du mois `01/04/2022` ; un autre jour du mois est une erreur (quel mois ?). Dans un classeur, une cellule date est lue comme date.',
        `- Oui/non : ${trueValues} / ${falseValues}, en majuscules ou minuscules (VRAI/FAUX dans un classeur).`,
        '- Valeurs multiples : codes séparés par `|` (ou par `,` dans une cellule entre guillemets), par exemple `RSA|QPV`.',
        '- Codes : comparés sans tenir compte de la casse, des accents ni des espaces ; le libellé français et les libellés DECP (« Clause sociale »…) sont acceptés. Le fichier publié contient le code canonique.',
        '- Pseudonymes : 1 à 4 lettres puis 3 à 9 chiffres (`P000123`) ; un pseudonyme fait seulement de chiffres a son propre message.',
        '- Forme canonique (celle des `schema.json` et des exemples du standard) : UTF-8, dates ISO, point décimal, codes canoniques, `true`/`false`.',
      ]
    : [
        '- Files: one table per CSV file (`marches.csv`…), or per sheet of an Excel `.xlsx` workbook named after the table (`marches`, `heures`…), or per workbook named after the table (`marches.xlsx`, its first sheet). A table comes from one source only. Other sheets (help, lists) are ignored; `.xls` and `.ods` workbooks are not read ("Save as" › `.xlsx`).',
        '- Encoding: UTF-8 (with or without BOM) or Windows-1252 (what Excel writes as "CSV semicolon-separated"; the report warns about it).',
        '- Delimiter: `;`, `,` or tab, detected on the header line. Line endings LF or CRLF. RFC 4180 quotes (a quoted field may hold line breaks; `""` for a quote).',
        "- Header: the standard's column names, in any order, compared ignoring case and surrounding spaces. A column outside the standard is refused (anonymity guard). Unnamed empty columns at the end of the lines (Excel's `;;;`) and lines made of delimiters only are ignored.",
        '- Every cell is trimmed (non-breaking spaces included); an empty cell is a missing value.',
        "- Numbers: `1234.5`, `1234,5`, `1 234,5` (space as thousands separator with the decimal comma); an amount may end with `€` (`1 245 800,50 €`, Excel's currency format). `1.234,5`, `12h` or `1,2,3` are errors, never silently truncated; a number in scientific notation (`2,23500E+13`, digits lost by Excel) has its own message.",
        '- Dates: `YYYY-MM-DD` or `DD/MM/YYYY`. Months: `YYYY-MM` or `MM/YYYY`, and what Excel makes of a typed month: `mars-22`, `janv.-23`, `Mar 2022`, or the first of the month `01/04/2022`; another day of the month is an error (which month?). In a workbook, a date cell is read as a date.',
        `- Yes/no: ${trueValues} / ${falseValues}, in any case (TRUE/FALSE in a workbook).`,
        '- Multi-valued cells: codes separated by `|` (or `,` inside a quoted cell), e.g. `RSA|QPV`.',
        '- Codes: compared ignoring case, accents and spaces; the French label and the DECP labels ("Clause sociale"…) are accepted. The published file holds the canonical code.',
        '- Pseudonyms: 1 to 4 letters then 3 to 9 digits (`P000123`); a pseudonym of digits only has its own message.',
        "- Canonical form (that of the `schema.json` files and the standard's examples): UTF-8, ISO dates, dot decimals, canonical codes, `true`/`false`.",
      ];
}

const SEVERITY: Readonly<Record<'error' | 'warning', Bilingual>> = {
  error: { fr: 'erreur', en: 'error' },
  warning: { fr: 'avertissement', en: 'warning' },
};

/** Every rule of the validator: id, severity, title and how to fix it. */
export function rulesTable(lang: Lang): string[] {
  return table(
    lang === 'fr' ? ['Règle', 'Gravité', 'Intitulé', 'Pour corriger'] : ['Rule', 'Severity', 'Title', 'How to fix'],
    RULE_IDS.map((id) => [code(id), SEVERITY[RULES[id].severity][lang], RULES[id].title[lang], RULES[id].fix[lang]]),
  );
}

function tablesTable(lang: Lang): string[] {
  return table(
    lang === 'fr' ? ['Table', 'Fichier', 'Contenu', 'Clé primaire', 'Publiée ligne à ligne'] : ['Table', 'File', 'Content', 'Primary key', 'Published row by row'],
    TABLES.map((t) => [
      `[${t.title[lang]}](${t.name}/README.md)`,
      code(t.file),
      t.description[lang],
      t.primaryKey.map(code).join(' + '),
      t.personal ? (lang === 'fr' ? 'non (données personnelles)' : 'no (personal data)') : yesNo(true, lang),
    ]),
  );
}

function contents(): string[] {
  return [
    '```',
    'README.md                 ce fichier / this file',
    'CHANGELOG.md              versions',
    'datapackage.json          les six tables et leurs exemples / the six tables and their examples',
    'metadonnees/              schema.json (JSON Schema), exemple-valide.json, README.md',
    ...TABLES.map((t) => `${`${t.name}/`.padEnd(26)}schema.json, exemple-valide.csv, README.md`),
    `${standardArchiveName()}   tout le dossier / the whole folder`,
    '```',
  ];
}

/** `README.md` of the standard: the tables, the metadata file, accepted CSV forms, rules, how to check files. */
export function standardReadme(): string {
  const k = String(TABLES.length);
  return [
    `# ${STANDARD_TITLE.fr} — standard de données, version ${STANDARD_VERSION}`,
    '',
    '[English below](#english)',
    '',
    `Ce standard décrit les fichiers qu'un acheteur public produit pour publier en données ouvertes le suivi des clauses d'insertion de ses marchés : ${k} tables CSV et un fichier de métadonnées par éditeur, dans un dossier \`data/<editeur>/\`. Il suit les conventions du catalogue des schémas de données publiques (schema.data.gouv.fr) : un dossier par table avec \`schema.json\` (Table Schema), \`exemple-valide.csv\` et \`README.md\`. Les schémas sont générés à partir des schémas zod du kit : le standard, le validateur et le site ne peuvent pas diverger.`,
    '',
    'Les tables `participants` et `heures` sont des données personnelles pseudonymisées : elles restent chez l’éditeur, qui les valide et les agrège ; seuls des agrégats protégés par le secret statistique sont publiés.',
    '',
    '## Contenu',
    '',
    ...contents(),
    '',
    `## Les ${k} tables`,
    '',
    ...tablesTable('fr'),
    '',
    '## Le fichier de métadonnées',
    '',
    'Chaque dossier contient aussi `metadonnees.json` : voir [`metadonnees/README.md`](metadonnees/README.md).',
    '',
    ...table(METADATA_HEADER.fr, metadataRows('fr')),
    '',
    '## Formats CSV acceptés',
    '',
    ...acceptedForms('fr'),
    '',
    '## Règles de validation',
    '',
    'Une **erreur** bloque la publication (rien n’est publié tant qu’il en reste une) ; un **avertissement** est signalé sans bloquer. Chaque problème est rapporté avec le fichier, la ligne, la colonne, la valeur et l’identifiant de la règle.',
    '',
    ...rulesTable('fr'),
    '',
    '## Vérifier vos fichiers',
    '',
    '- Avec le kit : placer les fichiers dans `data/<editeur>/` puis lancer `npm run validate -- data/<editeur>` (ou `npm run validate` pour tous les dossiers de `data/`). Le rapport est affiché en français et en anglais.',
    '- Dans le navigateur : la page « Vérifier vos fichiers » du site applique les mêmes schémas et les mêmes règles ; les fichiers ne quittent pas l’ordinateur.',
    '- Avec un outil Table Schema (Validata, frictionless) : `datapackage.json` relie chaque table à son schéma ; ces outils ne connaissent que la forme canonique et pas les règles entre tables propres au kit (heures dans l’exécution du marché, plafond mensuel…).',
    '',
    '## Versions et licence',
    '',
    `Version ${STANDARD_VERSION}, numérotée selon la gestion sémantique de version (MAJEUR.MINEUR.CORRECTIF) : voir [CHANGELOG.md](CHANGELOG.md). Le standard est publié sous ${LICENCE.title} (${LICENCE.path}).`,
    '',
    '---',
    '',
    '# English',
    '',
    `## ${STANDARD_TITLE.en} — data standard, version ${STANDARD_VERSION}`,
    '',
    `This standard describes the files a public buyer produces to publish, as open data, the follow-up of the insertion clauses of its contracts: ${k} CSV tables and one metadata file per publisher, in a \`data/<editeur>/\` folder. It follows the conventions of the French public data schema catalogue (schema.data.gouv.fr): one folder per table with \`schema.json\` (Table Schema), \`exemple-valide.csv\` and \`README.md\`. The schemas are generated from the kit's zod schemas, so the standard, the validator and the site cannot disagree.`,
    '',
    'Tables `participants` and `heures` are pseudonymised personal data: they stay with the publisher, who validates and aggregates them; only aggregates protected by disclosure control are published.',
    '',
    `### The ${k} tables`,
    '',
    ...tablesTable('en'),
    '',
    '### The metadata file',
    '',
    'Each folder also holds `metadonnees.json`: see [`metadonnees/README.md`](metadonnees/README.md).',
    '',
    ...table(METADATA_HEADER.en, metadataRows('en')),
    '',
    '### Accepted CSV forms',
    '',
    ...acceptedForms('en'),
    '',
    '### Validation rules',
    '',
    'An **error** blocks publication (nothing is published while one remains); a **warning** is reported without blocking. Every problem is reported with its file, line, column, value and rule id.',
    '',
    ...rulesTable('en'),
    '',
    '### Checking your files',
    '',
    '- With the kit: put the files in `data/<editeur>/` and run `npm run validate -- data/<editeur>` (or `npm run validate` for every folder of `data/`). The report is printed in French and English.',
    '- In the browser: the site\'s "Check your files" page applies the same schemas and rules; the files never leave the computer.',
    "- With a Table Schema tool (Validata, frictionless): `datapackage.json` links each table to its schema; such tools only know the canonical form, not the kit's cross-table rules (hours within the contract's execution, monthly ceiling…).",
    '',
    '### Versions and licence',
    '',
    `Version ${STANDARD_VERSION}, numbered with semantic versioning (MAJOR.MINOR.PATCH): see [CHANGELOG.md](CHANGELOG.md). The standard is published under ${LICENCE.title} (${LICENCE.path}).`,
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Changelog

const KIND: Readonly<Record<ChangeKind, Bilingual>> = {
  majeure: { fr: 'version majeure', en: 'major version' },
  mineure: { fr: 'version mineure', en: 'minor version' },
  correctif: { fr: 'correctif', en: 'patch' },
};

/** `CHANGELOG.md`: one entry per version, newest first, French then English. */
export function standardChangelog(): string {
  const lines = ['# Changelog', '', `Versions du standard « ${STANDARD_TITLE.fr} » (gestion sémantique de version). / Versions of the "${STANDARD_TITLE.en}" standard (semantic versioning).`, ''];
  for (const e of CHANGELOG) {
    lines.push(`## Version ${e.version} - ${e.date}`, '', `*${KIND[e.kind].fr} / ${KIND[e.kind].en}*`, '');
    for (const c of e.changes) lines.push(`- ${c.fr}`);
    lines.push('');
    for (const c of e.changes) lines.push(`- ${c.en}`);
    lines.push('');
  }
  return lines.join('\n');
}
