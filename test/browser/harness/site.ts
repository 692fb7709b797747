/**
 * Where the built site is and which pages it has. The browser suite and the quality scripts read
 * the same environment as the build: `DIST_DIR` (default `dist`) and `BASE` (Astro's base path).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { normaliseBase } from '../../../scripts/lib/static-server.ts';
import type { Lang } from '../../../src/lib/lang.ts';

export type { Lang };

export interface SitePage {
  /** The HTML file in the dist folder. */
  file: string;
  /** URL path, base included: `/`, `/en/heures/`, `/404.html`. */
  path: string;
  /** Language by location: English under `/en/`, French elsewhere. */
  lang: Lang;
}

export function distDir(): string {
  return resolve(process.env.DIST_DIR ?? 'dist');
}

export function basePath(): string {
  return normaliseBase(process.env.BASE);
}

/** Why the dist folder cannot be checked, or undefined when it can. */
export function missingDist(dir: string): string | undefined {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return `No built site in ${dir}: build it first (npm run build) or point DIST_DIR at one.`;
  }
  if (!existsSync(join(dir, 'index.html'))) {
    return `${dir} has no index.html: is it a built site? (DIST_DIR=${process.env.DIST_DIR ?? ''})`;
  }
  return undefined;
}

/**
 * Every HTML page of the dist folder, sorted by path. Pagefind's folder is skipped: it holds the
 * search index, not pages.
 */
export function discoverPages(dir: string, base = basePath()): SitePage[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (folder === dir && entry.name === 'pagefind') continue;
        walk(full);
      } else if (entry.isFile() && entry.name.endsWith('.html')) {
        files.push(full);
      }
    }
  };
  walk(dir);
  return files
    .map((file) => {
      const rel = relative(dir, file).split(sep).join('/');
      const path = normaliseBase(base) + rel.replace(/(^|\/)index\.html$/, '$1');
      return { file, path, lang: langOf(path, base) };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

export function langOf(path: string, base = basePath()): Lang {
  return path.startsWith(normaliseBase(base) + 'en/') ? 'en' : 'fr';
}
