/**
 * Page weight: what a reader downloads when opening a page, compressed as a host would send it.
 *
 * The browser tells which responses a page loaded; each is mapped back to its file in the dist
 * folder and compressed with gzip (level 9) and brotli (quality 11). Both are reported; budgets
 * apply to gzip, which every host offers. Inline scripts count as JavaScript too (they are part of
 * the HTML total already). Pagefind's index chunks and its WebAssembly, fetched only when someone
 * searches, are left out, and so are the icons a page declares: the browser fetches them for the
 * site in its own cache, at a moment of its choosing (so counting them would make weights vary).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { resolvePath } from '../../../scripts/lib/static-server.ts';
import type { PageReport } from './visit.ts';

/** Bytes in a kB: budgets and tables use decimal kilobytes (1 kB = 1000 bytes). */
export const KB = 1000;

export interface Budget {
  /** Compressed (gzip) bytes of everything a page loads. */
  total: number;
  /** Compressed (gzip) bytes of its JavaScript, external and inline. */
  js: number;
}

/** The budgets of issue 4: 80 kB in all and 15 kB of JavaScript per page, compressed. */
export const DEFAULT_BUDGET: Budget = { total: 80 * KB, js: 15 * KB };

export type Kind = 'html' | 'css' | 'js' | 'svg' | 'image' | 'font' | 'data' | 'other';

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface LoadedFile extends Sizes {
  path: string;
  kind: Kind;
}

export interface PageWeight {
  page: string;
  files: LoadedFile[];
  total: Sizes;
  /** External scripts plus inline scripts, each compressed on its own. */
  js: Sizes;
}

const KINDS: Record<string, Kind> = {
  '.html': 'html',
  '.css': 'css',
  '.js': 'js',
  '.mjs': 'js',
  '.svg': 'svg',
  '.png': 'image',
  '.jpg': 'image',
  '.jpeg': 'image',
  '.gif': 'image',
  '.webp': 'image',
  '.avif': 'image',
  '.ico': 'image',
  '.woff': 'font',
  '.woff2': 'font',
  '.json': 'data',
  '.csv': 'data',
};

export function kindOf(path: string): Kind {
  return KINDS[extname(path).toLowerCase()] ?? 'other';
}

/**
 * Pagefind's search index: its entry file, metadata, index and fragment chunks and WebAssembly,
 * fetched when someone searches. Its scripts (`pagefind*.js`), if a page loads them, do count.
 */
export function isSearchIndex(path: string): boolean {
  return /\/pagefind\/(.*\.pf_(meta|index|fragment|filter)|.*\.pagefind|.*\.wasm|pagefind-entry\.json)$/.test(path);
}

export function compressedSizes(bytes: Uint8Array): Sizes {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const add = (a: Sizes, b: Sizes): Sizes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const ZERO: Sizes = { raw: 0, gzip: 0, brotli: 0 };

/** Weighs pages from their visit reports. Files shared between pages are compressed once. */
export async function weighPages(reports: PageReport[], root: string, base: string): Promise<PageWeight[]> {
  const cache = new Map<string, Promise<Sizes | undefined>>();
  const sizesOf = (file: string) => {
    let sizes = cache.get(file);
    if (!sizes) {
      sizes = readFile(file).then(compressedSizes, () => undefined);
      cache.set(file, sizes);
    }
    return sizes;
  };
  const weights: PageWeight[] = [];
  for (const report of reports) {
    const files: LoadedFile[] = [];
    const seen = new Set<string>();
    const icons = new Set(report.icons);
    for (const response of report.responses) {
      if (response.status !== 200 || icons.has(response.path)) continue;
      const path = decodeURIComponent(new URL(response.path, 'http://site').pathname);
      if (seen.has(path) || isSearchIndex(path)) continue;
      seen.add(path);
      const found = await resolvePath(root, base, path);
      if (found.kind !== 'file') continue;
      const sizes = await sizesOf(found.file);
      if (sizes) files.push({ path, kind: kindOf(found.file), ...sizes });
    }
    const inline = report.inlineScripts.trim() === '' ? ZERO : compressedSizes(Buffer.from(report.inlineScripts));
    weights.push({
      page: report.page.path,
      files,
      total: files.reduce((sum, f) => add(sum, f), ZERO),
      js: files.filter((f) => f.kind === 'js').reduce((sum, f) => add(sum, f), inline),
    });
  }
  return weights;
}

export function overBudget(weights: PageWeight[], budget: Budget = DEFAULT_BUDGET): string[] {
  const problems: string[] = [];
  for (const w of weights) {
    if (w.total.gzip > budget.total) problems.push(`${w.page}: ${formatKb(w.total.gzip)} in all, over ${formatKb(budget.total)}`);
    if (w.js.gzip > budget.js) problems.push(`${w.page}: ${formatKb(w.js.gzip)} of JavaScript, over ${formatKb(budget.js)}`);
  }
  return problems;
}

export function formatKb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} kB`;
}

/** A plain-text table, heaviest page first. */
export function weightTable(weights: PageWeight[], budget: Budget = DEFAULT_BUDGET): string {
  const rows = [...weights].sort((a, b) => b.total.gzip - a.total.gzip || a.page.localeCompare(b.page));
  const header = ['page', 'total gzip', 'total br', 'JS gzip', 'JS br', 'raw', 'files', ''];
  const lines = rows.map((w) => [
    w.page,
    formatKb(w.total.gzip),
    formatKb(w.total.brotli),
    formatKb(w.js.gzip),
    formatKb(w.js.brotli),
    formatKb(w.total.raw),
    String(w.files.length),
    w.total.gzip > budget.total || w.js.gzip > budget.js ? 'OVER BUDGET' : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [format(header), format(widths.map((n) => '-'.repeat(n))), ...lines.map(format)].join('\n');
}
