import type { Db } from '@lms/db';
import { requireAdmin } from '../access/roles';
import { type Viewer } from '../access/viewer';

export interface FailedJob {
  id: string;
  task: string;
  /** 'FAILED': out of attempts, needs a person; 'RETRYING': failed, will run again at runAt. */
  state: 'FAILED' | 'RETRYING';
  attempts: number;
  maxAttempts: number;
  lastError: string;
  runAt: Date;
  updatedAt: Date;
}

/** At most this many: newest first; an operator fixes the cause, not page 40. */
const LIMIT = 100;

/**
 * Jobs of the queue (graphile-worker's `graphile_worker.jobs` view) whose last run failed,
 * newest first, with their error. Admin only. Before any worker has created the queue's
 * schema there are none.
 */
export async function listFailedJobs(options: {
  db: Db;
  viewer: Viewer | null;
}): Promise<FailedJob[]> {
  requireAdmin(options.viewer);
  const [schema] = await options.db.$queryRaw<{ present: boolean }[]>`
    SELECT to_regclass('graphile_worker.jobs') IS NOT NULL AS present`;
  if (!schema?.present) return [];
  const rows = await options.db.$queryRaw<
    {
      id: string;
      task: string;
      attempts: number;
      maxAttempts: number;
      lastError: string;
      runAt: Date;
      updatedAt: Date;
    }[]
  >`
    SELECT id::text AS id, task_identifier AS task, attempts, max_attempts AS "maxAttempts",
           last_error AS "lastError", run_at AS "runAt", updated_at AS "updatedAt"
      FROM graphile_worker.jobs
     WHERE last_error IS NOT NULL
     ORDER BY updated_at DESC
     LIMIT ${LIMIT}`;
  return rows.map((row) => ({
    ...row,
    state: row.attempts >= row.maxAttempts ? 'FAILED' : 'RETRYING',
  }));
}
