/**
 * Content-Security-Policy in the browser: every violation the pages report while they load and
 * while a reader uses them (search, filters, PNG download), and the policy of each built page
 * checked against the site's own (scripts/lib/csp.ts).
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { checkPagePolicy } from '../../../scripts/lib/csp.ts';
import type { StaticServer } from '../../../scripts/lib/static-server.ts';
import { gotoAndSettle } from './browser.ts';
import { FILTER_FORM_SELECTOR } from './filters.ts';
import type { SitePage } from './site.ts';

/**
 * Registered on every context (`siteContext`), in every document before its own scripts: records
 * each `securitypolicyviolation` event in `window.__cspViolations`. Init scripts are not subject to
 * the page's policy.
 */
export const CSP_LISTENER = `(() => {
  const list = [];
  Object.defineProperty(window, '__cspViolations', { value: list });
  document.addEventListener('securitypolicyviolation', (e) => {
    const where = e.sourceFile ? ' at ' + e.sourceFile + ':' + e.lineNumber : '';
    list.push(e.effectiveDirective + ' refused ' + (e.blockedURI || '(unknown)') + where + (e.sample ? ' «' + e.sample + '»' : ''));
  });
})();`;

/** Violations recorded so far in the page's current document. */
export async function readViolations(page: Page): Promise<string[]> {
  // Violation events are queued as tasks: let them arrive.
  await page.waitForTimeout(20);
  return page.evaluate(() => [...((window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])]);
}

/** A console message about the policy (Chromium logs every refusal, and ignored meta directives). */
export const isCspMessage = (message: ConsoleMessage): boolean => /content.security.policy/i.test(message.text());

/** Which interactions a page offers, found while it is visited (`collectFacts`). */
export interface Interactions {
  search: boolean;
  png: boolean;
  filters: boolean;
}

export const INTERACTIONS = {
  search: 'form[data-search]',
  png: 'button[data-png]',
  filters: FILTER_FORM_SELECTOR,
} as const;

export interface CspUse {
  page: string;
  action: string;
  /** Violations and CSP console messages during the action, and what did not work. */
  problems: string[];
}

/**
 * Uses the first page of each kind as a reader would, so that the policy is exercised and not
 * only loaded: a search (Pagefind's worker, WebAssembly and index), a filter, a PNG download
 * (the chart's SVG drawn on a canvas). Each action must work and break no rule.
 */
export async function exerciseCsp(context: BrowserContext, server: StaticServer, pages: { page: SitePage; interactions: Interactions }[], searchQuery = 'insertion'): Promise<CspUse[]> {
  const uses: CspUse[] = [];
  const first = (kind: keyof Interactions) => pages.find((p) => p.interactions[kind])?.page;
  const run = async (sitePage: SitePage | undefined, action: string, act: (tab: Page) => Promise<string[]>) => {
    if (!sitePage) return;
    const tab = await context.newPage();
    const messages: string[] = [];
    tab.on('console', (m) => {
      if (isCspMessage(m)) messages.push(m.text());
    });
    try {
      await gotoAndSettle(tab, server.origin + encodeURI(sitePage.path));
      const failures = await act(tab).catch((e: Error) => [`${action} failed: ${e.message.split('\n')[0]}`]);
      uses.push({ page: sitePage.path, action, problems: [...failures, ...(await readViolations(tab)), ...messages] });
    } finally {
      await tab.close();
    }
  };

  await run(first('search'), `search « ${searchQuery} »`, async (tab) => {
    await tab.fill(`${INTERACTIONS.search} input[name="q"]`, searchQuery);
    await tab.press(`${INTERACTIONS.search} input[name="q"]`, 'Enter');
    const found = await tab
      .waitForSelector('[data-search-results] li', { timeout: 30_000 })
      .then(() => true)
      .catch(() => false);
    return found ? [] : [`no search result for « ${searchQuery} »`];
  });

  await run(first('filters'), 'filter', async (tab) => {
    const before = tab.url();
    const changed = await tab.evaluate((selector) => {
      const form = document.querySelector<HTMLFormElement>(selector);
      const select = form?.querySelector('select');
      if (select && select.options.length > 1) {
        select.selectedIndex = select.options.length - 1;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        return true;
      }
      const input = form?.querySelector<HTMLInputElement>('input:not([type=hidden])');
      if (!input) return false;
      input.value = input.type === 'number' ? input.min || '1' : 'a';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return true;
    }, INTERACTIONS.filters);
    await tab.waitForTimeout(50);
    const problems: string[] = [];
    // A form that applies on submit only: submit it as the reader's Enter would (a new document:
    // the violations of this one are read first).
    if (changed && tab.url() === before) {
      problems.push(...(await readViolations(tab)));
      const navigated = tab.waitForURL((url) => url.href !== before, { timeout: 5000 }).catch(() => undefined);
      await tab.evaluate((selector) => document.querySelector<HTMLFormElement>(selector)?.requestSubmit(), INTERACTIONS.filters);
      await navigated;
    }
    if (!changed || tab.url() === before) problems.push('the filter changed nothing in the URL');
    return problems;
  });

  await run(first('png'), 'PNG download', async (tab) => {
    const button = tab.locator(INTERACTIONS.png).first();
    // The button sits in a closed <details>: open it as a reader would.
    await button.evaluate((b) => b.closest('details')?.setAttribute('open', ''));
    const [download] = await Promise.all([tab.waitForEvent('download', { timeout: 30_000 }), button.click()]);
    return download.suggestedFilename().endsWith('.png') ? [] : [`downloaded ${download.suggestedFilename()}, not a PNG`];
  });
  return uses;
}

/** Problems of each built page's policy (`checkPagePolicy`), as `page: problem` lines. */
export function policyProblems(pages: SitePage[]): string[] {
  return pages.flatMap((p) => checkPagePolicy(readFileSync(p.file, 'utf8')).map((problem) => `${p.path}: ${problem}`));
}
