// Test helpers: each test file gets its own database cloned from the migrated template that
// test-global-setup.ts prepared, so tests never share rows and never wait for migrations.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createPrismaClient, type Db } from './client';
import { TEMPLATE_DATABASE } from './test-context';

export interface TestDatabase {
  url: string;
  db: Db;
  /** Disconnects and drops the database (even if other connections are still open). */
  drop(): Promise<void>;
}

export interface CreateTestDatabaseOptions {
  /** false: an empty database without migrations (for testing the migrator itself). */
  migrated?: boolean;
  /** Defaults to the cluster provided by the global setup. */
  adminUrl?: string;
  /** Receives every SQL statement the returned client sends. */
  onQuery?: (sql: string) => void;
}

/** Usage: `let t: TestDatabase; beforeAll(async () => { t = await createTestDatabase(); });
 *  afterAll(() => t.drop());` */
export async function createTestDatabase(
  options: CreateTestDatabaseOptions = {},
): Promise<TestDatabase> {
  const adminUrl = options.adminUrl ?? inject('postgresAdminUrl');
  const name = `lms_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const template = options.migrated === false ? 'template0' : TEMPLATE_DATABASE;
  await withAdmin(adminUrl, (client) =>
    client.query(`CREATE DATABASE ${name} TEMPLATE ${client.escapeIdentifier(template)}`),
  );
  const url = databaseUrl(adminUrl, name);
  const db = createPrismaClient({ databaseUrl: url, poolMax: 5, onQuery: options.onQuery });
  return {
    url,
    db,
    async drop() {
      await db.$disconnect();
      await withAdmin(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    },
  };
}

/** The URL of another database on the same server as `url`. */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A console.error/warn a test expects (anything else fails the test): see console-trap.ts. */
export { allowConsoleWarn, expectConsoleError, expectConsoleWarn } from './console-trap';
/** Row factories (also used by the seed): see src/factories. */
export * from './factories';
/** The seeded demo accounts' password (tests and journeys sign in with it). */
export { DEMO_PASSWORD, DEMO_USERS } from './seed/users';
