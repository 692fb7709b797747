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

/** Size of the embedded iframe (the embed page holds the chart, its legend and source). */
export const EMBED = { width: 640, height: 620 } as const;

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

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
    html: `<iframe src="${attr(embed)}" title="${attr(model.title)}" width="${EMBED.width}" height="${EMBED.height}" style="border:0;max-width:100%" loading="lazy"></iframe>`,
    width: EMBED.width,
    height: EMBED.height,
    thumbnail_url: at(previewHref(model.lang, model.spec.id)),
    thumbnail_width: PREVIEW.width,
    thumbnail_height: PREVIEW.height,
  };
}
