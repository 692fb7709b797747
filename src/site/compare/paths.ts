/** `getStaticPaths` of the publisher pages and of the comparison charts' files, per language. */
import { LANGS } from '../../i18n/index.ts';
import { langParam } from '../routes.ts';
import { publications } from '../data.ts';
import { PUBLISHER_ID } from '../../schemas/publisher-id.ts';
import { compareCharts } from './model.ts';

/** One page per publisher of the release (`/editeurs/<id>/`). */
export function publisherPaths() {
  return LANGS.flatMap((lang) =>
    publications().map((p) => {
      // The data contract allows only these ids; anything else would make an unsafe path.
      if (!PUBLISHER_ID.test(p.id)) throw new Error(`Identifiant d'éditeur invalide / invalid publisher id: ${p.id}`);
      return { params: { lang: langParam(lang), id: p.id }, props: { lang, id: p.id } };
    }),
  );
}

/** One SVG and one CSV per comparison chart (`/comparaison/graphiques/<id>.svg|csv`). */
export function compareChartPaths() {
  return LANGS.flatMap((lang) => compareCharts(lang).map((c) => ({ params: { lang: langParam(lang), chart: c.id }, props: { lang, chart: c.id } })));
}
