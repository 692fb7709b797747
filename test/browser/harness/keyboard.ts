/**
 * Keyboard checks of one open page: skip link, visible focus, and the `<details>` table views.
 */
import type { Page } from 'playwright-core';

export interface KeyboardFindings {
  /** Why the first Tab does not reach a working skip link to the main content, if it does not. */
  skipLink: string[];
  /** Elements that show no focus indicator (outline or box-shadow) when focused by keyboard. */
  focus: string[];
  /** `<details>` whose summary can't be reached or toggled with Enter and Space. */
  details: string[];
}

/**
 * Keyboard checks, in the order a keyboard user meets the page:
 * 1. the first Tab lands on a visible skip link whose target is the main content;
 * 2. the first few elements reached by Tab show a focus indicator that they don't show unfocused;
 * 3. activating the skip link with Enter moves focus (or the sequential focus start) into main;
 * 4. each `<details>` summary is in the tab order and toggles with Enter and with Space.
 */
export async function checkKeyboard(page: Page, focusSamples: number, detailsSamples: number): Promise<KeyboardFindings> {
  const findings: KeyboardFindings = { skipLink: [], focus: [], details: [] };

  // 1–2. Tab through the first elements, recording each one's indicator while focused.
  await page.evaluate(installFocusProbe);
  const focusedStyles: string[] = [];
  for (let i = 0; i < focusSamples; i++) {
    await page.keyboard.press('Tab');
    const style = await page.evaluate(() => {
      const probe = (window as unknown as { __focusProbe: FocusProbe }).__focusProbe;
      const active = document.activeElement;
      if (!active || active === document.body || probe.seen.includes(active)) return null;
      probe.seen.push(active);
      return probe.indicator(active);
    });
    if (style === null) break;
    focusedStyles.push(style);
  }
  const sampled = await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    const probe = (window as unknown as { __focusProbe: FocusProbe }).__focusProbe;
    return probe.seen.map((element) => ({ name: probe.name(element), unfocused: probe.indicator(element) }));
  });
  sampled.forEach(({ name, unfocused }, i) => {
    const focused = focusedStyles[i] ?? '';
    if (focused === '' || focused === unfocused) findings.focus.push(`${name}: no outline or box-shadow when focused`);
  });

  const skip = await page.evaluate(() => {
    const first = (window as unknown as { __focusProbe: FocusProbe }).__focusProbe.seen[0];
    if (!first) return { problem: 'the first Tab focuses nothing' };
    const href = first.getAttribute('href') ?? '';
    if (first.localName !== 'a' || !href.startsWith('#') || href.length < 2) {
      return { problem: `the first Tab focuses ${first.outerHTML.slice(0, 80)}, not a skip link (a[href^="#"])` };
    }
    const target = document.getElementById(decodeURIComponent(href.slice(1)));
    if (!target) return { problem: `skip link ${href} has no target` };
    const main = document.querySelector('main, [role="main"]');
    if (!main) return { problem: 'the page has no <main>' };
    if (!(target === main || main.contains(target) || target.contains(main))) {
      return { problem: `skip link ${href} does not lead to <main>` };
    }
    return { problem: null, href };
  });
  if (skip.problem) {
    findings.skipLink.push(skip.problem);
  } else {
    // Visible when focused: a skip link that stays off-screen helps no one who can see.
    const visible = await page.evaluate(() => {
      const link = (window as unknown as { __focusProbe: FocusProbe }).__focusProbe.seen[0] as HTMLElement;
      link.focus();
      const r = link.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
    });
    if (!visible) findings.skipLink.push('the skip link is not visible when focused');
    const inMain = () =>
      page.evaluate(() => {
        const main = document.querySelector('main, [role="main"]');
        const active = document.activeElement;
        return !!main && !!active && (main === active || main.contains(active));
      });
    await page.keyboard.press('Enter');
    let moved = await inMain();
    if (!moved) {
      // The fragment navigation may still be under way.
      await page.waitForFunction((href) => location.hash === href, skip.href, { timeout: 1000 }).catch(() => undefined);
      moved = await inMain();
    }
    if (!moved) {
      // Focus may stay on the link while the sequential focus start moves: the next Tab tells.
      await page.keyboard.press('Tab');
      moved = await inMain();
    }
    if (!moved) findings.skipLink.push(`Enter on the skip link (${skip.href}) does not move focus into <main>`);
  }

  // 4. Disclosures (table views): Enter opens, Space closes, in the tab order.
  const count = await page.locator('details > summary').count();
  for (let i = 0; i < Math.min(count, detailsSamples); i++) {
    const summary = page.locator('details > summary').nth(i);
    const label = ((await summary.textContent()) ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
    const inOrder = await summary.evaluate((s) => (s as HTMLElement).tabIndex >= 0 && !(s as HTMLElement).closest('[inert]'));
    if (!inOrder) {
      findings.details.push(`"${label}": summary is not in the tab order`);
      continue;
    }
    const isOpen = () => summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open);
    const before = await isOpen();
    await summary.focus();
    await page.keyboard.press('Enter');
    const afterEnter = await isOpen();
    await page.keyboard.press('Space');
    const afterSpace = await isOpen();
    if (afterEnter === before) findings.details.push(`"${label}": Enter does not toggle it`);
    if (afterSpace === afterEnter) findings.details.push(`"${label}": Space does not toggle it`);
  }
  return findings;
}

interface FocusProbe {
  /** Elements reached by Tab, in order. */
  seen: Element[];
  /** The visible focus indicator of an element as computed now: outline and box-shadow. */
  indicator(element: Element): string;
  name(element: Element): string;
}

/** Runs in the page: installs the helpers the keyboard checks share between evaluations. */
function installFocusProbe() {
  const transparent = (c: string) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
  const probe: FocusProbe = {
    seen: [],
    indicator(element) {
      const s = getComputedStyle(element);
      const outline =
        s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !transparent(s.outlineColor) ? `outline ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} ${s.outlineOffset}` : '';
      const shadow = s.boxShadow !== 'none' ? `shadow ${s.boxShadow}` : '';
      return [outline, shadow].filter(Boolean).join('; ');
    },
    name(element) {
      const label = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${element.localName}${element.id ? '#' + element.id : ''}${label ? ` "${label}"` : ''}`;
    },
  };
  (window as unknown as { __focusProbe: FocusProbe }).__focusProbe = probe;
}
