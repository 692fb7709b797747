/**
 * Filter forms (`<form data-filters="id1 id2">`), hidden until this script runs. Each field filters
 * the rows of the target tables through their `data-<name>` attributes:
 * - `<name>_min` / `<name>_max`: numeric bounds (years);
 * - `q`: text contained in the row;
 * - any other name: equality with the code.
 * A name may carry its form's prefix (`departement.annee_min`) so that several forms of one page keep
 * their own state. A row without the attribute a field filters on is hidden, never shown as if it
 * matched: a form only lists the dimensions its tables have.
 * The state lives in the URL query string (`?annee_min=2015&segment=SERVICES`), so a shared link
 * opens the same view; an empty field is left out of the URL, and other forms' fields are kept.
 */
/** `type_clause` → `typeClause`, the `dataset` key of `data-type-clause`. */
const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

function apply(form: HTMLFormElement, updateUrl: boolean) {
  const data = new FormData(form);
  const filters = [...data.entries()].filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
  const targets = (form.dataset.filters ?? '').split(/\s+/).filter(Boolean);
  let shown = 0;
  let total = 0;
  for (const id of targets) {
    const table = document.getElementById(id);
    if (!table) continue;
    for (const row of table.querySelectorAll<HTMLTableRowElement>('tbody tr')) {
      total++;
      const ok = filters.every(([scoped, value]) => {
        const name = scoped.slice(scoped.indexOf('.') + 1);
        if (name === 'q') return (row.textContent ?? '').toLocaleLowerCase().includes(value.toLocaleLowerCase());
        const bound = /^(.+)_(min|max)$/.exec(name);
        if (bound) {
          const v = Number(row.dataset[camel(bound[1] as string)]);
          if (!Number.isFinite(v)) return true;
          return bound[2] === 'min' ? v >= Number(value) : v <= Number(value);
        }
        const cell = row.dataset[camel(name)];
        return cell === value;
      });
      // Touch the DOM only on a change: a 500-row table must not be restyled for nothing.
      if (row.hidden === ok) row.hidden = !ok;
      if (ok) shown++;
    }
  }
  const status = form.querySelector<HTMLElement>('[data-count]');
  if (status) status.textContent = (status.dataset.template ?? '{shown}/{total}').replace('{shown}', String(shown)).replace('{total}', String(total));
  if (updateUrl) {
    // This form's fields replace their own entries; the other forms' stay.
    const own = new Set([...form.elements].map((e) => (e as HTMLInputElement).name).filter(Boolean));
    const params = new URLSearchParams([...new URLSearchParams(location.search)].filter(([k]) => !own.has(k)));
    for (const [k, v] of filters) params.append(k, v);
    const query = params.toString();
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  }
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-filters]')) {
  const params = new URLSearchParams(location.search);
  for (const [name, value] of params) {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
  }
  form.hidden = false;
  form.addEventListener('input', () => apply(form, true));
  form.addEventListener('change', () => apply(form, true));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply(form, true);
  });
  form.addEventListener('reset', () => setTimeout(() => apply(form, true)));
  apply(form, false);
}

export {};
