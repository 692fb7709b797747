/**
 * The results pages as a reader meets them on a phone (390 px) and a desktop (1280 px), in
 * Chromium: every number of every table is inside the viewport at 390 px (tables views opened),
 * no table or chart starts or ends outside its container at 1280 px, the page never scrolls
 * sideways; embeds size themselves to their content (no clipped summary, source or licence) from
 * 360 to 1280 px and their links open outside the frame; search snippets hold no markup.
 * Screenshots of home, hours and beneficiaries at both widths go to `.cache/test-output/screenshots/`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { normaliseBase, serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { gotoAndSettle, launchChromium } from './harness/browser.ts';
import { describeBuiltSite } from './harness/describe-site.ts';
import { basePath, distDir } from './harness/site.ts';
import { siteContext } from './harness/visit.ts';

const dir = distDir();
const BASE = normaliseBase(basePath());
const SHOTS = resolve('.cache/test-output/screenshots');
/** The results pages, in both languages. */
const PAGES = ['', 'heures/', 'beneficiaires/', 'emploi-durable/', 'marches/', 'entreprises/', 'odd/'].flatMap((p) => [p, `en/${p}`]);
const SHOT_PAGES = { home: '', hours: 'heures/', beneficiaries: 'beneficiaires/' };

interface Box {
  what: string;
  left: number;
  right: number;
}

/** Opens every `<details>` (the table views) so their tables are laid out. */
const openDetails = (page: Page) =>
  page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });

/** Numeric cells (`.num` in a table body) drawn at least partly outside [0, width]. */
const numbersOutside = (page: Page) =>
  page.evaluate(() => {
    const out: Box[] = [];
    const width = document.documentElement.clientWidth;
    for (const cell of document.querySelectorAll<HTMLElement>('tbody .num')) {
      const r = cell.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not rendered (a hidden row)
      if (r.left < -0.5 || r.right > width + 0.5) out.push({ what: `${cell.closest('table')?.id ?? '?'}: ${cell.textContent}`, left: Math.round(r.left), right: Math.round(r.right) });
    }
    return out.slice(0, 10);
  });

/** Tables and charts wider than, or starting outside, the element that holds them. */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const out: Box[] = [];
    const main = document.querySelector('main')?.getBoundingClientRect();
    for (const el of document.querySelectorAll<HTMLElement>('.table-scroll, figure.chart, .charts > *')) {
      const r = el.getBoundingClientRect();
      const parent = el.parentElement?.getBoundingClientRect();
      if (!parent || !main || r.width === 0) continue;
      const bad = r.left < parent.left - 0.5 || r.right > parent.right + 0.5 || r.left < main.left - 0.5 || r.right > main.right + 0.5;
      if (bad) out.push({ what: el.id || el.querySelector('table')?.id || el.className, left: Math.round(r.left), right: Math.round(r.right) });
    }
    return out.slice(0, 10);
  });

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describeBuiltSite(dir, `the reader's pages of ${dir}`, () => {
  let server: StaticServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const tabAt = async (width: number, height = 844) => {
    const { context } = await siteContext(browser, server, { viewport: { width, height }, reducedMotion: 'reduce' });
    contexts.push(context);
    return context.newPage();
  };
  const url = (path: string) => `${server.origin}${BASE}${path}`;

  beforeAll(async () => {
    server = await serveStatic(dir, { base: BASE });
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  /** Every results page at this width, tables views opened: the boxes `find` reports, and any sideways scrolling. */
  const scan = async (width: number, height: number, find: (page: Page) => Promise<Box[]>) => {
    const tab = await tabAt(width, height);
    const problems: string[] = [];
    for (const path of PAGES) {
      await gotoAndSettle(tab, url(path));
      await openDetails(tab);
      for (const b of await find(tab)) problems.push(`/${path} ${b.what} [${b.left}, ${b.right}]`);
      const extra = await sideways(tab);
      if (extra > 0) problems.push(`/${path} scrolls sideways by ${extra} px`);
    }
    return problems;
  };

  it('shows every number of every table inside the screen of a 390 px phone, without sideways scrolling', async () => {
    expect(await scan(390, 844, numbersOutside)).toEqual([]);
  });

  it('keeps every table and chart inside its container at 1280 px', async () => {
    expect(await scan(1280, 900, overflowing)).toEqual([]);
  });

  it('takes screenshots of home, hours and beneficiaries at 390 and 1280 px', async () => {
    for (const width of [390, 1280]) {
      const tab = await tabAt(width, width === 390 ? 844 : 900);
      for (const [name, path] of Object.entries(SHOT_PAGES)) {
        await gotoAndSettle(tab, url(path));
        await tab.evaluate(() => document.fonts.ready);
        const file = join(SHOTS, `${name}-${width}.png`);
        await tab.screenshot({ path: file, fullPage: true });
        expect(statSync(file).size, file).toBeGreaterThan(10_000);
      }
    }
  });

  it('gives an embed code naming where the site is served, whose iframe takes its content height from 360 to 1280 px, links opening outside the frame', async () => {
    const tab = await tabAt(1280, 900);
    await gotoAndSettle(tab, url('heures/'));
    const code = await tab.locator('textarea[id$="-integration"]').first().inputValue();
    expect(code).toContain(`src="${server.origin}${BASE}embed/`);
    expect(code).not.toContain('example.org');
    for (const width of [360, 768, 1280]) {
      const host = await tabAt(width, 700);
      await host.setContent(`<!doctype html><html><body style="margin:0">${code}</body></html>`);
      const frame = await (await host.waitForSelector('iframe[data-clauses-insertion]')).contentFrame();
      await frame!.waitForLoadState('load');
      // The page reports its height; the listener of the code sets it on the iframe.
      await host.waitForFunction((min) => Number.parseFloat((document.querySelector('iframe') as HTMLIFrameElement).style.height) > min, 200, { timeout: 5000 });
      await host.waitForTimeout(300);
      const inside = await frame!.evaluate(() => ({
        content: Math.ceil(document.documentElement.getBoundingClientRect().height),
        view: window.innerHeight,
        lastBottom: Math.ceil([...document.querySelectorAll('.chart-source')].pop()?.getBoundingClientRect().bottom ?? 0),
        target: document.querySelector('base')?.target,
      }));
      expect(inside.view, `${width} px: frame ${inside.view} px for ${inside.content} px of content`).toBeGreaterThanOrEqual(inside.content - 1);
      expect(inside.lastBottom, `${width} px: source and links inside the frame`).toBeLessThanOrEqual(inside.view);
      expect(inside.target).toBe('_top');
    }
  });

  /** The results of a search on the search page: each link's address and its snippet's markup and text. */
  const search = async (lang: 'fr' | 'en', q: string) => {
    const tab = await tabAt(1280, 900);
    await gotoAndSettle(tab, `${url(lang === 'en' ? 'en/recherche/' : 'recherche/')}?q=${encodeURIComponent(q)}`);
    await tab.waitForFunction(() => document.querySelector('[data-search-results] li') || /0|aucun|no result/i.test(document.querySelector('[data-search-status]')?.textContent ?? ''), null, {
      timeout: 10_000,
    });
    return tab.$$eval('[data-search-results] li', (items) =>
      items.map((li) => ({ href: li.querySelector('a')?.getAttribute('href') ?? '', html: li.querySelector('p')?.innerHTML ?? '', text: li.querySelector('p')?.textContent ?? '' })),
    );
  };

  it('shows search snippets without markup, and links a result to the chart or table that matched', async () => {
    for (const [lang, q] of [
      ['fr', 'iframe'],
      ['fr', 'intégration'],
      ['en', 'embed'],
      ['fr', 'heures'],
    ] as const) {
      for (const r of await search(lang, q)) {
        expect(r.html.replace(/<\/?mark>/g, ''), `${q}: ${r.href}`).not.toMatch(/</);
        expect(r.text, `${q}: ${r.href}`).not.toMatch(/<\w|&lt;|iframe src/);
      }
    }
    const found = await search('fr', 'Loire-Atlantique');
    expect(found.length).toBeGreaterThan(0);
    expect(
      found.some((r) => /#[\w-]+$/.test(r.href)),
      found.map((r) => r.href).join(' '),
    ).toBe(true);
  });

  it('lets a reader question a chart: values by keyboard and on hover, series shown or hidden from the legend', async () => {
    const tab = await tabAt(1280, 900);
    await gotoAndSettle(tab, url('heures/'));
    const box = tab.locator('#heures-par-annee .chart-svg');
    await box.focus();
    await tab.keyboard.press('ArrowRight');
    const readout = tab.locator('#heures-par-annee .chart-readout');
    // The second bar's title, as the table view gives it: « 2013 : 27 972 ».
    const second = await tab.locator('#heures-par-annee-donnees tbody tr').nth(1).locator('th, td').allTextContents();
    await expect.poll(() => readout.textContent()).toBe(`${second[0]} : ${second[1]?.replace(/,\d+$/, '')}`);
    await tab.keyboard.press('End');
    await expect.poll(() => readout.textContent()).toMatch(/^\d{4} : /);
    // Hover: the mark under the pointer.
    await tab.locator('#heures-par-annee svg.large [data-mark="bar"] rect').first().hover();
    await expect.poll(() => readout.textContent()).toMatch(/^\d{4} : [\d\s\u202f]+$/);
    // Series picker on a chart with several series.
    const toggle = tab.locator('#heures-par-segment .legend button.series-toggle').first();
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await tab.locator('#heures-par-segment svg.large .dim').count()).toBeGreaterThan(0);
    await toggle.click();
    expect(await tab.locator('#heures-par-segment svg.large .dim').count()).toBe(0);
  });

  it("offers the chart as of the current release (pinned), drawn from that release's own files", async () => {
    const tab = await tabAt(1280, 900);
    await gotoAndSettle(tab, url('heures/'));
    const code = await tab.locator('#heures-par-annee-integration-figee').inputValue();
    const src = /src="([^"]+)"/.exec(code)?.[1] ?? '';
    const version = /\/embed\/heures-par-annee\/([^/]+)\/$/.exec(src)?.[1];
    expect(version, src).toBeTruthy();
    // Every kept release has its pinned chart, whose rows are those of its own CSV.
    const id = readdirSync(join(dir, 'donnees')).find((d) => existsSync(join(dir, 'donnees', d, version!, 'datapackage.json')));
    for (const v of readdirSync(join(dir, 'donnees', id!)).filter((d) => existsSync(join(dir, 'donnees', id!, d, 'datapackage.json')))) {
      await gotoAndSettle(tab, url(`embed/heures-par-annee/${v}/`));
      const years = await tab.locator('#heures-par-annee-donnees tbody th').allTextContents();
      const csv = readFileSync(join(dir, 'donnees', id!, v, 'heures-par-annee.csv'), 'utf8')
        .replace(/^\ufeff/, '')
        .trim()
        .split(/\r?\n/)
        .slice(1);
      expect(years, v).toEqual(csv.map((l) => l.split(',')[0]));
    }
  });
});
