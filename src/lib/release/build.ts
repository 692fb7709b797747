import type { Dataset } from '../dataset.ts';
import { SECRET, type Secret } from '../../schemas/secret.ts';
import type { Publication, WrittenTableJson } from '../../schemas/release.ts';
import { changelog } from './publications.ts';
import { citation, DATASET_TITLE, LICENCE, lisezmoi } from './documents.ts';
import { dataPackage, type ResourceFile } from './datapackage.ts';
import { csvPieces, inPieces } from './csv.ts';
import { bytesOf, digestOf, keptOnceMade, lazy, utf8Each, type FileBody } from './body.ts';
import { utf8 } from './bytes.ts';
import { protectionLog, type ProtectionSummary } from './protection-log.ts';
import type { Ligne, TableSpec, Valeur } from '../tables/types.ts';
import { sheetNames, xlsxPieces, type Sheet } from './xlsx.ts';
import { archiveTime, zipPieces } from './zip.ts';
import { describedColumn, parquetOf } from './parquet.ts';
import type { ReleaseVersions } from './versions.ts';

export type { ProtectionSummary };

/** A table and its rows, as the tables step computed them from the protected cells. */
export interface ComputedTable {
  t: TableSpec;
  rows: Ligne[];
}

export interface ReleaseInput {
  dataset: Dataset;
  /** The tables, in manifest order (step 5). */
  tables: readonly ComputedTable[];
  /** What disclosure control hid and what the audit proved, for the protection log. */
  protection: ProtectionSummary;
  /** The publisher's earlier releases (`data/<editeur>/publications.json`), oldest first. */
  previous?: readonly Publication[];
  /** Release notes written into CHANGELOG.md and the publication entry. */
  notes?: string;
  /** The earlier releases still published and the site's address: listed in datapackage.json. */
  versions?: ReleaseVersions;
}

/**
 * Every published file of one or more publishers, as relative paths → bytes. Pure and
 * deterministic: no clock (dates come from the metadata), no randomness, so two builds from the
 * same data are byte-identical. The caller writes the files.
 *
 * Layout per publisher `donnees/<editeur>/`: `<table>.csv`, `<table>.json`, `<table>.parquet`, `<editeur>-<version>.xlsx`,
 * `datapackage.json`, `LISEZMOI.md`, `CITATION.txt`, `CHANGELOG.md`, `publication.json` (this
 * release's entry for `publications.json`) and `<editeur>-<version>.zip` holding all of them.
 */
export function buildRelease(input: ReleaseInput | readonly ReleaseInput[]): Map<string, Uint8Array> {
  return new Map(Array.from(releaseFiles(input), ([path, body]) => [path, bytesOf(body)]));
}

/**
 * The same files as {@link buildRelease}, one at a time as they are made, the large ones made on
 * demand (`Lazy`): the pipeline hands each to a sink that writes it piece by piece.
 */
export function* releaseFiles(input: ReleaseInput | readonly ReleaseInput[]): Generator<[string, FileBody]> {
  const inputs: readonly ReleaseInput[] = Array.isArray(input) ? (input as readonly ReleaseInput[]) : [input as ReleaseInput];
  const ids = inputs.map((i) => i.dataset.meta.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new Error(`Éditeur en double / duplicate publisher: ${duplicate}`);
  for (const i of inputs) yield* publisherFiles(i);
}

const json = (value: unknown) => utf8(`${JSON.stringify(value, null, 2)}\n`);

/** The JSON file of one table: its metadata, its columns and its rows (`ReleaseTableJsonSchema`). */
export function tableJson(ds: Dataset, t: TableSpec, lignes: readonly Ligne[]): WrittenTableJson {
  const { meta } = ds;
  return {
    id: t.id,
    titre: t.titre,
    description: t.description,
    editeur: { id: meta.id, nom: meta.nom },
    periode: meta.periode,
    version: meta.version,
    date_publication: meta.date_publication,
    licence: { id: meta.licence, titre: LICENCE.title, url: LICENCE.path },
    synthetique: meta.synthetique,
    seuil_secret: meta.seuil_secret,
    odd: t.odd,
    colonnes: t.colonnes.map(describedColumn),
    lignes: lignes.map((row) => jsonRow(t, row)),
  };
}

/** One row as published in JSON: every column, `null` for missing. */
const jsonRow = (t: TableSpec, row: Ligne) => Object.fromEntries(t.colonnes.map((c) => [c.nom, row[c.nom] ?? null]));

/**
 * The text of `JSON.stringify(tableJson(ds, t, lignes), null, 2)` and a newline, in pieces of
 * {@link ROWS_PER_PIECE} rows: the contracts table at ×1000 is over 512 MB of text, more than one
 * V8 string holds. `lignes` is the last member, each row an object of primitives at depth 2, so a
 * row is its own `JSON.stringify(row, null, 2)` indented by four spaces.
 */
export function* tableJsonPieces(ds: Dataset, t: TableSpec, lignes: readonly Ligne[]): Generator<string> {
  const head = JSON.stringify(tableJson(ds, t, []), null, 2);
  if (lignes.length === 0) {
    yield `${head}\n`;
    return;
  }
  const empty = '[]\n}';
  if (!head.endsWith(empty)) throw new Error('tableJson(): `lignes` must be its last member');
  yield `${head.slice(0, -empty.length)}[\n`;
  let first = true;
  for (const rows of inPieces(lignes)) {
    yield `${first ? '' : ',\n'}${rows.map((row) => `    ${JSON.stringify(jsonRow(t, row), null, 2).replace(/\n/g, '\n    ')}`).join(',\n')}`;
    first = false;
  }
  yield '\n  ]\n}\n';
}

/**
 * One publisher's files, in the zip's order: the documents, the workbook, each table's CSV and
 * JSON, then the zip. Each CSV is read once beforehand for the data package's hash and size. The
 * large files are made on demand from the computed rows, the only copy of the tables in memory.
 */
function* publisherFiles(input: ReleaseInput): Generator<[string, FileBody]> {
  const ds = input.dataset;
  const { meta } = ds;
  const dir = `donnees/${meta.id}`;
  const xlsxName = `${meta.id}-${meta.version}.xlsx`;
  const zipName = `${meta.id}-${meta.version}.zip`;
  const mtime = archiveTime(meta.date_publication);

  const computed = input.tables;
  const tables = computed.map((c) => c.t);
  const tableFiles = new Map<string, FileBody>();
  const resources = new Map<string, ResourceFile>();
  const parquetResources = new Map<string, ResourceFile>();
  for (const { t, rows } of computed) {
    const csv = lazy(() => utf8Each(csvPieces(t.colonnes, rows)));
    tableFiles.set(`${t.id}.csv`, csv);
    tableFiles.set(
      `${t.id}.json`,
      lazy(() => utf8Each(tableJsonPieces(ds, t, rows))),
    );
    const { sha256, bytes } = digestOf(csv);
    resources.set(t.id, { path: `${t.id}.csv`, bytes, sha256 });
    // A Parquet file is made whole (its footer indexes the columns): a tenth of the CSV's size.
    const parquet = parquetOf(meta, t, rows);
    tableFiles.set(`${t.id}.parquet`, parquet);
    parquetResources.set(t.id, { path: `${t.id}.parquet`, ...digestOf(parquet) });
  }

  const keyFigures = computed.find((c) => c.t.id === 'chiffres-cles');
  const entry: Publication = {
    version: meta.version,
    date_publication: meta.date_publication,
    ...(input.notes ? { notes: input.notes } : {}),
    chiffres_cles: Object.fromEntries((keyFigures?.rows ?? []).map((r) => [String(r.indicateur), asFigure(r.valeur ?? null)])),
    tables: Object.fromEntries(computed.map(({ t, rows }) => [t.id, { lignes: rows.length, sha256: resources.get(t.id)!.sha256 }])),
  };

  const files = new Map<string, FileBody>();
  const sansFeuille = computed.filter(({ rows }) => !fitsSheet(rows)).map(({ t, rows }) => ({ id: t.id, lignes: rows.length }));
  files.set('LISEZMOI.md', utf8(lisezmoi(meta, tables, { xlsx: xlsxName, zip: zipName, sansFeuille })));
  files.set('CITATION.txt', utf8(citation(meta)));
  files.set('CHANGELOG.md', utf8(changelog(meta, entry, input.previous ?? [])));
  const log = protectionLog(meta, computed, input.protection);
  files.set('protection.md', utf8(log.markdown));
  files.set('protection.json', json(log.json));
  files.set('datapackage.json', json(dataPackage(meta, tables, resources, parquetResources, input.versions)));
  files.set('publication.json', json(entry));
  files.set(
    xlsxName,
    keptOnceMade(() => xlsxPieces(workbook(ds, computed), mtime)),
  );
  for (const [name, body] of tableFiles) files.set(name, body);
  const inZip = [...files.entries()].map(([name, body]) => [`${meta.id}-${meta.version}/${name}`, body] as const);
  files.set(
    zipName,
    lazy(() => zipPieces(inZip, mtime)),
  );

  for (const [name, body] of files) yield [`${dir}/${name}`, body];
}

function asFigure(v: Valeur): number | Secret | null {
  return typeof v === 'number' ? v : v === SECRET ? SECRET : null;
}

/** Rows of an Excel worksheet, header included (Excel refuses a file with a longer sheet). */
export const EXCEL_MAX_ROWS = 1_048_576;

/** Does a table of these rows, with its header row, fit in a worksheet of `maxRows`? */
const fitsSheet = (rows: readonly Ligne[], maxRows = EXCEL_MAX_ROWS) => rows.length + 1 <= maxRows;

/**
 * The workbook: a « Lisez-moi » sheet describing the tables, then one sheet per table. A table
 * longer than a worksheet can hold (the contracts table beyond a million contracts) gets no sheet:
 * Lisez-moi says so and points to its CSV, which has every row.
 */
export function workbook(ds: Dataset, computed: readonly { t: TableSpec; rows: Ligne[] }[], maxRows = EXCEL_MAX_ROWS): Sheet[] {
  const { meta } = ds;
  const fits = computed.filter(({ rows }) => fitsSheet(rows, maxRows));
  const names = sheetNames(['Lisez-moi', ...fits.map((c) => c.t.id)]).slice(1);
  const sheetOf = new Map(fits.map(({ t }, i) => [t.id, names[i]!]));
  const readme: Valeur[][] = [
    [`${DATASET_TITLE.fr} — ${meta.nom}`],
    [`${DATASET_TITLE.en} — ${meta.nom}`],
    [],
    ['Version', meta.version],
    ['Date de publication / Published', meta.date_publication],
    ['Période / Period', `${meta.periode.debut} – ${meta.periode.fin}`],
    ['Licence', `${LICENCE.title} — ${LICENCE.path}`],
    ['Contact', meta.contact],
    ['Seuil de secret k / Disclosure threshold k', meta.seuil_secret],
    ['Données synthétiques / Synthetic data', meta.synthetique ? 'oui / yes' : 'non / no'],
    [],
    [SECRET, 'Valeur masquée (secret statistique) / Hidden value (disclosure control)'],
    ['(cellule vide / empty cell)', 'Sans objet ou inconnue / Not applicable or unknown'],
    [0, 'Zéro / A true zero'],
    [],
    ['Feuille / Sheet', 'Table', 'Titre', 'Title', 'Description'],
    ...computed.map(({ t, rows }) => [
      sheetOf.get(t.id) ?? `(aucune : ${rows.length} lignes, plus qu'une feuille n'en contient ; voir ${t.id}.csv / none: ${rows.length} rows, more than a sheet holds; see ${t.id}.csv)`,
      t.id,
      t.titre.fr,
      t.titre.en,
      t.description.fr,
    ]),
  ];
  return [
    { name: 'Lisez-moi', rows: readme },
    ...fits.map(({ t, rows }, i) => ({
      name: names[i]!,
      header: true,
      // Re-readable: each making of the workbook reads the rows again.
      rows: {
        *[Symbol.iterator]() {
          yield t.colonnes.map((c) => c.nom);
          for (const r of rows) yield t.colonnes.map((c) => r[c.nom] ?? null);
        },
      },
    })),
  ];
}
