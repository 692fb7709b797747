/**
 * The « Vérifier vos fichiers » page (`/verifier/`, `/en/verifier/`) in Chromium, on the built
 * site: files chosen, dropped or picked by keyboard are checked in the page's worker with the
 * build's own validator, the page lists what Node's validator finds on the same bytes (file,
 * line, column, value, rule, message in the page's language), the reports download from Blob
 * URLs, and no request carries the files anywhere.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { validateDataset, type ValidationReport } from '../../src/lib/validate/index.ts';
import { DEFAULT_PUBLISHER, publisherOf, reportCsv } from '../../src/browser/checker/report.ts';
import { gotoAndSettle, launchChromium } from './harness/browser.ts';
import { describeBuiltSite } from './harness/describe-site.ts';
import { basePath, distDir, type Lang } from './harness/site.ts';
import { AXE_TAGS, siteContext } from './harness/visit.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** The sample's contracts: Windows-1252, `;`, decimal commas, as French Excel writes them. */
const MARCHES = resolve(ROOT, 'data/pays-de-la-loire/marches.csv');
/** Hours with one error of each kind per line (see the pinned issues below). */
const BAD_HEURES = resolve(import.meta.dirname, 'fixtures/checker/heures.csv');
/** Contracts in an Excel workbook, with a bad date and a bad SIRET (test/fixtures/README.md, `xlsx/`). */
const XLSX_MARCHES = resolve(ROOT, 'test/fixtures/xlsx/erreurs/marches.xlsx');

/** What Node's validator reports on the same files, as the page is asked to check them. */
async function nodeReport(paths: string[]): Promise<ValidationReport> {
  const files: Record<string, Uint8Array> = {};
  for (const p of paths) files[p.split('/').pop()!] = readFileSync(p);
  return (await validateDataset({ publisher: DEFAULT_PUBLISHER, meta: undefined, files, partial: true })).report;
}

describe('the report helpers of the worker', () => {
  it('writes one CSV line per stored issue, quoted and formula-safe, both languages', () => {
    const report: ValidationReport = {
      publisher: 'x',
      files: [],
      summary: [],
      errorCount: 2,
      warningCount: 0,
      issues: [
        { severity: 'error', rule: 'nombre.format', file: 'heures.csv', line: 3, column: 'heures', value: '=1+2', message: { fr: 'a, b', en: 'say "x"' } },
        { severity: 'error', rule: 'fichier.absent', file: 'marches.csv', message: { fr: 'absent', en: 'missing' } },
      ],
    };
    expect(reportCsv(report).split('\r\n')).toEqual([
      '\uFEFFfile,sheet,line,cell,column,value,rule,severity,message_fr,message_en',
      `heures.csv,,3,,heures,'=1+2,nombre.format,error,"a, b","say ""x"""`,
      'marches.csv,,,,,,fichier.absent,error,absent,missing',
      '',
    ]);
  });

  it('takes the publisher from metadonnees.json when its id is usable', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(publisherOf(bytes('\uFEFF{"id": "nantes-metropole"}'))).toBe('nantes-metropole');
    expect(publisherOf(bytes('{"id": "Pas un id"}'))).toBe(DEFAULT_PUBLISHER);
    expect(publisherOf(bytes('{'))).toBe(DEFAULT_PUBLISHER);
    expect(publisherOf(undefined)).toBe(DEFAULT_PUBLISHER);
  });
});

const dir = distDir();

describeBuiltSite(dir, `the checker page of ${dir}`, () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let external: string[];
  /** Every request the browser made (pages and workers), recorded by Playwright. */
  const requests: Request[] = [];

  beforeAll(async () => {
    server = await serveStatic(dir, { base: basePath() });
    browser = await launchChromium();
    ({ context, external } = await siteContext(browser, server, { acceptDownloads: true, axe: true }));
    context.on('request', (r) => requests.push(r));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const url = (lang: Lang) => `${server.url}${lang === 'en' ? 'en/' : ''}verifier/`;

  /** Opens the page and returns the requests seen from then on (browser side and server side). */
  async function open(lang: Lang): Promise<{ page: Page; after: () => { browser: Request[]; server: StaticServer['requests'] } }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await gotoAndSettle(page, url(lang));
    await page.locator('[data-checker-form]').waitFor({ state: 'visible' });
    const fromBrowser = requests.length;
    const fromServer = server.requests.length;
    return {
      page,
      after: () => {
        expect(errors).toEqual([]);
        return { browser: requests.slice(fromBrowser), server: server.requests.slice(fromServer) };
      },
    };
  }

  async function results(page: Page) {
    await page.locator('[data-results]').waitFor({ state: 'visible', timeout: 30_000 });
    const rows = (selector: string) => page.locator(`${selector} tr`).evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    return {
      verdict: await page.locator('[data-verdict]').getAttribute('class'),
      status: await page.locator('[data-status]').textContent(),
      focused: await page.evaluate(() => document.activeElement?.id),
      files: await rows('[data-files]'),
      rules: await rows('[data-rules]'),
      issues: await rows('[data-issues]'),
    };
  }

  /** Rows the issue table must show for a report: level, file, line, column, value, rule, message. */
  const expectedIssues = (report: ValidationReport, lang: Lang) =>
    report.issues.map((i) => [
      i.severity === 'error' ? (lang === 'fr' ? 'erreur' : 'error') : lang === 'fr' ? 'avertissement' : 'warning',
      i.sheet === undefined ? i.file : `${i.file} › ${i.sheet}`,
      i.cell ?? (i.line === undefined ? '' : new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB').format(i.line)),
      i.column ?? '',
      i.value ?? '',
      i.rule,
      i.message[lang],
    ]);

  it('does not load the validator with the page', async () => {
    const { page, after } = await open('fr');
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(loaded.filter((n) => /worker/.test(n))).toEqual([]);
    after();
    await page.close();
  });

  it('accepts the sample’s Windows-1252 « ; » contracts file, with the encoding warning', async () => {
    const { page, after } = await open('fr');
    await page.locator('#checker-files').setInputFiles(MARCHES);
    const shown = await results(page);
    const expected = await nodeReport([MARCHES]);
    expect(expected.errorCount).toBe(0);
    expect(shown.verdict).toBe('badge-ok');
    expect(shown.focused).toBe('checker-result');
    expect(shown.status).toMatch(/^marches\.csv vérifié\(s\) en [\d,]+ s : 0 erreur\(s\), 1 avertissement\(s\)\.$/);
    expect(shown.files).toEqual([['marches.csv', 'windows-1252', ';', new Intl.NumberFormat('fr-FR').format(expected.files[0]!.rows)]]);
    expect(shown.rules).toEqual([['Encodage autre que UTF-8 fichier.encodage', 'avertissement', '1', 'marches.csv (1)', expected.summary[0]!.fix.fr]]);
    expect(shown.issues).toEqual(expectedIssues(expected, 'fr'));
    after();
    await page.close();
  });

  for (const lang of ['fr', 'en'] as const) {
    it(`lists each error of a bad file with line, column, value and rule (${lang})`, async () => {
      const { page, after } = await open(lang);
      await page.locator('#checker-files').setInputFiles(BAD_HEURES);
      const shown = await results(page);
      const expected = await nodeReport([BAD_HEURES]);
      expect(shown.verdict).toBe('badge-ko');
      expect(shown.issues).toEqual(expectedIssues(expected, lang));
      // Pinned, so that a validator that found nothing would not pass by agreeing with itself.
      const where = shown.issues.map(([, file, line, column, value, rule]) => [file, line, column, value, rule].join(' '));
      expect(where).toEqual([
        'heures.csv 3 mois 13/2018 mois.invalide',
        'heures.csv 3 heures 12h nombre.format',
        'heures.csv 4 heures 250 nombre.maximum',
        'heures.csv 4 type_contrat XYZ code.inconnu',
        'heures.csv 5 id_marche  valeur.manquante',
      ]);
      expect(shown.rules.map((r) => r[0]!.split(' ').pop())).toEqual(expected.summary.map((s) => s.rule));
      expect(shown.rules[0]![0]).toContain(expected.summary[0]![lang]);
      expect(shown.status).toContain(lang === 'fr' ? '5 erreur(s), 0 avertissement(s)' : '5 error(s), 0 warning(s)');
      // The results as shown, not only the empty page the site crawl sees: WCAG 2.1 A and AA.
      const violations = await page.evaluate(async (tags) => {
        const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }, AXE_TAGS);
      expect(violations).toEqual([]);
      after();
      await page.close();
    });
  }

  it('reads an Excel workbook in the worker, naming the sheet and the cell of each problem', async () => {
    const { page, after } = await open('fr');
    await page.locator('#checker-files').setInputFiles(XLSX_MARCHES);
    const shown = await results(page);
    const expected = await nodeReport([XLSX_MARCHES]);
    expect(shown.verdict).toBe('badge-ko');
    expect(shown.files).toEqual([['marches.xlsx › Feuil1', 'xlsx', '', '12']]);
    expect(shown.issues).toEqual(expectedIssues(expected, 'fr'));
    expect(shown.issues.map(([, file, cell, column, , rule]) => [file, cell, column, rule].join(' '))).toEqual([
      'marches.xlsx › Feuil1 H10 date_notification date.format',
      'marches.xlsx › Feuil1 B13 id_acheteur siret.cle',
    ]);
    expect(shown.rules.map((r) => r[4])).toEqual(expected.summary.map((s) => s.fix.fr));
    after();
    await page.close();
  });

  it('downloads the report as JSON (the build’s shape) and CSV, from Blob URLs', async () => {
    const { page, after } = await open('en');
    await page.locator('#checker-files').setInputFiles([BAD_HEURES, MARCHES]);
    await results(page);
    const expected = await nodeReport([BAD_HEURES, MARCHES]);
    const fetchDownload = async (selector: string) => {
      expect(await page.locator(selector).getAttribute('href')).toMatch(/^blob:/);
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
      return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
    };
    const json = await fetchDownload('[data-download-json]');
    expect(json.name).toBe(`validation-${DEFAULT_PUBLISHER}.json`);
    expect(json.text).toBe(JSON.stringify(expected, null, 2) + '\n');
    const csv = await fetchDownload('[data-download-csv]');
    expect(csv.name).toBe(`validation-${DEFAULT_PUBLISHER}.csv`);
    expect(csv.text).toBe(reportCsv(expected));
    expect(csv.text.split('\r\n')).toContainEqual(expect.stringMatching(/^heures\.csv,,3,,heures,12h,nombre\.format,error,"?Nombre illisible/));
    after();
    await page.close();
  });

  it('checks files dropped on the drop zone', async () => {
    const { page, after } = await open('fr');
    const bytes = [...readFileSync(BAD_HEURES)];
    await page.evaluate((b) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(b)], 'heures.csv', { type: 'text/csv' }));
      const zone = document.querySelector('[data-drop]')!;
      for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }, bytes);
    expect((await results(page)).issues).toHaveLength(5);
    after();
    await page.close();
  });

  it('opens the file chooser from the keyboard: Tab to the labelled input, then Space', async () => {
    // A plain context: the file chooser does not open in the routed one of `siteContext`.
    const plain = await browser.newContext();
    try {
      const page = await plain.newPage();
      // Intercept file choosers from the start: the first 'filechooser' listener turns interception
      // on asynchronously, and a key press racing it would open a dialog no test can see.
      page.on('filechooser', () => undefined);
      await gotoAndSettle(page, url('en'));
      await page.locator('[data-checker-form]').waitFor({ state: 'visible' });
      let reached = false;
      for (let i = 0; i < 60 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.id === 'checker-files');
      }
      expect(reached).toBe(true);
      expect(await page.locator('label[for="checker-files"]').textContent()).toBe('Choose files');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
      expect(chooser.isMultiple()).toBe(true);
      await chooser.setFiles(MARCHES);
      await page.waitForFunction(() => document.querySelector('[data-verdict]')?.className === 'badge-ok');
      expect(await page.locator('[data-status]').textContent()).toMatch(/^marches\.csv checked in [\d.]+ s: 0 error\(s\), 1 warning\(s\)\.$/);
    } finally {
      await plain.close();
    }
  });

  it('sends nothing: no request leaves the site, none has a body, only the worker’s scripts are fetched', async () => {
    const { page, after } = await open('fr');
    await page.locator('#checker-files').setInputFiles([MARCHES, BAD_HEURES]);
    await results(page);
    await Promise.all([page.waitForEvent('download'), page.locator('[data-download-csv]').click()]);
    const seen = after();
    expect(external).toEqual([]);
    // The page's first check loads the worker: at least one script, fetched with GET.
    expect(seen.server.map((r) => r.path)).toContainEqual(expect.stringMatching(/\/_astro\/worker-[^/]+\.js$/));
    for (const r of seen.browser) {
      expect(new URL(r.url()).origin, r.url()).toBe(server.origin);
      expect(r.method(), r.url()).toBe('GET');
      expect(r.postDataBuffer(), r.url()).toBeNull();
      expect(new URL(r.url()).pathname, r.url()).toMatch(/\/_astro\/[^/]+\.js$/);
    }
    for (const r of seen.server) {
      expect(r.method, r.path).toBe('GET');
      expect(r.path).toMatch(/\/_astro\/[^/]+\.js$/);
    }
    await page.close();
  });
});
