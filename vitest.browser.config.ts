import { defineConfig } from 'vitest/config';

/**
 * The browser suite: the built site (`DIST_DIR`, default `dist/`) checked in Debian's Chromium.
 * It builds nothing itself. Run with `TZ=UTC vitest run -c vitest.browser.config.ts`.
 */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    // One site pass is one long `beforeAll`: Chromium on every page, then the assertions.
    hookTimeout: 15 * 60_000,
    testTimeout: 5 * 60_000,
    pool: 'forks',
  },
});
