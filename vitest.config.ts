import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import WeightedSequencer from './test/support/sequencer';
import TimelineReporter from './test/support/timeline-reporter';

// Vitest loads graphql as ESM while type-graphql requires it as CJS: two instances and
// "Cannot use GraphQLSchema from another module or realm". Pin every import to the CJS build
// that api/ depends on.
const requireFromApi = createRequire(new URL('./api/package.json', import.meta.url));
const graphqlAlias = { graphql: requireFromApi.resolve('graphql') };

// Every project fails a test on a stray console.error/console.warn (prisma/src/console-trap.ts).
// Projects do not inherit the root's test options, so each one lists it.
const setupFiles = [fileURLToPath(new URL('./prisma/src/console-trap-setup.ts', import.meta.url))];

// The database projects (db, packages/*, api) run with `isolate: false`: a worker process keeps
// its modules from one test file to the next of the same project instead of starting a new
// process and importing Prisma, Apollo, type-graphql and the domain again for every file (2 to
// 4 CPU-s an API file; ARCHITECTURE.md). Every file still gets a database of its own; the console
// trap registers its checks for each file; shared-worker-setup.ts resets the module state a
// file may leave behind. The sequencer keeps each such project's files together, because Vitest
// reuses a worker only when the next file in its queue belongs to the same project. The web
// project (happy-dom, a stubbed env) and the browser/multi-process project stay isolated.
const sharedWorker = { isolate: false, setupFiles };
const sharedWorkerWithCore = {
  isolate: false,
  setupFiles: [
    ...setupFiles,
    fileURLToPath(new URL('./test/support/shared-worker-setup.ts', import.meta.url)),
  ],
};

// One project per workspace package under packages/ (named as the package), with the trap and
// the same limits as the other database-backed projects.
const packageProjects = readdirSync(new URL('./packages/', import.meta.url), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory())
  .map((entry) => {
    const manifest = new URL(`./packages/${entry.name}/package.json`, import.meta.url);
    const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name: string };
    return {
      test: {
        name,
        root: `./packages/${entry.name}`,
        exclude: ['**/node_modules/**', '**/dist/**'],
        // Only @lms/core and the API reach the module state that shared-worker-setup.ts resets;
        // the other packages' workers need not load the domain for it.
        ...(name === '@lms/core' ? sharedWorkerWithCore : sharedWorker),
        testTimeout: 30_000,
        hookTimeout: 60_000,
      },
    };
  });

export default defineConfig({
  test: {
    // Runs once for the whole run (not per project): one embedded PostgreSQL with a migrated
    // template database; every project receives `postgresAdminUrl` through inject(). The stack
    // broker lends the browser journeys a running API, web process and Chromium (one per worker,
    // a fresh database for each file); it starts nothing until a journey asks.
    globalSetup: ['./prisma/src/test-global-setup.ts', './test/support/stack-broker.ts'],
    // Two files at a time even on two cores (Vitest's default there is one): most files wait
    // on PostgreSQL, child processes and Chromium. 825 s instead of 1,015 s for the whole run.
    maxWorkers: 2,
    // The longest files first, across projects, from committed per-file weights (a clean clone
    // has no Vitest cache to order by), so both workers stay busy to the end; the timeline
    // reporter prints how full they were (test/support/sequencer.ts, timeline-reporter.ts).
    sequence: { sequencer: WeightedSequencer },
    reporters: ['default', new TimelineReporter()],
    projects: [
      { extends: './prisma/vitest.config.ts', test: { root: './prisma', ...sharedWorker } },
      ...packageProjects,
      { extends: './web/vitest.config.ts', test: { root: './web', setupFiles } },
      {
        resolve: { alias: graphqlAlias },
        test: {
          name: 'api',
          root: './api',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          ...sharedWorkerWithCore,
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
          setupFiles,
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
