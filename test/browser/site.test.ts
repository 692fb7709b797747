/**
 * The built site, every page in French and English, checked in a real browser: no console error,
 * no failed request, nothing fetched from another site, no axe-core violation, no broken link or
 * download, a keyboard path through it, valid HTML, and each page within its weight budget.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSite, findings, type Findings, type SiteCheck } from './harness/check.ts';
import { policyProblems } from './harness/csp.ts';
import { describeBuiltSite } from './harness/describe-site.ts';
import { basePath, distDir } from './harness/site.ts';

const dir = distDir();

describeBuiltSite(dir, `the built site in ${dir}`, () => {
  let check: SiteCheck;
  let found: Findings;

  beforeAll(async () => {
    // Pinned embeds (`/embed/<chart>/<version>/`, one per chart, language and kept release) are the
    // live embed's template drawn from an earlier release's files: one chart's are checked here, in
    // every release and language, to keep the pass within its time; reader.test.ts checks what they show.
    const pinned = /\/embed\/([^/]+)\/[^/]+\/$/;
    check = await checkSite({ dir, base: basePath(), only: (p) => (pinned.exec(p.path)?.[1] ?? 'heures-par-annee') === 'heures-par-annee' });
    found = findings(check);
    console.info(`Checked ${check.pages.length} pages in ${(check.elapsed / 1000).toFixed(1)} s`);
    const warnings = check.vnu?.warnings ?? [];
    if (warnings.length > 0) {
      console.info(`${warnings.length} HTML warning(s), not failing; the first ones:`);
      for (const w of warnings.slice(0, 10)) console.info(`  ${w.file}:${w.line ?? ''}: ${w.message}`);
    }
  });

  it('has pages in both languages', () => {
    expect(check.pages.filter((p) => p.lang === 'fr').length).toBeGreaterThan(0);
    expect(check.pages.filter((p) => p.lang === 'en').length).toBeGreaterThan(0);
  });

  it('declares the language of each page in <html lang>', () => expect(found.language).toEqual([]));
  it('logs no console error', () => expect(found.consoleErrors).toEqual([]));
  it('has no failed request', () => expect(found.failedRequests).toEqual([]));
  it('requests nothing from another site', () => expect(found.externalRequests).toEqual([]));
  it('has no axe-core violation (WCAG 2.1 A and AA)', () => expect(found.axe).toEqual([]));
  it('has no broken internal link, image, script, stylesheet or download', () => expect(found.brokenReferences).toEqual([]));
  it('passes the Nu HTML Checker', () => expect(found.html).toEqual([]));
  it('sends the strict Content-Security-Policy in a meta tag on every page (docs/securite.md)', () => expect(policyProblems(check.pages)).toEqual([]));
  it('breaks no Content-Security-Policy rule, loading pages or using search, filters and PNG download', () => {
    expect(check.cspUses.map((u) => u.action.split(' ')[0]).sort()).toEqual(['PNG', 'filter', 'search']);
    expect(found.csp).toEqual([]);
  });

  describe('by keyboard', () => {
    it('reaches a skip link to the main content with the first Tab', () => expect(found.skipLink).toEqual([]));
    it('shows where the focus is', () => expect(found.focus).toEqual([]));
    it('opens and closes table views with Enter and Space', () => expect(found.details).toEqual([]));
    it('uses filter forms and keeps their state in the URL', () => expect(found.filters).toEqual([]));
  });

  it('keeps every page within its weight budget (80 kB in all, 15 kB of JavaScript, gzip)', () => expect(found.weight).toEqual([]));
});
