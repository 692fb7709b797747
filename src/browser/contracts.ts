/**
 * The list of all contracts (`[data-contracts]`, src/components/contracts/ContractsList.astro),
 * enhanced. Without this script the list is a static page of rows with links to the other pages.
 * With it, the filter form appears and column headers become sort buttons; the first time a reader
 * filters or sorts, the contracts of the years concerned are fetched (`<year>.json`, one file per
 * year of notification, cached) and the table shows the matching rows, a page at a time. The view
 * lives in the URL (`?annee_min=2015&segment=SERVICES&tri=heures_prevues&ordre=desc&page=2`), so a
 * shared link opens it again. Nothing is fetched while the URL holds no view.
 */
import { pageCount, pageWindow } from '../site/contracts/paging.ts';
import { SECRET } from '../schemas/secret.ts';

type Value = string | number | boolean | null;
interface Chunk {
  colonnes: string[];
  lignes: Value[][];
}
interface Column {
  nom: string;
  kind: string;
  /** Percentages: the decimals the server-rendered rows use (`data-digits`, from percentDigits). */
  pf?: Intl.NumberFormat;
  th: HTMLTableCellElement;
  /** The header's text, before each cell on a phone (stacked table, `data-label`). */
  label: string;
}

const FILTERS = ['annee_min', 'annee_max', 'departement', 'segment', 'type_clause', 'q'] as const;
const CODES = ['departement', 'segment', 'type_clause'] as const;
const PATH_ID = /^[A-Za-z0-9._-]+$/;

function enhance(root: HTMLElement) {
  const d = root.dataset;
  const table = document.getElementById(d.contracts ?? '') as HTMLTableElement | null;
  const form = root.querySelector<HTMLFormElement>('form[data-filtres]');
  const body = table?.tBodies[0];
  if (!table || !form || !body || !table.tHead) return;
  const status = form.querySelector<HTMLElement>('[data-status]');
  const staticNav = root.querySelector<HTMLElement>('nav[data-pagination]');
  const staticRows = [...body.rows];
  const locale = d.locale ?? document.documentElement.lang;
  const percentFormat = (digits: string | undefined) =>
    digits === undefined ? undefined : new Intl.NumberFormat(locale, { minimumFractionDigits: Number(digits), maximumFractionDigits: Number(digits) });
  const columns: Column[] = [...table.tHead.rows[0]!.cells].map((th) => ({
    nom: th.dataset.col ?? '',
    kind: th.dataset.kind ?? 'text',
    pf: percentFormat(th.dataset.digits),
    th,
    label: th.textContent?.trim() ?? '',
  }));
  const years = (d.years ?? '').split(' ').filter(Boolean).map(Number);
  const size = Number(d.pageSize) || 100;
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const percent = locale.startsWith('fr') ? '\u202f%' : '%';
  const operationHref = table.dataset.operationHref;
  const fill = (template: string | undefined, values: Record<string, string | number>) => (template ?? '').replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

  // Code labels: the options of the form's own selects.
  const labels = new Map<string, Map<string, string>>();
  for (const name of CODES) {
    const select = form.elements.namedItem(name);
    if (select instanceof HTMLSelectElement) labels.set(name, new Map([...select.options].map((o) => [o.value, o.text])));
  }

  const chunks = new Map<number, Promise<Chunk>>();
  const load = (year: number) => {
    let p = chunks.get(year);
    if (!p) {
      p = fetch(`${d.chunks}${year}.json`).then((r) => {
        if (!r.ok) throw new Error(`${r.status}`);
        return r.json() as Promise<Chunk>;
      });
      p.catch(() => chunks.delete(year));
      chunks.set(year, p);
    }
    return p;
  };

  let sort: { col: string; desc: boolean } | null = null;
  let page = 1;
  let request = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const field = (name: string) => {
    const el = form.elements.namedItem(name);
    return el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? el : null;
  };
  const filters = (): [string, string][] => FILTERS.map((n): [string, string] => [n, field(n)?.value.trim() ?? '']).filter(([, v]) => v !== '');
  const active = () => filters().length > 0 || sort !== null || page > 1;

  function writeUrl() {
    const params = new URLSearchParams(filters());
    if (sort) {
      params.set('tri', sort.col);
      if (sort.desc) params.set('ordre', 'desc');
    }
    if (page > 1) params.set('page', String(page));
    const query = params.toString();
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  }

  function cell(row: Value[], index: Map<string, number>, c: Column, first: boolean): HTMLTableCellElement {
    const el = document.createElement(first ? 'th' : 'td');
    if (first) el.scope = 'row';
    const v = row[index.get(c.nom) ?? -1] ?? null;
    const classes = [c.kind === 'num' || c.kind === 'pct' ? 'num' : '', c.nom === 'objet' ? 'long' : '', v === SECRET ? 'secret' : ''].filter(Boolean);
    if (classes.length) el.className = classes.join(' ');
    if (!first) el.dataset.label = c.label;
    let text: string;
    if (v === null || v === '') text = d.missing ?? '';
    else if (v === SECRET) text = d.secret ?? SECRET;
    else if (typeof v === 'number') text = c.kind === 'pct' ? (c.pf ?? nf).format(v) + percent : c.kind === 'num' ? nf.format(v) : String(v);
    else text = c.kind === 'code' ? (labels.get(c.nom)?.get(String(v)) ?? String(v)) : String(v);
    const op = row[index.get('id_operation') ?? -1];
    if (c.nom === 'objet' && operationHref && typeof op === 'string' && PATH_ID.test(op)) {
      const a = document.createElement('a');
      a.href = `${operationHref}${op}/`;
      a.textContent = text;
      el.append(a);
    } else el.textContent = text;
    if (c.nom === 'objet' && !locale.startsWith('fr')) el.lang = 'fr';
    return el;
  }

  const nav = document.createElement('nav');
  nav.className = 'pagination';
  nav.setAttribute('aria-label', staticNav?.getAttribute('aria-label') ?? '');
  nav.hidden = true;
  (staticNav ?? table.closest('.table-scroll') ?? table).after(nav);

  function pageLink(n: number, text: string, current = false): HTMLLIElement {
    const li = document.createElement('li');
    const a = document.createElement('a');
    const params = new URLSearchParams(location.search);
    if (n > 1) params.set('page', String(n));
    else params.delete('page');
    a.href = `${location.pathname}?${params.toString()}`;
    a.textContent = text;
    if (current) a.setAttribute('aria-current', 'page');
    if (/^\d+$/.test(text)) a.setAttribute('aria-label', fill(d.pageLabel, { page: n }));
    a.addEventListener('click', (e) => {
      e.preventDefault();
      page = n;
      void update();
      table!.closest<HTMLElement>('.table-scroll')?.focus();
    });
    li.append(a);
    return li;
  }

  function renderNav(pages: number) {
    const ul = document.createElement('ul');
    if (page > 1) ul.append(pageLink(page - 1, `← ${d.previous ?? ''}`));
    // The same window of page numbers as the static pagination (Pagination.astro).
    for (const n of pageWindow(page, pages)) {
      if (n === null) {
        const gap = document.createElement('li');
        gap.textContent = '…';
        gap.setAttribute('aria-hidden', 'true');
        ul.append(gap);
      } else ul.append(pageLink(n, String(n), n === page));
    }
    if (page < pages) ul.append(pageLink(page + 1, `${d.next ?? ''} →`));
    nav.replaceChildren(ul);
    nav.hidden = pages < 2;
  }

  function restore() {
    body!.replaceChildren(...staticRows);
    nav.hidden = true;
    if (staticNav) staticNav.hidden = false;
    if (status) status.textContent = '';
  }

  async function update() {
    writeUrl();
    const mine = ++request;
    if (!active()) return restore();
    const values = Object.fromEntries(filters());
    const min = Number(values.annee_min ?? -Infinity);
    const max = Number(values.annee_max ?? Infinity);
    const wanted = years.filter((y) => y >= min && y <= max);
    if (status) status.textContent = d.loading ?? '';
    let loaded: Chunk[];
    try {
      loaded = await Promise.all(wanted.map(load));
    } catch {
      if (mine === request && status) status.textContent = d.error ?? '';
      return;
    }
    if (mine !== request) return;
    const index = new Map((loaded[0]?.colonnes ?? []).map((c, i) => [c, i]));
    const at = (row: Value[], col: string) => row[index.get(col) ?? -1] ?? null;
    const q = (values.q ?? '').toLocaleLowerCase();
    let rows = loaded.flatMap((c) => c.lignes);
    const total = rows.length;
    rows = rows.filter(
      (r) =>
        CODES.every((c) => !values[c] || at(r, c) === values[c]) &&
        (!q ||
          String(at(r, 'objet') ?? '')
            .toLocaleLowerCase()
            .includes(q)),
    );
    if (sort) {
      const { col, desc } = sort;
      const numeric = columns.find((c) => c.nom === col)?.kind !== 'text' && columns.find((c) => c.nom === col)?.kind !== 'code';
      // Secret and missing values sort last in both directions.
      const keyed = rows.map((r, i) => ({ r, i, v: at(r, col) }));
      keyed.sort((a, b) => {
        const ma = a.v === null || a.v === SECRET;
        const mb = b.v === null || b.v === SECRET;
        if (ma || mb) return ma === mb ? a.i - b.i : ma ? 1 : -1;
        const c = numeric && typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
        return (desc ? -c : c) || a.i - b.i;
      });
      rows = keyed.map((k) => k.r);
    }
    const pages = pageCount(rows.length, size);
    if (page > pages) {
      page = pages;
      writeUrl();
    }
    body!.replaceChildren(
      ...rows.slice((page - 1) * size, page * size).map((r) => {
        const tr = document.createElement('tr');
        tr.append(...columns.map((c, i) => cell(r, index, c, i === 0)));
        return tr;
      }),
    );
    if (staticNav) staticNav.hidden = true;
    renderNav(pages);
    if (status) status.textContent = fill(d.count, { shown: rows.length, total, page, pages });
  }

  // Sort buttons in the column headers.
  for (const c of columns) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = c.th.textContent;
    c.th.replaceChildren(button);
    button.addEventListener('click', () => {
      sort = { col: c.nom, desc: sort?.col === c.nom ? !sort.desc : false };
      page = 1;
      void update();
    });
  }
  const showSort = () => {
    for (const c of columns) {
      if (sort?.col === c.nom) c.th.setAttribute('aria-sort', sort.desc ? 'descending' : 'ascending');
      else c.th.removeAttribute('aria-sort');
    }
  };

  // The view of the URL.
  const params = new URLSearchParams(location.search);
  for (const name of FILTERS) {
    const el = field(name);
    const v = params.get(name);
    if (el && v !== null) el.value = v;
  }
  const tri = params.get('tri');
  if (tri && columns.some((c) => c.nom === tri)) sort = { col: tri, desc: params.get('ordre') === 'desc' };
  page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  showSort();
  form.hidden = false;

  const changed = () => {
    page = 1;
    showSort();
    void update();
  };
  form.addEventListener('change', changed);
  form.addEventListener('input', (e) => {
    if ((e.target as HTMLElement).localName !== 'input') return;
    clearTimeout(timer);
    timer = setTimeout(changed, 250);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    changed();
  });
  form.addEventListener('reset', () =>
    setTimeout(() => {
      sort = null;
      changed();
    }),
  );
  table.addEventListener('click', (e) => {
    if ((e.target as HTMLElement).closest('thead button')) showSort();
  });
  if (active()) void update();
}

document.querySelectorAll<HTMLElement>('[data-contracts]').forEach(enhance);

export {};
