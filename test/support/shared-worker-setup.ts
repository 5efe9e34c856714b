// Vitest setupFiles entry of the projects whose files share a worker and its modules
// (`isolate: false` in vitest.config.ts): Vitest runs it again before every test file, so that
// process-wide state one file may have set does not reach the next one. Each test file still
// gets a database of its own; what lives in module memory is reset here.
import { forgetJobQueueCheck } from '@lms/core';

// The outbox remembers that graphile-worker's schema exists (true for the whole life of an API
// process); the previous file's database may have had it, this file's may not.
forgetJobQueueCheck();
