import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@lms/db/testing';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { repoRoot, startApiProcess } from '../support/processes';

let database: TestDatabase;
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  database = await createTestDatabase({ migrated: false });
});
afterAll(async () => {
  await Promise.all(stops.map((stop) => stop()));
  await database?.drop();
});

it('two API processes starting together on an empty database both come up; migrations and demo data land once', async () => {
  const [first, second] = await Promise.all([
    startApiProcess(database.url),
    startApiProcess(database.url),
  ]);
  stops.push(first.stop, second.stop);

  for (const api of [first, second]) {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ courses(first: 50) { totalCount } }' }),
    });
    const body = (await response.json()) as { data: { courses: { totalCount: number } } };
    expect(body.data.courses.totalCount).toBeGreaterThanOrEqual(4);
  }

  const migrationFolders = (
    await readdir(path.join(repoRoot, 'prisma/migrations'), { withFileTypes: true })
  )
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const applied = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
    );
    expect(applied.rows.map((row) => row.migration_name)).toEqual(migrationFolders);
    const admins = await client.query(
      `SELECT count(*)::int AS n FROM "User" WHERE email = 'admin@example.com'`,
    );
    expect(admins.rows[0].n).toBe(1);
  } finally {
    await client.end();
  }
}, 120_000);
