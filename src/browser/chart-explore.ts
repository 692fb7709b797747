/**
 * Charts a reader can question, on top of the static SVG (without JavaScript the marks' SVG
 * `<title>` still shows on hover, and the summary and table say everything):
 * - the drawing takes the keyboard focus; arrow keys (Home, End) move from mark to mark, and the
 *   value of the mark reached, or hovered, is written under the chart (a polite live region);
 * - on a chart with several series, each legend entry becomes a button that shows or hides its
 *   series (its marks are those drawn in its colour).
 */
const LIVE = 'chart-readout';

function visibleSvg(box: HTMLElement): SVGSVGElement | undefined {
  return [...box.querySelectorAll<SVGSVGElement>(':scope > svg')].find((svg) => getComputedStyle(svg).display !== 'none');
}

/** The marks that carry a value: the elements whose own `<title>` names it, in drawing order, shown ones only. */
function marks(box: HTMLElement): SVGElement[] {
  const svg = visibleSvg(box);
  if (!svg) return [];
  return [...svg.querySelectorAll('title')]
    .map((t) => t.parentElement as unknown as SVGElement | null)
    .filter((m): m is SVGElement => m !== null && m !== (svg as unknown as SVGElement) && !m.classList.contains('dim'));
}

function enhance(box: HTMLElement) {
  const figure = box.closest('figure');
  const title = figure?.querySelector('.chart-title')?.textContent?.trim() ?? '';
  const readout = document.createElement('p');
  readout.className = LIVE;
  readout.setAttribute('aria-live', 'polite');
  box.after(readout);
  box.tabIndex = 0;
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', `${title} — ${box.dataset.hint ?? ''}`);
  let at = -1;
  const show = (mark: SVGElement | undefined) => {
    for (const m of box.querySelectorAll('.active')) m.classList.remove('active');
    if (!mark) return;
    mark.classList.add('active');
    readout.textContent = mark.querySelector('title')?.textContent ?? '';
  };
  box.addEventListener('keydown', (e) => {
    const all = marks(box);
    if (all.length === 0) return;
    const next = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    at = Math.max(0, Math.min(all.length - 1, next));
    show(all[at]);
  });
  box.addEventListener('focus', () => {
    const all = marks(box);
    if (at < 0 && all.length) {
      at = 0;
      show(all[0]);
    }
  });
  box.addEventListener('pointerover', (e) => {
    const mark = (e.target as Element).closest('svg *');
    if (mark?.querySelector(':scope > title')) show(mark as SVGElement);
  });

  // Series picker: legend entries as toggle buttons.
  const entries = [...(figure?.querySelectorAll<HTMLLIElement>('.legend li[data-color]') ?? [])];
  if (entries.length < 2) return;
  for (const li of entries) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'series-toggle';
    button.setAttribute('aria-pressed', 'true');
    button.append(...li.childNodes);
    li.append(button);
    button.addEventListener('click', () => {
      const on = button.getAttribute('aria-pressed') !== 'true';
      button.setAttribute('aria-pressed', String(on));
      const color = li.dataset.color ?? '';
      for (const el of box.querySelectorAll(`[fill="${color}"], [stroke="${color}"]`)) el.classList.toggle('dim', !on);
    });
  }
}

for (const box of document.querySelectorAll<HTMLElement>('figure.chart .chart-svg')) enhance(box);

export {};
