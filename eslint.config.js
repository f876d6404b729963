// A small typescript-eslint pass for promise mistakes only (Biome does the rest).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'test-results/**', 'data/**', '**/*.js', '**/*.mjs', '**/*.cjs', 'web/vite.config.ts', 'vitest.config.ts'] },
  {
    files: ['server/src/**/*.ts', 'server/test/**/*.ts', 'web/src/**/*.{ts,tsx}', 'e2e/**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { project: ['./server/tsconfig.test.json', './web/tsconfig.json', './e2e/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
);
