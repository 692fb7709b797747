/**
 * Benchmark of the « Vérifier vos fichiers » page: how long Chromium takes to check a file of
 * 100,000 hour rows, and whether the page stays responsive meanwhile. Builds nothing: it serves a
 * built site (`DIST_DIR` or `--dist`, default `dist/`) and opens its `/verifier/` page.
 *
 *   npm run bench:checker                         100,000 rows, 5 runs, the built site in dist/
 *   npm run bench:checker -- --rows 20000 --runs 3 --dist /tmp/site
 *   npm run bench:checker -- --file path/to/heures.csv
 *
 * Each run opens the page in a fresh browser context (cold: the worker script is fetched and
 * compiled again), chooses the file — in the file dialog opened by a press on the input (`click`)
 * or set on the input directly (`cold`) — and reads the page's own marks: `checker-start` (files
 * chosen) → `checker-worker` (the worker's first answer) → `checker-done` (results in the page),
 * then the next frame (results painted). Meanwhile a PerformanceObserver records the page's long
 * tasks (main thread busy ≥ 50 ms) and a requestAnimationFrame heartbeat the longest gap between
 * frames; /proc gives the CPU time of Chromium's processes. The same validation then runs in Node
 * on the same bytes, as a reference; the ratios compare medians. docs/verifier.md has figures.
 *
 * The file is made from the synthetic sample's generator (scaled, then cut to the row count) and
 * kept in `.cache/bench/checker/`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { validateDataset } from '../src/lib/validate/index.ts';
import { launchChromium } from '../test/browser/harness/browser.ts';
import { basePath, distDir, missingDist } from '../test/browser/harness/site.ts';
import { serveStatic } from './lib/static-server.ts';
import { generateSample } from './sample/generate.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: distDir() },
    base: { type: 'string', default: basePath() },
    rows: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    file: { type: 'string' },
    /** Goal of issue #5, in seconds. */
    goal: { type: 'string', default: '2' },
  },
});

const ROWS = Number(values.rows);
const RUNS = Math.max(1, Number(values.runs));
const GOAL_MS = Number(values.goal) * 1000;
const SAMPLE_ROWS_PER_SCALE = 3810; // hour rows of the sample at scale 1, to pick a scale above ROWS

/** A `heures.csv` of exactly `rows` data rows, from the generator (valid data, as a publisher's). */
function hoursFile(rows: number): string {
  const dir = resolve('.cache/bench/checker');
  // Named heures.csv, as the page checks a file by its name.
  const file = join(dir, String(rows), 'heures.csv');
  if (existsSync(file)) return file;
  const scale = Math.max(1, Math.ceil((rows * 1.05) / SAMPLE_ROWS_PER_SCALE));
  const generated = join(dir, `x${scale}`);
  if (!existsSync(join(generated, 'heures.csv'))) generateSample({ out: generated, scale });
  const text = readFileSync(join(generated, 'heures.csv'), 'utf8');
  const lines = text.split(/\r\n/);
  if (lines.length - 2 < rows) throw new Error(`The generator gave ${lines.length - 2} rows at scale ${scale}, fewer than ${rows}`);
  mkdirSync(join(dir, String(rows)), { recursive: true });
  writeFileSync(file, lines.slice(0, rows + 1).join('\r\n') + '\r\n');
  return file;
}

/** Installed in the page before its scripts: long tasks and the longest gap between frames. */
const PROBE = `
  window.__bench = { longTasks: [], maxGap: 0, painted: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'checker-done')
      requestAnimationFrame(() => setTimeout(() => { window.__bench.painted = performance.now(); }));
  }).observe({ type: 'mark' });
  let last = 0;
  const beat = (t) => {
    const start = performance.getEntriesByName('checker-start')[0];
    const done = performance.getEntriesByName('checker-done')[0];
    if (start && !done && last > 0 && t > start.startTime) window.__bench.maxGap = Math.max(window.__bench.maxGap, t - last);
    last = t;
    requestAnimationFrame(beat);
  };
  requestAnimationFrame(beat);
`;

/**
 * CPU time (user + system, ms) used so far by this process's descendants, i.e. Chromium's
 * processes (browser, renderer with the page and its worker, GPU…), from /proc. Linux only;
 * NaN elsewhere.
 */
function chromiumCpu(): number {
  try {
    const procs = new Map<number, { ppid: number; ticks: number }>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        procs.set(Number(name), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
      } catch {
        // the process ended meanwhile
      }
    }
    let ticks = 0;
    for (const p of procs.values()) {
      for (let up = p.ppid; up > 1; up = procs.get(up)?.ppid ?? 0) {
        if (up === process.pid) {
          ticks += p.ticks;
          break;
        }
      }
    }
    return ticks * 10; // USER_HZ is 100 on Linux
  } catch {
    return NaN;
  }
}

type Mode = 'click' | 'cold';
const MODES: Record<Mode, string> = {
  click: 'chosen in the file dialog (the press on the input starts the worker, as for a reader)',
  cold: 'set on the input without a press (the worker starts when the files arrive)',
};

interface Run {
  mode: Mode;
  /** Files chosen → first message of the worker (ms): its start-up if it was not running yet. */
  startup: number;
  /**
   * CPU time of all Chromium processes from the choice to the results painted (ms): the worker's
   * start and check, and also the browser's own work meanwhile (file dialog, compositor frames).
   */
  cpu: number;
  /** Files chosen → results in the page (ms). */
  total: number;
  /** Files chosen → the frame after the results (ms). */
  painted: number;
  /** Time spent in the worker (ms): in all, reading the file, validating it. */
  worker: number;
  read: number;
  validate: number;
  /** Longest main-thread task during the check (ms; 0 when none reached 50 ms). */
  longestTask: number;
  /** Longest gap between two animation frames during the check (ms). */
  maxFrameGap: number;
  errors: number;
  warnings: number;
}

const readLoad = () => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return '?';
  }
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`;

async function main(): Promise<number> {
  const missing = missingDist(values.dist);
  if (missing) {
    process.stderr.write(`${missing}\n`);
    return 1;
  }
  const file = values.file ? resolve(values.file) : hoursFile(ROWS);
  if (basename(file) !== 'heures.csv') {
    process.stderr.write(`The page checks a file by its name: ${basename(file)} would be an unknown file, not hours. Name it heures.csv.\n`);
    return 1;
  }
  const bytes = readFileSync(file);
  // Data rows: lines after the header (the generator ends every line with CRLF).
  const rowCount = (bytes.toString('latin1').match(/\n/g)?.length ?? 1) - 1;
  console.log(`File: ${file} (${rowCount.toLocaleString('en-US')} data rows, ${(bytes.length / 1e6).toFixed(1)} MB)`);
  console.log(`Site: ${values.dist}; ${RUNS} run(s) of each way in Chromium, each in a fresh context`);
  for (const [mode, what] of Object.entries(MODES)) console.log(`  ${mode}: files ${what}`);

  const server = await serveStatic(values.dist, { base: values.base });
  const browser = await launchChromium();
  const runs: Run[] = [];
  try {
    for (let i = 0; i < RUNS * 2; i++) {
      const mode: Mode = i % 2 === 0 ? 'click' : 'cold';
      const context = await browser.newContext();
      try {
        await context.addInitScript(PROBE);
        const page = await context.newPage();
        await page.goto(`${server.url}verifier/`, { waitUntil: 'load' });
        await page.locator('[data-checker-form]').waitFor({ state: 'visible' });
        const cpu0 = chromiumCpu();
        if (mode === 'click') {
          const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#checker-files').click()]);
          await chooser.setFiles(file);
        } else {
          await page.locator('#checker-files').setInputFiles(file);
        }
        await page.waitForFunction(() => (window as unknown as { __bench: { painted: number } }).__bench.painted > 0, undefined, {
          timeout: 120_000,
          polling: 50,
        });
        const cpu = chromiumCpu() - cpu0;
        const run = await page.evaluate(() => {
          const b = (window as unknown as { __bench: { longTasks: { start: number; duration: number }[]; maxGap: number; painted: number } }).__bench;
          const start = performance.getEntriesByName('checker-start')[0]!.startTime;
          const doneMark = performance.getEntriesByName('checker-done')[0] as PerformanceMark;
          const during = b.longTasks.filter((t) => t.start + t.duration >= start && t.start <= doneMark.startTime);
          const worker = performance.getEntriesByName('checker-worker')[0]!.startTime;
          const detail = doneMark.detail as {
            workerMilliseconds: number;
            steps: { read: number; validate: number };
            errors: number;
            warnings: number;
            rows: number;
          };
          return {
            startup: worker - start,
            total: doneMark.startTime - start,
            painted: b.painted - start,
            worker: detail.workerMilliseconds,
            read: detail.steps.read,
            validate: detail.steps.validate,
            longestTask: Math.max(0, ...during.map((t) => t.duration)),
            maxFrameGap: b.maxGap,
            errors: detail.errors,
            warnings: detail.warnings,
            rows: detail.rows,
          };
        });
        if (run.rows !== rowCount) throw new Error(`The page read ${run.rows} rows, not the ${rowCount} of the file`);
        runs.push({ ...run, mode, cpu });
        console.log(
          `  run ${i + 1} (${mode}): ${ms(run.total)} to results (${ms(run.painted)} painted; worker start ${ms(run.startup)}, ` +
            `check ${ms(run.worker)} of which validateDataset ${ms(run.validate)}; Chromium CPU ${ms(cpu)}), ` +
            `longest main-thread task ${ms(run.longestTask)}, longest frame gap ${ms(run.maxFrameGap)}; ` +
            `${run.errors} error(s), ${run.warnings} warning(s)`,
        );
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  // The same validation in Node, on the same bytes, as the worker runs it. The first run is cold
  // (code not yet optimised), like the worker's, which starts afresh in each context.
  const node: number[] = [];
  const nodeCpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await validateDataset({ publisher: 'verification', meta: undefined, files: { 'heures.csv': new Uint8Array(bytes) }, partial: true });
    node.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    nodeCpu.push((c.user + c.system) / 1000);
  }

  const summary = (mode: Mode) => {
    const rs = runs.filter((r) => r.mode === mode);
    const totals = rs.map((r) => r.total);
    console.log(`Chromium, ${mode}: files chosen → results: best ${ms(Math.min(...totals))}, median ${ms(median(totals))} (goal < ${ms(GOAL_MS)})`);
    console.log(
      `  medians: painted ${ms(median(rs.map((r) => r.painted)))}, worker start ${ms(median(rs.map((r) => r.startup)))}, ` +
        `check in the worker ${ms(median(rs.map((r) => r.worker)))} (reading ${ms(median(rs.map((r) => r.read)))}, ` +
        `validateDataset ${ms(median(rs.map((r) => r.validate)))}), Chromium CPU ${ms(median(rs.map((r) => r.cpu)))}`,
    );
    console.log(`  main thread: longest task ${ms(Math.max(...rs.map((r) => r.longestTask)))}, longest frame gap ${ms(Math.max(...rs.map((r) => r.maxFrameGap)))} (over the runs)`);
    return median(totals);
  };
  console.log('');
  const chromium = summary('click');
  summary('cold');
  console.log(
    `Node ${process.version}, validateDataset on the same bytes: first (cold) ${ms(node[0]!)} (CPU ${ms(nodeCpu[0]!)}), ` +
      `best ${ms(Math.min(...node))}, median ${ms(median(node))} (CPU median ${ms(median(nodeCpu))})`,
  );
  console.log(`Ratio Chromium (click, files chosen → results) / Node (validateDataset), medians: ${(chromium / median(node)).toFixed(2)}`);
  console.log(`Ratio validateDataset in the worker / in Node, medians: ${(median(runs.map((r) => r.validate)) / median(node)).toFixed(2)}`);
  console.log(`Load average: ${readLoad()} (2 cores shared: wall times are noisy, compare CPU times)`);
  console.log(chromium < GOAL_MS ? 'Goal met (click, median).' : 'Goal NOT met (click, median).');
  return 0;
}

process.exitCode = await main();
