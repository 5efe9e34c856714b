// Each statement of admin/sql.ts that runs without graphile-worker's schema, against the
// migrated schema. `selectFailedJobRows` reads that schema: test/api/failed-jobs.test.ts runs it
// (a job that failed is listed with its error).
import type { Db } from '@lms/db';
import { createTestDatabase, type TestDatabase } from '@lms/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobQueueTableExists } from './sql';

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => {
  await database?.drop();
});

describe('admin sql', () => {
  it('sees that no worker created the job queue here', async () => {
    expect(await jobQueueTableExists(db)).toBe(false);
  });
});
