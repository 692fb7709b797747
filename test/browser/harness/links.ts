/**
 * Checking that every same-origin link and resource the pages refer to resolves. Requests go to
 * the static server directly (HEAD, then GET if refused), not through the browser: one request per
 * distinct URL for the whole site. Links to a fragment of a visited page must name an id it has.
 */
import type { StaticServer } from '../../../scripts/lib/static-server.ts';
import type { PageReport } from './visit.ts';

export interface BrokenReference {
  /** Page (URL path) where the reference was found. */
  page: string;
  /** The reference, as a path on the site. */
  target: string;
  from: string;
  problem: string;
}

export async function checkReferences(reports: PageReport[], server: StaticServer): Promise<BrokenReference[]> {
  const status = new Map<string, Promise<number | string>>();
  const probe = (url: string) => {
    let result = status.get(url);
    if (!result) {
      result = (async () => {
        try {
          let response = await fetch(url, { method: 'HEAD', redirect: 'follow' });
          if (response.status === 405) response = await fetch(url, { method: 'GET', redirect: 'follow' });
          await response.body?.cancel();
          return response.status;
        } catch (error) {
          return String(error);
        }
      })();
      status.set(url, result);
    }
    return result;
  };
  const idsByPage = new Map<string, Set<string>>();
  for (const report of reports) idsByPage.set(encodeURI(report.page.path), new Set(report.ids));

  const broken: BrokenReference[] = [];
  for (const report of reports) {
    const seen = new Set<string>();
    for (const { target, from } of report.references) {
      if (seen.has(target)) continue;
      seen.add(target);
      const url = new URL(target, server.origin);
      const fragment = decodeURIComponent(url.hash.slice(1));
      const result = await probe(server.origin + url.pathname);
      if (result !== 200) {
        broken.push({
          page: report.page.path,
          target,
          from,
          problem: typeof result === 'number' ? `HTTP ${result}` : result,
        });
        continue;
      }
      const ids = idsByPage.get(url.pathname);
      // `#` and `#top` scroll to the top by the HTML standard; other fragments need an element.
      if (ids && fragment !== '' && fragment.toLowerCase() !== 'top' && !ids.has(fragment)) {
        broken.push({ page: report.page.path, target, from, problem: `no element with id "${fragment}"` });
      }
    }
  }
  return broken;
}
