import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const zodImportRules = [
  {
    selector: "ImportDeclaration[importKind='value'][source.value=/^zod/] > ImportSpecifier[imported.name='z'][importKind='value']",
    message: "write import * as z from 'zod/mini'",
  },
  {
    selector: "ImportDeclaration[source.value='zod']",
    message: "run-time code imports zod/mini (import * as z from 'zod/mini'), not classic zod",
  },
];

export default tseslint.config(
  { ignores: ['node_modules', 'cdk.out', '.local', '.bench', 'coverage', 'dist', 'web/dist', 'web/src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `import { z } from 'zod/mini'` keeps all of zod in a Lambda bundle; the namespace form tree-shakes.
      'no-restricted-syntax': ['error', ...zodImportRules.slice(0, 1)],
    },
  },
  {
    // Run-time code validates with zod/mini; classic zod (~60 KB more per bundle, ~6 ms more import)
    // is for tests that build schemas of their own and for the OpenAPI twins.
    files: ['shared/**/*.ts', 'functions/**/*.ts', 'cli/**/*.ts', 'infra/**/*.ts'],
    ignores: ['shared/openapi-zod.ts'],
    rules: { 'no-restricted-syntax': ['error', ...zodImportRules] },
  },
  {
    // Handlers are entry points: an area never reaches into another area's files (shared code lives in shared/).
    files: ['functions/*/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*/**', '!../../**'],
              message: 'functions/ areas do not import each other: move shared logic to shared/app or shared/domain',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['functions/*/*/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../*/**', '!../../../**'],
              message: 'functions/ areas do not import each other: move shared logic to shared/app or shared/domain',
            },
          ],
        },
      ],
    },
  },
  {
    // Response bodies in tests are read loosely; the assertions are the type check there.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
