import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkPagePolicy, CSP_DIRECTIVES, cspHash, cspHeader, parseCsp, SCRIPT_SOURCES, STYLE_SOURCES } from '../../scripts/lib/csp.ts';

const STYLE = 'body{color:#1a1a1a}';
/** The policy as Astro writes it (directives, then script-src and style-src with hashes). */
const policy = (script = SCRIPT_SOURCES.join(' '), style = `${STYLE_SOURCES.join(' ')} ${cspHash(STYLE)}`) => `${CSP_DIRECTIVES.join(';')}; script-src ${script}; style-src ${style};`;
const page = ({ head = '', body = '<p>ok</p>', content = policy(), meta = true } = {}) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>t</title>` +
  (meta ? `<meta http-equiv="content-security-policy" content="${content}">` : '') +
  `<style>${STYLE}</style>${head}<script type="module" src="/_astro/main.js"></script></head><body>${body}</body></html>`;

describe('parseCsp', () => {
  it('splits directives and sources, names in lower case, the first of a repeated directive winning', () => {
    const p = parseCsp("default-src 'self';IMG-SRC 'self' data: ;  ; img-src *");
    expect([...p]).toEqual([
      ['default-src', ["'self'"]],
      ['img-src', ["'self'", 'data:']],
    ]);
  });
});

describe('cspHash', () => {
  it('is the base64 SHA-256 of the UTF-8 text, quoted as a CSP source', () => {
    const text = 'é{}';
    expect(cspHash(text)).toBe(`'sha256-${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('base64')}'`);
  });
});

describe('cspHeader', () => {
  it('adds frame-ancestors, which a meta tag cannot carry, to the page policy', () => {
    const header = cspHeader(policy());
    expect(header).toContain("default-src 'self'; ");
    expect(header).toMatch(/; frame-ancestors \*$/);
    expect(parseCsp(header).get('style-src')).toContain(cspHash(STYLE));
  });
});

describe('checkPagePolicy', () => {
  it('accepts a page that carries the policy with the hash of its inline style', () => {
    expect(checkPagePolicy(page())).toEqual([]);
  });

  it('accepts the text of a hostile label: it is text, not markup', () => {
    const body = '<h1>&lt;script&gt;window.__xss=1&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;</h1>';
    expect(checkPagePolicy(page({ body }))).toEqual([]);
  });

  it('reports a page without the meta tag', () => {
    expect(checkPagePolicy(page({ meta: false }))).toEqual(['no <meta http-equiv="content-security-policy">']);
  });

  it('reports a meta tag placed after a style', () => {
    const html = page().replace(/(<meta http-equiv[^>]*>)(<style>[^<]*<\/style>)/, '$2$1');
    expect(checkPagePolicy(html)).toEqual(['a style or script comes before the Content-Security-Policy meta tag']);
  });

  it('reports unsafe sources, other origins, missing and unexpected directives', () => {
    const content = policy(`'self' 'wasm-unsafe-eval' 'unsafe-inline' https://cdn.example.com`).replace("object-src 'none';", '') + ' frame-ancestors *';
    expect(checkPagePolicy(page({ content }))).toEqual(['no object-src directive', "script-src allows 'unsafe-inline' https://cdn.example.com", 'unexpected directive frame-ancestors']);
    expect(checkPagePolicy(page({ content: policy(undefined, `'self' 'unsafe-inline'`) }))).toEqual(["style-src allows 'unsafe-inline'", `<style> without its hash in style-src: ${STYLE}`]);
  });

  it('reports an inline script without its hash, and accepts it with its hash', () => {
    const head = '<script>console.log(1)</script>';
    expect(checkPagePolicy(page({ head }))).toEqual(['inline script without its hash in script-src: console.log(1)']);
    const content = policy(`${SCRIPT_SOURCES.join(' ')} ${cspHash('console.log(1)')}`);
    expect(checkPagePolicy(page({ head, content }))).toEqual([]);
    // Data blocks are not scripts.
    expect(checkPagePolicy(page({ head: '<script type="application/ld+json">{}</script>' }))).toEqual([]);
  });

  it('reports event-handler and style attributes and javascript: links', () => {
    const body = '<img src="/a.png" alt="" onerror="x()"><p style="color:red">a</p><a href=" javascript:x()">b</a>';
    expect(checkPagePolicy(page({ body }))).toEqual(['<img onerror>: event-handler attribute', '<p style="color:red">: style attribute', '<a href=" javascript:x()">: javascript: URL']);
  });
});
