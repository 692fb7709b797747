/**
 * Strings of security-related wording (content policy, refused characters), French first, English second. Spread into the one dictionary
 * (`../dictionary.ts`); keys must not clash with other sections (a test checks).
 */
import type { Bilingual } from '../../lib/lang.ts';

export const security = {} as const satisfies Record<string, Bilingual>;
