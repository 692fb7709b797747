/**
 * All the browser checks of a built site in one pass, shared by the test suite (which asserts that
 * each list of findings is empty) and `scripts/check-site.ts` (which prints them for people).
 *
 * One static server, one Chromium, the pages visited in one loop; the Nu HTML Checker runs in its
 * own Java process meanwhile.
 */
import { availableParallelism } from 'node:os';
import type { Browser } from 'playwright-core';
import { serveStatic } from '../../../scripts/lib/static-server.ts';
import { launchChromium } from './browser.ts';
import { exerciseCsp, type CspUse } from './csp.ts';
import { checkReferences, type BrokenReference } from './links.ts';
import { discoverPages, type SitePage } from './site.ts';
import { exerciseFilterForm, type FilterFindings } from './filters.ts';
import { siteContext, visitSite, type PageReport, type VisitOptions } from './visit.ts';
import { formatVnu, runVnu, type VnuResult } from './vnu.ts';
import { DEFAULT_BUDGET, overBudget, weighPages, type Budget, type PageWeight } from './weight.ts';

export interface SiteCheckOptions {
  /** The built site. */
  dir: string;
  /** Base path it was built with. */
  base: string;
  /** Run the Nu HTML Checker too (default true). */
  vnu?: boolean;
  budget?: Budget;
  visit?: VisitOptions;
  /**
   * Pages visited at once, each lane with its own tab and server (default: `BROWSER_LANES`, else
   * 2 on a machine with 2 cores or more). One renderer per lane keeps both cores busy.
   */
  lanes?: number;
  /** Check only the pages it accepts (for a quick look at a few pages). */
  only?: (page: SitePage) => boolean;
  /** A browser to reuse; one is launched (and closed) otherwise. */
  browser?: Browser;
  onPage?: (report: PageReport, index: number, total: number) => void;
}

export interface SiteCheck {
  pages: SitePage[];
  reports: PageReport[];
  broken: BrokenReference[];
  weights: PageWeight[];
  filters: FilterFindings[];
  /** Search, filter and PNG download used once each, with the policy's violations meanwhile. */
  cspUses: CspUse[];
  vnu?: VnuResult;
  budget: Budget;
  /** Wall-clock milliseconds of the browser loop, for the record. */
  elapsed: number;
}

export async function checkSite(options: SiteCheckOptions): Promise<SiteCheck> {
  const started = Date.now();
  const pages = discoverPages(options.dir, options.base).filter((p) => !options.only || options.only(p));
  // Started first: Java works while Chromium does.
  // A checker that can't run fails the HTML check alone, not the others.
  const vnu =
    options.vnu === false
      ? undefined
      : runVnu(
          pages.map((p) => p.file),
          options.dir,
        ).catch((error: Error): VnuResult => ({
          errors: [{ file: '(checker)', message: error.message }],
          warnings: [],
        }));
  const lanes = Math.max(1, options.lanes ?? Number(process.env.BROWSER_LANES ?? Math.min(2, availableParallelism())));
  const servers = await Promise.all(Array.from({ length: Math.min(lanes, Math.max(1, pages.length)) }, () => serveStatic(options.dir, { base: options.base })));
  const server = servers[0]!;
  const browser = options.browser ?? (await launchChromium());
  try {
    const reports = await visitSite(browser, servers, pages, options.visit, (r, i) => options.onPage?.(r, i, pages.length));
    const filters: FilterFindings[] = [];
    const withFilters = reports.filter((r) => r.hasFilterForm);
    if (withFilters.length > 0) {
      const { context } = await siteContext(browser, server);
      try {
        for (const report of withFilters) filters.push(await exerciseFilterForm(context, server, report.page));
      } finally {
        await context.close();
      }
    }
    const cspUses: CspUse[] = [];
    {
      const { context } = await siteContext(browser, server);
      try {
        cspUses.push(...(await exerciseCsp(context, server, reports)));
      } finally {
        await context.close();
      }
    }
    const broken = await checkReferences(reports, server);
    const weights = await weighPages(reports, options.dir, options.base);
    return {
      pages,
      reports,
      broken,
      weights,
      filters,
      cspUses,
      vnu: await vnu,
      budget: options.budget ?? DEFAULT_BUDGET,
      elapsed: Date.now() - started,
    };
  } finally {
    if (!options.browser) await browser.close();
    await Promise.all(servers.map((s) => s.close()));
  }
}

/** The findings of each check, as `page: problem` lines; a check passes when its list is empty. */
export interface Findings {
  consoleErrors: string[];
  failedRequests: string[];
  externalRequests: string[];
  axe: string[];
  brokenReferences: string[];
  language: string[];
  skipLink: string[];
  focus: string[];
  details: string[];
  filters: string[];
  weight: string[];
  html: string[];
  csp: string[];
}

export const FINDING_TITLES: Record<keyof Findings, string> = {
  consoleErrors: 'Console errors',
  failedRequests: 'Failed requests',
  externalRequests: 'Requests leaving the site',
  axe: 'Accessibility violations (axe-core, WCAG 2.1 A/AA)',
  brokenReferences: 'Broken links and resources',
  language: 'Page language',
  skipLink: 'Skip link',
  focus: 'Visible focus',
  details: 'Table views (<details>) by keyboard',
  filters: 'Filter forms by keyboard and URL',
  weight: 'Page weight over budget',
  html: 'HTML errors (Nu HTML Checker)',
  csp: 'Content-Security-Policy violations (loading, search, filter, PNG download)',
};

export function findings(check: SiteCheck): Findings {
  const per = (pick: (r: PageReport) => string[]) => check.reports.flatMap((r) => pick(r).map((line) => `${r.page.path}: ${line}`));
  return {
    consoleErrors: per((r) => r.consoleErrors),
    failedRequests: per((r) => r.failedRequests),
    externalRequests: per((r) => r.externalRequests),
    axe: per((r) => r.axeViolations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.join(', ')}`)),
    brokenReferences: check.broken.map((b) => `${b.page}: ${b.from} ${b.target}: ${b.problem}`),
    language: per((r) => (r.htmlLang?.toLowerCase().split('-')[0] === r.page.lang ? [] : [`<html lang="${r.htmlLang ?? ''}">, expected "${r.page.lang}"`])),
    skipLink: per((r) => r.keyboard.skipLink),
    focus: per((r) => r.keyboard.focus),
    details: per((r) => r.keyboard.details),
    filters: check.filters.flatMap((f) => f.problems.map((p) => `${f.page}: ${p}`)),
    weight: overBudget(check.weights, check.budget),
    html: (check.vnu?.errors ?? []).map(formatVnu),
    csp: [...per((r) => r.cspViolations), ...check.cspUses.flatMap((u) => u.problems.map((p) => `${u.page} (${u.action}): ${p}`))],
  };
}
