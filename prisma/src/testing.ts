// Test helpers: each test file gets its own database cloned from the migrated template that
// test-global-setup.ts prepared, so tests never share rows and never wait for migrations.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
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

/** A database of its own for code that manages its lifetime itself; in a test file prefer
 *  `useTestDatabase()`, which adds the hooks. */
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

/** What `useTestDatabase()` hands a test file: the database of this file, once it exists. */
export interface TestDatabaseAccess {
  /** The Prisma client of this file's database (inside tests and hooks only). */
  readonly db: Db;
  /** Its connection URL, for a process or a second client (inside tests and hooks only). */
  readonly url: string;
}

/**
 * Gives the calling test file its own database, cloned from the migrated template: created in a
 * `beforeAll`, dropped in an `afterAll` (after the file's own later-registered `afterAll` hooks,
 * which Vitest runs first). Call it at the top of the file (or of a `describe`) before the hooks
 * that use it; read `.db` / `.url` inside tests and hooks:
 *
 *     const database = useTestDatabase();
 *     beforeAll(async () => { user = await createUser(database.db); });
 */
export function useTestDatabase(options: CreateTestDatabaseOptions = {}): TestDatabaseAccess {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await createTestDatabase(options);
  }, 60_000);
  afterAll(async () => {
    await current?.drop();
    current = undefined;
  });
  const open = (): TestDatabase => {
    if (!current) {
      throw new Error(
        'useTestDatabase(): the database exists only inside tests and hooks that run after its beforeAll; read .db there, not at the top of the file.',
      );
    }
    return current;
  };
  return {
    get db() {
      return open().db;
    },
    get url() {
      return open().url;
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
/** A one-shot signal between the sides of a concurrency test: see latch.ts. */
export { type Latch, latch } from './latch';
/** The seeded demo accounts' password (tests and journeys sign in with it). */
export { DEMO_PASSWORD, DEMO_USERS } from './seed/users';
