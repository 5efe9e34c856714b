import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Run only by console-trap.test.ts, in a child process: fixtures that must pass or fail under
// the console trap. One worker that keeps its modules between files (`isolate: false`, as the
// database projects of vitest.config.ts run): the trap must check every file, not only the
// first one a worker runs.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['*.fixture.ts'],
    setupFiles: [fileURLToPath(new URL('../../console-trap-setup.ts', import.meta.url))],
    isolate: false,
    maxWorkers: 1,
  },
});
