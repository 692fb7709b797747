// The exact rows of a chart as CSV, language-neutral (column names and codes as published).
import type { APIRoute } from 'astro';
import { chartModel } from '../../site/charts.ts';
import { chartPaths, type ChartPathProps } from '../../site/static-paths.ts';

export const getStaticPaths = () =>
  chartPaths()
    .filter((p) => p.props.lang === 'fr')
    .map((p) => ({ params: { chart: p.params.chart }, props: p.props }));

export const GET: APIRoute<ChartPathProps> = ({ props }) => new Response(chartModel(props.chart, props.lang)?.csv ?? '', { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
