import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// Vitest loads graphql as ESM while type-graphql requires it as CJS: two instances and
// "Cannot use GraphQLSchema from another module or realm". Pin every import to the CJS build
// that api/ depends on.
const requireFromApi = createRequire(new URL('./api/package.json', import.meta.url));
const graphqlAlias = { graphql: requireFromApi.resolve('graphql') };

export default defineConfig({
  test: {
    // Runs once for the whole run (not per project): one embedded PostgreSQL with a migrated
    // template database; every project receives `postgresAdminUrl` through inject().
    globalSetup: ['./prisma/src/test-global-setup.ts'],
    // Two files at a time even on two cores (Vitest's default there is one): most files wait
    // on PostgreSQL, child processes and Chromium. 825 s instead of 1,015 s for the whole run.
    maxWorkers: 2,
    projects: [
      './prisma',
      './packages/*',
      './web',
      {
        resolve: { alias: graphqlAlias },
        test: {
          name: 'api',
          root: './api',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          // Real HTTP and PostgreSQL on a shared 2-core CI machine: generous, not infinite.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias: graphqlAlias },
        test: {
          name: 'test',
          root: './test',
          include: ['**/*.test.ts'],
          exclude: ['**/node_modules/**'],
          // Browser journeys start API and web processes and drive Chromium.
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // `expect.poll` waits for a page to reach a state; Vitest's default (1 s) fails a
          // journey whenever a navigation takes longer on a busy machine.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
