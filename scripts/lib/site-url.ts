import { DEFAULT_BASE_URL } from '../../src/lib/standard/version.ts';

/**
 * Where the site will be served (`SITE` + `BASE`, as astro.config.mjs reads them), ending with `/`,
 * for the absolute addresses inside published files (standard, data package, catalogue). Undefined
 * when neither is set (then the default, DEFAULT_BASE_URL) or when SITE is not an address (Astro
 * refuses the same SITE with its own message, and nothing is published).
 */
export function siteUrl(): string | undefined {
  const { SITE, BASE } = process.env;
  if (!SITE && !BASE) return undefined;
  try {
    return new URL((BASE ?? '/').replace(/^\/*/, '/').replace(/\/*$/, '/'), SITE ?? DEFAULT_BASE_URL).href;
  } catch {
    return undefined;
  }
}

/**
 * The build's warning when `SITE` is not set: absolute addresses then name the placeholder
 * (embed codes and citations are rewritten in the reader's browser, other files cannot be).
 * Undefined when `SITE` is set.
 */
export function siteWarning(): string | undefined {
  if (process.env.SITE) return undefined;
  return (
    `Attention / warning: SITE n'est pas défini — les adresses absolues (codes d'intégration, sitemap, aperçus, oEmbed) nomment ${DEFAULT_BASE_URL} ; ` +
    `définissez SITE=https://votre-domaine / SITE is not set — absolute addresses (embed codes, sitemap, previews, oEmbed) name ${DEFAULT_BASE_URL}; set SITE=https://your-domain`
  );
}
