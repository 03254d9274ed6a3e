import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Suites that go through the database and keep state several processes
 * would share. They run a second time on PostgreSQL plus Redis (rate
 * limits, budgets, the answer cache); the rest of the suite does not touch
 * state in ways that differ between the two.
 */
const SHARED_STATE_SUITES = [
  'test/auth/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/edits/edits.test.ts',
  'test/files/**/*.test.ts',
  'test/history/{history,history-edges,export}.test.ts',
  'test/jobs/jobs.test.ts',
  'test/openai/api-keys.test.ts',
  'test/throttle/usage-and-metrics.test.ts',
  'test/users/**/*.test.ts',
  'test/workspaces/**/*.test.ts',
];

/** Tests of PostgreSQL itself: connection loss, several processes on one server. */
const POSTGRES_ONLY = ['test/postgres/**/*.test.ts'];

export default defineConfig({
  resolve: {
    // Tests run the SDK from its sources; the built CLI uses its compiled copy.
    alias: {
      '@atelier/client': fileURLToPath(new URL('packages/client/src/index.ts', import.meta.url)),
    },
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['test/**/*.test.ts'],
          exclude: POSTGRES_ONLY,
          globalSetup: ['test/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: [...SHARED_STATE_SUITES, ...POSTGRES_ONLY],
          globalSetup: ['test/global-setup.ts', 'test/global-setup-postgres.ts'],
          env: { TEST_DATABASE: 'postgres' },
        },
      },
    ],
  },
});
