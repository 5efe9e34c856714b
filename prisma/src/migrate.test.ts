import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, migrate, readLocalMigrations } from './migrate';
import { createTestDatabase, type TestDatabase } from './testing';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('migrate', () => {
  let target: TestDatabase;
  let workDir: string;

  beforeEach(async () => {
    target = await createTestDatabase({ migrated: false });
    workDir = await mkdtemp(join(tmpdir(), 'lms-migrations-'));
  });
  afterEach(async () => {
    await target.drop();
    await rm(workDir, { recursive: true, force: true });
  });

  it('applies every migration once when two processes race on an empty database', async () => {
    // A slow extra migration keeps the first runner inside the lock long enough that the
    // second one provably waits for it instead of running after it by luck.
    await cp(defaultMigrationsDir, workDir, { recursive: true });
    await writeMigration(workDir, '29990101000000_slow', 'SELECT pg_sleep(0.5);\n');
    const expected = (await readLocalMigrations(workDir)).map((m) => m.name);

    const both = Promise.all([
      migrate({ databaseUrl: target.url, migrationsDir: workDir }),
      migrate({ databaseUrl: target.url, migrationsDir: workDir }),
    ]);
    const [results] = await Promise.all([both, waitForBlockedAdvisoryLock(target.url)]);

    const appliedByEach = results.map((r) => r.applied);
    expect(appliedByEach.flat().sort()).toEqual(expected);
    expect(appliedByEach).toContainEqual([]);
    const rows = await query<{ migration_name: string; applied_steps_count: number }>(
      target.url,
      'SELECT migration_name, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(expected);
    expect(rows.every((r) => r.applied_steps_count === 1)).toBe(true);
  });

  it('records migrations the way Prisma does (sha256 checksum of the file)', async () => {
    await migrate({ databaseUrl: target.url });
    const [local] = await readLocalMigrations(defaultMigrationsDir);
    const rows = await query<{ id: string; checksum: string; finished_at: Date | null }>(
      target.url,
      `SELECT id, checksum, finished_at FROM "_prisma_migrations" WHERE migration_name = '${local?.name}'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.checksum).toBe(local?.checksum);
    expect(rows[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(rows[0]?.finished_at).toBeInstanceOf(Date);
    expect(await migrate({ databaseUrl: target.url })).toEqual({ applied: [] });
  });

  it('refuses to run when an applied migration was edited', async () => {
    await writeMigration(workDir, '20260101000000_a', 'CREATE TABLE "A" (id INT);\n');
    await migrate({ databaseUrl: target.url, migrationsDir: workDir });
    await writeMigration(workDir, '20260101000000_a', 'CREATE TABLE "A" (id BIGINT);\n');
    await writeMigration(workDir, '20260102000000_b', 'CREATE TABLE "B" (id INT);\n');

    await expect(migrate({ databaseUrl: target.url, migrationsDir: workDir })).rejects.toThrow(
      /20260101000000_a was modified after it was applied/,
    );
    const tables = await query(target.url, `SELECT 1 FROM pg_tables WHERE tablename = 'B'`);
    expect(tables).toHaveLength(0);
  });

  it('rolls back a failing migration completely and records nothing for it', async () => {
    await writeMigration(
      workDir,
      '20260101000000_broken',
      'CREATE TABLE "Half" (id INT);\nSELECT * FROM "DoesNotExist";\n',
    );
    await expect(migrate({ databaseUrl: target.url, migrationsDir: workDir })).rejects.toThrow(
      /20260101000000_broken failed and was rolled back/,
    );
    expect(await query(target.url, `SELECT 1 FROM pg_tables WHERE tablename = 'Half'`)).toEqual([]);
    expect(await query(target.url, 'SELECT 1 FROM "_prisma_migrations"')).toEqual([]);
  });

  it('ignores folders without migration.sql and applies folders in name order', async () => {
    await writeMigration(workDir, '20260102000000_second', 'ALTER TABLE "T" ADD COLUMN b INT;\n');
    await writeMigration(workDir, '20260101000000_first', 'CREATE TABLE "T" (a INT);\n');
    await writeFile(join(workDir, 'migration_lock.toml'), 'provider = "postgresql"\n');
    await mkdir(join(workDir, '20260100000000_no_sql'));
    const { applied } = await migrate({ databaseUrl: target.url, migrationsDir: workDir });
    expect(applied).toEqual(['20260101000000_first', '20260102000000_second']);
  });
});

async function writeMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(join(dir, name), { recursive: true });
  await writeFile(join(dir, name, 'migration.sql'), sql);
}

async function waitForBlockedAdvisoryLock(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const waiting = await query(
      url,
      `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
    );
    if (waiting.length > 0) return;
    await sleep(20);
  }
  throw new Error('the second migrator never waited for the advisory lock');
}
