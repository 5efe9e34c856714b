// Every SQL statement of admin, each a named, typed function (CONTRIBUTING.md, "SQL").
import type { Db } from '@lms/db';

export interface FailedJobRow {
  id: string;
  task: string;
  attempts: number;
  maxAttempts: number;
  lastError: string;
  runAt: Date;
  updatedAt: Date;
}

/** Whether graphile-worker's `jobs` view exists yet (a worker or the API creates it at start). */
export async function jobQueueTableExists(db: Db): Promise<boolean> {
  const [schema] = await db.$queryRaw<{ present: boolean }[]>`
    SELECT to_regclass('graphile_worker.jobs') IS NOT NULL AS present`;
  return schema?.present === true;
}

/** Jobs whose last run failed, newest first, at most `limit`. */
export async function selectFailedJobRows(db: Db, limit: number): Promise<FailedJobRow[]> {
  return db.$queryRaw<FailedJobRow[]>`
    SELECT id::text AS id, task_identifier AS task, attempts, max_attempts AS "maxAttempts",
           last_error AS "lastError", run_at AS "runAt", updated_at AS "updatedAt"
      FROM graphile_worker.jobs
     WHERE last_error IS NOT NULL
     ORDER BY updated_at DESC
     LIMIT ${limit}`;
}
