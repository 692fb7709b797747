/**
 * The list of all contracts in a real browser: static pages browsable without JavaScript; with
 * JavaScript, filters and sorting on the contracts fetched on demand, a page at a time, the view
 * kept in the URL. Expected rows are computed from the published table the page reads.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { gotoAndSettle, launchChromium } from './harness/browser.ts';
import { describeBuiltSite } from './harness/describe-site.ts';
import { basePath, distDir } from './harness/site.ts';

const dir = distDir();
const PAGE_SIZE = 100;

interface Published {
  lignes: Record<string, string | number | boolean | null>[];
}
function publishedContracts(): Published | undefined {
  const root = join(dir, 'donnees');
  for (const d of existsSync(root) ? readdirSync(root) : []) {
    const file = join(root, d, 'marches.json');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Published;
  }
  return undefined;
}

const rowCount = (page: Page) => page.locator('#tableau-marches tbody tr').count();
const firstPurposes = (page: Page, n = 3) => page.$$eval('#tableau-marches tbody tr', (rows, n) => (rows as HTMLTableRowElement[]).slice(0, n).map((r) => r.cells[0]?.textContent?.trim() ?? ''), n);
const columnIndex = (page: Page, col: string) => page.$$eval('#tableau-marches thead th', (ths, col) => ths.findIndex((th) => (th as HTMLElement).dataset.col === col), col);

describeBuiltSite(dir, 'the list of all contracts', () => {
  const published = publishedContracts();
  // Every release publishes the table of contracts: its absence is a failure, not a reason to skip.
  it('finds the published table of contracts (donnees/<editeur>/marches.json)', () => {
    expect(published).toBeDefined();
  });
  const rows = published?.lignes ?? [];
  let server: StaticServer;
  let browser: Browser;
  const base = basePath();
  const url = (path: string) => `${server.origin}${base}${path}`;

  beforeAll(async () => {
    server = await serveStatic(dir, { base });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe('without JavaScript', () => {
    it('shows the first page of rows and static links to the next pages, the form hidden', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(url('marches/'));
      expect(await rowCount(page)).toBe(Math.min(PAGE_SIZE, rows.length));
      expect(await page.locator('#filtres-marches').isHidden()).toBe(true);
      expect(await firstPurposes(page, 1)).toEqual([String(rows[0]!.objet)]);
      if (rows.length > PAGE_SIZE) {
        await page.locator('nav[data-pagination] a[rel="next"]').first().click();
        await page.waitForURL(/\/marches\/liste\/2\/$/);
        expect(await rowCount(page)).toBe(Math.min(PAGE_SIZE, rows.length - PAGE_SIZE));
        expect(await firstPurposes(page, 1)).toEqual([String(rows[PAGE_SIZE]!.objet)]);
        expect(await page.locator('nav[data-pagination] a[aria-current="page"]').first().textContent()).toContain('2');
      }
      // Every purpose links to its operation page, which lists the contract.
      const link = page.locator('#tableau-marches tbody th a').first();
      const purpose = (await link.textContent())!.trim();
      await link.click();
      await page.waitForURL(/\/operations\/[^/]+\/$/);
      expect(await page.locator('#marches-operation-tableau tbody').textContent()).toContain(purpose);
      await context.close();
    });
  });

  describe('with JavaScript', () => {
    it('fetches nothing on load, then filters by segment on demand and keeps the view in the URL', async () => {
      const page = await browser.newPage();
      const chunks: string[] = [];
      page.on('request', (r) => {
        if (/\/marches\/donnees\/\d{4}\.json$/.test(r.url())) chunks.push(r.url());
      });
      await gotoAndSettle(page, url('marches/'));
      expect(chunks).toEqual([]);
      expect(await page.locator('#filtres-marches').isVisible()).toBe(true);

      const segment = 'SERVICES';
      const expected = rows.filter((r) => r.segment === segment);
      await page.selectOption('#filtres-marches-segment', segment);
      await page.waitForURL(/segment=SERVICES/);
      await page.waitForFunction(() => /\d/.test(document.querySelector('[data-status]')?.textContent ?? ''));
      expect(chunks.length).toBeGreaterThan(0);
      expect(await rowCount(page)).toBe(Math.min(PAGE_SIZE, expected.length));
      const segCol = await columnIndex(page, 'segment');
      const label = await page.locator('#filtres-marches-segment option[value="SERVICES"]').textContent();
      const shown = await page.$$eval('#tableau-marches tbody tr', (trs, i) => (trs as HTMLTableRowElement[]).map((tr) => tr.cells[i]?.textContent), segCol);
      expect(new Set(shown)).toEqual(new Set(expected.length ? [label] : []));
      expect(await page.locator('[data-status]').textContent()).toContain(String(expected.length));

      // The link opens the same view.
      const shared = page.url();
      const again = await browser.newPage();
      await gotoAndSettle(again, shared);
      await again.waitForFunction(() => /\d/.test(document.querySelector('[data-status]')?.textContent ?? ''));
      expect(await again.inputValue('#filtres-marches-segment')).toBe(segment);
      expect(await firstPurposes(again)).toEqual(await firstPurposes(page));
      await again.close();
      await page.close();
    });

    it('sorts by a column in both directions across all contracts, secret values last', async () => {
      const page = await browser.newPage();
      await gotoAndSettle(page, url('marches/'));
      const col = await columnIndex(page, 'heures_prevues');
      const header = page.locator('#tableau-marches thead th').nth(col);
      await header.locator('button').click();
      await page.waitForURL(/tri=heures_prevues/);
      await header.locator('button').click();
      await page.waitForURL(/ordre=desc/);
      await page.waitForFunction(() => /\d/.test(document.querySelector('[data-status]')?.textContent ?? ''));
      expect(await header.getAttribute('aria-sort')).toBe('descending');
      const max = Math.max(...rows.map((r) => Number(r.heures_prevues)));
      const top = rows.filter((r) => r.heures_prevues === max).map((r) => String(r.objet));
      expect(top).toContain((await firstPurposes(page, 1))[0]);

      // A later page of the sorted view, by keyboard.
      if (rows.length > PAGE_SIZE) {
        const next = page.locator('nav.pagination:not([data-pagination]) a[rel="next"], nav.pagination:not([data-pagination]) a:has-text("2")').first();
        await next.focus();
        await page.keyboard.press('Enter');
        await page.waitForURL(/page=2/);
        expect(await rowCount(page)).toBe(Math.min(PAGE_SIZE, rows.length - PAGE_SIZE));
        const values = await page.$$eval('#tableau-marches tbody tr', (trs, i) => (trs as HTMLTableRowElement[]).map((tr) => tr.cells[i]?.textContent ?? ''), col);
        expect(values.length).toBeGreaterThan(0);
      }
      await page.close();
    });

    it('formats the rows it rebuilds exactly as the server-rendered ones (numbers, amounts)', async () => {
      const page = await browser.newPage();
      await gotoAndSettle(page, url('marches/'));
      const texts = async () => page.$$eval('#tableau-marches tbody tr', (trs) => (trs as HTMLTableRowElement[]).map((tr) => [...tr.cells].map((c) => c.textContent?.trim() ?? '').join(' | ')));
      const served = await texts();
      expect(await columnIndex(page, 'heures_prevues')).toBeGreaterThan(-1);
      expect(await columnIndex(page, 'heures_realisees')).toBe(-1);
      // From the first year on: every contract, in the same order, rebuilt by the script.
      const first = Math.min(...rows.map((r) => Number(r.annee_notification)));
      await gotoAndSettle(page, url(`marches/?annee_min=${first}`));
      await page.waitForFunction(() => /\d/.test(document.querySelector('[data-status]')?.textContent ?? ''));
      expect(await texts()).toEqual(served);
      await page.close();
    });

    it('combines a year range, a département and a clause type', async () => {
      const page = await browser.newPage();
      const years = [...new Set(rows.map((r) => Number(r.annee_notification)))].sort();
      const from = years[Math.floor(years.length / 2)]!;
      const dep = String(rows.find((r) => Number(r.annee_notification) >= from)?.departement);
      const expected = rows.filter((r) => Number(r.annee_notification) >= from && r.departement === dep && r.type_clause === 'EXECUTION');
      await gotoAndSettle(page, url(`marches/?annee_min=${from}&departement=${dep}&type_clause=EXECUTION`));
      await page.waitForFunction(() => /\d/.test(document.querySelector('[data-status]')?.textContent ?? ''));
      expect(await page.inputValue('#filtres-marches-annee-min')).toBe(String(from));
      expect(await rowCount(page)).toBe(Math.min(PAGE_SIZE, expected.length));
      expect(await page.locator('[data-status]').textContent()).toContain(String(expected.length));
      // Reset brings the static first page back.
      await page.locator('#filtres-marches button[type="reset"]').click();
      await page.waitForURL((u) => u.search === '');
      expect(await firstPurposes(page, 1)).toEqual([String(rows[0]!.objet)]);
      await page.close();
    });
  });
});
