// The chart's oEmbed description (rich type: an iframe of its embed page), per language.
import type { APIRoute } from 'astro';
import { chartModel } from '../../../../site/charts.ts';
import { publication } from '../../../../site/data.ts';
import { oembedJson } from '../../../../site/oembed.ts';
import { chartPaths, type ChartPathProps } from '../../../../site/static-paths.ts';

export const getStaticPaths = chartPaths;

export const GET: APIRoute<ChartPathProps> = ({ props, site }) => {
  const model = chartModel(props.chart, props.lang);
  if (!model) throw new Error(`Graphique absent / missing chart: ${props.chart}`);
  const pub = publication();
  return new Response(`${JSON.stringify(oembedJson(model, { id: pub.id, nom: pub.editeur.nom }, site ?? new URL('http://localhost/')), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json+oembed' },
  });
};
