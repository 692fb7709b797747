// The contracts of one year of notification, compact, for the list's filters and sorting
// (src/browser/contracts.ts fetches them on demand). One file for both languages.
import type { APIRoute } from 'astro';
import { chunkOf, chunkPaths } from '../../../../site/contracts/paths.ts';

export const getStaticPaths = chunkPaths;

export const GET: APIRoute = ({ props }) => new Response(chunkOf(Number(props.annee)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
