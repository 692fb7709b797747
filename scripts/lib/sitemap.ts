/**
 * sitemap.xml and robots.txt of a built site, from the pages themselves: every page that has a
 * canonical address and is not `noindex` (embed pages are), with the language alternates the page
 * declares. So the sitemap lists exactly the pages built, at the addresses they give (`SITE` and
 * `BASE`). Written at the root of the built site; robots.txt is read by crawlers only at a host's
 * root, so under a sub-path (`BASE`) point to the sitemap from the host's own robots.txt.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { robotsTxt, sitemapXml, type SitemapEntry } from '../../src/site/seo.ts';

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.isFile() && entry.name === 'index.html') yield path;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'", '#x27': "'" };
const unescape = (s: string) => s.replace(/&(amp|quot|lt|gt|#39|#x27);/g, (_, e: string) => ENTITIES[e]!);

/** The attributes of each `<tag …>` of the head (double-quoted values, as Astro writes them). */
function tags(head: string, name: string): Record<string, string>[] {
  return [...head.matchAll(new RegExp(`<${name}\\s([^>]*)>`, 'gi'))].map((m) => Object.fromEntries([...m[1]!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1]!.toLowerCase(), unescape(a[2]!)])));
}

/**
 * The sitemap entry of a page's HTML, or undefined when it is not to be indexed. The head is read
 * with two regular expressions, not a DOM: at ×100 the site has 22,000 pages, and a DOM per page
 * took 18 s (test/browser/open-data.test.ts checks the result against a DOM's reading).
 */
export function sitemapEntryOf(html: string): SitemapEntry | undefined {
  const head = html.slice(0, html.indexOf('</head>') + 7);
  if (tags(head, 'meta').some((m) => m.name === 'robots' && /noindex/i.test(m.content ?? ''))) return undefined;
  const links = tags(head, 'link');
  const loc = links.find((l) => l.rel === 'canonical')?.href;
  if (!loc) return undefined;
  const alternates = links.filter((l) => l.rel === 'alternate' && l.hreflang && l.href).map((l) => ({ hreflang: l.hreflang!, href: l.href! }));
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
