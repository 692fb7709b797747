// @ts-check
import { defineConfig } from 'astro/config';

// The site is fully static. `SITE` and `BASE` let another publisher deploy it on its own host
// or under a sub-path (see docs/publier.md).
export default defineConfig({
  site: process.env.SITE ?? 'https://clauses-insertion.example.org',
  base: process.env.BASE ?? '/',
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  telemetry: false,
});
