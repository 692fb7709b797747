// The publisher's colour (its profile's `couleur`) as a stylesheet: the site's CSP allows no inline style.
import type { APIRoute } from 'astro';
import { hasPublishers, publication } from '../site/data.ts';
import { publisherCss } from '../site/publisher.ts';

export const GET: APIRoute = () => new Response(publisherCss(hasPublishers() ? publication().editeur.profil : undefined), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
