/**
 * Reading a release as a peer's: what is refused, and why, in French and English. The release is
 * the one the writer makes of the valid fixture; each test changes one thing in it.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMPARED_TABLE_IDS, PEER_PROBLEMS, readManifest, readReleaseFiles, type PeerProblemCode } from '../../../src/lib/compare/index.ts';
import type { Dataset } from '../../../src/lib/dataset.ts';
import { bytes, releaseFilesOf, text, twelve } from './helpers.ts';
import { isTabular, type ReleaseDatapackage } from '../../../src/schemas/release.ts';
import { rowsOf } from '../released.ts';

/** Twelve persons, every cell published (k = 2): each check can be seen failing. */
let ds: Dataset;
let release: Map<string, Uint8Array>;
beforeAll(() => {
  ds = twelve({ seuil_secret: 2 });
  release = releaseFilesOf(ds);
});

const datapackage = () => JSON.parse(text(release.get('datapackage.json')!)) as ReleaseDatapackage;

/** The release with some files replaced (the datapackage as an object or bytes). */
function changed(files: Record<string, unknown>): Map<string, Uint8Array> {
  const out = new Map(release);
  for (const [path, value] of Object.entries(files)) {
    out.set(path, value instanceof Uint8Array ? value : typeof value === 'string' ? bytes(value) : bytes(JSON.stringify(value)));
  }
  return out;
}

/** A table rewritten and republished: new bytes, and the datapackage's size and hash updated to match. */
function republished(table: string, edit: (csv: string) => string): Map<string, Uint8Array> {
  const csv = bytes(edit(text(release.get(`${table}.csv`)!)));
  const dp = datapackage();
  const r = dp.resources.find((x) => x.name === table)!;
  r.bytes = csv.byteLength;
  r.hash = `sha256:${bytesToHex(sha256(csv))}`;
  return changed({ [`${table}.csv`]: csv, 'datapackage.json': dp });
}

function refused(files: Map<string, Uint8Array>, code: PeerProblemCode, pattern: RegExp) {
  const r = readReleaseFiles(files);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.problem.code).toBe(code);
  expect(r.problem.raison.fr.startsWith(`${PEER_PROBLEMS[code].fr} : `)).toBe(true);
  expect(r.problem.raison.en.startsWith(`${PEER_PROBLEMS[code].en}: `)).toBe(true);
  expect(`${r.problem.raison.fr}\n${r.problem.raison.en}`).toMatch(pattern);
}

describe('a release as the writer makes it', () => {
  it('is read, with its publisher, version, date and licence', () => {
    const r = readReleaseFiles(release);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.contexte).toMatchObject({
      editeur: ds.meta.id,
      nom: ds.meta.nom,
      territoire: ds.meta.territoire,
      version: ds.meta.version,
      date_publication: ds.meta.date_publication,
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers as any
      licence: { id: 'etalab-2.0', url: expect.stringMatching(/^https:/) },
    });
    const keyFigures = rowsOf(ds, 'chiffres-cles');
    const heures = r.value.mesures.find((m) => m.id === 'heures_realisees')!.valeur;
    expect(heures).toBe(keyFigures.find((k) => k.indicateur === 'heures_realisees')!.valeur);
  });

  it('needs only the compared tables and its datapackage.json', () => {
    const m = readManifest(release.get('datapackage.json')!);
    expect(m.ok && m.value.needed.map((f) => f.table)).toEqual(COMPARED_TABLE_IDS);
    const few = new Map([...release].filter(([path]) => path === 'datapackage.json' || COMPARED_TABLE_IDS.some((t) => path === `${t}.csv`)));
    expect(readReleaseFiles(few).ok).toBe(true);
  });

  it('accepts resources added by a later minor version (another copy of a table)', () => {
    const dp = datapackage();
    dp.format_publication = '1.7';
    dp.resources.push({ name: 'synthese-arrow', path: 'arrow/synthese.arrow', format: 'arrow', mediatype: 'application/vnd.apache.arrow.file', bytes: 1234, hash: `sha256:${'a'.repeat(64)}` });
    dp.catalogue = { dcat: 'catalogue.jsonld' };
    expect(readReleaseFiles(changed({ 'datapackage.json': dp })).ok).toBe(true);
  });
});

describe('what is not a release', () => {
  it('a web page', () => refused(changed({ 'datapackage.json': '<!doctype html><title>Accueil</title>' }), 'pas_une_publication', /JSON attendu, reçu "<!doctype html>/));
  it('another JSON', () => refused(changed({ 'datapackage.json': { hello: 'world' } }), 'pas_une_publication', /tabular-data-package/));
  it('a data package outside the format', () => {
    const dp = datapackage();
    dp.resources[0]!.hash = 'md5:abc';
    refused(changed({ 'datapackage.json': dp }), 'pas_une_publication', /resources\.0.*sha256/);
  });
  it('a resource path leading out of the release', () => {
    const dp = datapackage();
    dp.resources[0]!.path = '../../etc/passwd.csv';
    refused(changed({ 'datapackage.json': dp }), 'pas_une_publication', /chemin relatif simple attendu/);
  });
});

describe('what is not read', () => {
  it('an unknown format version, or none', () => {
    const dp = datapackage();
    refused(changed({ 'datapackage.json': { ...dp, format_publication: '2.0' } }), 'format_inconnu', /format_publication "2\.0", ce site lit les versions 1\.x/);
    const { format_publication: _, ...old } = dp;
    refused(changed({ 'datapackage.json': old }), 'format_inconnu', /format_publication absente \/ missing/);
  });

  it('a release without a compared table, or without a column it needs', () => {
    const dp = datapackage();
    refused(changed({ 'datapackage.json': { ...dp, resources: dp.resources.filter((r) => r.name !== 'heures-par-sexe') } }), 'incomplete', /heures-par-sexe n'est pas listée/);
    const schema = dp.resources.filter(isTabular).find((r) => r.name === 'synthese')!.schema;
    schema.fields = schema.fields.filter((f) => f.name !== 'taux_realisation');
    refused(changed({ 'datapackage.json': dp }), 'incomplete', /synthese has no column taux_realisation/);
  });

  it('a listed file that is missing', () => {
    const files = new Map(release);
    files.delete('synthese.csv');
    refused(files, 'incomplete', /synthese\.csv est listé mais absent/);
  });
});

describe('a file changed after its hash was published', () => {
  it('same size, one digit changed: the hash says so', () => {
    const csv = text(release.get('synthese.csv')!);
    const digit = csv.search(/\d/);
    const tampered = csv.slice(0, digit) + String((Number(csv[digit]) + 1) % 10) + csv.slice(digit + 1);
    refused(changed({ 'synthese.csv': tampered }), 'empreinte', /SHA-256 de synthese\.csv .* n'est pas celle de datapackage\.json/);
  });

  it('another size', () =>
    refused(
      changed({ 'heures-par-annee.csv': `${text(release.get('heures-par-annee.csv')!)}2031,1,0,1,1,0,0\r\n` }),
      'empreinte',
      /heures-par-annee\.csv weighs \d+ bytes, datapackage\.json announces \d+/,
    ));
});

describe('tables that do not agree', () => {
  it('a total that is not the sum of the years', () => {
    refused(
      republished('heures-par-annee', (csv) => csv.replace('\r\n2018,780,', '\r\n2018,880,')),
      'incoherente',
      /le total des heures de synthese\.csv \(780\) n'est pas la somme des années de heures-par-annee\.csv \(880\)/,
    );
  });

  it('contracts by year and segment that do not add up to the total', () => {
    refused(
      republished('marches-par-annee-et-segment', (csv) => csv.replace(/\r\n(\d{4}),TRAVAUX,([^,]*),(\d+),/, (_, y, l, n) => `\r\n${y},TRAVAUX,${l},${Number(n) + 1},`)),
      'incoherente',
      /marches-par-annee-et-segment\.csv adds up to/,
    );
  });

  it('a share above 100 %', () => {
    refused(
      republished('chiffres-cles', (csv) => csv.replace(/\r\npart_heures_siae,([^,]*),([^,]*),[^,]*,/, '\r\npart_heures_siae,$1,$2,140,')),
      'incoherente',
      /part_heures_siae|140.*0–100/,
    );
  });

  it('a cell that is not of its column’s type, naming line and column', () => {
    refused(
      republished('heures-par-annee', (csv) => csv.replace('\r\n2018,780,', '\r\n2018,7.8e2,')),
      'incoherente',
      /heures-par-annee\.csv : ligne 2, colonne heures_realisees : « 7\.8e2 » — nombre attendu \(point décimal\)[\s\S]*line 2, column heures_realisees: "7\.8e2" — number expected/,
    );
  });

  it('a header that is not its Table Schema', () => {
    refused(
      republished('heures-par-sexe', (csv) => csv.replace('part_personnes', 'part_des_personnes')),
      'incoherente',
      /en-tête .*part_des_personnes/,
    );
  });
});
