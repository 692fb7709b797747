/**
 * Filter forms of explorer pages used with the keyboard alone, their state kept in the URL.
 */
import type { BrowserContext } from 'playwright-core';
import type { StaticServer } from '../../../scripts/lib/static-server.ts';
import { gotoAndSettle } from './browser.ts';
import type { SitePage } from './site.ts';

/**
 * What marks a filter form on explorer pages: the site's `FilterForm` component writes
 * `data-filters`; `data-filtres` is accepted too.
 */
export const FILTER_FORM_SELECTOR = 'form[data-filters], form[data-filtres]';

export interface FilterFindings {
  page: string;
  problems: string[];
  /** The URL the filter led to, when it changed. */
  url?: string;
}

/**
 * Uses the page's first filter form (`FILTER_FORM_SELECTOR`) with the keyboard alone: Tab into it, change
 * the first control with arrow keys, Space or typing, submit with Enter if the page doesn't apply
 * the change by itself, and expect the query string to change. Then open that URL afresh and
 * expect the control to show the chosen value: a shared link opens the same view.
 */
export async function exerciseFilterForm(context: BrowserContext, server: StaticServer, sitePage: SitePage): Promise<FilterFindings> {
  const page = await context.newPage();
  const findings: FilterFindings = { page: sitePage.path, problems: [] };
  try {
    const start = server.origin + encodeURI(sitePage.path);
    // Filter scripts may be loaded late (a dynamic import) and unhide the form: let them arrive.
    await gotoAndSettle(page, start);
    const inForm = (selector = FILTER_FORM_SELECTOR) =>
      page.evaluate((sel) => {
        const form = document.querySelector(sel);
        const active = document.activeElement;
        return !!form && !!active && form.contains(active) && active !== form;
      }, selector);
    let reached = false;
    for (let i = 0; i < 150 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await inForm();
    }
    if (!reached) {
      findings.problems.push('the filter form cannot be reached with Tab');
      return findings;
    }
    const control = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | HTMLSelectElement;
      return {
        tag: el.localName,
        type: (el as HTMLInputElement).type ?? '',
        name: el.getAttribute('name') ?? '',
        id: el.id,
        value: el.value,
        checked: (el as HTMLInputElement).checked ?? false,
      };
    });
    if (!control.name) findings.problems.push(`the first control (${control.tag}#${control.id}) has no name, so it can't be in the URL`);
    const readValue = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement;
        return el.type === 'checkbox' || el.type === 'radio' ? `${el.value}:${el.checked}` : el.value;
      });
    const before = await readValue();
    if (control.tag === 'select') {
      await page.keyboard.press('ArrowDown');
      if ((await readValue()) === before) await page.keyboard.press('ArrowUp');
    } else if (control.type === 'checkbox') {
      await page.keyboard.press('Space');
    } else if (control.type === 'radio') {
      await page.keyboard.press('ArrowDown');
    } else if (control.type === 'number' || control.type === 'range') {
      await page.keyboard.press('ArrowUp');
    } else {
      await page.keyboard.type('a');
    }
    const after = await readValue();
    if (after === before) {
      findings.problems.push(`the first control (${control.tag} ${control.name}) does not change with the keyboard`);
      return findings;
    }
    const chosen = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement;
      return { value: el.value, checked: el.checked ?? false, name: el.name };
    });
    const changed = () => page.url() !== start && new URL(page.url()).search !== '';
    const hasSubmit = await page.evaluate((sel) => !!document.querySelector(sel)?.querySelector('button:not([type]), button[type="submit"], input[type="submit"]'), FILTER_FORM_SELECTOR);
    // A form without a submit button must apply the change by itself (perhaps after a debounce).
    if (!hasSubmit) await page.waitForURL(() => changed(), { timeout: 2000 }).catch(() => undefined);
    if (!changed() && hasSubmit) {
      // Submit as a keyboard user would: Tab to the submit button, Enter.
      let onSubmit = false;
      for (let i = 0; i < 30 && !onSubmit; i++) {
        await page.keyboard.press('Tab');
        onSubmit = await page.evaluate((sel) => {
          const active = document.activeElement as HTMLButtonElement | null;
          return !!active && !!document.querySelector(sel)?.contains(active) && active.type === 'submit';
        }, FILTER_FORM_SELECTOR);
      }
      if (!onSubmit) {
        findings.problems.push('the submit button of the filter form cannot be reached with Tab');
        return findings;
      }
      await page.keyboard.press('Enter');
      await page.waitForURL(() => changed(), { timeout: 5000 }).catch(() => undefined);
    }
    if (!changed()) {
      findings.problems.push('changing a filter does not change the query string of the URL');
      return findings;
    }
    findings.url = page.url();
    const shared = page.url();
    await gotoAndSettle(page, shared);
    // The page's script may come in late (a dynamic import): wait for the state, within bounds.
    const restored = await page
      .waitForFunction(
        ({ sel, name, value, checked }) => {
          const form = document.querySelector<HTMLFormElement>(sel);
          const fields = Array.from(form?.elements ?? [], (e) => e as HTMLInputElement).filter((e) => e.name === name);
          return fields.some((f) => (f.type === 'checkbox' || f.type === 'radio' ? f.value === value && f.checked === checked : f.value === value));
        },
        { sel: FILTER_FORM_SELECTOR, ...chosen },
        { timeout: 5000 },
      )
      .then(
        () => true,
        () => false,
      );
    if (!restored) {
      findings.problems.push(`opening ${shared.slice(server.origin.length)} does not restore ${chosen.name}=${chosen.value}`);
    }
    return findings;
  } finally {
    await page.close();
  }
}
