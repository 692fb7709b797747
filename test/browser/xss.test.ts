/**
 * Text from the data is never executed or injected (issue #6). The sample data is copied, its
 * free-text fields (operation and facilitator names, publisher name, territory, contact, source)
 * replaced with hostile labels (`xss/hostile-data.ts`), the site built from it, and every page and
 * chart that shows one of them opened in Chromium: nothing runs (`window.__xss` stays unset, no
 * dialog, no Content-Security-Policy violation), no element or `javascript:` link comes from the
 * data, and each label reads as the text it is. Search lists the labels as text; the published
 * CSV, JSON and XLSX keep them as data.
 *
 * Unlike the rest of the browser suite, this file builds its own site (one build, ~1 min of CPU).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseBase, serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { gotoAndSettle, launchChromium } from './harness/browser.ts';
import { readViolations } from './harness/csp.ts';
import { basePath, discoverPages } from './harness/site.ts';
import { siteContext } from './harness/visit.ts';
import { MARKER, poisonPublisher } from './xss/hostile-data.ts';
import { inspectPage } from './xss/inspect.ts';

const PROJECT = join(import.meta.dirname, '..', '..');
const PUBLISHER = 'pays-de-la-loire';
const TMP = mkdtempSync(join(tmpdir(), 'xss-test-'));
const DATA = join(TMP, 'data');
const OUT = join(TMP, 'dist');
const BASE = normaliseBase(basePath());

cpSync(join(PROJECT, 'data', PUBLISHER), join(DATA, PUBLISHER), { recursive: true });
if (existsSync(join(PROJECT, 'data', 'references'))) cpSync(join(PROJECT, 'data', 'references'), join(DATA, 'references'), { recursive: true });
const labels = poisonPublisher(join(DATA, PUBLISHER));
const byMarker = new Map(labels.map((l) => [l.marker, l]));

/** `npm run build -- --data DATA --out OUT`, in one process, with the environment of the suite (BASE). */
function build(): Promise<{ code: number | null; output: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|NODE_ENV$|TEST$|MODE$)/.test(k)));
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT, 'scripts', 'build.ts'), '--data', DATA, '--out', OUT], {
    cwd: PROJECT,
    env,
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

/** A page or chart of the built site and the markers its file carries. */
interface Target {
  path: string;
  markers: string[];
}

/**
 * Every file that carries a label of an operation, a facilitator or the metadata other than the
 * publisher's name, and, since that name is on every page, each top-level page of both languages
 * (one of each kind of page). Standalone SVG charts are documents too: they are opened directly.
 */
function targets(): Target[] {
  const markersOf = (file: string) => [...new Set(readFileSync(file, 'utf8').match(MARKER) ?? [])].sort();
  // A pinned embed (`/embed/<chart>/<version>/`) shows an earlier release, whose files predate the
  // hostile labels; its head still describes the live chart's preview image: read its body only.
  const pinned = (path: string) => /\/embed\/[^/]+\/[^/]+\/$/.test(path);
  const bodyMarkers = (file: string) => [...new Set(readFileSync(file, 'utf8').split('<body')[1]?.match(MARKER) ?? [])].sort();
  const pages = discoverPages(OUT, BASE).map((p) => ({ path: p.path, markers: pinned(p.path) ? bodyMarkers(p.file) : markersOf(p.file) }));
  const charts = (readdirSync(OUT, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.svg') && f.split(sep).includes('graphiques'))
    .map((f) => ({ path: BASE + relative(OUT, join(OUT, f)).split(sep).join('/'), markers: markersOf(join(OUT, f)) }));
  const topLevel = (path: string) => path.slice(BASE.length).replace(/^en\//, '').split('/').filter(Boolean).length <= 1;
  return [...pages, ...charts].filter((t) => t.markers.some((m) => m !== 'XssNom') || (t.markers.length > 0 && topLevel(t.path)));
}

let built: { code: number | null; output: string };
let server: StaticServer | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let tab: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  built = await build();
  if (built.code !== 0) return;
  server = await serveStatic(OUT, { base: BASE });
  browser = await launchChromium();
  ({ context } = await siteContext(browser, server));
  tab = await context.newPage();
  tab.on('dialog', (dialog) => {
    dialogs.push(`${tab.url()}: ${dialog.type()} « ${dialog.message()} »`);
    void dialog.dismiss();
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  rmSync(TMP, { recursive: true, force: true });
});

describe('a site built from data with hostile labels', () => {
  it('builds: the labels are valid data', () => {
    expect(built.code, built.output).toBe(0);
  });

  let seen = new Set<string>();

  it('runs none of it and shows each label as text, on every page and chart that carries one', async () => {
    expect(built.code).toBe(0);
    const list = targets();
    const problems: string[] = [];
    seen = new Set();
    for (const target of list) {
      await gotoAndSettle(tab, server!.origin + encodeURI(target.path));
      const found = await inspectPage(tab, labels);
      for (const injected of found.injected) problems.push(`${target.path}: ${injected}`);
      for (const violation of await readViolations(tab)) problems.push(`${target.path}: CSP ${violation}`);
      for (const marker of target.markers) {
        if (found.shown.includes(marker)) seen.add(marker);
        else problems.push(`${target.path}: « ${byMarker.get(marker)?.text} » is in the file but not shown as this text`);
      }
    }
    expect(list.length).toBeGreaterThan(10);
    expect([...problems, ...dialogs]).toEqual([]);
  });

  it('reached the operation and facilitator names and the publisher’s name on the site', () => {
    const expected = labels.filter((l) => /^Xss(Op|Fac)\d|^XssNom$/.test(l.marker)).map((l) => l.marker);
    expect([...seen].filter((m) => expected.includes(m)).sort()).toEqual(expected.sort());
  });

  it('lists the labels found by search as text', async () => {
    expect(built.code).toBe(0);
    const search = discoverPages(OUT, BASE).find((p) => /\/recherche\/$/.test(p.path));
    expect(search).toBeDefined();
    const problems: string[] = [];
    for (const label of labels.filter((l) => /^XssOp\d/.test(l.marker))) {
      await gotoAndSettle(tab, `${server!.origin}${search!.path}?q=${encodeURIComponent(label.marker)}`);
      const results = await tab
        .waitForSelector('[data-search-results] li', { timeout: 30_000 })
        .then(() => true)
        .catch(() => false);
      if (!results) {
        problems.push(`no result for ${label.marker}`);
        continue;
      }
      const found = await inspectPage(tab, [label]);
      const listed = await tab.locator('[data-search-results]').textContent();
      problems.push(...found.injected.map((i) => `search ${label.marker}: ${i}`));
      if (!listed?.includes(label.text)) problems.push(`search ${label.marker}: results do not show « ${label.text} »: ${listed?.slice(0, 200)}`);
      problems.push(...(await readViolations(tab)).map((v) => `search ${label.marker}: CSP ${v}`));
    }
    expect([...problems, ...dialogs]).toEqual([]);
  });

  describe('the published files keep the labels as data', () => {
    const dir = () => join(OUT, 'donnees', PUBLISHER);
    const operations = () => labels.filter((l) => /^XssOp\d/.test(l.marker));

    it('JSON: the same strings', () => {
      expect(built.code).toBe(0);
      const strings = new Set<string>();
      const walk = (v: unknown): void => {
        if (typeof v === 'string') strings.add(v);
        else if (v && typeof v === 'object') Object.values(v).forEach(walk);
      };
      walk(JSON.parse(readFileSync(join(dir(), 'heures-par-operation.json'), 'utf8')));
      expect(operations().filter((l) => !strings.has(l.text))).toEqual([]);
    });

    it('CSV: the same text, quoted where RFC 4180 asks', () => {
      expect(built.code).toBe(0);
      const csv = readFileSync(join(dir(), 'heures-par-operation.csv'), 'utf8');
      const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
      expect(operations().filter((l) => !csv.includes(`,${cell(l.text)},`))).toEqual([]);
    });

    it('XLSX: the same text, escaped in the sheet’s XML', () => {
      expect(built.code).toBe(0);
      const xlsx = readdirSync(dir()).find((f) => f.endsWith('.xlsx'));
      const files = unzipSync(readFileSync(join(dir(), xlsx!)));
      const xml = Object.entries(files)
        .filter(([name]) => name.startsWith('xl/'))
        .map(([, bytes]) => new TextDecoder().decode(bytes))
        .join('\n');
      expect(xml).not.toMatch(/<(script|img|svg)\b/i);
      const text = xml.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
      expect(operations().filter((l) => !text.includes(l.text))).toEqual([]);
    });
  });
});
