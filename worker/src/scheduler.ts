import type { JobScheduler } from '@lms/core';
import { makeWorkerUtils, type WorkerUtils } from 'graphile-worker';
import type { pino } from 'pino';
import { TASKS } from './tasks';

/** Retries with graphile-worker's exponential backoff (exp(min(attempt, 10)) s) up to this. */
const MAX_ATTEMPTS = 10;

export interface QueueScheduler extends JobScheduler {
  release(): Promise<void>;
}

/**
 * The core's JobScheduler on graphile-worker's queue. Creates the queue's schema (its own
 * migrations, under its own lock) so jobs can be added before any worker ran. A failure to
 * schedule is logged, not thrown: the periodic sweep grades the attempt anyway.
 */
export async function createQueueScheduler(options: {
  databaseUrl: string;
  log: pino.Logger;
}): Promise<QueueScheduler> {
  const utils: WorkerUtils = await makeWorkerUtils({ connectionString: options.databaseUrl });
  await utils.migrate();
  return {
    async gradeAttemptAt(attemptId, deadline) {
      try {
        await utils.addJob(
          TASKS.gradeExpiredAttempt,
          { attemptId },
          { runAt: deadline, jobKey: `grade-attempt:${attemptId}`, maxAttempts: MAX_ATTEMPTS },
        );
      } catch (error) {
        options.log.error({ err: error, attemptId }, 'could not schedule grading; the sweep will');
      }
    },
    release: async () => {
      await utils.release();
    },
  };
}
