// The chart's link preview image (1200 × 630 PNG: title, chart, source and licence), per language.
import type { APIRoute } from 'astro';
import { chartModel } from '../../../site/charts.ts';
import { previewPng } from '../../../site/preview.ts';
import { chartPaths, type ChartPathProps } from '../../../site/static-paths.ts';

export const getStaticPaths = chartPaths;

export const GET: APIRoute<ChartPathProps> = ({ props }) => {
  const model = chartModel(props.chart, props.lang);
  if (!model) throw new Error(`Graphique absent / missing chart: ${props.chart}`);
  return new Response(previewPng(model), { headers: { 'Content-Type': 'image/png' } });
};
