// Vitest global setup (root vitest.config.ts): one PostgreSQL for the whole run, with a migrated
// template database that each test file clones in milliseconds (see testing.ts).
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ensureDatabase, startEmbeddedPostgres } from './embedded-postgres';
import { migrate } from './migrate';
import { TEMPLATE_DATABASE } from './test-context';

// The cluster lives in a temporary folder deleted after the run: a crash loses nothing worth
// keeping, so it does not wait for the disk on every commit and every CREATE DATABASE.
const TEST_CLUSTER_SETTINGS = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
};

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const baseDir = await mkdtemp(join(tmpdir(), 'lms-test-pg-'));
  // mkdtemp makes a 0700 folder; the server runs as the `postgres` user and must reach its data.
  await chmod(baseDir, 0o755);
  const postgres = await startEmbeddedPostgres({
    dataDir: join(baseDir, 'data'),
    port: await findFreePort(),
    settings: TEST_CLUSTER_SETTINGS,
  });
  try {
    await ensureDatabase(postgres.adminUrl, TEMPLATE_DATABASE);
    await migrate({ databaseUrl: postgres.url(TEMPLATE_DATABASE) });
    await freezeTemplate(postgres.adminUrl);
  } catch (error) {
    await postgres.stop();
    await rm(baseDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('postgresAdminUrl', postgres.adminUrl);

  return async () => {
    await postgres.stop();
    await rm(baseDir, { recursive: true, force: true });
  };
}

// CREATE DATABASE ... TEMPLATE fails while anyone is connected to the template, so forbid it.
async function freezeTemplate(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(
      `ALTER DATABASE ${client.escapeIdentifier(TEMPLATE_DATABASE)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`,
    );
  } finally {
    await client.end();
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('Could not determine a free port'));
      });
    });
  });
}
