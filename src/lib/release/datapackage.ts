import type { Metadonnees } from '../../schemas/metadonnees.ts';
import { checkWrittenDatapackage, PACKAGE_PREFIX, RELEASE_FORMAT_VERSION, type WrittenTableSchema } from '../../schemas/release.ts';
import { SECRET } from '../../schemas/secret.ts';
import { DATASET_TITLE, LICENCE } from './documents.ts';
import { PARQUET_MEDIA_TYPE, parquetColumns } from './parquet.ts';
import type { TableSpec } from '../tables/types.ts';
import { versionsOf, type ReleaseVersions } from './versions.ts';

export interface ResourceFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** Frictionless Table Schema of a published table, generated from the manifest. */
export function tableSchema(table: TableSpec): WrittenTableSchema {
  return {
    fields: table.colonnes.map((c) => ({
      name: c.nom,
      type: c.type,
      title: c.titre.fr,
      title_en: c.titre.en,
      ...(c.description ? { description: c.description.fr, description_en: c.description.en } : {}),
      ...(c.unite ? { unit: c.unite.fr, unit_en: c.unite.en } : {}),
      role: c.role,
      ...(c.role === 'dimension' && table.cle.includes(c.nom) ? { constraints: { required: true } } : {}),
    })),
    missingValues: ['', SECRET],
    ...(table.cle.length ? { primaryKey: [...table.cle] } : {}),
  };
}

/**
 * datapackage.json: a Frictionless (Tabular) Data Package with one resource per CSV, then one per
 * Parquet file when `parquet` is given (the same table, typed; src/lib/release/parquet.ts), and
 * the list of the publisher's releases with their stable addresses when `versions` is given; in
 * the release format of src/schemas/release.ts (checked here: what is written is what peers read).
 */
export function dataPackage(meta: Metadonnees, tables: readonly TableSpec[], files: ReadonlyMap<string, ResourceFile>, parquet?: ReadonlyMap<string, ResourceFile>, versions?: ReleaseVersions) {
  return checkWrittenDatapackage({
    profile: 'tabular-data-package',
    name: `${PACKAGE_PREFIX}${meta.id}`,
    format_publication: RELEASE_FORMAT_VERSION,
    title: `${DATASET_TITLE.fr} — ${meta.nom}`,
    title_en: `${DATASET_TITLE.en} — ${meta.nom}`,
    // The name after « de » / “of” as the publisher's profile writes it; without one, no article is guessed.
    description: `Tableaux agrégés et protégés (secret statistique, seuil ${meta.seuil_secret} personnes) sur les clauses d'insertion ${meta.profil?.formes.fr.de_nom ?? `(éditeur : ${meta.nom})`}, du ${meta.periode.debut} au ${meta.periode.fin}.${meta.synthetique ? ' Données synthétiques (exemple).' : ''}`,
    description_en: `Aggregated, disclosure-controlled tables (threshold ${meta.seuil_secret} persons) on the insertion clauses ${meta.profil?.formes.en.de_nom ?? `(publisher: ${meta.nom})`}, ${meta.periode.debut} to ${meta.periode.fin}.${meta.synthetique ? ' Synthetic (sample) data.' : ''}`,
    version: meta.version,
    created: `${meta.date_publication}T00:00:00Z`,
    keywords: ["clause d'insertion", 'commande publique', 'insertion professionnelle', 'marchés publics', 'ODD 8', 'ODD 17'],
    licenses: [{ ...LICENCE }],
    sources: meta.sources.map((s) => ({ title: s.titre, ...(s.url ? { path: s.url } : {}) })),
    contributors: [{ title: meta.nom, role: 'publisher' }],
    temporal: { start: meta.periode.debut, end: meta.periode.fin },
    spatial: { territoire: meta.territoire, code_region: meta.code_region, departements: [...meta.departements] },
    synthetique: meta.synthetique,
    seuil_secret: meta.seuil_secret,
    contact: meta.contact,
    ...(meta.frequence ? { frequence: meta.frequence } : {}),
    // What the site says of the publisher (name forms, texts, directorates, statements), as declared.
    ...(meta.profil ? { profil: meta.profil } : {}),
    ...(versions ? versionsOf(meta, versions) : {}),
    resources: [
      ...tables.map((t) => {
        const f = files.get(t.id);
        if (!f) throw new Error(`Fichier manquant pour la table ${t.id}`);
        return {
          name: t.id,
          path: f.path,
          profile: 'tabular-data-resource',
          title: t.titre.fr,
          title_en: t.titre.en,
          description: t.description.fr,
          description_en: t.description.en,
          format: 'csv',
          mediatype: 'text/csv',
          encoding: 'utf-8',
          bytes: f.bytes,
          hash: `sha256:${f.sha256}`,
          dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
          odd: [...t.odd],
          schema: tableSchema(t),
        };
      }),
      ...(parquet ? tables.map((t) => parquetResource(t, parquet)) : []),
    ],
  });
}

/** The data package resource of a table's Parquet file: same table, typed, status columns. */
function parquetResource(t: TableSpec, files: ReadonlyMap<string, ResourceFile>) {
  const f = files.get(t.id);
  if (!f) throw new Error(`Fichier Parquet manquant pour la table ${t.id}`);
  return {
    name: `${t.id}-parquet`,
    path: f.path,
    profile: 'data-resource',
    title: t.titre.fr,
    title_en: t.titre.en,
    description: `${t.description.fr} Format Parquet : colonnes typées ; une cellule masquée est nulle et sa colonne statut_<colonne> vaut « secret ».`,
    description_en: `${t.description.en} Parquet format: typed columns; a hidden cell is null and its statut_<column> column says "secret".`,
    format: 'parquet',
    mediatype: PARQUET_MEDIA_TYPE,
    bytes: f.bytes,
    hash: `sha256:${f.sha256}`,
    odd: [...t.odd],
    colonnes: parquetColumns(t).map((c) => ({ name: c.nom, type: c.type, role: c.role, title: c.titre.fr, title_en: c.titre.en })),
  };
}
