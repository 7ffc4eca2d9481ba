import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'cdk.out', '.local', '.bench', 'coverage', 'dist', 'web/dist', 'web/src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `import { z } from 'zod'` keeps all of zod (~450 KB) in a Lambda bundle; the namespace form tree-shakes.
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[importKind='value'][source.value='zod'] > ImportSpecifier[imported.name='z'][importKind='value']",
          message: "write import * as z from 'zod'",
        },
      ],
    },
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
