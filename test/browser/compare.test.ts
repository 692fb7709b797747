/**
 * The comparison with peers as readers meet it, in Chromium: buyer A's site comparing buyer B's
 * release over HTTP (and a peer that never answers), and a site that only compares, built from a
 * list of addresses alone. Their comparison pages (and every page of the comparison-only site)
 * pass the whole site check — axe-core, Nu HTML Checker, links, keyboard, weight, CSP — and axe
 * again at a phone's width (390 px) and a desktop's (1280 px), where the page never scrolls
 * sideways as a whole (wide tables scroll in their own region).
 *
 * This file builds its own sites: B's published files alone, then A's and the third party's whole
 * sites (about 25 s of CPU each).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../scripts/sample/generate.ts';
import { normaliseBase, serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { PROJECT, projectCopy, runBuild, type BuildRun } from '../scripts/helpers/site-build.ts';
import { gotoAndSettle, launchChromium } from './harness/browser.ts';
import { checkSite, findings, type Findings } from './harness/check.ts';
import { basePath } from './harness/site.ts';
import { runAxe, siteContext } from './harness/visit.ts';

const TMP = mkdtempSync(join(tmpdir(), 'compare-browser-'));
const ROOT = projectCopy(TMP);
const BASE = normaliseBase(basePath());
const A = 'pays-de-la-loire';
const B = 'territoire-b';
const dataA = join(TMP, 'a', 'data');
const dataB = join(TMP, 'b', 'data');
const dataC = join(TMP, 'c', 'data');
const out = { a: join(TMP, 'a', 'dist'), b: join(TMP, 'b', 'dist'), c: join(TMP, 'c', 'dist') };

cpSync(join(PROJECT, 'data', A), join(dataA, A), { recursive: true });
cpSync(join(PROJECT, 'data', 'references'), join(dataA, 'references'), { recursive: true });
generateSample({ out: join(dataB, B), seed: 7, publisher: { id: B, nom: 'Territoire B' } });

let siteA: StaticServer;
let siteB: StaticServer;
let hang: Server;
const sockets = new Set<Socket>();
const runs: Record<string, BuildRun> = {};

beforeAll(async () => {
  [siteA, siteB] = await Promise.all([serveStatic(out.a, { base: BASE }), serveStatic(out.b)]);
  hang = createServer(() => undefined).on('connection', (s) => sockets.add(s));
  await new Promise<void>((ready) => hang.listen(0, '127.0.0.1', ready));
  const hangUrl = `http://127.0.0.1:${(hang.address() as AddressInfo).port}/donnees/x/datapackage.json`;

  runs.b = await runBuild(ROOT, ['--data', dataB, '--out', out.b, '--data-only', '--peer-cache', join(TMP, 'b', 'cache')]);
  writeFileSync(join(dataA, A, 'pairs.json'), JSON.stringify({ pairs: [`${siteB.url}donnees/${B}/datapackage.json`, hangUrl] }));
  runs.a = await runBuild(ROOT, ['--data', dataA, '--out', out.a, '--peer-cache', join(TMP, 'a', 'cache'), '--peer-timeout', '2']);
  mkdirSync(dataC, { recursive: true });
  writeFileSync(
    join(dataC, 'pairs.json'),
    JSON.stringify({
      site: { nom: 'Observatoire des clauses', description: { fr: 'Deux acheteurs comparés.', en: 'Two buyers compared.' } },
      pairs: [`${siteA.url}donnees/${A}/datapackage.json`, `${siteB.url}donnees/${B}/`, hangUrl],
    }),
  );
  runs.c = await runBuild(ROOT, ['--data', dataC, '--out', out.c, '--peer-cache', join(TMP, 'c', 'cache'), '--peer-timeout', '2']);
}, 900_000);

afterAll(async () => {
  await Promise.all([siteA?.close(), siteB?.close()]);
  for (const s of sockets) s.destroy();
  await new Promise<void>((done) => (hang ? hang.close(() => done()) : done()));
  rmSync(TMP, { recursive: true, force: true });
});

const COMPARE = /^\/(en\/)?comparaison\/$/;

describe('the comparison pages in Chromium', () => {
  it('builds the three sites', () => {
    for (const [name, run] of Object.entries(runs)) expect(run.code, `${name}: ${run.stdout}${run.stderr}`).toBe(0);
  });

  describe.each([
    ['A’s comparison with B', 'a', (path: string) => COMPARE.test(path.slice(BASE.length - 1))],
    ['the comparison-only site, every page', 'c', () => true],
  ] as const)('%s', (_, site, only) => {
    let found: Findings;
    beforeAll(async () => {
      const check = await checkSite({ dir: out[site], base: BASE, only: (p) => only(p.path) });
      expect(check.pages.length).toBeGreaterThan(1);
      found = findings(check);
    }, 600_000);

    it('has no axe-core violation, console error, failed or external request', () => {
      expect(found.axe).toEqual([]);
      expect(found.consoleErrors).toEqual([]);
      expect(found.failedRequests).toEqual([]);
      expect(found.externalRequests).toEqual([]);
    });
    it('has valid HTML, no broken link, the page language', () => {
      expect(found.html).toEqual([]);
      expect(found.brokenReferences).toEqual([]);
      expect(found.language).toEqual([]);
    });
    it('works by keyboard, within its weight budget and its Content-Security-Policy', () => {
      expect(found.skipLink).toEqual([]);
      expect(found.focus).toEqual([]);
      expect(found.details).toEqual([]);
      expect(found.weight).toEqual([]);
      expect(found.csp.filter((line) => !/\((search|filter|PNG)/.test(line))).toEqual([]);
    });
  });

  describe('at 390 and 1280 px', () => {
    let browser: Browser;
    let server: StaticServer;
    let serverC: StaticServer;
    beforeAll(async () => {
      browser = await launchChromium();
      [server, serverC] = await Promise.all([serveStatic(out.a, { base: BASE }), serveStatic(out.c, { base: BASE })]);
    });
    afterAll(async () => {
      await browser?.close();
      await Promise.all([server?.close(), serverC?.close()]);
    });

    it.each([390, 1280])(
      'passes axe-core and never scrolls sideways as a whole at %i px',
      async (width) => {
        const targets = [
          [server, 'comparaison/'],
          [server, 'en/comparaison/'],
          [serverC, ''],
          [serverC, 'en/'],
        ] as const;
        for (const [s, path] of targets) {
          const { context } = await siteContext(browser, s, { axe: true, viewport: { width, height: 900 } });
          try {
            const tab = await context.newPage();
            await gotoAndSettle(tab, s.url + path);
            await tab.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
            expect(await runAxe(tab), `${path} at ${width} px`).toEqual([]);
            const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            expect(overflow, `${path} at ${width} px`).toBeLessThanOrEqual(0);
            // The peers and their status are on the page, the one out of reach with its reason.
            const peers = await tab.$$eval('#pairs tbody tr', (rows) => rows.map((r) => [r.getAttribute('data-inclus'), r.getAttribute('data-raison')]));
            expect(peers).toContainEqual(['false', 'delai']);
          } finally {
            await context.close();
          }
        }
      },
      120_000,
    );
  });
});
