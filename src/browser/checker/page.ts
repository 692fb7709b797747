/**
 * The « Vérifier vos fichiers » page: file input and drop zone, status and progress, results and
 * downloads. The validation itself runs in a module Web Worker (worker.ts), created on first use
 * (the file input focused or pressed, or files dragged over the page), so that the page loads only
 * this small script and never freezes while a big file is checked.
 * Nothing is sent anywhere: the files go to the worker, the reports come back as Blob URLs.
 *
 * For the benchmark (scripts/bench-checker.ts): `performance.mark('checker-start')` when files are
 * chosen or dropped, `checker-worker` at the worker's first answer, `checker-done` once the results
 * are on the page (its `detail` has the worker's time, its steps, the counts and the rows read).
 */
import type { Issue, SummaryEntry, ValidationReport } from '../../lib/validate/index.ts';
import type { CheckMessage, CheckRequest, Steps } from './protocol.ts';

/** Strings of the page's language, written by Checker.astro as `data-msg-<key>` attributes. */
const KEYS = ['reading', 'checking', 'done', 'failed', 'unsupported', 'ok', 'ko', 'counts', 'error', 'warning', 'shown'] as const;
type Strings = Record<(typeof KEYS)[number], string>;

/** Issues drawn in the page; the downloads hold every stored one. */
const MAX_SHOWN = 1000;

const root = document.querySelector<HTMLElement>('[data-checker]');
if (root) setUp(root);

function setUp(root: HTMLElement) {
  const lang = document.documentElement.lang === 'en' ? 'en' : 'fr';
  const strings = Object.fromEntries(KEYS.map((key) => [key, root.getAttribute(`data-msg-${key}`) ?? ''])) as Strings;
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const input = q<HTMLInputElement>('input[type=file]');
  const zone = q<HTMLElement>('[data-drop]');
  const statusEl = q<HTMLElement>('[data-status]');
  const progress = q<HTMLProgressElement>('[data-progress]');
  const results = q<HTMLElement>('[data-results]');
  const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 });
  const fill = (template: string, params: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
  const names = (files: readonly string[]) => files.join(', ');

  let worker: Worker | undefined;
  let run = 0;
  let started = 0;
  let chosen: string[] = [];
  const urls: string[] = [];

  function getWorker(): Worker {
    if (!worker) {
      worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<CheckMessage>) => onMessage(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        fail(event.message || strings.unsupported);
        worker?.terminate();
        worker = undefined;
      };
    }
    return worker;
  }

  function fail(detail: string) {
    progress.hidden = true;
    statusEl.textContent = fill(strings.failed, { detail });
  }

  function check(list: FileList | null) {
    const files = [...(list ?? [])];
    if (files.length === 0) return;
    performance.clearMarks('checker-start');
    performance.clearMarks('checker-done');
    performance.clearMarks('checker-worker');
    performance.mark('checker-start');
    started = performance.now();
    chosen = files.map((f) => f.name);
    results.hidden = true;
    progress.hidden = false;
    progress.max = 1;
    progress.value = 0;
    statusEl.textContent = fill(strings.checking, { files: names(chosen) });
    const request: CheckRequest = { id: ++run, files };
    try {
      getWorker().postMessage(request);
    } catch {
      fail(strings.unsupported);
    }
  }

  function onMessage(message: CheckMessage) {
    if (message.id !== run) return; // an answer to an earlier choice of files
    if (performance.getEntriesByName('checker-worker').length === 0) performance.mark('checker-worker'); // the worker answers
    switch (message.type) {
      case 'reading':
        progress.max = Math.max(1, message.total);
        progress.value = message.done;
        statusEl.textContent = fill(strings.reading, { file: message.file });
        break;
      case 'checking':
        progress.removeAttribute('value'); // indeterminate: the validator reports no progress
        statusEl.textContent = fill(strings.checking, { files: names(message.files) });
        break;
      case 'failed':
        fail(message.message);
        break;
      case 'done':
        show(message.report, message.json, message.csv, message.milliseconds, message.steps);
        break;
    }
  }

  function cell(tag: 'td' | 'th', content: string | Node, className?: string): HTMLElement {
    const c = document.createElement(tag);
    if (tag === 'th') c.scope = 'row';
    if (className) c.className = className;
    c.append(content);
    return c;
  }
  const code = (text: string) => {
    const c = document.createElement('code');
    c.textContent = text;
    return c;
  };
  const row = (...cells: HTMLElement[]) => {
    const tr = document.createElement('tr');
    tr.append(...cells);
    return tr;
  };
  const level = (severity: string) => (severity === 'error' ? strings.error : strings.warning);

  function download(selector: string, content: string, type: string, name: string) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    urls.push(url);
    const a = q<HTMLAnchorElement>(selector);
    a.href = url;
    a.download = name;
  }

  function show(report: ValidationReport, json: string, csv: string, workerMilliseconds: number, steps: Steps) {
    for (const url of urls.splice(0)) URL.revokeObjectURL(url);
    const ok = report.errorCount === 0;
    const verdict = q<HTMLElement>('[data-verdict]');
    verdict.className = ok ? 'badge-ok' : 'badge-ko';
    verdict.textContent = ok ? strings.ok : strings.ko;
    q<HTMLElement>('[data-counts]').textContent = fill(strings.counts, {
      errors: number.format(report.errorCount),
      warnings: number.format(report.warningCount),
    });
    download('[data-download-json]', json, 'application/json', `validation-${report.publisher}.json`);
    download('[data-download-csv]', csv, 'text/csv;charset=utf-8', `validation-${report.publisher}.csv`);

    q<HTMLElement>('[data-files]').replaceChildren(
      ...report.files.map((f) =>
        row(
          cell('th', code(f.sheet === undefined ? f.file : `${f.file} › ${f.sheet}`)),
          cell('td', f.encoding ?? 'xlsx'),
          cell('td', code(f.delimiter === undefined ? '' : f.delimiter === '\t' ? '\\t' : f.delimiter)),
          cell('td', number.format(f.rows), 'num'),
        ),
      ),
    );
    q<HTMLElement>('[data-files-block]').hidden = report.files.length === 0;

    const ruleTitle = (s: SummaryEntry) => {
      const span = document.createElement('span');
      span.append(`${s[lang]} `, code(s.rule));
      return span;
    };
    q<HTMLElement>('[data-rules]').replaceChildren(
      ...report.summary.map((s) =>
        row(
          cell('th', ruleTitle(s)),
          cell('td', level(s.severity)),
          cell('td', number.format(s.count), 'num'),
          cell(
            'td',
            Object.entries(s.files)
              .map(([file, n]) => `${file} (${number.format(n)})`)
              .join(', '),
          ),
          cell('td', s.fix[lang]),
        ),
      ),
    );
    q<HTMLElement>('[data-rules-block]').hidden = report.summary.length === 0;
    q<HTMLElement>('[data-no-issue]').hidden = report.summary.length > 0;

    const shown = report.issues.slice(0, MAX_SHOWN);
    q<HTMLElement>('[data-issues]').replaceChildren(
      ...shown.map((i: Issue) =>
        row(
          cell('th', level(i.severity)),
          cell('td', code(i.sheet === undefined ? i.file : `${i.file} › ${i.sheet}`)),
          cell('td', i.cell ?? (i.line === undefined ? '' : number.format(i.line)), 'num'),
          cell('td', i.column ?? ''),
          cell('td', i.value === undefined ? '' : code(i.value)),
          cell('td', code(i.rule)),
          cell('td', i.message[lang]),
        ),
      ),
    );
    q<HTMLElement>('[data-issues-block]').hidden = shown.length === 0;
    const more = q<HTMLElement>('[data-shown]');
    more.hidden = shown.length === report.issues.length;
    more.textContent = fill(strings.shown, { shown: number.format(shown.length), stored: number.format(report.issues.length) });

    progress.hidden = true;
    results.hidden = false;
    const seconds = number.format(Math.round((performance.now() - started) / 10) / 100);
    statusEl.textContent = fill(strings.done, {
      files: names(chosen),
      seconds,
      errors: number.format(report.errorCount),
      warnings: number.format(report.warningCount),
    });
    q<HTMLElement>('[data-results] h2').focus();
    const rows = report.files.reduce((sum, f) => sum + f.rows, 0);
    performance.mark('checker-done', { detail: { workerMilliseconds, steps, errors: report.errorCount, warnings: report.warningCount, rows } });
  }

  input.addEventListener('change', () => check(input.files));
  // Start the worker (fetch, compile, build the schemas) as soon as the reader reaches for the
  // checker, while the file dialog is open or the files are being dragged, not with the page.
  const warm = () => void getWorker();
  input.addEventListener('focus', warm, { once: true });
  input.addEventListener('pointerdown', warm, { once: true });
  window.addEventListener('dragenter', warm, { once: true });
  // Dropping anywhere else must not open the file in the tab (and leave the page).
  for (const type of ['dragover', 'drop'] as const) window.addEventListener(type, (e) => e.preventDefault());
  zone.addEventListener('dragover', (e) => {
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    zone.classList.remove('over');
    check(e.dataTransfer?.files ?? null);
  });
  q<HTMLElement>('[data-checker-form]').hidden = false;
}
