/**
 * `getStaticPaths` of the routes that depend on the publication (pages, charts, operations). A
 * site that only compares (no publisher of its own) has only the pages of
 * {@link COMPARISON_SITE_PAGES}, its home page being the comparison.
 */
import { LANGS, type Lang } from '../i18n/index.ts';
import { langParam, langPaths, type PageKey } from './routes.ts';
import { chartModel } from './charts.ts';
import { hasPublishers, keptVersions, table } from './data.ts';
import { CHART_SPECS, OPERATIONS_TABLE } from './pages-manifest.ts';

/** The pages of a site that only compares: its home page shows the comparison. */
export const COMPARISON_SITE_PAGES: readonly PageKey[] = ['home', 'accessibility', 'search'];

/** Does this site have the page? Every page when it has a publisher; else the comparison site's pages. */
export const pageExists = (key: PageKey): boolean => hasPublishers() || COMPARISON_SITE_PAGES.includes(key);

/** `getStaticPaths` of a page of the tree: both languages, when the site has the page. */
export const pagePaths = (key: PageKey) => (pageExists(key) ? langPaths() : []);

/** What a chart's route receives (its page, SVG, CSV, PNG, oEmbed), from these paths. */
export interface ChartPathProps {
  lang: Lang;
  chart: string;
}

/** One path per chart whose table is published, per language. */
export function chartPaths() {
  if (!hasPublishers()) return [];
  return LANGS.flatMap((lang) =>
    CHART_SPECS.filter((spec) => chartModel(spec, lang)).map((spec) => ({
      params: { lang: langParam(lang), chart: spec.id },
      props: { lang, chart: spec.id },
    })),
  );
}

/** One path per operation of the operations table, per language. */
export function operationPaths() {
  const ops = table(OPERATIONS_TABLE)?.lignes ?? [];
  return LANGS.flatMap((lang) =>
    ops
      .map((r) => r.id_operation)
      .filter((id): id is string => typeof id === 'string' && /^[A-Za-z0-9._-]+$/.test(id))
      .map((id) => ({ params: { lang: langParam(lang), id }, props: { lang, id } })),
  );
}

/**
 * Pinned embeds: one path per chart, language and release kept in its own folder
 * (`/embed/<chart>/<version>/`), when that release has the chart's table and columns.
 */
export function pinnedChartPaths() {
  if (!hasPublishers()) return [];
  return keptVersions().flatMap((version) =>
    LANGS.flatMap((lang) =>
      CHART_SPECS.filter((spec) => chartModel(spec, lang, version)).map((spec) => ({
        params: { lang: langParam(lang), chart: spec.id, version },
        props: { lang, chart: spec.id, version },
      })),
    ),
  );
}
