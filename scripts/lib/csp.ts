/**
 * The site's Content-Security-Policy (docs/securite.md), in one place: the directives that Astro
 * writes, with the hashes of the styles and scripts it emits, into a `<meta>` tag on every page
 * (`security.csp` in astro.config.mjs), the header form for hosts that can set headers, and a
 * checker of a built page against the policy (browser suite, unit tests).
 */
import { createHash } from 'node:crypto';
import type { AstroUserConfig } from 'astro';
import { parseHTML } from 'linkedom';

type CspConfig = Exclude<NonNullable<AstroUserConfig['security']>['csp'], boolean | undefined>;
type CspDirective = NonNullable<CspConfig['directives']>[number];

/**
 * Every directive but `script-src` and `style-src`, which Astro writes with its hashes. Nothing
 * comes from another origin; `data:` and `blob:` are not needed (the PNG export draws the chart's
 * SVG file from the site and downloads the canvas through a `blob:` link, which no directive governs).
 */
export const CSP_DIRECTIVES: CspDirective[] = ["default-src 'self'", "img-src 'self'", "connect-src 'self'", "worker-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"];

/** `script-src` besides the hashes: `'wasm-unsafe-eval'` lets Pagefind compile WebAssembly (not JS `eval`). */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"];
/** `style-src` besides the hashes of the stylesheets Astro inlines. */
export const STYLE_SOURCES = ["'self'"];

/**
 * Directives a `<meta>` tag cannot carry (browsers ignore them there): a host that can set headers
 * adds them. `frame-ancestors *` keeps embed pages embeddable by any site; list origins to restrict.
 */
export const HEADER_ONLY_DIRECTIVES = ['frame-ancestors *'];

/** Directive name → sources, in the order written. */
export type Policy = Map<string, string[]>;

export function parseCsp(content: string): Policy {
  const policy: Policy = new Map();
  for (const part of content.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    // The first occurrence of a directive wins; browsers ignore repeats.
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

export const formatCsp = (policy: Policy): string => [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');

/** The `Content-Security-Policy` header for a page: its meta policy plus the header-only directives. */
export function cspHeader(metaContent: string): string {
  const policy = parseCsp(metaContent);
  for (const directive of HEADER_ONLY_DIRECTIVES) {
    const [name, ...sources] = directive.split(' ');
    policy.set(name!, sources);
  }
  return formatCsp(policy);
}

/** CSP source of a hash of an inline `<script>` or `<style>` text: `'sha256-…'`. */
export const cspHash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const HASH = /^'sha(256|384|512)-[A-Za-z0-9+/]+={0,2}'$/;
const JS_TYPES = ['', 'module', 'text/javascript', 'application/javascript'];

/**
 * What is wrong with a built page's policy, one sentence each (empty: the page is fine): the meta
 * tag is missing, repeated or after a style or script; a directive differs from the policy above;
 * a source allows inline code, eval or another origin; an inline script or style has no hash; an
 * element carries an event-handler or `style` attribute, or a `javascript:` link.
 */
export function checkPagePolicy(html: string): string[] {
  const problems: string[] = [];
  const { document } = parseHTML(html);
  const metas = [...document.querySelectorAll('meta')].filter((m) => m.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy');
  if (metas.length === 0) return ['no <meta http-equiv="content-security-policy">'];
  if (metas.length > 1) problems.push(`${metas.length} Content-Security-Policy meta tags, expected 1`);
  const meta = metas[0]!;
  if (meta.parentElement?.localName !== 'head') problems.push('the Content-Security-Policy meta tag is not in <head>');
  // Document order (a `<script>` written as text inside an attribute is no element).
  const inOrder = [...document.querySelectorAll('meta, script, style, link')];
  const first = inOrder.findIndex((el) => el.localName !== 'meta' && (el.localName !== 'link' || /\bstylesheet\b/i.test(el.getAttribute('rel') ?? '')));
  if (first >= 0 && first < inOrder.indexOf(meta)) problems.push('a style or script comes before the Content-Security-Policy meta tag');

  const policy = parseCsp(meta.getAttribute('content') ?? '');
  const expected = parseCsp([...CSP_DIRECTIVES, `script-src ${SCRIPT_SOURCES.join(' ')}`, `style-src ${STYLE_SOURCES.join(' ')}`].join(';'));
  for (const [name, sources] of expected) {
    const actual = policy.get(name);
    if (!actual) {
      problems.push(`no ${name} directive`);
      continue;
    }
    const hashes = name === 'script-src' || name === 'style-src';
    const extra = actual.filter((s) => !sources.includes(s) && !(hashes && HASH.test(s)));
    const missing = sources.filter((s) => !actual.includes(s));
    if (extra.length > 0) problems.push(`${name} allows ${extra.join(' ')}`);
    if (missing.length > 0) problems.push(`${name} lacks ${missing.join(' ')}`);
  }
  for (const name of policy.keys()) if (!expected.has(name)) problems.push(`unexpected directive ${name}`);

  const hashesOf = (name: string) => new Set(policy.get(name) ?? []);
  const scriptHashes = hashesOf('script-src');
  for (const script of document.querySelectorAll('script:not([src])')) {
    if (!JS_TYPES.includes((script.getAttribute('type') ?? '').toLowerCase())) continue;
    const text = script.textContent ?? '';
    if (!scriptHashes.has(cspHash(text))) problems.push(`inline script without its hash in script-src: ${text.slice(0, 60)}`);
  }
  const styleHashes = hashesOf('style-src');
  for (const style of document.querySelectorAll('style')) {
    const text = style.textContent ?? '';
    if (!styleHashes.has(cspHash(text))) problems.push(`<style> without its hash in style-src: ${text.slice(0, 60)}`);
  }
  for (const el of document.querySelectorAll('*')) {
    for (const { name, value } of [...el.attributes]) {
      if (/^on/i.test(name)) problems.push(`<${el.localName} ${name}>: event-handler attribute`);
      else if (name.toLowerCase() === 'style') problems.push(`<${el.localName} style="${value.slice(0, 40)}">: style attribute`);
      else if (/^(href|src|action|formaction|xlink:href)$/i.test(name) && /^\s*javascript:/i.test(value)) {
        problems.push(`<${el.localName} ${name}="${value.slice(0, 40)}">: javascript: URL`);
      }
    }
  }
  return problems;
}
