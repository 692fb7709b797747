/**
 * The site's only entry script. Pages read completely without it; each enhancement is loaded
 * only on the pages that have its elements, so most pages load a few hundred bytes of JS.
 * (Its dynamic imports also keep Astro from inlining it: a strict CSP `script-src 'self'` holds.)
 */
const has = (selector: string) => document.querySelector(selector) !== null;

if (has('[data-png]')) void import('./png.ts');
if (has('table[data-sortable]')) void import('./sort.ts');
if (has('form[data-filters]')) void import('./filters.ts');
if (has('[data-contracts]')) void import('./contracts.ts');
if (has('form[data-search]')) void import('./search.ts');
if (has('[data-checker]')) void import('./checker/page.ts');
if (has('[data-embed-origin]') || has('[data-today]')) void import('./embed-code.ts');
if (document.body.classList.contains('embed') && window.parent !== window) void import('./embed-size.ts');
if (has('figure.chart .chart-svg')) void import('./chart-explore.ts');
