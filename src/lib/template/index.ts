/**
 * What `npm run init -- <id>` writes into `data/<id>/`, as relative paths → bytes: pure (the
 * caller gives today's date and writes the files), so that a test can read exactly what a new
 * publisher gets.
 *
 *   metadonnees.json          the metadata to complete (explanations in `//` keys)
 *   donnees.xlsx              the six tables to fill in Excel, with drop-down code lists
 *   modeles/LISEZMOI.md       what to do, step by step (French, then English)
 *   modeles/<table>.csv       the same six tables as CSV (`;`, UTF-8 with BOM), for those who prefer CSV
 *
 * The validator reads `donnees.xlsx` as the six tables; `modeles/` is a sub-folder, never read.
 */
import type { FieldDef } from '../../schemas/field.ts';
import { METADATA_FILE, TABLES } from '../../schemas/index.ts';
import { frenchCsv } from './csv.ts';
import { metadataTemplate, type TemplateContext } from './metadata.ts';
import { TEMPLATE_WORKBOOK, templateWorkbook } from './workbook.ts';

export { frenchCsv } from './csv.ts';
export { metadataTemplate, type TemplateContext } from './metadata.ts';
export { HELP_SHEET, LISTS_SHEET, TEMPLATE_WORKBOOK, templateWorkbook } from './workbook.ts';

/** The sub-folder of templates and guide: a folder inside a publisher's folder is never read. */
export const TEMPLATES_DIR = 'modeles';

/** A table's CSV template: its header only. */
export function csvTemplate(fields: Readonly<Record<string, FieldDef>>): string {
  return frenchCsv(Object.keys(fields));
}

/** The guide of a new publisher folder (`modeles/LISEZMOI.md`). */
export function guide(id: string): string {
  const tables = TABLES.map((t) => `- \`${t.name}\` — ${t.description.fr}`).join('\n');
  const tablesEn = TABLES.map((t) => `- \`${t.name}\` — ${t.description.en}`).join('\n');
  return `# Votre dossier d'éditeur : data/${id}/

[English below](#english)

Ce dossier a été créé par \`npm run init -- ${id}\`. Il contient tout ce qu'il faut remplir pour publier vos clauses d'insertion ; rien d'autre n'est à modifier dans le kit.

## 1. Les métadonnées : \`${METADATA_FILE}\`

Ouvrez \`data/${id}/${METADATA_FILE}\` dans un éditeur de texte (Bloc-notes, TextEdit, VS Code). Remplacez chaque « À COMPLÉTER : … » par la vraie valeur, entre guillemets droits. Chaque champ est précédé d'une clé \`//…\` qui l'explique ; le validateur ignore ces clés.

## 2. Les six tables : \`${TEMPLATE_WORKBOOK}\`

Ouvrez \`data/${id}/${TEMPLATE_WORKBOOK}\` dans Excel (ou LibreOffice Calc). Une feuille par table :

${tables}

Ne renommez ni les feuilles ni les en-têtes. Sélectionnez une cellule pour voir ce que la colonne attend ; les colonnes de codes ont une liste déroulante, et la feuille « listes » donne chaque code avec son libellé. Vous pouvez coller vos exports dans ces feuilles, colonne par colonne.

Vous préférez des fichiers CSV ? Les mêmes tables vides sont dans \`modeles/\` (séparateur « ; », UTF-8 : Excel les ouvre d'un double clic). Copiez-les dans \`data/${id}/\`, remplissez-les et retirez la feuille correspondante de \`${TEMPLATE_WORKBOOK}\` (ou le classeur entier) : une table ne doit venir que d'un seul fichier.

Les tables \`participants\` et \`heures\` sont des données personnelles (sous pseudonyme) : elles ne quittent jamais votre ordinateur ; seuls des totaux protégés par le secret statistique sont publiés.

## 3. Vérifier

\`\`\`sh
npm run validate -- data/${id}              # rapport en français puis en anglais
npm run validate -- data/${id} --lang fr    # en français seulement
\`\`\`

Le rapport regroupe les problèmes par règle, avec le nombre de lignes concernées, les premières lignes ou cellules (« ${TEMPLATE_WORKBOOK}, feuille marches, cellule H12 ») et la façon de corriger. Recommencez jusqu'à « données acceptées ».

## 4. Construire le site

\`\`\`sh
EDITEUR=${id} npm run build
\`\`\`

Le site est dans \`dist/\`. Le guide complet (déploiement compris) : \`docs/publier.md\` ; le contrat de données : \`docs/contrat-de-donnees.md\`.

---

# English

This folder was made by \`npm run init -- ${id}\`. Fill in:

1. \`${METADATA_FILE}\`: replace every "À COMPLÉTER: …" with the real value (the \`//\` keys explain each field and are ignored).
2. \`${TEMPLATE_WORKBOOK}\`: one sheet per table (do not rename sheets or headers; code columns have drop-down lists; the "listes" sheet gives codes and labels):

${tablesEn}

   CSV templates (\`;\`, UTF-8) are in \`modeles/\` if you prefer CSV: one source per table.
3. \`npm run validate -- data/${id}\` (\`--lang en\` for English only) until "data accepted"; then \`EDITEUR=${id} npm run build\`.

Full guide: \`docs/publier.md\`; data contract: \`docs/data-contract.md\`.
`;
}

/** The files of a new publisher folder, by path relative to it. */
export function publisherTemplate(ctx: TemplateContext): Map<string, Uint8Array> {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const [y, m, d] = ctx.today.split('-').map(Number) as [number, number, number];
  const files = new Map<string, Uint8Array>();
  files.set(METADATA_FILE, utf8(metadataTemplate(ctx)));
  files.set(TEMPLATE_WORKBOOK, templateWorkbook(new Date(y, m - 1, d)));
  files.set(`${TEMPLATES_DIR}/LISEZMOI.md`, utf8(guide(ctx.id)));
  for (const t of TABLES) files.set(`${TEMPLATES_DIR}/${t.file}`, utf8(csvTemplate(t.fields)));
  return files;
}
