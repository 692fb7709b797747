/** `getStaticPaths` of the routes that depend on the publication (charts, operations). */
import { LANGS } from '../i18n/index.ts';
import { langParam } from './routes.ts';
import { chartModel } from './charts.ts';
import { table } from './data.ts';
import { CHART_SPECS, OPERATIONS_TABLE } from './pages-manifest.ts';

/** One path per chart whose table is published, per language. */
export function chartPaths() {
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
