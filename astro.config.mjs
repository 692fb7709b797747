// @ts-check
import { defineConfig } from 'astro/config';
import { CSP_DIRECTIVES, SCRIPT_SOURCES, STYLE_SOURCES } from './scripts/lib/csp.ts';

// The site is fully static. `SITE` and `BASE` let another publisher deploy it on its own host
// or under a sub-path (see docs/publier.md).
export default defineConfig({
  site: process.env.SITE ?? 'https://clauses-insertion.example.org',
  base: process.env.BASE ?? '/',
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  // A strict Content-Security-Policy in a <meta> tag on every page (docs/securite.md): Astro hashes
  // the styles it inlines and the scripts it emits; nothing else may run or load from elsewhere.
  // The directives live in scripts/lib/csp.ts, with the checker the browser suite runs.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: CSP_DIRECTIVES,
      scriptDirective: { resources: SCRIPT_SOURCES },
      styleDirective: { resources: STYLE_SOURCES },
    },
  },
  // Workers as ES modules, so that the checker's worker can load code on demand (code splitting)
  // instead of inlining every dynamic import into one bundle.
  vite: { worker: { format: 'es' } },
  // No Markdown pages: no Shiki, whose inline styles a strict policy would refuse.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  telemetry: false,
});
