/**
 * Visiting the pages of the site in Chromium and recording what a reader's browser would meet:
 * console errors, failed or third-party requests, accessibility violations (axe-core), keyboard
 * behaviour, the links and resources a page points to, and the responses it loaded.
 *
 * One browser, one context, one tab for all pages, visited one after the other: requests served by
 * the static server can then be attributed to the page being visited.
 */
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { StaticServer } from '../../../scripts/lib/static-server.ts';
import { gotoAndSettle } from './browser.ts';
import { CSP_LISTENER, INTERACTIONS, isCspMessage, readViolations, type Interactions } from './csp.ts';
import { FILTER_FORM_SELECTOR } from './filters.ts';
import { checkKeyboard, type KeyboardFindings } from './keyboard.ts';
import type { SitePage } from './site.ts';

/** Tags of the rules run: WCAG 2.1 levels A and AA, which RGAA 4 follows. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  /** CSS selectors of the offending elements (first few). */
  targets: string[];
}

export interface Reference {
  /** Path on the site (same origin), query and fragment kept: `/heures/#tableau`. */
  target: string;
  /** Where it was found: `a[href]`, `img[src]`, `link[href]`, … */
  from: string;
}

export interface LoadedResponse {
  /** Path on the site, query kept. */
  path: string;
  status: number;
  /** Playwright's resource type: document, stylesheet, script, image, font, fetch, … */
  type: string;
}

export interface PageReport {
  page: SitePage;
  /** `lang` attribute of `<html>`, or null. */
  htmlLang: string | null;
  consoleErrors: string[];
  /** Same-origin requests that failed: network errors and responses with status ≥ 400. */
  failedRequests: string[];
  /** Requests to any other origin than the local server: aborted, and listed here. */
  externalRequests: string[];
  /** Same-origin responses received while the page loaded (the document included). */
  responses: LoadedResponse[];
  /** Paths of the icons the page declares (`link[rel~=icon]`): fetched once, not per page. */
  icons: string[];
  /** Text of the inline classic and module scripts, which count as JavaScript in the weight. */
  inlineScripts: string;
  /** Same-origin links and resources referenced by the page. */
  references: Reference[];
  /** Every `id` (and `a[name]`) of the page, for checking links to fragments. */
  ids: string[];
  axeViolations: AxeViolation[];
  /** Keyboard findings; empty when the page behaves. */
  keyboard: KeyboardFindings;
  hasFilterForm: boolean;
  /** Content-Security-Policy violations while the page loaded and was checked, and CSP console messages. */
  cspViolations: string[];
  /** What a reader can do on the page, for exercising the policy (`exerciseCsp`). */
  interactions: Interactions;
}

export interface VisitOptions {
  /** Run axe-core (default true). */
  axe?: boolean;
  /** Run the keyboard checks (default true). */
  keyboard?: boolean;
  /** Focusable elements whose focus indicator is compared (default 5). */
  focusSamples?: number;
  /** `<details>` elements toggled by keyboard (default 2); all are opened before axe runs. */
  detailsSamples?: number;
}

/**
 * A browser context that lets only the local server through, recording the rest. With `axe`, the
 * axe-core script is registered as an init script: compiled once per renderer and cached by V8,
 * it costs a fraction of evaluating its 500 kB after every load. It makes no request.
 */
export async function siteContext(
  browser: Browser,
  server: StaticServer,
  options: Parameters<Browser['newContext']>[0] & { axe?: boolean } = {},
): Promise<{ context: BrowserContext; external: string[] }> {
  const { axe: withAxe, ...contextOptions } = options;
  const context = await browser.newContext({ ...contextOptions, serviceWorkers: 'block' });
  // tsx and Vite may compile with esbuild's `keepNames`, which wraps functions in `__name(...)`;
  // functions passed to `page.evaluate` then need that helper in the page.
  await context.addInitScript('globalThis.__name ??= (f) => f;');
  await context.addInitScript(CSP_LISTENER);
  if (withAxe) await context.addInitScript(axe.source);
  const external: string[] = [];
  const local = new URL(server.origin);
  // Routing also turns Chromium's cache off, so each page loads (and weighs) all it needs.
  await context.route(
    (url) => url.host !== local.host || url.protocol !== local.protocol,
    (route) => {
      external.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  return { context, external };
}

/** What the listeners of the visiting tab collect for the page being visited. */
interface Collector {
  consoleErrors: string[];
  failedRequests: string[];
  responses: LoadedResponse[];
  csp: string[];
}

/**
 * Visits pages one after the other in a single tab: same-site navigations keep the renderer, so
 * scripts shared by the pages (and axe-core) are compiled once.
 */
export class SiteVisitor {
  private collector: Collector = SiteVisitor.emptyCollector();

  private constructor(
    readonly context: BrowserContext,
    private readonly tab: Page,
    private readonly external: string[],
    private readonly server: StaticServer,
    private readonly options: VisitOptions,
  ) {
    tab.on('console', (message) => {
      if (isCspMessage(message)) this.collector.csp.push(message.text());
      if (message.type() !== 'error') return;
      const where = message.location().url;
      this.collector.consoleErrors.push(where ? `${message.text()} (${where})` : message.text());
    });
    tab.on('pageerror', (error) => this.collector.consoleErrors.push(`Uncaught ${error.name}: ${error.message}`));
    tab.on('requestfailed', (request) => {
      const failure = request.failure()?.errorText ?? 'failed';
      // Chromium fetches the favicon on its own after the load and aborts that fetch when the
      // page's address changes (the keyboard checks follow the skip link to a #hash): not a failure
      // of the site. A missing icon still shows in the server's log below, as HTTP 404.
      if (failure === 'net::ERR_ABORTED' && request.resourceType() === 'other') return;
      // Requests to other origins are aborted on purpose and reported as external.
      const path = this.sitePath(request.url());
      if (path !== undefined) this.collector.failedRequests.push(`${path}: ${failure}`);
    });
    tab.on('response', (response) => {
      const path = this.sitePath(response.url());
      if (path === undefined) return;
      const status = response.status();
      this.collector.responses.push({ path, status, type: response.request().resourceType() });
      if (status >= 400) this.collector.failedRequests.push(`${path}: HTTP ${status}`);
    });
  }

  /** `/heures/?annee=2023` for a URL of this server, undefined for any other. */
  private sitePath(url: string): string | undefined {
    return url.startsWith(this.server.origin + '/') ? url.slice(this.server.origin.length) : undefined;
  }

  private static emptyCollector(): Collector {
    return { consoleErrors: [], failedRequests: [], responses: [], csp: [] };
  }

  static async open(browser: Browser, server: StaticServer, options: VisitOptions = {}): Promise<SiteVisitor> {
    const { context, external } = await siteContext(browser, server, { axe: options.axe !== false });
    return new SiteVisitor(context, await context.newPage(), external, server, options);
  }

  /** Opens one page, waits until it has loaded and its network is quiet, then runs the checks. */
  async visit(sitePage: SitePage): Promise<PageReport> {
    const { tab, server, options } = this;
    const target = server.origin + encodeURI(sitePage.path);
    // The same page again (a hash left by the skip link) would be a mere scroll: go through a blank.
    if (tab.url().split('#')[0] === target) await tab.goto('about:blank');
    const collector = (this.collector = SiteVisitor.emptyCollector());
    const externalStart = this.external.length;
    const serverStart = server.requests.length;

    await gotoAndSettle(tab, target);
    const keyboard: KeyboardFindings = options.keyboard === false ? { skipLink: [], focus: [], details: [] } : await checkKeyboard(tab, options.focusSamples ?? 5, options.detailsSamples ?? 2);
    const facts = await tab.evaluate(collectFacts, { filterSelector: FILTER_FORM_SELECTOR, interactions: INTERACTIONS });
    let axeViolations: AxeViolation[] = [];
    if (options.axe !== false) {
      // Open every disclosure so that table views are checked too.
      await tab.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      axeViolations = await runAxe(tab);
    }
    const cspViolations = [...collector.csp, ...(await readViolations(tab))];
    // The server saw every request, even those the browser reports oddly (a 404 favicon, say).
    for (const served of server.requests.slice(serverStart)) {
      const path = encodeURI(served.path);
      if (served.status >= 400 && !collector.failedRequests.some((f) => f.startsWith(path))) {
        collector.failedRequests.push(`${path}: HTTP ${served.status} (server log)`);
      }
    }
    return {
      page: sitePage,
      htmlLang: facts.htmlLang,
      consoleErrors: collector.consoleErrors,
      failedRequests: collector.failedRequests,
      externalRequests: this.external.slice(externalStart),
      responses: collector.responses,
      icons: facts.icons.flatMap((url) => this.sitePath(url) ?? []),
      inlineScripts: facts.inlineScripts,
      references: facts.references.flatMap(({ url, from }) => {
        const target = this.sitePath(url);
        return target === undefined ? [] : [{ target, from }];
      }),
      ids: facts.ids,
      axeViolations,
      keyboard,
      hasFilterForm: facts.hasFilterForm,
      cspViolations,
      interactions: facts.interactions,
    };
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

/**
 * Visits every page, in as many lanes as there are servers: each lane has its own server (so that
 * its request log belongs to the page it visits), its own context and tab. Reports come back in
 * the order of `pages`; `onPage` reports progress as pages finish.
 */
export async function visitSite(browser: Browser, servers: StaticServer[], pages: SitePage[], options: VisitOptions = {}, onPage?: (report: PageReport, index: number) => void): Promise<PageReport[]> {
  const reports = new Array<PageReport>(pages.length);
  let next = 0;
  await Promise.all(
    servers.map(async (server) => {
      const visitor = await SiteVisitor.open(browser, server, options);
      try {
        while (next < pages.length) {
          const index = next++;
          reports[index] = await visitor.visit(pages[index]!);
          onPage?.(reports[index], index);
        }
      } finally {
        await visitor.close();
      }
    }),
  );
  return reports;
}

/** Runs in the page: what the page refers to and what it contains. */
function collectFacts({ filterSelector, interactions }: { filterSelector: string; interactions: Record<keyof Interactions, string> }) {
  const references: { url: string; from: string }[] = [];
  const add = (value: string | null, from: string) => {
    if (!value) return;
    const trimmed = value.trim();
    if (trimmed === '' || /^(mailto|tel|javascript|data|blob|about):/i.test(trimmed)) return;
    try {
      references.push({ url: new URL(trimmed, document.baseURI).href, from });
    } catch {
      references.push({ url: trimmed, from: `${from} (unparsable)` });
    }
  };
  const attributes: [string, string][] = [
    ['a', 'href'],
    ['area', 'href'],
    ['link', 'href'],
    ['script', 'src'],
    ['img', 'src'],
    ['iframe', 'src'],
    ['source', 'src'],
    ['video', 'src'],
    ['video', 'poster'],
    ['audio', 'src'],
    ['track', 'src'],
    ['object', 'data'],
    ['embed', 'src'],
    ['form', 'action'],
  ];
  for (const [tag, attribute] of attributes) {
    for (const element of document.querySelectorAll(`${tag}[${attribute}]`)) {
      // `link rel=canonical|alternate` may name the public address on purpose; those are checked
      // like any link only when they point at this server.
      add(element.getAttribute(attribute), `${tag}[${attribute}]`);
    }
  }
  for (const element of document.querySelectorAll('img[srcset], source[srcset]')) {
    for (const candidate of (element.getAttribute('srcset') ?? '').split(',')) {
      add(candidate.trim().split(/\s+/)[0] ?? null, `${element.localName}[srcset]`);
    }
  }
  for (const element of document.querySelectorAll('svg use, svg image')) {
    add(element.getAttribute('href') ?? element.getAttribute('xlink:href'), `svg ${element.localName}[href]`);
  }
  const inlineScripts = [...document.querySelectorAll('script:not([src])')]
    .filter((s) => ['', 'module', 'text/javascript', 'application/javascript'].includes((s.getAttribute('type') ?? '').toLowerCase()))
    .map((s) => s.textContent ?? '')
    .join('\n');
  const ids = [...[...document.querySelectorAll('[id]')].map((e) => e.id), ...[...document.querySelectorAll('a[name]')].map((e) => e.getAttribute('name') ?? '')];
  const icons = [...document.querySelectorAll('link[rel~="icon" i][href]')].map((l) => (l as HTMLLinkElement).href);
  return {
    htmlLang: document.documentElement.getAttribute('lang'),
    icons,
    references,
    inlineScripts,
    ids,
    hasFilterForm: document.querySelector(filterSelector) !== null,
    interactions: {
      search: document.querySelector(interactions.search) !== null,
      png: document.querySelector(interactions.png) !== null,
      filters: document.querySelector(interactions.filters) !== null,
    },
  };
}

/** Runs axe-core, registered by `siteContext` as an init script (so a page's CSP can't block it). */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  return page.evaluate(async (tags) => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  }, AXE_TAGS);
}
