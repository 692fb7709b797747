/**
 * Strings of the « Publier vos données » guide and the standard page, French first, English second. Spread into the one dictionary
 * (`../dictionary.ts`); keys must not clash with other sections (a test checks).
 */
import type { Entry } from '../entry.ts';

export const publish = {
  'page.publish': { fr: 'Publier vos données', en: 'Publish your data' },
  'page.standard': { fr: 'Le standard de données', en: 'The data standard' },
} as const satisfies Record<string, Entry>;
