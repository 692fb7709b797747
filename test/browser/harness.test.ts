/**
 * The checks themselves, on two small fixture sites: `fixtures/good` passes every check, and
 * `fixtures/broken` has one deliberate defect per check, each of which must be reported. Without
 * this, a check that silently stopped working would look like a site without defects.
 */
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/browser.ts';
import { checkSite, findings, type Findings, type SiteCheck } from './harness/check.ts';
import { policyProblems } from './harness/csp.ts';
import { discoverPages } from './harness/site.ts';
import { isSearchIndex, overBudget } from './harness/weight.ts';

const fixture = (name: string) => resolve(import.meta.dirname, 'fixtures', name);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('page discovery', () => {
  it('finds every page of both languages and skips Pagefind', () => {
    expect(discoverPages(fixture('good'), '/').map((p) => [p.path, p.lang])).toEqual([
      ['/', 'fr'],
      ['/404.html', 'fr'],
      ['/en/', 'en'],
      ['/en/hours/', 'en'],
      ['/heures/', 'fr'],
    ]);
  });

  it('puts the base path in front of every page', () => {
    expect(discoverPages(fixture('good'), '/sub').map((p) => p.path)).toContain('/sub/en/hours/');
  });
});

describe('a site without defects', () => {
  let check: SiteCheck;
  let found: Findings;
  beforeAll(async () => {
    check = await checkSite({ dir: fixture('good'), base: '/', browser });
    found = findings(check);
  });

  it('passes every check', () => {
    expect(found).toEqual({
      consoleErrors: [],
      failedRequests: [],
      externalRequests: [],
      axe: [],
      brokenReferences: [],
      language: [],
      skipLink: [],
      focus: [],
      details: [],
      filters: [],
      weight: [],
      html: [],
      csp: [],
    });
  });

  it('exercises the policy by using a filter form', () => {
    expect(check.cspUses.map((u) => [u.page, u.action])).toEqual([['/en/hours/', 'filter']]);
  });

  it('follows both ways of applying a filter: on change, and with the submit button', () => {
    expect(check.filters.map((f) => [f.page, f.url?.replace(/^http:\/\/[^/]+/, '')])).toEqual([
      ['/en/hours/', '/en/hours/?year=2022'],
      ['/heures/', '/heures/?annee=2022'],
    ]);
  });

  it('weighs what a page loads: the document, its stylesheet and script (not the icon)', () => {
    const heures = check.weights.find((w) => w.page === '/heures/');
    expect(heures?.files.map((f) => [f.path, f.kind]).sort()).toEqual([
      ['/_astro/filtres.js', 'js'],
      ['/_astro/site.css', 'css'],
      ['/heures/', 'html'],
    ]);
    expect(heures!.js.gzip).toBeGreaterThan(0);
    expect(heures!.total.gzip).toBeLessThan(heures!.total.raw);
  });

  it('reports pages over a budget', () => {
    expect(overBudget(check.weights, { total: 100_000, js: 100 })).toEqual([
      expect.stringMatching(/^\/en\/hours\/: .* of JavaScript, over 0\.1 kB$/),
      expect.stringMatching(/^\/heures\/: .* of JavaScript, over 0\.1 kB$/),
    ]);
    expect(overBudget(check.weights, { total: 500, js: 100_000 })).toHaveLength(check.pages.length);
  });
});

describe('a site with one defect per check', () => {
  let found: Findings;
  beforeAll(async () => {
    found = findings(await checkSite({ dir: fixture('broken'), base: '/', browser }));
  });

  it('reports the console error', () => {
    expect(found.consoleErrors).toContainEqual(expect.stringMatching(/^\/: boom/));
  });

  it('reports the failed request', () => {
    expect(found.failedRequests).toContainEqual('/: /img/absent.png: HTTP 404');
  });

  it('blocks and reports the request to another site', () => {
    expect(found.externalRequests).toEqual(['/: https://cdn.example.com/tracker.js']);
  });

  it('reports the axe-core violation', () => {
    expect(found.axe).toContainEqual(expect.stringMatching(/^\/: image-alt \(critical\)/));
  });

  it('reports the broken link, the missing image and the missing fragment', () => {
    expect(found.brokenReferences).toEqual(
      expect.arrayContaining(['/: a[href] /absent/: HTTP 404', '/: a[href] /#nulle-part: no element with id "nulle-part"', '/: img[src] /img/absent.png: HTTP 404']),
    );
  });

  it('reports the page whose declared language is wrong', () => {
    expect(found.language).toEqual(['/en/: <html lang="fr">, expected "en"']);
  });

  it('reports the missing skip link', () => {
    expect(found.skipLink).toEqual([expect.stringMatching(/^\/: the first Tab focuses <a href="\/">.*not a skip link/)]);
  });

  it('reports links without a focus indicator', () => {
    expect(found.focus).toContainEqual('/: a "Accueil": no outline or box-shadow when focused');
  });

  it('reports the table view out of the tab order', () => {
    expect(found.details).toEqual(['/: "Voir le tableau": summary is not in the tab order']);
  });

  it('reports the filter form that does not change the URL', () => {
    expect(found.filters).toEqual(['/: changing a filter does not change the query string of the URL']);
  });

  it('reports the Content-Security-Policy violation', () => {
    expect(found.csp).toContainEqual(expect.stringMatching(/^\/en\/: style-src-attr refused inline at http:\/\/[^/]+\/en\/:\d+$/));
  });

  it('reports the invalid HTML', () => {
    expect(found.html).toContainEqual(expect.stringMatching(/^index\.html:\d+: Attribute “foo” not allowed on element “p”/));
  });
});

describe('the policy of built pages', () => {
  it('reports every page without a Content-Security-Policy meta tag', () => {
    expect(policyProblems(discoverPages(fixture('good'), '/'))).toEqual(['/', '/404.html', '/en/', '/en/hours/', '/heures/'].map((p) => `${p}: no <meta http-equiv="content-security-policy">`));
  });
});

describe('what the weight leaves out', () => {
  it('is Pagefind’s index, not its scripts', () => {
    const paths = [
      '/pagefind/pagefind-entry.json',
      '/pagefind/pagefind.en_1a2b.pf_meta',
      '/pagefind/index/en_3c4d.pf_index',
      '/pagefind/fragment/en_5e6f.pf_fragment',
      '/pagefind/filter/en_7a8b.pf_filter',
      '/pagefind/wasm.en.pagefind',
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-ui.js',
      '/_astro/search.js',
    ];
    expect(paths.filter(isSearchIndex)).toEqual(paths.slice(0, 6));
  });
});
