/**
 * Strings of the comparison page and the per-publisher sections, French first, English second. Spread into the one dictionary
 * (`../dictionary.ts`); keys must not clash with other sections (a test checks).
 */
import type { Entry } from '../entry.ts';

export const compare = {
  'page.compare': { fr: 'Comparer les territoires', en: 'Compare territories' },
  'page.publishers': { fr: 'Éditeurs des données', en: 'Data publishers' },
} as const satisfies Record<string, Entry>;
