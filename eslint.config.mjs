// Lint with type information: typescript-eslint's `recommendedTypeChecked` catches what `tsc`
// lets through (an `any` travelling unchecked, a promise nobody awaits, an assertion that asserts
// nothing). `projectService` reads tsconfig.json, so the linter sees the same program as `tsc`.
// `.astro` files are checked by `astro check` (npm run typecheck), not here.
import js from '@eslint/js';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** What src/lib and src/schemas may not import. */
const LIB_LAYER = [
  { group: ['node:*'], message: 'src/lib and src/schemas are pure (the validator runs in a browser too): I/O goes in scripts/.' },
  {
    group: ['**/site/*', '**/components/*', '**/pages/*', '**/layouts/*', '**/browser/*', '**/charts/*', '**/i18n/*', '**/scripts/*'],
    message: 'src/lib and src/schemas know nothing of the site or the command-line tools: they import src/lib, not the reverse.',
  },
];

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
  // The layers of src/ (README, "How data flows"), kept true by the linter so the map stays right:
  // src/lib and src/schemas are pure (no node: import: the validator also runs in a browser) and
  // know nothing of the site; the CSV reader and the columnar representation are read by the
  // validator and never read it back.
  {
    files: ['src/lib/**/*.ts', 'src/schemas/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: LIB_LAYER }] },
  },
  {
    files: ['src/lib/csv/**/*.ts', 'src/lib/columns/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...LIB_LAYER,
            {
              group: ['**/validate/*', '**/cells/*', '**/protect/*', '**/audit/*', '**/tables/*', '**/release/*'],
              message: 'The CSV reader and the columnar representation come before the pipeline: the pipeline imports them, not the reverse.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/lib/columns/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...LIB_LAYER,
            {
              group: ['**/csv/*', '**/validate/*', '**/indicators/*', '**/cells/*', '**/protect/*', '**/audit/*', '**/tables/*', '**/release/*'],
              message: 'src/lib/columns is the representation alone: the readers and the pipeline import it.',
            },
          ],
        },
      ],
    },
  },
  // Plain JavaScript files (configs, worker shims) are outside tsconfig.json: no type information.
  { files: ['**/*.mjs', '**/*.js'], extends: [tseslint.configs.disableTypeChecked] },
);
