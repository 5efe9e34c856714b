import { gradeExpiredAttempt, gradeExpiredAttempts, pruneExpiredRecords } from '@lms/core';
import type { Db } from '@lms/db';
import type { Task, TaskList } from 'graphile-worker';
import type { pino } from 'pino';

/** Task names: the queue stores them, so they never change once deployed. */
export const TASKS = {
  gradeExpiredAttempt: 'grade-expired-attempt',
  sweepExpiredAttempts: 'sweep-expired-attempts',
  pruneExpiredRecords: 'prune-expired-records',
} as const;

/**
 * Periodic jobs (graphile-worker crontab; each tick runs once across all workers). The sweep
 * is the safety net behind the per-attempt job; `?max=1` runs no backlog after downtime.
 */
export const CRONTAB = [
  `* * * * * ${TASKS.sweepExpiredAttempts} ?max=3&jobKey=sweep-expired-attempts`,
  `17 * * * * ${TASKS.pruneExpiredRecords} ?max=3&jobKey=prune-expired-records`,
].join('\n');

function attemptIdOf(payload: unknown): string {
  const attemptId = (payload as { attemptId?: unknown } | null)?.attemptId;
  if (typeof attemptId !== 'string') throw new Error('payload has no attemptId');
  return attemptId;
}

/** Every task is idempotent: a retry or a second worker changes nothing already done. */
export function createTaskList(db: Db, log: pino.Logger): TaskList {
  const gradeOne: Task = async (payload) => {
    const attemptId = attemptIdOf(payload);
    const { graded } = await gradeExpiredAttempt({ db, attemptId });
    log.info(
      { attemptId, graded },
      graded ? 'graded attempt at its deadline' : 'attempt needed no grading',
    );
  };
  const sweep: Task = async () => {
    const { graded } = await gradeExpiredAttempts({ db });
    if (graded > 0) log.info({ graded }, 'sweep graded expired attempts');
  };
  const prune: Task = async () => {
    const pruned = await pruneExpiredRecords({ db });
    log.info(pruned, 'pruned expired sessions and throttle rows');
  };
  return {
    [TASKS.gradeExpiredAttempt]: gradeOne,
    [TASKS.sweepExpiredAttempts]: sweep,
    [TASKS.pruneExpiredRecords]: prune,
  };
}
