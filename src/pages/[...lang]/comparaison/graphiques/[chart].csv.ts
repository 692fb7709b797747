// The exact rows of a comparison chart as CSV, per language (the status is written in it).
import type { APIRoute } from 'astro';
import type { ChartPathProps } from '../../../../site/static-paths.ts';
import { compareChart } from '../../../../site/compare/model.ts';
import { compareChartPaths } from '../../../../site/compare/paths.ts';

export const getStaticPaths = compareChartPaths;

export const GET: APIRoute<ChartPathProps> = ({ props }) => new Response(compareChart(props.lang, props.chart)?.csv ?? '', { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
