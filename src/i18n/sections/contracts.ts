/**
 * Strings of the list of all contracts (paging, on-demand loading), French first, English second. Spread into the one dictionary
 * (`../dictionary.ts`); keys must not clash with other sections (a test checks).
 */
import type { Entry } from '../entry.ts';

export const contracts = {} as const satisfies Record<string, Entry>;
