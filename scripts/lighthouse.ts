/**
 * Lighthouse (mobile profile, its default) on the home page and one chart page of the built site,
 * served locally with compression and cache headers as a host would, in Debian's Chromium.
 * Prints the four category scores and the audits that cost points; exits 1 if a score is below
 * `--min` (0–100, default 100). Performance depends on the machine's load: `--runs 5` reports the
 * median of five runs, as Lighthouse's authors advise. Lighthouse simulates a slow phone by
 * multiplying the main-thread time it measures (×4): on a busy machine, where the browser waits for
 * a core, every page loses performance points. The script prints the load and Lighthouse's own CPU
 * benchmark so that such a run is read for what it is; compare pages measured in the same run.
 *
 *   tsx scripts/lighthouse.ts [--min 100] [--runs 1] [--dist dist] [--base /] [chart page, e.g. /heures/]
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Result } from 'lighthouse';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { normaliseBase, serveStatic } from './lib/static-server.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/browser/harness/browser.ts';
import { basePath, discoverPages, distDir, missingDist } from '../test/browser/harness/site.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    min: { type: 'string', default: '100' },
    runs: { type: 'string', default: '1' },
    dist: { type: 'string', default: distDir() },
    base: { type: 'string', default: basePath() },
  },
});
const min = Number(values.min);
const runs = Math.max(1, Number(values.runs));
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};
const missing = missingDist(values.dist);
if (missing) {
  console.error(missing);
  process.exit(2);
}

const base = normaliseBase(values.base);
const pages = discoverPages(values.dist, base);
const chart = positionals[0] ?? pages.find((p) => p.path.startsWith(`${base}heures/`))?.path;
if (!chart) {
  console.error(`No chart page: no page under ${base}heures/; name one, e.g. tsx scripts/lighthouse.ts ${base}heures/`);
  process.exit(2);
}
const targets = [base, chart];

const server = await serveStatic(values.dist, { base, compress: true, cacheAssets: true });
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM_PATH,
  // chrome-launcher adds its own quiet defaults; `--headless=new` is Chromium's only headless mode.
  chromeFlags: [...CHROMIUM_ARGS.filter((f) => f !== '--headless'), '--headless=new'],
  logLevel: 'silent',
});
let failed = false;
try {
  for (const path of targets) {
    const url = server.origin + path;
    const results: Result[] = [];
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(url, { port: chrome.port, logLevel: 'error', output: 'json' });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      if (result.lhr.runtimeError) {
        throw new Error(`Lighthouse failed on ${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
      }
      results.push(result.lhr);
    }
    const score = (lhr: Result, id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const lhr = results[0]!;
    const runsNote = runs > 1 ? `, median of ${runs} runs` : '';
    console.log(`\n${path}  (Lighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor}${runsNote})`);
    for (const id of CATEGORIES) {
      const scores = results.map((r) => score(r, id));
      const value = median(scores);
      const low = value < min;
      failed ||= low;
      const all = runs > 1 ? `  [${scores.join(', ')}]` : '';
      console.log(`  ${(lhr.categories[id]?.title ?? id).padEnd(16)} ${String(value).padStart(3)}${all}${low ? `  below ${min}` : ''}`);
      // The audits that cost points in the run nearest the median, so that a low score says why.
      const typical = results.find((r) => score(r, id) === value)!;
      for (const ref of typical.categories[id]?.auditRefs ?? []) {
        const audit = typical.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
          console.log(`      ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
        }
      }
      if (id === 'performance' && low) explainMainThread(typical);
    }
    for (const warning of lhr.runWarnings) console.log(`  warning: ${warning}`);
    const benchmarks = results.map((r) => Math.round(r.environment.benchmarkIndex));
    console.log(`  CPU benchmark ${benchmarks.join(', ')} (Lighthouse's index; under ~1000 the machine is slow or busy)`);
  }
} finally {
  chrome.kill();
  await server.close();
}
/** Where the main thread's time went and its longest tasks (Lighthouse's own audits), to explain a low performance score. */
function explainMainThread(lhr: Result) {
  const breakdown = lhr.audits['mainthread-work-breakdown']?.details;
  if (breakdown?.type === 'table') {
    const items = breakdown.items as { groupLabel?: string; duration?: number }[];
    const parts = items.slice(0, 4).map((i) => `${i.groupLabel} ${Math.round(i.duration ?? 0)} ms`);
    console.log(`      main thread: ${parts.join(', ')}`);
  }
  const tasks = lhr.audits['long-tasks']?.details;
  if (tasks?.type === 'table') {
    const items = tasks.items as { url?: string; duration?: number }[];
    for (const t of items.slice(0, 3)) console.log(`      long task ${Math.round(t.duration ?? 0)} ms: ${t.url}`);
  }
}

const [load] = loadavg();
const cores = availableParallelism();
if (load !== undefined && load > cores) {
  console.log(`\nLoad average ${load.toFixed(1)} on ${cores} cores: performance scores of this run are lowered by waiting for a core.`);
}
if (failed) {
  console.error(`\nA score is below ${min}.`);
  process.exit(1);
}
