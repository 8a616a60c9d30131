// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * Architecture graph, enforced: engine <- data <- pipeline <- server, cli; web -> server types (+ engine).
 * The engine is the bottom layer: no Node built-ins (except its Node-only entry point src/node/),
 * no DOM, no DuckDB, and no imports from higher layers.
 */
const higherLayers = ['@segmint/data', '@segmint/pipeline', '@segmint/server', '@segmint/cli'];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/build/**',
      'node_modules/**',
      '**/*.d.ts',
      'bench/results/**',
      // AssemblyScript (compiled by asc, not tsc) and its generated output.
      'packages/engine/assembly/**/*.ts',
      'packages/engine/src/wasm/kmeans-wasm-bytes.ts',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.ts', '*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['packages/engine/src/**/*.ts'],
    ignores: [
      'packages/engine/src/node/**',
      'packages/engine/src/**/*.test.ts',
      'packages/engine/src/test-utils/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*'],
              message: 'The engine is pure: Node built-ins belong in src/node/ only.',
            },
            { group: ['@duckdb/*'], message: 'Only @segmint/data imports DuckDB.' },
            {
              group: higherLayers,
              message: 'The engine is the bottom layer: it cannot import higher layers.',
            },
          ],
          paths: ['fs', 'path', 'os', 'worker_threads', 'child_process', 'crypto', 'url'].map(
            (name) => ({
              name,
              message: 'The engine is pure: Node built-ins belong in src/node/ only.',
            }),
          ),
        },
      ],
    },
  },
  {
    files: ['packages/data/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@segmint/pipeline', '@segmint/server', '@segmint/cli'],
              message:
                'The data layer sits on the engine only: engine <- data <- pipeline <- server, cli.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/pipeline/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@duckdb/*'], message: 'Only @segmint/data imports DuckDB.' },
            {
              group: ['@segmint/server', '@segmint/cli'],
              message: 'The pipeline cannot import the layers above it (server, cli).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/server/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@duckdb/*'], message: 'Only @segmint/data imports DuckDB.' },
            {
              group: ['@segmint/cli'],
              message: 'The server cannot import the CLI (the CLI starts the server).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/cli/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['@duckdb/*'], message: 'Only @segmint/data imports DuckDB.' }],
        },
      ],
    },
  },
  {
    // The dashboard runs in the browser and talks to the server over HTTP only.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                '@duckdb/*',
                '@segmint/data',
                '@segmint/pipeline',
                '@segmint/server',
                '@segmint/cli',
              ],
              message:
                'The dashboard is a browser app: it reaches the server over HTTP (src/api/), not by import.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  prettier,
);
