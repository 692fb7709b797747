/**
 * Apache Parquet copy of a published table, for notebooks and DuckDB/pandas/R users: typed columns
 * (integers, decimals, booleans, dates, years), the table's and each column's description in the
 * file's key-value metadata, and the disclosure marker made explicit.
 *
 * A CSV cell holds a number, `secret` (hidden by disclosure control), or nothing (not applicable
 * or unknown). A typed Parquet column cannot hold the text `secret`, so each measure column
 * `<col>` is followed by a text column `statut_<col>`: `valeur` (the cell has a value),
 * `secret` (hidden: the value cell is null) or `vide` (not applicable or unknown: null, as the
 * empty CSV cell). Null alone never means « secret ».
 *
 * Written with hyparquet-writer (pure JavaScript, no native module, deterministic bytes: no clock
 * in the file), which covers the physical and logical types we need and key-value metadata.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { Metadonnees } from '../../schemas/metadonnees.ts';
import { SECRET } from '../../schemas/secret.ts';
import { LICENCE } from './documents.ts';
import type { Colonne, Ligne, TableSpec, TypeColonne, Valeur } from '../tables/types.ts';
import type { Bilingual } from '../lang.ts';

export const PARQUET_MEDIA_TYPE = 'application/vnd.apache.parquet';

/** Values of a status column (see the module comment). */
export const STATUTS = { valeur: 'valeur', secret: SECRET, vide: 'vide' } as const;

/** Name of the status column of a measure column. */
export const statusColumn = (nom: string) => `statut_${nom}`;

/** Does this column get a status column? Measures only: dimensions are never hidden. */
export const hasStatus = (c: Colonne) => c.role === 'mesure';

const STATUS_TITLE = (c: Colonne): Bilingual => ({ fr: `${c.titre.fr} : statut`, en: `${c.titre.en}: status` });
const STATUS_DESCRIPTION: Bilingual = {
  fr: '« valeur » : la cellule a une valeur ; « secret » : valeur masquée par le secret statistique (cellule nulle) ; « vide » : sans objet ou inconnue (cellule nulle).',
  en: '"valeur": the cell has a value; "secret": value hidden by disclosure control (null cell); "vide": not applicable or unknown (null cell).',
};

/** Parquet schema element of a published column type. */
function element(name: string, type: TypeColonne) {
  const optional = { name, repetition_type: 'OPTIONAL' as const };
  switch (type) {
    case 'integer':
      return { ...optional, type: 'INT64' as const };
    case 'number':
      return { ...optional, type: 'DOUBLE' as const };
    case 'boolean':
      return { ...optional, type: 'BOOLEAN' as const };
    case 'year':
      return { ...optional, type: 'INT32' as const };
    case 'date':
      return { ...optional, type: 'INT32' as const, converted_type: 'DATE' as const };
    default:
      // string, and yearmonth (`2018-05`) kept as the CSV writes it
      return { ...optional, type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const };
  }
}

const DAY_MS = 86_400_000;

/** A published value as the column's Parquet value (`secret` and missing are null). */
function typed(type: TypeColonne, v: Valeur): string | number | bigint | boolean | null {
  if (v === null || v === SECRET) return null;
  switch (type) {
    case 'integer':
      return BigInt(v);
    case 'number':
    case 'year':
      return Number(v);
    case 'boolean':
      return Boolean(v);
    case 'date': {
      const [y, m, d] = String(v).split('-').map(Number) as [number, number, number];
      return Date.UTC(y, m - 1, d) / DAY_MS;
    }
    default:
      return String(v);
  }
}

const status = (v: Valeur) => (v === SECRET ? STATUTS.secret : v === null ? STATUTS.vide : STATUTS.valeur);

/** A column as the published files describe it (table JSON, Parquet metadata): no rounding detail. */
export const describedColumn = (c: Colonne) => ({
  nom: c.nom,
  type: c.type,
  role: c.role,
  titre: c.titre,
  ...(c.unite ? { unite: c.unite } : {}),
  ...(c.description ? { description: c.description } : {}),
});

/** The columns of the Parquet file, status columns included, in order, with their descriptions. */
export function parquetColumns(t: TableSpec) {
  return t.colonnes.flatMap((c) => {
    const own = describedColumn(c);
    if (!hasStatus(c)) return [own];
    return [own, { nom: statusColumn(c.nom), type: 'string' as const, role: 'statut' as const, titre: STATUS_TITLE(c), description: STATUS_DESCRIPTION }];
  });
}

/**
 * The Parquet file of one table. Key-value metadata: `colonnes` (JSON: name, type, role, titles,
 * descriptions and units in French and English), `description:<column>` (one line per column,
 * French then English), the table's title and description, the publisher, version, licence and
 * the meaning of the status columns.
 */
export function parquetOf(meta: Metadonnees, t: TableSpec, rows: readonly Ligne[]): Uint8Array {
  const columnData = t.colonnes.flatMap((c) => {
    const values = rows.map((r) => typed(c.type, r[c.nom] ?? null));
    const own = { name: c.nom, data: values };
    if (!hasStatus(c)) return [own];
    return [own, { name: statusColumn(c.nom), data: rows.map((r) => status(r[c.nom] ?? null)) }];
  });
  const schema = [
    { name: 'root', num_children: columnData.length },
    ...t.colonnes.flatMap((c) => (hasStatus(c) ? [element(c.nom, c.type), element(statusColumn(c.nom), 'string')] : [element(c.nom, c.type)])),
  ];
  const columns = parquetColumns(t);
  const line = (x: { titre: Bilingual; description?: Bilingual; unite?: Bilingual }) =>
    `${x.titre.fr}${x.unite ? ` (${x.unite.fr})` : ''}${x.description ? ` — ${x.description.fr}` : ''} / ${x.titre.en}${x.unite ? ` (${x.unite.en})` : ''}${x.description ? ` — ${x.description.en}` : ''}`;
  const kvMetadata = [
    { key: 'titre', value: t.titre.fr },
    { key: 'title', value: t.titre.en },
    { key: 'description', value: t.description.fr },
    { key: 'description_en', value: t.description.en },
    { key: 'editeur', value: meta.nom },
    { key: 'version', value: meta.version },
    { key: 'date_publication', value: meta.date_publication },
    { key: 'licence', value: `${LICENCE.title} — ${LICENCE.path}` },
    { key: 'secret', value: `${STATUS_DESCRIPTION.fr} / ${STATUS_DESCRIPTION.en}` },
    { key: 'colonnes', value: JSON.stringify(columns) },
    ...columns.map((c) => ({ key: `description:${c.nom}`, value: line(c) })),
  ];
  // Columns are typed by the schema; hyparquet-writer refuses a type given twice.
  const buffer = parquetWriteBuffer({ columnData, schema, kvMetadata, createdBy: 'clauses-insertion (hyparquet-writer)' });
  return new Uint8Array(buffer);
}
