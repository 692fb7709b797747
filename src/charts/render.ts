/**
 * Renders a chart function to an SVG string without a browser, with linkedom's small DOM
 * (build time and tests). Pure of I/O.
 */
import { parseHTML } from 'linkedom';

/** A fresh document for Plot to create elements in. */
export function serverDocument(): Document {
  return parseHTML('<!DOCTYPE html><html><body></body></html>').document as unknown as Document;
}

/**
 * Rounds the numbers inside attribute values to one decimal: sub-pixel precision is invisible,
 * weighs on every page, and makes snapshots fragile. Text content is left alone.
 */
export function roundAttributes(svg: string): string {
  return svg.replace(/="([^"]*)"/g, (_m, value: string) =>
    `="${value.replace(/-?\d*\.\d{2,}/g, (n) => String(Math.round(Number(n) * 10) / 10))}"`,
  );
}

/**
 * Serialised Plot figure, with the SVG namespace so the string is also a valid .svg file.
 * Plot names its groups with `aria-label` ("bar", "y-axis tick"); ARIA forbids a name on a `<g>`
 * without a role, and the page gives the whole SVG one name (role img), so the group names move
 * to `data-mark`, where tests and stylesheets can still find them.
 */
export function toSvgString(node: Element): string {
  if (node.tagName.toLowerCase() === 'svg') node.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  for (const el of node.querySelectorAll('[aria-label]')) {
    el.setAttribute('data-mark', el.getAttribute('aria-label') ?? '');
    el.removeAttribute('aria-label');
  }
  // Not a valid SVG presentation attribute (the Nu checker rejects it); only axis digits use it.
  for (const el of node.querySelectorAll('[font-variant]')) el.removeAttribute('font-variant');
  return roundAttributes(node.outerHTML);
}
