// writeTransaction on a real database: raw SQL commits on the pg path;
// work that needs Prisma rolls the attempt back and runs in Prisma's transaction.
import type { SqlTx } from '@lms/db';
import { createUser, useTestDatabase } from '@lms/db/testing';
import { describe, expect, it } from 'vitest';
import { NEEDS_PRISMA, type WriteTx, writeTransaction } from './hot-transaction';

const t = useTestDatabase();

async function names(): Promise<string[]> {
  const rows = await t.db.$queryRaw<{ name: string }[]>`
    SELECT "name" FROM "User" WHERE "email" LIKE 'hot-tx-%' ORDER BY "name"`;
  return rows.map((row) => row.name);
}

function insertUser(tx: SqlTx, name: string) {
  return tx.$executeRaw`
    INSERT INTO "User" ("email", "name", "passwordHash")
    VALUES (${`hot-tx-${name}@example.com`}, ${name}, '!')`;
}

describe('writeTransaction', () => {
  it('commits raw SQL on the hot path, where there is no Prisma client', async () => {
    const seen: (string | null)[] = [];
    const result = await writeTransaction(t.db, async (tx) => {
      seen.push(tx.prisma === null ? null : 'prisma');
      return insertUser(tx.sql, 'hot write');
    });
    expect(result).toBe(1);
    expect(seen).toEqual([null]);
    expect(await names()).toEqual(['hot write']);
    await t.db.$executeRaw`DELETE FROM "User" WHERE "email" LIKE 'hot-tx-%'`;
  });

  it('rolls the hot attempt back on NEEDS_PRISMA and runs the work again in Prisma', async () => {
    const someone = await createUser(t.db);
    const attempts: string[] = [];
    const result = await writeTransaction(t.db, async (tx) => {
      attempts.push(tx.prisma ? 'prisma' : 'hot');
      await insertUser(
        tx.sql,
        `written by the ${attempts.length === 1 ? 'hot' : 'prisma'} attempt`,
      );
      if (!tx.prisma) return NEEDS_PRISMA;
      return (await tx.prisma.user.findUniqueOrThrow({ where: { id: someone.id } })).id;
    });
    expect(result).toBe(someone.id);
    expect(attempts).toEqual(['hot', 'prisma']);
    expect(await names()).toEqual(['written by the prisma attempt']);
    await t.db.$executeRaw`DELETE FROM "User" WHERE "email" LIKE 'hot-tx-%'`;
  });

  it('goes to Prisma at once with hot: false, and rolls back and rethrows an error', async () => {
    const attempts: string[] = [];
    await writeTransaction(
      t.db,
      async (tx) => {
        attempts.push(tx.prisma ? 'prisma' : 'hot');
        return insertUser(tx.sql, 'cold write');
      },
      { hot: false },
    );
    expect(attempts).toEqual(['prisma']);
    await expect(
      writeTransaction(t.db, async (tx) => {
        await insertUser(tx.sql, 'then a failure');
        throw new Error('payment provider said no');
      }),
    ).rejects.toThrow('payment provider said no');
    expect(await names()).toEqual(['cold write']);
    await t.db.$executeRaw`DELETE FROM "User" WHERE "email" LIKE 'hot-tx-%'`;
  });

  it('makes a model call on the hot path a type error (pnpm typecheck checks this file)', () => {
    const modelCallOnTheHotPath = (tx: WriteTx) =>
      // @ts-expect-error `sql` has raw SQL only: the hot path cannot reach Prisma's model API.
      tx.sql.user.count();
    const prismaMayBeNull = (tx: WriteTx) =>
      // @ts-expect-error `prisma` is null on the hot path: the work must check it first.
      tx.prisma.user.count();
    expect([modelCallOnTheHotPath, prismaMayBeNull]).toHaveLength(2);
  });
});
