import path from 'node:path';
import { defineConfig } from 'vitest/config';

const contractSrc = (file: string) => path.resolve(import.meta.dirname, 'contract/src', file);
/** The contract workspace from source (its `.` and `./markdown` entries). */
const alias = [
  { find: /^@innenhof\/contract$/, replacement: contractSrc('index.ts') },
  { find: /^@innenhof\/contract\/markdown$/, replacement: contractSrc('markdown.ts') },
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'api',
          include: ['server/**/*.test.ts'],
          // Cluster tests need PostgreSQL and Redis: they run in the PostgreSQL stage (TEST_DB=pg).
          exclude: process.env.TEST_DB === 'pg' ? [] : ['server/**/*.cluster.test.ts'],
          environment: 'node',
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
