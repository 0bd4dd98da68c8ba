// Lint rules that carry architecture: the pure domain imports no framework, workflow code
// imports nothing that does I/O, and floating promises are errors everywhere.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['fs', 'path', 'http', 'https', 'net', 'crypto', 'child_process', 'os', 'worker_threads', 'dns', 'stream'];
const ioLibraries = ['@nestjs/*', 'mongoose', 'kafkajs', 'mongodb', '@temporalio/client', '@temporalio/worker', '@civicflow/platform'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/*.js', '**/*.mjs', '.civicflow/**', '.nx/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.jest },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // tests read JSON answers (any) and assert on them
    files: ['**/*.spec.ts', '**/*.int-spec.ts', 'test/**/*.ts', 'services/console/e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // integration tests beside their project are outside its tsconfig; test/tsconfig.json types them all
    files: ['services/*/test/**/*.ts', 'services/console/e2e/**/*.ts', 'workflows/test/**/*.ts', 'libs/*/test/**/*.ts'],
    languageOptions: { parserOptions: { projectService: false, project: ['test/tsconfig.json'], tsconfigRootDir: import.meta.dirname } },
  },
  {
    // the console's web app runs in the browser; React handlers may be async (their promise is not awaited)
    files: ['services/console/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { projectService: false, project: ['services/console/web/tsconfig.json', 'services/console/web/tsconfig.spec.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // libs/domain is plain TypeScript: no framework, no I/O.
    files: ['libs/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...ioLibraries, '@temporalio/*', ...nodeBuiltins.map((m) => `node:${m}`)] }],
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: decisions only, all I/O in activities.
    files: ['workflows/src/**/*.workflow.ts', 'workflows/src/**/workflows.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodeBuiltins, patterns: [...ioLibraries, 'node:*'] }],
    },
  },
);
