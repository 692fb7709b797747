/**
 * oEmbed (https://oembed.com) description of a chart: a `rich` embed whose HTML is an iframe of the
 * chart's embed page, with the preview image as thumbnail. A static site cannot answer the
 * `?url=` queries of an oEmbed endpoint, so each chart has its description as a file
 * (`/embed/<chart>/oembed.json`), found by discovery: its embed page and its page carry a
 * `<link rel="alternate" type="application/json+oembed">` to it. Pure.
 */
import { t } from '../i18n/index.ts';
import type { ChartModel } from './charts.ts';
import { href } from './routes.ts';
import { PREVIEW, previewHref } from './seo.ts';

/** Width of the embedded iframe (the embed page holds the chart, its legend, summary and source). */
export const EMBED = { width: 640 } as const;

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Starting height of a chart's iframe: its drawing plus title, definition, summary, source and
 * links at 640 px (the page then reports its real height, src/browser/embed-size.ts).
 */
export function embedHeight(model: ChartModel): number {
  const drawn = Number(/viewBox="0 0 \d+(?:\.\d+)? (\d+(?:\.\d+)?)"/.exec(model.inner)?.[1] ?? 400);
  const lines = Math.ceil((model.summary.length + (model.definition?.length ?? 0)) / 80);
  return Math.ceil(drawn + 300 + lines * 22 + (model.legend.length > 0 ? 40 : 0));
}

/** Message an embed page sends its frame's parent with its height (src/browser/embed-size.ts). */
export const HEIGHT_MESSAGE = 'clauses-insertion:hauteur';

/**
 * The embed code of a chart: the iframe, and a few lines that size it to the height its page
 * reports (only from the site's origin, only the frame that sent it). Without script on the
 * embedding page, the iframe keeps its starting height. Live (the latest release) or, with
 * `version`, pinned to that release.
 */
export function embedCode(model: ChartModel, site: URL, version?: string): string {
  // Pinned: the chart as of one release, at an address that never changes (`/embed/<id>/<version>/`).
  const src = new URL(href(model.lang, `embed/${model.spec.id}${version ? `/${version}` : ''}`), site);
  const listener =
    `addEventListener("message",function(e){if(e.origin!==${JSON.stringify(src.origin)}||!e.data||e.data.type!==${JSON.stringify(HEIGHT_MESSAGE)})return;` +
    `document.querySelectorAll("iframe[data-clauses-insertion]").forEach(function(f){if(f.contentWindow===e.source)f.style.height=e.data.height+"px"})})`;
  return (
    `<iframe src="${attr(src.href)}" title="${attr(model.title)}" width="100%" height="${embedHeight(model)}" style="border:0;max-width:100%" loading="lazy" data-clauses-insertion></iframe>\n` +
    `<script>${listener}</script>`
  );
}

export function oembedJson(model: ChartModel, publisher: { id: string; nom: string }, site: URL) {
  const at = (path: string) => new URL(path, site).href;
  const embed = at(href(model.lang, `embed/${model.spec.id}`));
  return {
    version: '1.0',
    type: 'rich',
    title: model.title,
    author_name: publisher.nom,
    author_url: at(href(model.lang, `editeurs/${publisher.id}`)),
    provider_name: t(model.lang, 'site.name'),
    provider_url: at(href(model.lang)),
    html: `<iframe src="${attr(embed)}" title="${attr(model.title)}" width="${EMBED.width}" height="${embedHeight(model)}" style="border:0;max-width:100%" loading="lazy"></iframe>`,
    width: EMBED.width,
    height: embedHeight(model),
    thumbnail_url: at(previewHref(model.lang, model.spec.id)),
    thumbnail_width: PREVIEW.width,
    thumbnail_height: PREVIEW.height,
  };
}
