import type { Dataset } from '../dataset.ts';
import { changelog, type Publication } from './publications.ts';
import { citation, DATASET_TITLE, LICENCE, lisezmoi } from './documents.ts';
import { dataPackage, type ResourceFile } from './datapackage.ts';
import { toCSV } from './csv.ts';
import { sha256, utf8 } from './hash.ts';
import { TABLES } from './manifest.ts';
import type { Ligne, TableSpec, Valeur } from './types.ts';
import { sheetNames, toXLSX, type Sheet } from './xlsx.ts';
import { archiveTime, zipFiles } from './zip.ts';

export interface ReleaseInput {
  dataset: Dataset;
  /** The publisher's earlier releases (`data/<editeur>/publications.json`), oldest first. */
  previous?: readonly Publication[];
  /** Release notes written into CHANGELOG.md and the publication entry. */
  notes?: string;
}

export interface ReleaseOptions {
  /** Tables to publish (default: the manifest). */
  tables?: readonly TableSpec[];
}

/**
 * Every published file of one or more publishers, as relative paths → bytes. Pure and
 * deterministic: no clock (dates come from the metadata), no randomness, so two builds from the
 * same data are byte-identical. The caller writes the files.
 *
 * Layout per publisher `donnees/<editeur>/`: `<table>.csv`, `<table>.json`, `<editeur>-<version>.xlsx`,
 * `datapackage.json`, `LISEZMOI.md`, `CITATION.txt`, `CHANGELOG.md`, `publication.json` (this
 * release's entry for `publications.json`) and `<editeur>-<version>.zip` holding all of them.
 */
export async function buildRelease(
  input: Dataset | ReleaseInput | readonly ReleaseInput[],
  options: ReleaseOptions = {},
): Promise<Map<string, Uint8Array>> {
  const inputs: readonly ReleaseInput[] = Array.isArray(input)
    ? (input as readonly ReleaseInput[])
    : 'dataset' in (input as object)
      ? [input as ReleaseInput]
      : [{ dataset: input as Dataset }];
  const ids = inputs.map((i) => i.dataset.meta.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new Error(`Éditeur en double / duplicate publisher: ${duplicate}`);
  const out = new Map<string, Uint8Array>();
  for (const i of inputs) {
    for (const [path, bytes] of await publisherFiles(i, options.tables ?? TABLES)) out.set(path, bytes);
  }
  return out;
}

const json = (value: unknown) => utf8(`${JSON.stringify(value, null, 2)}\n`);

/** The JSON file of one table: its metadata, its columns and its rows. */
export function tableJson(ds: Dataset, t: TableSpec, lignes: readonly Ligne[]) {
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
    colonnes: t.colonnes.map((c) => ({
      nom: c.nom,
      type: c.type,
      role: c.role,
      titre: c.titre,
      ...(c.unite ? { unite: c.unite } : {}),
      ...(c.description ? { description: c.description } : {}),
    })),
    lignes: lignes.map((row) => Object.fromEntries(t.colonnes.map((c) => [c.nom, row[c.nom] ?? null]))),
  };
}

async function publisherFiles(input: ReleaseInput, tables: readonly TableSpec[]): Promise<Map<string, Uint8Array>> {
  const ds = input.dataset;
  const { meta } = ds;
  const dir = `donnees/${meta.id}`;
  const xlsxName = `${meta.id}-${meta.version}.xlsx`;
  const zipName = `${meta.id}-${meta.version}.zip`;
  const mtime = archiveTime(meta.date_publication);

  const computed = tables.map((t) => ({ t, rows: t.compute(ds) }));
  const tableFiles = new Map<string, Uint8Array>();
  const resources = new Map<string, ResourceFile>();
  for (const { t, rows } of computed) {
    const csv = utf8(toCSV(t.colonnes, rows));
    tableFiles.set(`${t.id}.csv`, csv);
    tableFiles.set(`${t.id}.json`, json(tableJson(ds, t, rows)));
    resources.set(t.id, { path: `${t.id}.csv`, bytes: csv.byteLength, sha256: await sha256(csv) });
  }

  const keyFigures = computed.find((c) => c.t.id === 'chiffres-cles');
  const entry: Publication = {
    version: meta.version,
    date_publication: meta.date_publication,
    ...(input.notes ? { notes: input.notes } : {}),
    chiffres_cles: Object.fromEntries(
      (keyFigures?.rows ?? []).map((r) => [String(r.indicateur), asFigure(r.valeur ?? null)]),
    ),
    tables: Object.fromEntries(
      computed.map(({ t, rows }) => [t.id, { lignes: rows.length, sha256: resources.get(t.id)!.sha256 }]),
    ),
  };

  const files = new Map<string, Uint8Array>();
  files.set('LISEZMOI.md', utf8(lisezmoi(meta, tables, { xlsx: xlsxName, zip: zipName })));
  files.set('CITATION.txt', utf8(citation(meta)));
  files.set('CHANGELOG.md', utf8(changelog(meta, entry, input.previous ?? [])));
  files.set('datapackage.json', json(dataPackage(meta, tables, resources)));
  files.set('publication.json', json(entry));
  files.set(xlsxName, toXLSX(workbook(ds, computed), mtime));
  for (const [name, bytes] of tableFiles) files.set(name, bytes);
  files.set(
    zipName,
    zipFiles(
      [...files.entries()].map(([name, bytes]) => [`${meta.id}-${meta.version}/${name}`, bytes]),
      mtime,
    ),
  );

  return new Map([...files.entries()].map(([name, bytes]) => [`${dir}/${name}`, bytes]));
}

function asFigure(v: Valeur): number | 'secret' | null {
  return typeof v === 'number' ? v : v === 'secret' ? 'secret' : null;
}

/** The workbook: a « Lisez-moi » sheet describing the tables, then one sheet per table. */
function workbook(ds: Dataset, computed: readonly { t: TableSpec; rows: Ligne[] }[]): Sheet[] {
  const { meta } = ds;
  const names = sheetNames(['Lisez-moi', ...computed.map((c) => c.t.id)]).slice(1);
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
    ['secret', 'Valeur masquée (secret statistique) / Hidden value (disclosure control)'],
    ['(cellule vide / empty cell)', 'Sans objet ou inconnue / Not applicable or unknown'],
    [0, 'Zéro / A true zero'],
    [],
    ['Feuille / Sheet', 'Table', 'Titre', 'Title', 'Description'],
    ...computed.map(({ t }, i) => [names[i]!, t.id, t.titre.fr, t.titre.en, t.description.fr]),
  ];
  return [
    { name: 'Lisez-moi', rows: readme },
    ...computed.map(({ t, rows }, i) => ({
      name: names[i]!,
      header: true,
      rows: [t.colonnes.map((c) => c.nom), ...rows.map((r) => t.colonnes.map((c) => r[c.nom] ?? null))],
    })),
  ];
}
