/**
 * Strings of the « Vérifier vos fichiers » / « Check your files » page, French first, English second. Spread into the one dictionary
 * (`../dictionary.ts`); keys must not clash with other sections (a test checks).
 */
import type { Entry } from '../entry.ts';

export const checker = {
  'page.checker': { fr: 'Vérifier vos fichiers', en: 'Check your files' },
} as const satisfies Record<string, Entry>;
