// The workflow files of kit/deploiement/, served as they are (one copy: the repository's).
import type { APIRoute } from 'astro';
import { KIT_FILES, kitText } from '../../../site/kit.ts';

export const getStaticPaths = () => KIT_FILES.map((k) => ({ params: { file: k.file } }));

export const GET: APIRoute = ({ params }) =>
  new Response(kitText(String(params.file)), { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
