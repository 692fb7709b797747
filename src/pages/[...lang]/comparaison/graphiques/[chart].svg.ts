// A comparison chart as a self-contained SVG file (title, source drawn in), per language.
import type { APIRoute } from 'astro';
import type { ChartPathProps } from '../../../../site/static-paths.ts';
import { compareChart } from '../../../../site/compare/model.ts';
import { compareChartPaths } from '../../../../site/compare/paths.ts';

export const getStaticPaths = compareChartPaths;

export const GET: APIRoute<ChartPathProps> = ({ props }) => new Response(compareChart(props.lang, props.chart)?.standalone ?? '', { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
