/**
 * What a page of the hostile build must show and must not do, checked in Chromium.
 */
import type { Page } from 'playwright-core';
import type { HostileLabel } from './hostile-data.ts';

export interface Inspection {
  /** Markup or code from the data that became live: `window.__xss`, handlers, `javascript:` links… */
  injected: string[];
  /** Markers whose whole label is in the page's text (title included). */
  shown: string[];
}

/** Runs in the page (an HTML page or a standalone SVG document). */
function inspect(labels: HostileLabel[]): Inspection {
  const injected: string[] = [];
  if ((window as unknown as { __xss?: unknown }).__xss !== undefined) injected.push('window.__xss is set');
  for (const el of document.querySelectorAll('*')) {
    for (const { name, value } of el.attributes) {
      if (/^on/i.test(name)) injected.push(`<${el.localName} ${name}="${value.slice(0, 40)}">`);
      if (/^(href|src|xlink:href|action|formaction|data)$/i.test(name) && /^\s*javascript:/i.test(value)) {
        injected.push(`<${el.localName} ${name}="${value.slice(0, 40)}">`);
      }
    }
  }
  for (const script of document.querySelectorAll('script')) {
    const text = script.textContent ?? '';
    if (script.getAttribute('type') === 'application/ld+json') {
      // schema.org markup: a data block the browser never runs, where the data's text is expected,
      // as JSON strings. Text that broke out of it would make a script of its own, caught below.
      try {
        JSON.parse(text);
      } catch {
        injected.push('a JSON-LD block broken by the data');
      }
      continue;
    }
    if (text.includes('__xss')) injected.push('a <script> element from the data');
  }
  if (document.querySelector('img[src="x"]')) injected.push('an <img src=x> element from the data');
  const text = `${document.title}\n${document.documentElement.textContent ?? ''}`;
  return { injected, shown: labels.filter((l) => text.includes(l.text)).map((l) => l.marker) };
}

export const inspectPage = (page: Page, labels: HostileLabel[]): Promise<Inspection> => page.evaluate(inspect, labels);
