/**
 * Site search with Pagefind's JS API. The index (`/pagefind/`, written after the build) is loaded
 * only when the reader searches, so it never weighs on page loads. The query lives in `?q=`.
 */
interface PagefindResult {
  data: () => Promise<{ url: string; excerpt: string; meta: { title?: string } }>;
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

const fill = (template: string | undefined, q: string, n = 0) =>
  (template ?? '').replace('{q}', q).replace('{n}', new Intl.NumberFormat(document.documentElement.lang).format(n));

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
    a.href = r.url;
    a.textContent = r.meta.title ?? r.url;
    const p = document.createElement('p');
    // Pagefind's excerpt is the page's own text with <mark> around matches; keep only <mark>.
    p.innerHTML = r.excerpt.replace(/<(?!\/?mark>)[^>]*>/g, '');
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
