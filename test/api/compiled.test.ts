import { existsSync } from 'node:fs';
import path from 'node:path';
import { seedDemoData } from '@lms/db';
import { createTestDatabase, type TestDatabase } from '@lms/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  exitOf,
  freePort,
  productionApiEnv,
  repoRoot,
  startProcess,
  waitForHttp,
} from '../support/processes';

// From the build (`pnpm test` builds first): the bundled API in production mode against an
// external PostgreSQL (this run's own server, started on its own), no tsx, nothing embedded.
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db);
});
afterAll(() => database?.drop());

it('the compiled API starts in production against an external PostgreSQL and serves GraphQL', async () => {
  const bundle = path.join(repoRoot, 'api/dist/bin/main.js');
  if (!existsSync(bundle))
    throw new Error('api/dist is missing: run `pnpm build` (pnpm test does).');
  const port = await freePort();
  const api = startProcess(process.execPath, [bundle], {
    ...productionApiEnv(database.url),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  });
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/readyz`, api, 90_000);
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ courses(first: 5) { totalCount } }' }),
    });
    const body = (await response.json()) as { data: { courses: { totalCount: number } } };
    expect(response.status, api.output()).toBe(200);
    expect(body.data.courses.totalCount).toBeGreaterThanOrEqual(4);
    const exited = exitOf(api);
    api.child.kill('SIGTERM');
    expect(await exited, api.output()).toBe(0);
  } finally {
    await api.stop();
  }
}, 120_000);
