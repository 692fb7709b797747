/**
 * Renders a chart function to an SVG string without a browser, with linkedom's small DOM
 * (build time and tests). Pure of I/O.
 */
import { parseHTML } from 'linkedom';

/** A fresh document for Plot to create elements in. */
export function serverDocument(): Document {
  return parseHTML('<!DOCTYPE html><html><body></body></html>').document;
}

/**
 * Rounds the numbers inside attribute values to one decimal: sub-pixel precision is invisible,
 * weighs on every page, and makes snapshots fragile. Text content is left alone.
 */
export function roundAttributes(svg: string): string {
  return svg.replace(/="([^"]*)"/g, (_m, value: string) => `="${value.replace(/-?\d*\.\d{2,}/g, (n) => String(Math.round(Number(n) * 10) / 10))}"`);
}

/**
 * CSS properties that SVG also accepts as presentation attributes (SVG 2, § 6.6), the only ones a
 * `style` attribute of a chart may carry: they become attributes, which the page's
 * Content-Security-Policy allows without `'unsafe-inline'` for styles (docs/securite.md).
 */
const PRESENTATION_ATTRIBUTES = new Set([
  'fill',
  'fill-opacity',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'opacity',
  'overflow',
  'stroke',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'stroke-width',
  'text-anchor',
  'visibility',
]);

/**
 * Moves every `style="…"` declaration to the equivalent presentation attribute. A declaration of
 * another property is an error: the chart would need `style-src 'unsafe-inline'` to render.
 * A style declaration wins over an attribute of the same name in CSS, so it replaces it here.
 */
export function styleToAttributes(node: Element): void {
  const styled = [...(node.hasAttribute('style') ? [node] : []), ...node.querySelectorAll('[style]')];
  for (const el of styled) {
    const declarations = (el.getAttribute('style') ?? '').split(';').filter((d) => d.trim() !== '');
    for (const declaration of declarations) {
      const colon = declaration.indexOf(':');
      const property = declaration.slice(0, colon).trim().toLowerCase();
      const value = declaration.slice(colon + 1).trim();
      if (colon < 0 || !PRESENTATION_ATTRIBUTES.has(property) || value === '') {
        throw new Error(
          `Chart <${el.tagName.toLowerCase()}>: style « ${declaration.trim()} » is not a presentation attribute; ` + `the Content-Security-Policy forbids style attributes (src/charts/render.ts)`,
        );
      }
      el.setAttribute(property, value);
    }
    el.removeAttribute('style');
  }
}

/**
 * Serialised Plot figure, with the SVG namespace so the string is also a valid .svg file.
 * Plot names its groups with `aria-label` ("bar", "y-axis tick"); ARIA forbids a name on a `<g>`
 * without a role, and the page gives the whole SVG one name (role img), so the group names move
 * to `data-mark`, where tests and stylesheets can still find them. Style attributes become
 * presentation attributes (`styleToAttributes`).
 */
export function toSvgString(node: Element): string {
  if (node.tagName.toLowerCase() === 'svg') node.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  for (const el of node.querySelectorAll('[aria-label]')) {
    el.setAttribute('data-mark', el.getAttribute('aria-label') ?? '');
    el.removeAttribute('aria-label');
  }
  styleToAttributes(node);
  // Not a valid SVG presentation attribute (the Nu checker rejects it); only axis digits use it.
  for (const el of node.querySelectorAll('[font-variant]')) el.removeAttribute('font-variant');
  return roundAttributes(node.outerHTML);
}
