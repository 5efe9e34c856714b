import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type EmbeddedPostgresHandle, startEmbeddedPostgres } from '@lms/db/embedded';
import { createTestDatabase } from '@lms/db/testing';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startApiProcess, startWebProcess } from '../support/processes';

// Overload and outage, against real API processes: when the database cannot serve (pool
// exhausted, server down), GraphQL answers 503 with Retry-After and SERVICE_UNAVAILABLE (a
// client may retry), not a 500; when it can again, the same process serves again.

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

/** A signed-in-looking request: the context looks the token up in the database. */
async function viewerQuery(apiUrl: string) {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${'t'.repeat(43)}`,
    },
    body: JSON.stringify({ query: '{ viewer { id } }' }),
  });
  const body = (await response.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: { code?: string; retryAfterSeconds?: number } }[];
  };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
}

function expectUnavailable(result: Awaited<ReturnType<typeof viewerQuery>>) {
  expect(result.status).toBe(503);
  expect(Number(result.retryAfter)).toBeGreaterThan(0);
  expect(result.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
  expect(result.body.errors?.[0]?.message).toMatch(/try again/i);
}

describe('database pool exhausted', () => {
  it('a request that cannot get a connection answers 503 + Retry-After; the held one then completes', async () => {
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const api = await startApiProcess(database.url, {
      SEED_DEMO_DATA: 'false',
      DATABASE_POOL_MAX: '1',
    });
    cleanups.push(() => api.stop());

    // Another client holds a lock the viewer lookup needs: the API's one connection waits.
    const locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    cleanups.push(() => locker.end());
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE "Session" IN ACCESS EXCLUSIVE MODE');
    const held = viewerQuery(api.url);
    await new Promise((resolve) => setTimeout(resolve, 500));

    const started = Date.now();
    expectUnavailable(await viewerQuery(api.url));
    expect(Date.now() - started).toBeLessThan(15_000);

    await locker.query('ROLLBACK');
    expect((await held).status).toBe(200);
    const after = await viewerQuery(api.url);
    expect(after.status).toBe(200);
    expect(after.body.errors).toBeUndefined();
  }, 90_000);
});

describe('database down', () => {
  it('answers 503 while PostgreSQL is stopped (API and web say "try again") and recovers without a restart', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'lms-overload-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    let postgres: EmbeddedPostgresHandle = await startEmbeddedPostgres({
      dataDir,
      port,
      database: 'lms',
    });
    cleanups.push(() => postgres.stop());
    const api = await startApiProcess(postgres.url('lms'), { SEED_DEMO_DATA: 'false' });
    cleanups.push(() => api.stop());
    const web = await startWebProcess(api.url);
    cleanups.push(() => web.stop());
    expect((await viewerQuery(api.url)).status).toBe(200);

    await postgres.stop();
    expectUnavailable(await viewerQuery(api.url));
    const anonymous = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ courses(first: 1) { totalCount } }' }),
    });
    expect(anonymous.status).toBe(503);
    expect(anonymous.headers.get('retry-after')).toBeTruthy();

    // The web's page says to try again, with the title to match, not "something went wrong".
    const page = await fetch(`${web.url}/courses`);
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBeTruthy();
    const html = await page.text();
    expect(html).toMatch(/<title>[^<]*Try again[^<]*<\/title>/i);
    expect(html).toMatch(/try again/i);
    expect(html).not.toMatch(/something went wrong/i);

    postgres = await startEmbeddedPostgres({ dataDir, port, database: 'lms' });
    let recovered = await viewerQuery(api.url);
    for (let attempt = 0; attempt < 40 && recovered.status !== 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      recovered = await viewerQuery(api.url);
    }
    expect(recovered.status).toBe(200);
    expect((await fetch(`${web.url}/courses`)).status).toBe(200);
  }, 120_000);
});
