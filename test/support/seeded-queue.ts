import { configureJobScheduler } from '@lms/core';
import { type TestDatabase } from '@lms/db/testing';
import { createQueueScheduler, type QueueScheduler } from '@lms/worker';
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import type { RunningProcess } from './processes';
import { createSeededDatabase } from './seeded-database';

export interface SeededQueue {
  /** The seeded database of this test file. */
  readonly database: TestDatabase;
  /** The API's job scheduler, in this process (core's use cases queue their jobs with it). */
  readonly scheduler: QueueScheduler;
  /** Processes the file starts (workers, APIs): stopped after the file. */
  readonly processes: RunningProcess[];
}

/**
 * A seeded database with the job queue's scheduler configured in this process, for a test file
 * that runs workers against it: set up before the file's tests, torn down after them. Call at
 * the top level of the file.
 */
export function useSeededQueue(): SeededQueue {
  let database: TestDatabase | undefined;
  let scheduler: QueueScheduler | undefined;
  const processes: RunningProcess[] = [];
  beforeAll(async () => {
    database = await createSeededDatabase();
    scheduler = await createQueueScheduler({
      databaseUrl: database.url,
      log: pino({ level: 'silent' }),
    });
    configureJobScheduler(scheduler);
  });
  afterAll(async () => {
    configureJobScheduler(null);
    await Promise.all(processes.map((process) => process.stop()));
    await scheduler?.release();
    await database?.drop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined)
      throw new Error('The seeded queue is not started: use it inside a test.');
    return value;
  };
  return {
    get database() {
      return started(database);
    },
    get scheduler() {
      return started(scheduler);
    },
    processes,
  };
}
