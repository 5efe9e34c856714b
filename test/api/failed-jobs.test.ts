import { DEMO_PASSWORD, type TestDatabase } from '@lms/db/testing';
import { createQueueScheduler, TASKS } from '@lms/worker';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postGraphql } from '../support/journey';
import { type RunningProcess, startApiProcess, startWorkerProcess } from '../support/processes';
import { createSeededDatabase } from '../support/seeded-database';

// Jobs are visible to an admin: a job whose run failed is listed with its error, as retrying
// while it has attempts left and as failed once it has none; nobody else may see the list.
let database: TestDatabase;
const running: RunningProcess[] = [];

beforeAll(async () => {
  database = await createSeededDatabase();
  // Creates the queue's schema, as the API does at start.
  const scheduler = await createQueueScheduler({
    databaseUrl: database.url,
    log: pino({ level: 'silent' }),
  });
  await scheduler.release();
});
afterAll(async () => {
  await Promise.all(running.map((process) => process.stop()));
  await database?.drop();
});

interface FailedJob {
  task: string;
  state: string;
  attempts: number;
  maxAttempts: number;
  lastError: string;
}

const graphql = (url: string, query: string, variables = {}, token?: string) =>
  postGraphql<{ failedJobs?: FailedJob[]; signIn?: { token: string } }>(
    url,
    query,
    variables,
    token,
  );

async function signIn(url: string, email: string) {
  const result = await graphql(
    url,
    'mutation ($input: SignInInput!) { signIn(input: $input) { token } }',
    { input: { email, password: DEMO_PASSWORD } },
  );
  return result.data?.signIn?.token as string;
}

const FAILED_JOBS = '{ failedJobs { task state attempts maxAttempts lastError } }';

it('lists a failing job with its error, retrying then failed, to admins only', async () => {
  const api = await startApiProcess(database.url, { SEED_DEMO_DATA: 'false' });
  running.push(api);
  const admin = await signIn(api.url, 'admin@example.com');
  const student = await signIn(api.url, 'priya.shah@example.com');
  expect((await graphql(api.url, FAILED_JOBS, {}, admin)).data?.failedJobs).toEqual([]);

  // Two grading jobs whose payload names no attempt: every run of them fails.
  await database.db.$executeRaw`
    SELECT graphile_worker.add_job(${TASKS.gradeExpiredAttempt}, '{}'::json, max_attempts => 1)`;
  await database.db.$executeRaw`
    SELECT graphile_worker.add_job(${TASKS.gradeExpiredAttempt}, '{"note":"retry"}'::json, max_attempts => 5)`;
  running.push(await startWorkerProcess(database.url));

  let jobs: FailedJob[] = [];
  const giveUp = Date.now() + 60_000;
  while (jobs.length < 2 && Date.now() < giveUp) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    jobs = (await graphql(api.url, FAILED_JOBS, {}, admin)).data?.failedJobs ?? [];
  }
  expect(jobs).toHaveLength(2);
  const byState = Object.fromEntries(jobs.map((job) => [job.state, job]));
  expect(byState.FAILED).toMatchObject({
    task: TASKS.gradeExpiredAttempt,
    attempts: 1,
    maxAttempts: 1,
  });
  expect(byState.RETRYING).toMatchObject({ attempts: 1, maxAttempts: 5 });
  for (const job of jobs) expect(job.lastError).toContain('payload has no attemptId');

  const refused = await graphql(api.url, FAILED_JOBS, {}, student);
  expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(refused.data?.failedJobs ?? null).toBeNull();
  const anonymous = await graphql(api.url, FAILED_JOBS);
  expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
}, 180_000);
