/**
 * Strings of security-related wording (content policy, refused characters), French first, English second. Spread into the one dictionary
 * (`../dictionary.ts`); keys must not clash with other sections (a test checks).
 */
import type { Entry } from '../entry.ts';

export const security = {} as const satisfies Record<string, Entry>;
