/** One string of the site, French first, English second. */
export type Entry = { readonly fr: string; readonly en: string };
