import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export interface MigrateOptions {
  databaseUrl: string;
  /** Folder holding `<timestamp>_<name>/migration.sql` folders. Default: prisma/migrations. */
  migrationsDir?: string;
  log?: (message: string) => void;
}

export interface MigrateResult {
  /** Names of the migrations this call applied, in order (empty when already up to date). */
  applied: string[];
}

interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

export const defaultMigrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));

// The key Prisma's own schema engine locks on, so this runner and `prisma migrate deploy`
// also exclude each other.
const ADVISORY_LOCK_KEY = 72707369;

// Byte for byte the table Prisma's schema engine creates, so `prisma migrate status` and
// `deploy` read our records as their own.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Applies pending SQL migrations and records them in `_prisma_migrations` as Prisma does.
 * Safe to call from several processes at once: they serialise on a session advisory lock.
 */
export async function migrate({
  databaseUrl,
  migrationsDir = defaultMigrationsDir,
  log = () => {},
}: MigrateOptions): Promise<MigrateResult> {
  const local = await readLocalMigrations(migrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const pending = await findPending(client, local, log);
      for (const migration of pending) {
        await applyOne(client, migration);
        log(`applied migration ${migration.name}`);
      }
      return { applied: pending.map((m) => m.name) };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

export async function readLocalMigrations(migrationsDir: string): Promise<LocalMigration[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrations: LocalMigration[] = [];
  for (const name of names) {
    const file = join(migrationsDir, name, 'migration.sql');
    const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (bytes === null) continue;
    migrations.push({
      name,
      sql: bytes.toString('utf8'),
      checksum: createHash('sha256').update(bytes).digest('hex'),
    });
  }
  return migrations;
}

async function findPending(
  client: pg.Client,
  local: LocalMigration[],
  log: (message: string) => void,
): Promise<LocalMigration[]> {
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"
     WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
  const failed = rows.find((row) => row.finished_at === null);
  if (failed) {
    throw new Error(
      `Migration ${failed.migration_name} is recorded as started but not finished. ` +
        'Inspect the database, then mark it rolled back or applied before migrating again.',
    );
  }
  const appliedByName = new Map(rows.map((row) => [row.migration_name, row]));
  const localNames = new Set(local.map((m) => m.name));
  for (const row of rows) {
    if (!localNames.has(row.migration_name)) {
      log(
        `warning: migration ${row.migration_name} is applied but missing from the migrations folder`,
      );
    }
  }
  const pending: LocalMigration[] = [];
  for (const migration of local) {
    const applied = appliedByName.get(migration.name);
    if (!applied) {
      pending.push(migration);
    } else if (applied.checksum !== migration.checksum) {
      throw new Error(
        `Migration ${migration.name} was modified after it was applied (checksum ` +
          `${applied.checksum} in the database, ${migration.checksum} on disk). ` +
          'Never edit an applied migration: revert the file and add a new migration instead.',
      );
    }
  }
  return pending;
}

async function applyOne(client: pg.Client, migration: LocalMigration): Promise<void> {
  const startedAt = new Date();
  await client.query('BEGIN');
  try {
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations"
         (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count)
       VALUES ($1, $2, now(), $3, NULL, $4, 1)`,
      [randomUUID(), migration.checksum, migration.name, startedAt],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${migration.name} failed and was rolled back: ${reason}`, {
      cause: error,
    });
  }
}
