/**
 * The languages of everything this kit writes for people: French first, English second. The one
 * definition of the language type; the site's dictionary (src/i18n), the validator's messages and
 * the standard's documents all take it from here. Pure: no `node:` import.
 */
export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * A text in both languages, French first: every message, label, title and description the kit
 * writes for people. The one bilingual text type (zod schemas that read one say `satisfies
 * z.ZodType<Bilingual>`).
 */
export type Bilingual = { readonly [L in Lang]: string };
