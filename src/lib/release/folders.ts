/**
 * Folders of `donnees/` that belong to the whole release, not to a publisher: the standard and
 * the comparison. No publisher may take their names (scripts/lib/fs-input.ts), and the site does
 * not read them as publishers (src/site/data.ts).
 */
import { COMPARISON_DIR } from '../compare/codes.ts';
import { STANDARD_DIR } from '../standard/version.ts';

export const RELEASE_FOLDERS: ReadonlySet<string> = new Set([STANDARD_DIR, COMPARISON_DIR].map((dir) => dir.split('/').pop()!));
