/**
 * Full-page screenshots of every page of the built site at a phone width (390×844, device scale
 * factor 2) and a desktop width (1440×900), into `.cache/screenshots/<lang>/<path>-<phone|desktop>.png`,
 * with an `index.html` gallery there for a reviewer.
 *
 *   tsx scripts/screenshots.ts [--dist dist] [--base /] [--out .cache/screenshots] [--only /heures/]
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { normaliseBase, serveStatic } from './lib/static-server.ts';
import { gotoAndSettle, launchChromium } from '../test/browser/harness/browser.ts';
import { basePath, discoverPages, distDir, missingDist, type SitePage } from '../test/browser/harness/site.ts';
import { siteContext } from '../test/browser/harness/visit.ts';

const VIEWPORTS = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 },
} as const;

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: distDir() },
    base: { type: 'string', default: basePath() },
    out: { type: 'string', default: resolve('.cache/screenshots') },
    only: { type: 'string' },
  },
});
const missing = missingDist(values.dist);
if (missing) {
  console.error(missing);
  process.exit(2);
}
const base = normaliseBase(values.base);
const pages = discoverPages(values.dist, base).filter((p) => !values.only || p.path.startsWith(values.only));

/** `fr/heures`, `en/index`, `fr/operations/op-1`, `fr/404`: the page's place among the screenshots. */
function shotName(page: SitePage): string {
  let rest = page.path.slice(base.length);
  if (page.lang === 'en') rest = rest.slice('en/'.length);
  rest = rest.replace(/\.html$/, '').replace(/\/$/, '');
  return `${page.lang}/${rest === '' ? 'index' : rest}`;
}

if (!values.only) await rm(values.out, { recursive: true, force: true });
const server = await serveStatic(values.dist, { base });
const browser = await launchChromium();
const file = (page: SitePage, viewport: keyof typeof VIEWPORTS) => join(values.out, `${shotName(page)}-${viewport}.png`);
const started = Date.now();
try {
  // One tab per viewport, the two working at once (one renderer per core).
  await Promise.all(
    (Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[]).map(async (viewport) => {
      const { context } = await siteContext(browser, server, { ...VIEWPORTS[viewport], reducedMotion: 'reduce' });
      const tab = await context.newPage();
      for (const page of pages) {
        await mkdir(dirname(file(page, viewport)), { recursive: true });
        await gotoAndSettle(tab, server.origin + encodeURI(page.path));
        await tab.evaluate(() => document.fonts.ready);
        await tab.screenshot({ path: file(page, viewport), fullPage: true, animations: 'disabled' });
      }
      await context.close();
    }),
  );
} finally {
  await browser.close();
  await server.close();
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const figure = (file: string, caption: string) => {
  const src = escape(relative(values.out, file).split('\\').join('/'));
  return `<figure><a href="${src}"><img src="${src}" alt="${escape(caption)}" loading="lazy"></a><figcaption>${escape(caption)}</figcaption></figure>`;
};
const gallery = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Screenshots of ${pages.length} pages</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 1rem; }
  section { display: flex; gap: 1rem; align-items: flex-start; border-top: 1px solid #ccc; padding: 1rem 0; }
  h2 { font-size: 1rem; width: 14rem; flex: none; overflow-wrap: anywhere; }
  figure { margin: 0; }
  .phone img { width: 195px; } .desktop img { width: 720px; }
  img { border: 1px solid #999; display: block; }
</style>
</head>
<body>
<h1>Screenshots of ${pages.length} pages</h1>
<p>Phone: 390×844 at 2× ; desktop: 1440×900. Full-page captures; click one for its real size.</p>
${pages
  .map(
    (page) => `<section><h2><code>${escape(page.path)}</code></h2>
<div class="phone">${figure(file(page, 'phone'), `${page.path} on a phone`)}</div>
<div class="desktop">${figure(file(page, 'desktop'), `${page.path} on a desktop`)}</div></section>`,
  )
  .join('\n')}
</body>
</html>
`;
await writeFile(join(values.out, 'index.html'), gallery);
console.log(`${pages.length * 2} screenshots of ${pages.length} pages in ${((Date.now() - started) / 1000).toFixed(1)} s: ${join(values.out, 'index.html')}`);
