/** The guard every browser test file of the built site starts with (vitest only: scripts import site.ts). */
import { describe, it } from 'vitest';
import { missingDist } from './site.ts';

/**
 * `describe(title, body)` on the built site in `dir`, or, when there is none, one failing test
 * that says how to build it (a missing site is an error, never a skip).
 */
export function describeBuiltSite(dir: string, title: string, body: () => void): void {
  const missing = missingDist(dir);
  if (missing) {
    it('finds a built site to check', () => {
      throw new Error(missing);
    });
  } else {
    describe(title, body);
  }
}
