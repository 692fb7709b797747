/**
 * The browser checks of `npm run test:browser`, printed for people: serves the built site, visits
 * every page in Chromium and summarises console errors, failed and third-party requests, axe-core
 * violations by rule, broken links, keyboard findings, page weight and HTML errors.
 * Exits 1 if anything is found.
 *
 *   tsx scripts/check-site.ts [--dist dist] [--base /] [--no-vnu] [--quiet] [--only /marches/ --only /en/marches/]
 */
import { parseArgs } from 'node:util';
import { checkSite, FINDING_TITLES, findings, type Findings } from '../test/browser/harness/check.ts';
import { basePath, distDir, missingDist } from '../test/browser/harness/site.ts';
import { formatKb } from '../test/browser/harness/weight.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: distDir() },
    base: { type: 'string', default: basePath() },
    'no-vnu': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    only: { type: 'string', multiple: true },
  },
});
const missing = missingDist(values.dist);
if (missing) {
  console.error(missing);
  process.exit(2);
}

const check = await checkSite({
  dir: values.dist,
  base: values.base,
  vnu: !values['no-vnu'],
  only: values.only ? (page) => values.only!.some((prefix) => page.path.startsWith(prefix)) : undefined,
  onPage: (report, index, total) => {
    if (values.quiet) return;
    const problems = report.consoleErrors.length + report.failedRequests.length + report.externalRequests.length + report.axeViolations.length;
    console.log(`[${String(index + 1).padStart(String(total).length)}/${total}] ${report.page.path}${problems ? `  (${problems} problems)` : ''}`);
  },
});
const found = findings(check);

const en = check.pages.filter((p) => p.lang === 'en').length;
console.log(`\n${check.pages.length} pages (${check.pages.length - en} French, ${en} English) checked in ${(check.elapsed / 1000).toFixed(1)} s`);
if (check.filters.length > 0) {
  console.log(`Filter forms used by keyboard on ${check.filters.length} page(s): ${check.filters.map((f) => f.page).join(' ')}`);
}
const heaviest = [...check.weights].sort((a, b) => b.total.gzip - a.total.gzip)[0];
if (heaviest) {
  console.log(`Heaviest page: ${heaviest.page}, ${formatKb(heaviest.total.gzip)} gzip (${formatKb(heaviest.js.gzip)} of JavaScript)`);
}

// Axe violations by rule: how many pages each rule fails on, and where.
const byRule = new Map<string, { help: string; pages: string[] }>();
for (const report of check.reports) {
  for (const v of report.axeViolations) {
    const entry = byRule.get(v.id) ?? { help: `${v.help} (${v.impact})`, pages: [] };
    entry.pages.push(report.page.path);
    byRule.set(v.id, entry);
  }
}

let total = 0;
console.log('');
for (const key of Object.keys(FINDING_TITLES) as (keyof Findings)[]) {
  const lines = found[key];
  total += lines.length;
  console.log(`${lines.length === 0 ? 'ok  ' : 'FAIL'}  ${FINDING_TITLES[key]}${lines.length ? `: ${lines.length}` : ''}`);
  if (key === 'axe' && byRule.size > 0) {
    for (const [rule, { help, pages }] of [...byRule].sort((a, b) => b[1].pages.length - a[1].pages.length)) {
      console.log(`        ${rule}: ${help}, on ${pages.length} page(s): ${pages.slice(0, 5).join(' ')}${pages.length > 5 ? ' …' : ''}`);
    }
    continue;
  }
  const shown = lines.slice(0, 20);
  for (const line of shown) console.log(`        ${line}`);
  if (lines.length > shown.length) console.log(`        … and ${lines.length - shown.length} more`);
}
if (check.vnu && check.vnu.warnings.length > 0) {
  console.log(`\nHTML warnings (not failing): ${check.vnu.warnings.length}`);
  for (const w of check.vnu.warnings.slice(0, 10)) console.log(`        ${w.file}:${w.line ?? ''}: ${w.message}`);
}
console.log(total === 0 ? '\nNo problem found.' : `\n${total} problem(s) found.`);
process.exit(total === 0 ? 0 : 1);
