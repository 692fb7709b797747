/**
 * The DCAT catalogue, read back by independent RDF parsers (N3.js for Turtle, jsonld.js for
 * JSON-LD, rdfxml-streaming-parser for RDF/XML): the three files hold the same graph, and the graph
 * says what data.gouv.fr's harvester reads — one dataset per release with its version and previous
 * version, one distribution per file with its address, format, media type, size and SHA-256,
 * period, territory (INSEE codes), publisher, contact, frequency and licence.
 */
import { createHash } from 'node:crypto';
import jsonld from 'jsonld';
import { Parser, Store, type Quad, type Term } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogueFiles, NS, type CatalogueInput } from '../../../src/lib/catalogue/index.ts';
import { ReleaseDatapackageSchema } from '../../../src/schemas/release.ts';
import { buildRelease, restrictDataset } from '../../../src/lib/release/index.ts';
import { TABLES } from '../../../src/lib/tables/index.ts';
import { medium } from '../indicators/fixtures.ts';
import { released } from '../released.ts';

const SITE = 'https://donnees.example.fr/sous-chemin/';
const dir = 'donnees/region-test/';
const u = (prefix: keyof typeof NS, local: string) => `${NS[prefix]}${local}`;

/** Two releases of the fixture publisher: 2018.1 (to the end of 2017) and the current 2019.1. */
function input(): CatalogueInput {
  const ds = medium();
  const old = restrictDataset(ds, '2017-12-31', { version: '2018.1', date_publication: '2018-06-29' });
  const kept = [{ version: '2018.1', date_publication: '2018-06-29' }];
  const releases = [];
  for (const [d, k] of [
    [old, []],
    [ds, kept],
  ] as const) {
    const files = buildRelease({ ...released(d), versions: { siteUrl: SITE, kept: k } });
    const mine = [...files].filter(([p]) => p.startsWith(dir));
    releases.push({
      datapackage: ReleaseDatapackageSchema.parse(JSON.parse(new TextDecoder().decode(files.get(`${dir}datapackage.json`)))),
      files: mine.map(([p, b]) => ({ name: p.slice(dir.length), bytes: b.byteLength, sha256: createHash('sha256').update(b).digest('hex') })),
    });
  }
  return { siteUrl: SITE, publishers: [{ id: 'region-test', current: '2019.1', releases }] };
}

/** A graph as sorted lines, each blank node named by what it says (here blank nodes are leaves). */
function canonical(quads: readonly Quad[]): string[] {
  const term = (t: Term, blanks?: Map<string, string>): string => {
    if (t.termType === 'BlankNode') return `[${blanks?.get(t.value) ?? '?'}]`;
    if (t.termType === 'Literal') {
      const l = t as Term & { language: string; datatype: { value: string } };
      return `"${l.value}"${l.language ? `@${l.language}` : `^^${l.datatype.value}`}`;
    }
    return `<${t.value}>`;
  };
  const said = new Map<string, string[]>();
  for (const q of quads) if (q.subject.termType === 'BlankNode') said.set(q.subject.value, [...(said.get(q.subject.value) ?? []), `${q.predicate.value}=${term(q.object)}`]);
  const blanks = new Map([...said].map(([k, v]) => [k, v.sort().join('|')]));
  return quads.map((q) => `${term(q.subject, blanks)} <${q.predicate.value}> ${term(q.object, blanks)}`).sort();
}

let files: Map<string, string>;
let store: Store;
let turtle: Quad[];

beforeAll(() => {
  files = catalogueFiles(input());
  turtle = new Parser({ format: 'text/turtle' }).parse(files.get('donnees/catalogue.ttl')!);
  store = new Store(turtle);
});

const one = (s: Term | string, p: string) => {
  const found = store.getObjects(s, p, null);
  expect(found, `${typeof s === 'string' ? s : s.value} ${p}`).toHaveLength(1);
  return found[0]!;
};

describe('DCAT catalogue', () => {
  it('JSON-LD and RDF/XML hold the same graph as Turtle', async () => {
    const fromJsonLd = (await jsonld.toRDF(JSON.parse(files.get('donnees/catalogue.jsonld')!) as jsonld.JsonLdDocument)) as unknown as Quad[];
    const fromXml = await new Promise<Quad[]>((resolve, reject) => {
      const out: Quad[] = [];
      const parser = new RdfXmlParser();
      parser
        .on('data', (q: Quad) => out.push(q))
        .on('error', reject)
        .on('end', () => resolve(out));
      parser.write(files.get('donnees/catalogue.rdf')!);
      parser.end();
    });
    expect(turtle.length).toBeGreaterThan(1000);
    expect(canonical(fromJsonLd)).toEqual(canonical(turtle));
    expect(canonical(fromXml)).toEqual(canonical(turtle));
  });

  it('has one dataset per release, each with its version, the one before, and the series', () => {
    const catalogue = `${SITE}donnees/#catalogue`;
    const datasets = store
      .getObjects(catalogue, u('dcat', 'dataset'), null)
      .map((t) => t.value)
      .sort();
    expect(datasets).toEqual([`${SITE}${dir}2018.1/`, `${SITE}${dir}2019.1/`]);
    for (const d of datasets) expect(store.has(store.getQuads(d, u('rdf', 'type'), u('dcat', 'Dataset'), null)[0]!)).toBe(true);
    expect(one(`${SITE}${dir}2019.1/`, u('dcat', 'version')).value).toBe('2019.1');
    expect(one(`${SITE}${dir}2019.1/`, u('dcat', 'previousVersion')).value).toBe(`${SITE}${dir}2018.1/`);
    expect(store.getObjects(`${SITE}${dir}2018.1/`, u('dcat', 'previousVersion'), null)).toHaveLength(0);
    // The unversioned address is the series, whose last release is the current one.
    expect(one(`${SITE}${dir}2019.1/`, u('dcat', 'inSeries')).value).toBe(`${SITE}${dir}`);
    expect(one(`${SITE}${dir}`, u('dcat', 'last')).value).toBe(`${SITE}${dir}2019.1/`);
    expect(one(`${SITE}${dir}`, u('rdf', 'type')).value).toBe(u('dcat', 'DatasetSeries'));
  });

  it('describes each release: title, period, INSEE codes, publisher, contact, frequency, licence', () => {
    const ds = `${SITE}${dir}2018.1/`;
    expect(
      store
        .getObjects(ds, u('dct', 'title'), null)
        .map((t) => (t as Term & { language: string }).language)
        .sort(),
    ).toEqual(['en', 'fr']);
    const period = one(ds, u('dct', 'temporal'));
    expect(period.termType).toBe('BlankNode');
    expect(one(period, u('dcat', 'startDate')).value).toBe('2017-01-01');
    expect(one(period, u('dcat', 'endDate')).value).toBe('2017-12-31');
    const places = store.getObjects(ds, u('dct', 'spatial'), null).map((p) => [one(p, u('dct', 'type')).value.split('#')[1], one(p, u('dct', 'identifier')).value]);
    expect(places).toEqual([
      ['Region', '52'],
      ['Departement', '44'],
      ['Departement', '49'],
    ]);
    const publisher = one(ds, u('dct', 'publisher'));
    expect(one(publisher, u('foaf', 'name')).value).toBe('Région Test');
    const contact = one(ds, u('dcat', 'contactPoint'));
    expect(one(contact, u('vcard', 'hasURL')).value).toBe('https://example.org/contact');
    expect(one(ds, u('dct', 'accrualPeriodicity')).value).toMatch(/\/frequency\/UNKNOWN$/);
    expect(one(ds, u('dct', 'license')).value).toBe('https://www.etalab.gouv.fr/licence-ouverte-open-licence/');
  });

  it('has one distribution per file, with address, format, media type, size and SHA-256', () => {
    const given = input();
    for (const release of given.publishers[0]!.releases) {
      const v = release.datapackage.version;
      const ds = `${SITE}${dir}${v}/`;
      const distributions = store.getObjects(ds, u('dcat', 'distribution'), null);
      expect(distributions).toHaveLength(release.files.length);
      expect(release.files.filter((f) => f.name.endsWith('.parquet'))).toHaveLength(TABLES.length);
      for (const f of release.files) {
        const d = `${SITE}${dir}${v}/${f.name}#distribution`;
        expect(one(d, u('dcat', 'downloadURL')).value).toBe(`${SITE}${dir}${v}/${f.name}`);
        // The current release is also reached at the unversioned address.
        expect(one(d, u('dcat', 'accessURL')).value).toBe(v === '2019.1' ? `${SITE}${dir}${f.name}` : `${SITE}${dir}${v}/${f.name}`);
        expect(Number(one(d, u('dcat', 'byteSize')).value)).toBe(f.bytes);
        const checksum = one(d, u('spdx', 'checksum'));
        expect(one(checksum, u('spdx', 'algorithm')).value).toBe(u('spdx', 'checksumAlgorithm_sha256'));
        expect(one(checksum, u('spdx', 'checksumValue')).value).toBe(f.sha256);
        const ext = f.name.split('.').pop();
        const media = one(d, u('dcat', 'mediaType')).value;
        const expected = { csv: 'text/csv', parquet: 'application/vnd.apache.parquet', json: 'application/json', zip: 'application/zip' }[ext!];
        if (expected) expect(media).toBe(`https://www.iana.org/assignments/media-types/${expected}`);
        expect(one(d, u('dct', 'format')).value).toMatch(/^http:\/\/publications\.europa\.eu\/resource\/authority\/file-type\/[A-Z]+$/);
        expect(store.getObjects(d, u('dct', 'title'), null).length).toBe(2);
      }
    }
  });

  it('makes the same bytes from the same input', () => {
    expect(catalogueFiles(input())).toEqual(files);
  });
});
