import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { createPrismaClient, hotReads, hotWrites, prepared, type SqlTx } from './client';
import { Prisma } from './generated/client';
import { useTestDatabase } from './testing';

describe('createPrismaClient', () => {
  const database = useTestDatabase();

  it('keeps running when the server closes an idle pooled connection (restart, failover)', async () => {
    const fixture = fileURLToPath(
      new URL('./test-fixtures/hot-read-after-server-closed.ts', import.meta.url),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, database.url], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await expect.poll(() => stdout, { timeout: 20_000 }).toMatch(/pid \d+/);
    const pid = Number(/pid (\d+)/.exec(stdout)?.[1]);

    const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
    await admin.connect();
    try {
      const { rows } = await admin.query('SELECT pg_terminate_backend($1) AS done', [pid]);
      expect(rows[0].done).toBe(true);
    } finally {
      await admin.end();
    }
    await sleep(300); // the FATAL message reaches the idle connection
    child.stdin.end('go\n');

    expect({ code: await exited, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('read 1');
  });
});

describe('createPrismaClient: idle connections', () => {
  const database = useTestDatabase();

  /** Opens `count` pooled connections at once; answers their backend pids. */
  async function openConnections(db: ReturnType<typeof createPrismaClient>, count: number) {
    const rows = await Promise.all(
      Array.from({ length: count }, () =>
        hotReads(db).rows<{ pid: number }>(
          Prisma.sql`SELECT pg_backend_pid() AS pid FROM pg_sleep(0.2)`,
        ),
      ),
    );
    return rows.map((row) => row[0]!.pid);
  }

  async function alive(pids: number[]): Promise<number> {
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      const { rows } = await admin.query(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ANY($1::int[])',
        [pids],
      );
      return rows[0].n;
    } finally {
      await admin.end();
    }
  }

  // A burst after a quiet spell must not wait for new connections (fork, SCRAM, cold caches,
  // statements prepared again): measured on the 2-core box, 0.7-3 s p50 for the next seconds.
  it('keeps poolMin connections open past the idle timeout and closes the others', async () => {
    const kept = createPrismaClient({
      databaseUrl: database.url,
      poolMax: 4,
      poolMin: 2,
      idleTimeoutMs: 200,
    });
    const closing = createPrismaClient({
      databaseUrl: database.url,
      poolMax: 4,
      idleTimeoutMs: 200,
    });
    try {
      const keptPids = await openConnections(kept, 4);
      const closingPids = await openConnections(closing, 4);
      expect(new Set(keptPids).size).toBe(4);
      await expect.poll(() => alive(closingPids), { timeout: 5_000 }).toBe(0);
      expect(await alive(keptPids)).toBe(2);
    } finally {
      await kept.$disconnect();
      await closing.$disconnect();
    }
  });
});

describe('hotWrites', () => {
  const database = useTestDatabase();

  async function probe() {
    const statements: string[] = [];
    // One connection: a transaction left open or aborted would break the next one.
    const db = createPrismaClient({
      databaseUrl: database.url,
      poolMax: 1,
      onQuery: (sql) => statements.push(sql),
    });
    await db.$executeRaw`CREATE TABLE IF NOT EXISTS hot_write_probe (v int PRIMARY KEY)`;
    await db.$executeRaw`TRUNCATE hot_write_probe`;
    statements.length = 0;
    const values = async () =>
      (await db.$queryRaw<{ v: number }[]>`SELECT v FROM hot_write_probe ORDER BY v`).map(
        (row) => row.v,
      );
    return { db, statements, values };
  }

  it('commits raw SQL run on one pooled pg connection, and reports every statement', async () => {
    const { db, statements, values } = await probe();
    try {
      const result = await hotWrites(db).transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO hot_write_probe (v) VALUES (${1})`;
        const rows = await tx.$queryRaw<{ v: number }[]>(
          Prisma.sql`INSERT INTO hot_write_probe (v) VALUES (${2}) RETURNING v`,
        );
        return rows[0]?.v;
      });
      expect(result).toBe(2);
      expect(statements.map((sql) => sql.split(' ')[0])).toEqual([
        'BEGIN',
        'INSERT',
        'INSERT',
        'COMMIT',
      ]);
      expect(await values()).toEqual([1, 2]);
    } finally {
      await db.$disconnect();
    }
  });

  it('rolls back and rethrows when the work throws, and leaves the connection usable', async () => {
    const { db, values } = await probe();
    try {
      await expect(
        hotWrites(db).transaction(async (tx) => {
          await tx.$executeRaw`INSERT INTO hot_write_probe (v) VALUES (${1})`;
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      // A failing statement aborts the transaction: rolled back the same way.
      await expect(
        hotWrites(db).transaction(async (tx) => {
          await tx.$executeRaw`INSERT INTO hot_write_probe (v) VALUES (${3})`;
          await tx.$executeRaw`INSERT INTO hot_write_probe (v) VALUES (${3})`;
        }),
      ).rejects.toThrow(/duplicate key/);
      expect(await values()).toEqual([]);
      await hotWrites(db).transaction(
        (tx) => tx.$executeRaw`INSERT INTO hot_write_probe (v) VALUES (${4})`,
      );
      expect(await values()).toEqual([4]);
    } finally {
      await db.$disconnect();
    }
  });

  it('refuses a statement on the transaction after it ended', async () => {
    const { db, values } = await probe();
    try {
      let leaked: SqlTx | undefined;
      await hotWrites(db).transaction(async (tx) => {
        leaked = tx;
      });
      await expect(
        leaked!.$executeRaw`INSERT INTO hot_write_probe (v) VALUES (${5})`,
      ).rejects.toThrow('used after it ended');
      expect(await values()).toEqual([]);
    } finally {
      await db.$disconnect();
    }
  });
});

describe('hotReads prepared statements', () => {
  const database = useTestDatabase();

  it('runs a statement asked to be prepared as a named prepared statement, once per text', async () => {
    // One connection: the prepared statements of a session are visible only in that session.
    const db = createPrismaClient({ databaseUrl: database.url, poolMax: 1 });
    try {
      const reads = hotReads(db);
      const statement = (n: number) =>
        Prisma.sql`SELECT ${n}::int + 1 AS "next" /* prepared probe */`;
      expect(await reads.rows(statement(1), { prepare: true })).toEqual([{ next: 2 }]);
      expect(await reads.rows(statement(41), { prepare: true })).toEqual([{ next: 42 }]);
      // Not asked: an unnamed statement, parsed and planned each time.
      await reads.rows(Prisma.sql`SELECT ${3}::int AS "n" /* unprepared probe */`);
      const named = await reads.rows<{ name: string; statement: string }>(
        Prisma.sql`SELECT name, statement FROM pg_prepared_statements ORDER BY name`,
      );
      expect(named.filter((row) => row.statement.includes('probe'))).toEqual([
        { name: expect.stringMatching(/^lms_hot_\d+$/), statement: statement(0).text },
      ]);
    } finally {
      await db.$disconnect();
    }
  });

  it('runs a statement marked `prepared` as a named prepared statement in a hot-write transaction', async () => {
    const db = createPrismaClient({ databaseUrl: database.url, poolMax: 1 });
    try {
      const statement = (n: number) =>
        prepared(Prisma.sql`SELECT ${n}::int * 2 AS "double" /* hot-write prepared probe */`);
      const named = await hotWrites(db).transaction(async (tx) => {
        expect(await tx.$queryRaw(statement(2))).toEqual([{ double: 4 }]);
        expect(await tx.$queryRaw(statement(21))).toEqual([{ double: 42 }]);
        // Not marked: unnamed.
        await tx.$queryRaw`SELECT ${1}::int AS "n" /* hot-write unprepared probe */`;
        return tx.$queryRaw<{ statement: string }[]>`
          SELECT statement FROM pg_prepared_statements WHERE statement LIKE '%hot-write%probe%'`;
      });
      expect(named).toEqual([{ statement: statement(0).text }]);
      // A hot read asked on a transaction (no pool of its own) passes the mark on.
      const viaTx = await hotWrites(db).transaction(async (tx) => {
        const reads = hotReads(tx as unknown as Parameters<typeof hotReads>[0]);
        const text = Prisma.sql`SELECT ${5}::int AS "five" /* hot read in a hot write probe */`;
        expect(await reads.rows(text, { prepare: true })).toEqual([{ five: 5 }]);
        return tx.$queryRaw<{ statement: string }[]>`
          SELECT statement FROM pg_prepared_statements WHERE statement LIKE '%hot read in a hot write%'`;
      });
      expect(viaTx).toHaveLength(1);
      // Prisma's own transaction ignores the mark.
      expect(await db.$transaction((tx) => tx.$queryRaw(statement(3)))).toEqual([{ double: 6 }]);
    } finally {
      await db.$disconnect();
    }
  });

  it('prepares nothing when the client is told not to (a pooler without prepared statements)', async () => {
    const db = createPrismaClient({
      databaseUrl: database.url,
      poolMax: 1,
      preparedStatements: false,
    });
    try {
      const reads = hotReads(db);
      const statement = Prisma.sql`SELECT ${1}::int + 1 AS "next" /* never prepared probe */`;
      expect(await reads.rows(statement, { prepare: true })).toEqual([{ next: 2 }]);
      const marked = prepared(Prisma.sql`SELECT ${1}::int AS "n" /* never prepared probe */`);
      expect(await hotWrites(db).transaction((tx) => tx.$queryRaw(marked))).toEqual([{ n: 1 }]);
      const named = await reads.rows<{ statement: string }>(
        Prisma.sql`SELECT statement FROM pg_prepared_statements`,
      );
      expect(named.filter((row) => row.statement.includes('probe'))).toEqual([]);
    } finally {
      await db.$disconnect();
    }
  });
});
