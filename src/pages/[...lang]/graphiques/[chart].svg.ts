// The chart as a self-contained SVG file (title, legend, source drawn in), per language.
import type { APIRoute } from 'astro';
import { chartModel } from '../../../site/charts.ts';
import { chartPaths, type ChartPathProps } from '../../../site/static-paths.ts';

export const getStaticPaths = chartPaths;

export const GET: APIRoute<ChartPathProps> = ({ props }) => new Response(chartModel(props.chart, props.lang)?.standalone ?? '', { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
