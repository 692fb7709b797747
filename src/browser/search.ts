/**
 * Site search with Pagefind's JS API. The index (`/pagefind/`, written after the build) is loaded
 * only when the reader searches, so it never weighs on page loads. The query lives in `?q=`.
 */
interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { id: string };
}
interface PagefindResult {
  data: () => Promise<{ url: string; excerpt: string; meta: { title?: string }; sub_results?: PagefindSubResult[] }>;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  search: (q: string) => Promise<{ results: PagefindResult[] }>;
}

const form = document.querySelector<HTMLFormElement>('form[data-search]');
const list = document.querySelector<HTMLElement>('[data-search-results]');
const statusEl = document.querySelector<HTMLElement>('[data-search-status]');
let pagefind: Promise<Pagefind | null> | undefined;

function load(base: string): Promise<Pagefind | null> {
  pagefind ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)
    .then(async (m: Pagefind) => {
      await m.options({ baseUrl: base });
      return m;
    })
    .catch(() => null);
  return pagefind;
}

// Replacer functions: a query such as `$&` or `$'` is inserted as typed, not as a pattern.
const fill = (template: string | undefined, q: string, n = 0) => (template ?? '').replace('{q}', () => q).replace('{n}', () => new Intl.NumberFormat(document.documentElement.lang).format(n));

/**
 * Pagefind's excerpt is HTML: the page's text, escaped, with `<mark>` around matches. It is parsed
 * in an inert `<template>` (nothing in it runs or loads) and rebuilt from text nodes and `<mark>`
 * elements only, so text that came from the data can never become markup (docs/securite.md).
 */
function excerptNodes(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return [...template.content.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}

async function run(q: string) {
  if (!form || !list || !statusEl) return;
  const query = q.trim();
  const url = new URL(location.href);
  if (query) url.searchParams.set('q', query);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
  list.replaceChildren();
  if (!query) {
    statusEl.textContent = '';
    return;
  }
  statusEl.textContent = statusEl.dataset.loading ?? '';
  const pf = await load(form.dataset.base ?? '/');
  if (!pf) {
    statusEl.textContent = statusEl.dataset.unavailable ?? '';
    return;
  }
  const found = await pf.search(query);
  const results = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
  const n = found.results.length;
  statusEl.textContent = n === 0 ? fill(statusEl.dataset.none, query) : fill(n === 1 ? statusEl.dataset.one : statusEl.dataset.other, query, n);
  for (const r of results) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    // The section that matched (a chart's or a table's heading, by its id), when there is one:
    // the link opens the page at it, and its excerpt is that section's.
    const section = (r.sub_results ?? []).find((s) => s.anchor && s.url.includes('#'));
    a.href = section?.url ?? r.url;
    a.textContent = r.meta.title ?? r.url;
    if (section && section.title !== r.meta.title) a.append(document.createTextNode(` — ${section.title}`));
    const p = document.createElement('p');
    p.append(...excerptNodes(section?.excerpt ?? r.excerpt));
    li.append(a, p);
    list.append(li);
  }
}

if (form) {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(input?.value ?? '');
  });
  const q = new URLSearchParams(location.search).get('q');
  if (q && input) {
    input.value = q;
    void run(q);
  }
}

export {};
