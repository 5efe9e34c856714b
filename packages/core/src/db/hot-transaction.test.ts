// tryHotTransaction on a real database: raw SQL commits on the pg path; anything else rolls the
// attempt back and says so, so the caller can run the same work in Prisma's transaction.
import { createUser, useTestDatabase } from '@lms/db/testing';
import { describe, expect, it } from 'vitest';
import { NEEDS_PRISMA, tryHotTransaction } from './hot-transaction';

const t = useTestDatabase();

async function names(): Promise<string[]> {
  const rows = await t.db.$queryRaw<{ name: string }[]>`
    SELECT "name" FROM "User" WHERE "email" LIKE 'hot-tx-%' ORDER BY "name"`;
  return rows.map((row) => row.name);
}

function insertUser(tx: { $executeRaw: typeof t.db.$executeRaw }, name: string) {
  return tx.$executeRaw`
    INSERT INTO "User" ("email", "name", "passwordHash")
    VALUES (${`hot-tx-${name}@example.com`}, ${name}, '!')`;
}

describe('tryHotTransaction', () => {
  it('commits work that is raw SQL only and answers its result', async () => {
    const result = await tryHotTransaction(t.db, async (tx) => {
      expect('$transaction' in tx).toBe(false);
      return insertUser(tx, 'raw only');
    });
    expect(result).toBe(1);
    expect(await names()).toEqual(['raw only']);
  });

  it('rolls back and answers NEEDS_PRISMA at the first model call, even one the work catches', async () => {
    const someone = await createUser(t.db);
    const direct = await tryHotTransaction(t.db, async (tx) => {
      await insertUser(tx, 'before a model call');
      return tx.user.findUnique({ where: { id: someone.id } });
    });
    expect(direct).toBe(NEEDS_PRISMA);
    const swallowed = await tryHotTransaction(t.db, async (tx) => {
      await insertUser(tx, 'before a caught model call');
      await Promise.resolve()
        .then(() => tx.auditLog.count())
        .catch(() => 0);
      return insertUser(tx, 'after a caught model call');
    });
    expect(swallowed).toBe(NEEDS_PRISMA);
    expect(await names()).toEqual(['raw only']);
  });

  it('rolls back and rethrows any other error', async () => {
    await expect(
      tryHotTransaction(t.db, async (tx) => {
        await insertUser(tx, 'then a failure');
        throw new Error('payment provider said no');
      }),
    ).rejects.toThrow('payment provider said no');
    expect(await names()).toEqual(['raw only']);
  });
});
