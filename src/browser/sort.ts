/**
 * Sortable tables (`<table data-sortable>`): each column header becomes a button; the header
 * carries `aria-sort`. Numbers are read from the cell text in the page's language; « secret » and
 * missing cells sort last. Column type comes from `data-type="num"` on the header.
 */
const lang = document.documentElement.lang;

function numberOf(text: string): number {
  const s = text.replace(/[\s\u00a0\u202f%]/g, '');
  const n = Number(lang === 'fr' ? s.replace(',', '.') : s.replace(/,/g, ''));
  return Number.isFinite(n) && s !== '' ? n : Number.NEGATIVE_INFINITY;
}

function enhance(table: HTMLTableElement) {
  const headers = [...table.querySelectorAll<HTMLTableCellElement>('thead th')];
  const body = table.tBodies[0];
  if (!body) return;
  headers.forEach((th, col) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.append(button);
    button.addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      headers.forEach((h) => h.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const numeric = th.dataset.type === 'num';
      const rows = [...body.rows].map((row, i) => {
        const text = row.cells[col]?.textContent?.trim() ?? '';
        return { row, i, key: numeric ? numberOf(text) : text };
      });
      const collator = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
      rows.sort((a, b) => {
        const c = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : collator.compare(String(a.key), String(b.key));
        return (ascending ? c : -c) || a.i - b.i;
      });
      body.append(...rows.map((r) => r.row));
    });
  });
}

document.querySelectorAll<HTMLTableElement>('table[data-sortable]').forEach(enhance);

export {};
