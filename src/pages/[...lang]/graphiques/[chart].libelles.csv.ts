// The rows of a chart for a reader of the page's language: titles, labels, units, source (BOM for Excel).
import type { APIRoute } from 'astro';
import { chartModel } from '../../../site/charts.ts';
import { chartPaths, type ChartPathProps } from '../../../site/static-paths.ts';

export const getStaticPaths = chartPaths;

export const GET: APIRoute<ChartPathProps> = ({ props }) => new Response(chartModel(props.chart, props.lang)?.labelledCsv ?? '', { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
