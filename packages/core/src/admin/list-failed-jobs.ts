import type { Db } from '@lms/db';
import { requireAdmin } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { jobQueueTableExists, selectFailedJobRows } from './sql';

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
  if (!(await jobQueueTableExists(options.db))) return [];
  const rows = await selectFailedJobRows(options.db, LIMIT);
  return rows.map((row) => ({
    ...row,
    state: row.attempts >= row.maxAttempts ? 'FAILED' : 'RETRYING',
  }));
}
