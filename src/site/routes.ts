/**
 * The page tree, shared by both languages: French at `/<slug>/`, English at `/en/<slug>/`.
 * Every link goes through `href()` so the site works under a sub-path (`BASE`).
 */
import { LANGS, type Key, type Lang } from '../i18n/index.ts';

export const PAGES = {
  home: { slug: '', name: 'page.home' },
  hours: { slug: 'heures', name: 'page.hours' },
  beneficiaries: { slug: 'beneficiaires', name: 'page.beneficiaries' },
  employment: { slug: 'emploi-durable', name: 'page.employment' },
  contracts: { slug: 'marches', name: 'page.contracts' },
  partners: { slug: 'entreprises', name: 'page.partners' },
  sdg: { slug: 'odd', name: 'page.sdg' },
  // Not `donnees/`: that folder holds the published files themselves.
  data: { slug: 'donnees-ouvertes', name: 'page.data' },
  methodology: { slug: 'methodologie', name: 'page.methodology' },
  validation: { slug: 'validation', name: 'page.validation' },
  accessibility: { slug: 'accessibilite', name: 'page.accessibility' },
  search: { slug: 'recherche', name: 'page.search' },
  // For other buyers: check files, publish with the kit, the standard, the comparison, publishers.
  checker: { slug: 'verifier', name: 'page.checker' },
  publish: { slug: 'publier', name: 'page.publish' },
  standard: { slug: 'standard', name: 'page.standard' },
  compare: { slug: 'comparaison', name: 'page.compare' },
  publishers: { slug: 'editeurs', name: 'page.publishers' },
} as const satisfies Record<string, { slug: string; name: Key }>;
export type PageKey = keyof typeof PAGES;

/** Header navigation, in order. */
export const MAIN_NAV: PageKey[] = ['home', 'hours', 'beneficiaries', 'employment', 'contracts', 'partners', 'sdg', 'data'];
/** Footer navigation, in order. */
export const FOOTER_NAV: PageKey[] = ['methodology', 'validation', 'accessibility', 'search', 'data', 'checker', 'publish', 'standard', 'compare', 'publishers'];

/** `import.meta.env.BASE_URL`, always with one trailing slash. */
export const BASE = (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');

/** Path of a page of the tree in a language: `href('en', 'heures')` → `/en/heures/`. */
export function href(lang: Lang, slug = ''): string {
  const rest = slug.replace(/^\/+|\/+$/g, '');
  return `${BASE}${lang === 'en' ? 'en/' : ''}${rest ? `${rest}/` : ''}`;
}

export const pageHref = (lang: Lang, page: PageKey): string => href(lang, PAGES[page].slug);

/** Path of a file that exists per language: `fileHref('en', 'graphiques/x.svg')` → `/en/graphiques/x.svg`. */
export const fileHref = (lang: Lang, path: string): string => `${BASE}${lang === 'en' ? 'en/' : ''}${path.replace(/^\/+/, '')}`;

/** Path of a site file (not a page) that both languages share: `asset('donnees/x.csv')`. */
export const asset = (path: string): string => `${BASE}${path.replace(/^\/+/, '')}`;

/** The page slug of a pathname, without base and language: `/base/en/heures/` → `heures`. */
export function slugOf(pathname: string): string {
  let p = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname.replace(/^\/+/, '');
  if (p === 'en' || p.startsWith('en/')) p = p.slice(2);
  return p.replace(/^\/+|\/+$/g, '').replace(/index\.html$/, '');
}

/** The `[...lang]` route parameter of a language: `en`, or none for French at the root. */
export const langParam = (lang: Lang): 'en' | undefined => (lang === 'en' ? 'en' : undefined);

/** `getStaticPaths` for a page that exists once per language. */
export function langPaths() {
  return LANGS.map((lang) => ({ params: { lang: langParam(lang) }, props: { lang } }));
}
