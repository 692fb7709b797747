/**
 * sitemap.xml and robots.txt of a built site, from the pages themselves: every page that has a
 * canonical address and is not `noindex` (embed pages are), with the language alternates the page
 * declares. So the sitemap lists exactly the pages built, at the addresses they give (`SITE` and
 * `BASE`). Written at the root of the built site; robots.txt is read by crawlers only at a host's
 * root, so under a sub-path (`BASE`) point to the sitemap from the host's own robots.txt.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { robotsTxt, sitemapXml, type SitemapEntry } from '../../src/site/seo.ts';

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.isFile() && entry.name === 'index.html') yield path;
  }
}

/** The sitemap entry of a page's HTML, or undefined when it is not to be indexed. */
export function sitemapEntryOf(html: string): SitemapEntry | undefined {
  const head = html.slice(0, html.indexOf('</head>') + 7);
  const { document } = parseHTML(`${head}<body></body></html>`);
  if (/noindex/i.test(document.querySelector('meta[name="robots"]')?.getAttribute('content') ?? '')) return undefined;
  const loc = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (!loc) return undefined;
  const alternates = [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => ({ hreflang: l.getAttribute('hreflang')!, href: l.getAttribute('href')! }));
  return { loc, alternates };
}

/** Writes `sitemap.xml` and `robots.txt` at the root of the built site; returns the number of pages listed. */
export async function writeSitemap(siteDir: string, siteUrl: string): Promise<number> {
  const entries: SitemapEntry[] = [];
  for await (const file of htmlFiles(siteDir)) {
    const entry = sitemapEntryOf(await readFile(file, 'utf8'));
    if (entry) entries.push(entry);
  }
  entries.sort((a, b) => (a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0));
  const sitemap = new URL('sitemap.xml', siteUrl).href;
  await writeFile(join(siteDir, 'sitemap.xml'), sitemapXml(entries), { flag: 'wx' });
  await writeFile(join(siteDir, 'robots.txt'), robotsTxt(sitemap), { flag: 'wx' });
  return entries.length;
}
