/**
 * What the ecosystem reads from the built site, checked on the files themselves: the DCAT
 * catalogue against the files it describes (what a data.gouv.fr harvest would find), the stable
 * addresses of every release, the sitemap against its XML schema and the pages, robots.txt, link
 * previews (Open Graph, Twitter card, PNG images), oEmbed descriptions and schema.org markup.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { Parser, Store } from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Publication } from '../../src/schemas/release.ts';
import { NS } from '../../src/lib/catalogue/vocabulary.ts';
import { sitemapErrors } from '../site/sitemap-schema.ts';
import { describeBuiltSite } from './harness/describe-site.ts';
import { discoverPages as sitePages, distDir } from './harness/site.ts';

const dir = distDir();
const u = (prefix: keyof typeof NS, local: string) => `${NS[prefix]}${local}`;

describeBuiltSite(dir, `open data of the built site in ${dir}`, () => {
  /** The site's address (`SITE` + `BASE`), from robots.txt's sitemap line. */
  let site: string;
  /** The file of the dist folder an address of the site is served from. */
  const fileOf = (url: string) => {
    expect(url.startsWith(site), url).toBe(true);
    const path = decodeURIComponent(url.slice(site.length).replace(/#.*$/, ''));
    return join(dir, path.endsWith('/') || path === '' ? `${path}index.html` : path);
  };
  const head = (file: string) => parseHTML(readFileSync(file, 'utf8')).document;
  const publishers = () => readdirSync(join(dir, 'donnees')).filter((d) => existsSync(join(dir, 'donnees', d, 'publication.json')));

  beforeAll(() => {
    const robots = readFileSync(join(dir, 'robots.txt'), 'utf8');
    const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
    expect(sitemap).toMatch(/\/sitemap\.xml$/);
    site = sitemap!.replace(/sitemap\.xml$/, '');
  });

  describe('stable addresses', () => {
    it('serves each release at donnees/<id>/<version>/, the current one as at donnees/<id>/', () => {
      for (const id of publishers()) {
        const latest = join(dir, 'donnees', id);
        const current = (JSON.parse(readFileSync(join(latest, 'publication.json'), 'utf8')) as Publication).version;
        const pkg = JSON.parse(readFileSync(join(latest, 'datapackage.json'), 'utf8')) as { versions: { version: string; url: string; courante: boolean }[]; derniere_version: string };
        const versions = pkg.versions;
        expect(versions.find((v) => v.courante)?.version).toBe(current);
        expect(pkg.derniere_version).toBe(`${site}donnees/${id}/`);
        for (const v of versions) {
          expect(v.url).toBe(`${site}donnees/${id}/${v.version}/`);
          expect(statSync(join(latest, v.version)).isDirectory()).toBe(true);
          expect((JSON.parse(readFileSync(join(latest, v.version, 'publication.json'), 'utf8')) as Publication).version).toBe(v.version);
        }
        for (const f of readdirSync(latest).filter((f) => statSync(join(latest, f)).isFile())) {
          expect(readFileSync(join(latest, current, f)).equals(readFileSync(join(latest, f))), f).toBe(true);
        }
        for (const f of ['participants.csv', 'heures.csv']) expect(versions.some((v) => existsSync(join(latest, v.version, f)))).toBe(false);
      }
      // The sample publisher keeps its 2018.1 release.
      expect(readdirSync(join(dir, 'donnees', 'pays-de-la-loire'))).toContain('2018.1');
    });
  });

  describe('DCAT catalogue', () => {
    let store: Store;
    beforeAll(() => {
      store = new Store(new Parser({ format: 'text/turtle' }).parse(readFileSync(join(dir, 'donnees', 'catalogue.ttl'), 'utf8')));
    });

    it('has one dataset per release of every publisher', () => {
      const datasets = store
        .getSubjects(u('rdf', 'type'), u('dcat', 'Dataset'), null)
        .map((s) => s.value)
        .sort();
      const releases = publishers().flatMap((id) =>
        readdirSync(join(dir, 'donnees', id))
          .filter((v) => statSync(join(dir, 'donnees', id, v)).isDirectory())
          .map((v) => `${site}donnees/${id}/${v}/`),
      );
      expect(datasets).toEqual(releases.sort());
    });

    it('describes every published file with its true size and SHA-256, and nothing else', () => {
      const described = new Set<string>();
      for (const d of store.getSubjects(u('rdf', 'type'), u('dcat', 'Distribution'), null)) {
        const url = store.getObjects(d, u('dcat', 'downloadURL'), null)[0]!.value;
        const file = fileOf(url);
        const bytes = readFileSync(file);
        expect(Number(store.getObjects(d, u('dcat', 'byteSize'), null)[0]!.value), url).toBe(bytes.byteLength);
        const checksum = store.getObjects(d, u('spdx', 'checksum'), null)[0]!;
        expect(store.getObjects(checksum, u('spdx', 'checksumValue'), null)[0]!.value, url).toBe(createHash('sha256').update(bytes).digest('hex'));
        const access = store.getObjects(d, u('dcat', 'accessURL'), null)[0]!.value;
        expect(existsSync(fileOf(access)), access).toBe(true);
        described.add(file);
      }
      for (const id of publishers()) {
        for (const v of readdirSync(join(dir, 'donnees', id)).filter((x) => statSync(join(dir, 'donnees', id, x)).isDirectory())) {
          for (const f of readdirSync(join(dir, 'donnees', id, v))) expect(described.has(join(dir, 'donnees', id, v, f)), `${id}/${v}/${f}`).toBe(true);
        }
      }
    });

    it('is published in JSON-LD and RDF/XML too', () => {
      expect((JSON.parse(readFileSync(join(dir, 'donnees', 'catalogue.jsonld'), 'utf8')) as { '@graph': unknown[] })['@graph'].length).toBeGreaterThan(0);
      expect(readFileSync(join(dir, 'donnees', 'catalogue.rdf'), 'utf8')).toMatch(/^<\?xml[^]*<rdf:RDF[^]*<\/rdf:RDF>\n$/);
    });
  });

  describe('sitemap.xml and robots.txt', () => {
    it('is valid against the sitemaps.org schema', async () => {
      expect(await sitemapErrors(readFileSync(join(dir, 'sitemap.xml'), 'utf8'))).toEqual([]);
    });

    it('lists every indexable page in both languages, with its alternates, at its canonical address', () => {
      const { document } = parseHTML(readFileSync(join(dir, 'sitemap.xml'), 'utf8'));
      const urls = [...document.querySelectorAll('url')];
      const locs = urls.map((x) => x.querySelector('loc')!.textContent.trim()).sort();
      const expected = sitePages(dir)
        .filter((p) => p.file.endsWith('index.html'))
        .map((p) => head(p.file))
        .filter((d) => !/noindex/.test(d.querySelector('meta[name="robots"]')?.getAttribute('content') ?? ''))
        .map((d) => d.querySelector('link[rel="canonical"]')?.getAttribute('href'))
        .filter((h): h is string => !!h)
        .sort();
      expect(locs).toEqual(expected);
      expect(locs.filter((l) => l.startsWith(`${site}en/`)).length).toBe(locs.filter((l) => !l.startsWith(`${site}en/`)).length);
      for (const x of urls) {
        const langs = [...x.getElementsByTagName('xhtml:link')].map((l) => l.getAttribute('hreflang')).sort();
        expect(langs).toEqual(['en', 'fr']);
      }
    });
  });

  describe('link previews and oEmbed', () => {
    const png = (file: string) => {
      const b = readFileSync(file);
      expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
    };

    it('gives every page Open Graph and Twitter card tags with a 1200 × 630 PNG of a chart', () => {
      const pages = sitePages(dir).filter((p) => p.file.endsWith('index.html'));
      expect(pages.length).toBeGreaterThan(100);
      for (const p of pages) {
        const d = head(p.file);
        const meta = (attr: string, name: string) => d.querySelector(`meta[${attr}="${name}"]`)?.getAttribute('content');
        for (const k of ['og:title', 'og:description', 'og:type', 'og:site_name', 'og:image', 'og:image:alt']) expect(meta('property', k), `${p.path} ${k}`).toBeTruthy();
        expect(meta('name', 'twitter:card'), p.path).toBe('summary_large_image');
        expect(meta('name', 'twitter:image'), p.path).toBe(meta('property', 'og:image'));
        expect(png(fileOf(meta('property', 'og:image')!)), p.path).toEqual({ width: 1200, height: 630 });
      }
    });

    it('describes every chart in oEmbed, found from its embed page', () => {
      const embeds = sitePages(dir).filter((p) => /\/embed\/[^/]+\/$/.test(p.path));
      expect(embeds.length).toBeGreaterThan(20);
      for (const p of embeds) {
        const link = head(p.file).querySelector('link[rel="alternate"][type="application/json+oembed"]')?.getAttribute('href');
        expect(link, p.path).toBeTruthy();
        const oembed = JSON.parse(readFileSync(fileOf(link!), 'utf8')) as { html: string; thumbnail_url: string; height: number };
        expect(oembed).toMatchObject({ version: '1.0', type: 'rich', width: 640, thumbnail_width: 1200, thumbnail_height: 630 });
        // The starting height holds the drawing and its text; the page then reports its own.
        expect(oembed.height, p.path).toBeGreaterThan(450);
        expect(oembed.html).toContain(`height="${oembed.height}"`);
        const src = /<iframe src="([^"]+)"/.exec(oembed.html)?.[1];
        expect(fileOf(src!)).toBe(p.file);
        expect(png(fileOf(oembed.thumbnail_url))).toEqual({ width: 1200, height: 630 });
      }
    });
  });

  describe('schema.org Dataset', () => {
    it('marks up each publisher page and the data page, every file at its stable address', () => {
      const pages = sitePages(dir).filter((p) => /\/(editeurs\/[^/]+|donnees-ouvertes)\/$/.test(p.path));
      expect(pages.length).toBeGreaterThanOrEqual(4);
      for (const p of pages) {
        const scripts = [...head(p.file).querySelectorAll('script[type="application/ld+json"]')];
        expect(scripts, p.path).toHaveLength(1);
        const ld = JSON.parse(scripts[0]!.textContent) as { license: string; spatialCoverage: { identifier: { value: string } }; distribution: { contentUrl: string }[] };
        expect(ld).toMatchObject({ '@context': 'https://schema.org', '@type': 'Dataset', isAccessibleForFree: true });
        expect(ld.license).toBe('https://www.etalab.gouv.fr/licence-ouverte-open-licence/');
        expect(ld.spatialCoverage.identifier.value).toMatch(/^\d{2,3}$/);
        expect(ld.distribution.length).toBeGreaterThan(10);
        for (const d of ld.distribution) expect(existsSync(fileOf(d.contentUrl)), d.contentUrl).toBe(true);
      }
    });
  });
});
