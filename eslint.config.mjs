// Lint with type information: typescript-eslint's `recommendedTypeChecked` catches what `tsc`
// lets through (an `any` travelling unchecked, a promise nobody awaits, an assertion that asserts
// nothing). `projectService` reads tsconfig.json, so the linter sees the same program as `tsc`.
// `.astro` files are checked by `astro check` (npm run typecheck), not here.
import js from '@eslint/js';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', '.astro/', '.cache/', 'bench-results/', 'test/browser/fixtures/', 'test/fixtures/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` says "deliberately unused" (a destructured field left out, a callback's position).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  // These files look for control characters on purpose (refused in paths, text cells, XML).
  {
    files: ['scripts/lib/atomic-dir.ts', 'src/lib/csv/decode.ts', 'src/lib/release/xlsx.ts', 'src/lib/validate/controls.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  // Plain JavaScript files (configs, worker shims) are outside tsconfig.json: no type information.
  { files: ['**/*.mjs', '**/*.js'], extends: [tseslint.configs.disableTypeChecked] },
);
