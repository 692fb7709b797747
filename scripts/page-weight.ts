/**
 * Prints what each page of the built site weighs when opened, compressed (gzip level 9 and
 * brotli), heaviest first, and exits 1 if a page is over budget (80 kB in all, 15 kB of
 * JavaScript, gzip). Pagefind's index, fetched only when someone searches, is not counted.
 *
 *   tsx scripts/page-weight.ts [--dist dist] [--base /] [--max-total 80] [--max-js 15] [--details]
 */
import { parseArgs } from 'node:util';
import { serveStatic } from './lib/static-server.ts';
import { launchChromium } from '../test/browser/harness/browser.ts';
import { basePath, discoverPages, distDir, missingDist } from '../test/browser/harness/site.ts';
import { visitSite } from '../test/browser/harness/visit.ts';
import { DEFAULT_BUDGET, formatKb, KB, overBudget, weighPages, weightTable } from '../test/browser/harness/weight.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: distDir() },
    base: { type: 'string', default: basePath() },
    'max-total': { type: 'string', default: String(DEFAULT_BUDGET.total / KB) },
    'max-js': { type: 'string', default: String(DEFAULT_BUDGET.js / KB) },
    details: { type: 'boolean', default: false },
  },
});
const budget = { total: Number(values['max-total']) * KB, js: Number(values['max-js']) * KB };
const missing = missingDist(values.dist);
if (missing) {
  console.error(missing);
  process.exit(2);
}

const pages = discoverPages(values.dist, values.base);
// Two lanes, each with its own server: see `visitSite`.
const servers = [await serveStatic(values.dist, { base: values.base }), await serveStatic(values.dist, { base: values.base })];
const browser = await launchChromium();
let weights;
try {
  const reports = await visitSite(browser, servers, pages, { axe: false, keyboard: false });
  weights = await weighPages(reports, values.dist, values.base);
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}

console.log(weightTable(weights, budget));
if (values.details) {
  for (const w of [...weights].sort((a, b) => b.total.gzip - a.total.gzip)) {
    console.log(`\n${w.page}`);
    for (const f of [...w.files].sort((a, b) => b.gzip - a.gzip)) {
      console.log(`  ${formatKb(f.gzip).padStart(9)} gzip  ${formatKb(f.brotli).padStart(9)} br  ${f.kind.padEnd(5)}  ${f.path}`);
    }
  }
}
const over = overBudget(weights, budget);
console.log(`\n${pages.length} pages; budget per page: ${formatKb(budget.total)} in all, ${formatKb(budget.js)} of JavaScript (gzip).`);
if (over.length > 0) {
  console.error(`\nOver budget:\n${over.map((line) => `  ${line}`).join('\n')}`);
  process.exit(1);
}
