/**
 * The release schema (src/schemas/release.ts) is the writer's and the readers' one description of
 * a release: what the writer makes passes it, a writer bug is stopped by it, and every cell the
 * CSV writer can write reads back as the value it was.
 */
import { describe, expect, it } from 'vitest';
import { cellText } from '../../src/lib/release/csv.ts';
import { dataPackage } from '../../src/lib/release/datapackage.ts';
import { TABLES } from '../../src/lib/tables/index.ts';
import {
  cellSchema,
  checkWrittenDatapackage,
  ProtectionLogSchema,
  PublicationSchema,
  RELEASE_FORMAT_VERSION,
  RELEASE_PATH,
  ReleaseDatapackageSchema,
  releasePublisher,
  ReleaseTableJsonSchema,
  type ReleaseDatapackage,
  type WrittenDatapackage,
} from '../../src/schemas/release.ts';
import { releaseFilesOf, text, twelve } from '../lib/compare/helpers.ts';

describe('the release schema', () => {
  const ds = twelve();
  const written = JSON.parse(text(releaseFilesOf(ds).get('datapackage.json')!)) as ReleaseDatapackage;

  it('describes what the writer writes, with the format version', () => {
    expect(written.format_publication).toBe(RELEASE_FORMAT_VERSION);
    const parsed = ReleaseDatapackageSchema.parse(written);
    expect(parsed.resources.filter((r) => r.format === 'csv').map((r) => r.name)).toEqual(TABLES.map((t) => t.id));
    expect(parsed.resources.filter((r) => r.format === 'parquet').map((r) => r.name)).toEqual(TABLES.map((t) => `${t.id}-parquet`));
    expect(releasePublisher(parsed)).toEqual({
      id: ds.meta.id,
      nom: ds.meta.nom,
      territoire: ds.meta.territoire,
      periode: ds.meta.periode,
      synthetique: ds.meta.synthetique,
      seuil_secret: ds.meta.seuil_secret,
      version: ds.meta.version,
      date_publication: ds.meta.date_publication,
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers as any
      licence: { id: 'etalab-2.0', titre: 'Licence Ouverte / Open Licence version 2.0', url: expect.stringMatching(/^https:\/\//) },
    });
    expect(parsed.contact).toBe(ds.meta.contact);
  });

  it('describes the publication record and the protection log the writer writes', () => {
    const files = releaseFilesOf(ds);
    const json = (name: string): unknown => JSON.parse(text(files.get(name)!));
    expect(PublicationSchema.parse(json('publication.json'))).toMatchObject({ version: ds.meta.version, date_publication: ds.meta.date_publication });
    expect(ProtectionLogSchema.parse(json('protection.json'))).toMatchObject({ version: ds.meta.version, seuil_secret: ds.meta.seuil_secret });
  });

  it("describes each table's JSON file the writer writes", () => {
    const files = releaseFilesOf(ds);
    for (const t of TABLES) {
      const parsed = ReleaseTableJsonSchema.parse(JSON.parse(text(files.get(`${t.id}.json`)!)));
      expect(parsed.id).toBe(t.id);
      expect(parsed.editeur).toEqual({ id: ds.meta.id, nom: ds.meta.nom });
      for (const row of parsed.lignes) expect(Object.keys(row)).toEqual(parsed.colonnes.map((c) => c.nom));
    }
  });

  it("reads a table's rows as written, and refuses a row without its table's columns", () => {
    const table = JSON.parse(text(releaseFilesOf(ds).get('synthese.json')!)) as Record<string, unknown>;
    const colonnes = [
      { nom: 'annee', type: 'year', role: 'dimension', titre: { fr: 'Année', en: 'Year' } },
      { nom: 'heures_realisees', type: 'number', role: 'mesure', titre: { fr: 'Heures', en: 'Hours' } },
    ];
    const rows = [
      { annee: 2012, heures_realisees: 'secret' },
      { annee: 2013, heures_realisees: null },
    ];
    expect(ReleaseTableJsonSchema.parse({ ...table, colonnes, lignes: rows }).lignes).toEqual(rows);
    const r = ReleaseTableJsonSchema.safeParse({ ...table, colonnes, lignes: [{ annee: 2013 }] });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['lignes.0']);
  });

  it('stops the writer before it publishes a datapackage outside the format', () => {
    const files = new Map(TABLES.map((t) => [t.id, { path: `${t.id}.csv`, bytes: 1, sha256: 'not-a-hash' }]));
    expect(() => dataPackage(ds.meta, TABLES, files)).toThrow(/hors du format de publication \/ outside the release format: resources\.0\.hash/);
    expect(checkWrittenDatapackage(written as unknown as WrittenDatapackage)).toBe(written);
  });

  it('keeps every property and resource a later minor version adds', () => {
    const parquet = { name: 'x-parquet', path: 'parquet/x.parquet', profile: 'tabular-data-resource', format: 'parquet', mediatype: 'application/vnd.apache.parquet', schema: { fields: [] } };
    const later = { ...written, format_publication: '1.3', dcat: { catalogue: 'catalogue.jsonld' }, resources: [...written.resources, parquet] };
    const parsed = ReleaseDatapackageSchema.parse(later);
    expect(parsed.dcat).toEqual({ catalogue: 'catalogue.jsonld' });
    expect(parsed.resources.at(-1)).toMatchObject({ name: 'x-parquet', format: 'parquet' });
  });

  it('refuses another major version, and a CSV table that does not follow the table schema', () => {
    expect(ReleaseDatapackageSchema.safeParse({ ...written, format_publication: '2.0' }).success).toBe(false);
    const bad = { ...written, resources: [...written.resources, { name: 'notes', path: 'notes.csv' }] };
    const r = ReleaseDatapackageSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain(`resources.${written.resources.length}.hash`);
  });

  it('accepts only plain relative paths inside the release', () => {
    for (const ok of ['synthese.csv', 'parquet/synthese.parquet', '2019.1/datapackage.json']) expect(RELEASE_PATH.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['../x.csv', '/etc/passwd', 'a/../../b.csv', 'https://evil.example/x.csv', 'a\\b.csv', './x.csv', '', 'a//b.csv']) expect(RELEASE_PATH.safeParse(bad).success, bad).toBe(false);
  });

  it('reads back every cell the CSV writer writes, by type', () => {
    const cases = [
      ['integer', 12],
      ['integer', 0],
      ['number', 318452.75],
      ['number', -0.5],
      ['number', 1e21],
      ['year', 2018],
      ['boolean', true],
      ['boolean', false],
      ['date', '2018-12-31'],
      ['yearmonth', '2018-12'],
      ['string', 'Région, « Pays de la Loire »'],
      ['number', 'secret'],
      ['number', null],
      ['string', null],
    ] as const;
    for (const [type, value] of cases) expect(cellSchema(type).parse(cellText(value)), `${type} ${value}`).toEqual(value);
    for (const [type, cell] of [
      ['integer', '1.5'],
      ['number', '1,5'],
      ['number', '1e3'],
      ['boolean', 'oui'],
      ['date', '31/12/2018'],
    ] as const)
      expect(cellSchema(type).safeParse(cell).success, `${type} ${cell}`).toBe(false);
  });
});
