/**
 * What search engines, link previews and content systems read about a page: schema.org `Dataset`
 * markup (JSON-LD), the preview image and oEmbed description of a page's main chart, and the
 * sitemap. Pure: the pages and scripts/build.ts hand in what they read.
 */
import type { Lang } from '../i18n/index.ts';
import { latestDir, versionDir } from '../lib/release/versions.ts';
import type { Publication } from './data.ts';
import { PAGE_CONTENT } from './pages-manifest.ts';
import { fileHref, href, type PageKey } from './routes.ts';

/** Size of the link preview images (Open Graph's recommended 1.91:1). */
export const PREVIEW = { width: 1200, height: 630 } as const;

/** Chart of the home page, the preview of pages that have no chart of their own. */
const HOME_CHART = PAGE_CONTENT.home?.charts?.[0];

/** The chart a page is previewed with: its first chart, else the home page's first. */
export const mainChartOf = (page: PageKey | undefined): string | undefined => (page && PAGE_CONTENT[page]?.charts?.[0]) || HOME_CHART;

/** Path of a chart's preview image (PNG, one per language). */
export const previewHref = (lang: Lang, chart: string) => fileHref(lang, `graphiques/${chart}.png`);

/** Path of a chart's oEmbed description (JSON, one per language), beside its embed page. */
export const oembedHref = (lang: Lang, chart: string) => `${href(lang, `embed/${chart}`)}oembed.json`;

/**
 * The text of a `<script type="application/ld+json">`: JSON whose `<`, `>`, `&` and line
 * separators are escaped, so that no text of the data can close the script element. Browsers do
 * not run a data block, so the Content-Security-Policy needs nothing for it.
 */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const MEDIA: Record<string, string> = {
  csv: 'text/csv',
  json: 'application/json',
  parquet: 'application/vnd.apache.parquet',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  md: 'text/markdown',
  txt: 'text/plain',
};

/**
 * schema.org `Dataset` of a publisher's current release: name, description, version, dates,
 * period, territory (INSEE codes), licence, publisher, files (`DataDownload`, each at its stable
 * address) and the DCAT catalogue it belongs to.
 */
export function datasetJsonLd(pub: Publication, lang: Lang, site: URL, page: string) {
  const dp = pub.datapackage;
  const ed = pub.editeur;
  const at = (path: string) => new URL(path, site).href;
  const spatial = dp.spatial;
  const versions = (dp.versions ?? []).filter((v) => !v.courante);
  const licence = dp.licenses[0];
  const en = lang === 'en';
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': at(`${latestDir(pub.id)}/`),
    name: (en ? dp.title_en : undefined) ?? dp.title ?? dp.name,
    description: (en ? dp.description_en : undefined) ?? dp.description ?? '',
    url: page,
    identifier: at(`${versionDir(pub.id, dp.version)}/`),
    version: dp.version,
    datePublished: ed.date_publication,
    inLanguage: ['fr', 'en'],
    isAccessibleForFree: true,
    ...(licence?.path ? { license: licence.path } : {}),
    keywords: dp.keywords ?? [],
    temporalCoverage: `${ed.periode.debut}/${ed.periode.fin}`,
    spatialCoverage: {
      '@type': 'AdministrativeArea',
      name: spatial.territoire,
      ...(spatial.code_region ? { identifier: { '@type': 'PropertyValue', propertyID: 'code INSEE région', value: spatial.code_region } } : {}),
      ...(spatial.departements.length
        ? { containsPlace: spatial.departements.map((d) => ({ '@type': 'AdministrativeArea', identifier: { '@type': 'PropertyValue', propertyID: 'code INSEE département', value: d } })) }
        : {}),
    },
    creator: { '@type': 'GovernmentOrganization', name: ed.nom, url: at(href(lang, `editeurs/${pub.id}`)) },
    publisher: { '@type': 'GovernmentOrganization', name: ed.nom },
    includedInDataCatalog: { '@type': 'DataCatalog', name: 'DCAT', url: at('donnees/catalogue.jsonld') },
    ...(versions.length ? { hasPart: versions.map((v) => ({ '@type': 'Dataset', name: `${dp.title ?? dp.name} (${v.version})`, version: v.version, url: v.url })) } : {}),
    distribution: pub.downloads.map((d) => ({
      '@type': 'DataDownload',
      name: d.file,
      encodingFormat: MEDIA[d.format] ?? d.format,
      contentUrl: at(`${versionDir(pub.id, dp.version)}/${d.file}`),
      contentSize: `${d.bytes} B`,
      sha256: d.hash.replace(/^sha256:/, ''),
    })),
  };
}

/** A page of the sitemap: its address and its address in each language. */
export interface SitemapEntry {
  loc: string;
  alternates: { hreflang: string; href: string }[];
  lastmod?: string;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** sitemap.xml (sitemaps.org 0.9) with the `xhtml:link` language alternates search engines read. */
export function sitemapXml(entries: readonly SitemapEntry[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'];
  for (const e of entries) {
    lines.push('  <url>', `    <loc>${xml(e.loc)}</loc>`);
    if (e.lastmod) lines.push(`    <lastmod>${xml(e.lastmod)}</lastmod>`);
    for (const a of e.alternates) lines.push(`    <xhtml:link rel="alternate" hreflang="${xml(a.hreflang)}" href="${xml(a.href)}"/>`);
    lines.push('  </url>');
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}

/** robots.txt: everything may be crawled; where the sitemap is. */
export const robotsTxt = (sitemapUrl: string) => `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
