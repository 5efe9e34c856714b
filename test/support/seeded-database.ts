import { randomBytes } from 'node:crypto';
import { createPrismaClient, seedDemoData } from '@lms/db';
import { createTestDatabase, databaseUrl, type TestDatabase } from '@lms/db/testing';
import pg from 'pg';
import { inject } from 'vitest';

/** The demo data, seeded once per test run, that every `createSeededDatabase()` copies. */
const SEEDED_TEMPLATE = 'lms_seeded_template';
// Serialises the files that would otherwise all seed the template at once.
const TEMPLATE_LOCK_KEY = 72707371;

/**
 * A database of its own holding the demo data (`seedDemoData`), as a test file's stack needs.
 * The first caller of a run seeds a template database (argon2 hashes of every demo password, a
 * few hundred rows: 3 to 11 s on a busy 2-core machine); every caller then gets a copy of it
 * (CREATE DATABASE ... TEMPLATE: a file copy, well under a second). Copies are independent:
 * a file may change its rows freely.
 */
export async function createSeededDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('postgresAdminUrl');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await ensureSeededTemplate(admin, adminUrl);
    const name = `lms_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${SEEDED_TEMPLATE}`);
    const url = databaseUrl(adminUrl, name);
    const db = createPrismaClient({ databaseUrl: url, poolMax: 5 });
    return {
      url,
      db,
      async drop() {
        await db.$disconnect();
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        try {
          await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await client.end();
        }
      },
    };
  } finally {
    await admin.end();
  }
}

async function ensureSeededTemplate(admin: pg.Client, adminUrl: string): Promise<void> {
  const exists = async () =>
    (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [SEEDED_TEMPLATE]))
      .rowCount === 1;
  if (await exists()) return;
  await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
  try {
    if (await exists()) return;
    const seeded = await createTestDatabase({ adminUrl });
    try {
      await seedDemoData(seeded.db);
      await seeded.db.$disconnect();
    } catch (error) {
      await seeded.drop();
      throw error;
    }
    const name = decodeURIComponent(new URL(seeded.url).pathname.slice(1));
    // Copies need a template nobody is connected to (and nobody may connect to it later).
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    await admin.query(
      `ALTER DATABASE ${admin.escapeIdentifier(name)} RENAME TO ${SEEDED_TEMPLATE}`,
    );
    await admin.query(
      `ALTER DATABASE ${SEEDED_TEMPLATE} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`,
    );
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
  }
}

/** The seeded template plus the job queue's schema: what every leased journey stack starts from. */
export const JOURNEY_TEMPLATE = 'lms_journey_template';
const JOURNEY_TEMPLATE_LOCK_KEY = 72707372;

/**
 * Makes `JOURNEY_TEMPLATE` once per run: a copy of the seeded template in which the job queue
 * (graphile-worker) has installed its schema, as the API does when it starts against a new
 * database. A journey stack's database is replaced by a copy of it before every file.
 */
export async function ensureJourneyTemplate(): Promise<string> {
  const adminUrl = inject('postgresAdminUrl');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = async () =>
    (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [JOURNEY_TEMPLATE]))
      .rowCount === 1;
  try {
    if (await exists()) return JOURNEY_TEMPLATE;
    await admin.query('SELECT pg_advisory_lock($1)', [JOURNEY_TEMPLATE_LOCK_KEY]);
    try {
      if (await exists()) return JOURNEY_TEMPLATE;
      const copy = await createSeededDatabase();
      try {
        const { createQueueScheduler } = await import('@lms/worker');
        const { pino } = await import('pino');
        const scheduler = await createQueueScheduler({
          databaseUrl: copy.url,
          log: pino({ level: 'silent' }),
        });
        await scheduler.release();
        await copy.db.$disconnect();
      } catch (error) {
        await copy.drop();
        throw error;
      }
      const name = decodeURIComponent(new URL(copy.url).pathname.slice(1));
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
      await admin.query(
        `ALTER DATABASE ${admin.escapeIdentifier(name)} RENAME TO ${JOURNEY_TEMPLATE}`,
      );
      await admin.query(
        `ALTER DATABASE ${JOURNEY_TEMPLATE} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`,
      );
      return JOURNEY_TEMPLATE;
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [JOURNEY_TEMPLATE_LOCK_KEY]);
    }
  } finally {
    await admin.end();
  }
}
