// Each statement of account/sql.ts, run against the migrated schema.
import type { Db } from '@lms/db';
import { createTestDatabase, type TestDatabase } from '@lms/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteAccountTokenReturning, deleteSignInGuessCounters, upsertAccountToken } from './sql';

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => {
  await database?.drop();
});

describe('account sql', () => {
  it('keeps one link per kind and hands it out once', async () => {
    const user = await db.user.create({
      data: { email: 'sql-account@example.test', name: 'Ada', passwordHash: 'x' },
    });
    const now = new Date('2026-11-30T10:00:00Z');
    const expiresAt = new Date('2026-11-30T11:00:00Z');
    const link = { userId: user.id, kind: 'PASSWORD_RESET' as const, email: user.email, now };
    await upsertAccountToken(db, { ...link, tokenHash: 'first', expiresAt });
    await upsertAccountToken(db, { ...link, tokenHash: 'second', expiresAt });
    expect(await db.accountToken.count()).toBe(1);

    expect(await deleteAccountTokenReturning(db, 'first', ['PASSWORD_RESET'])).toEqual([]);
    expect(await deleteAccountTokenReturning(db, 'second', ['EMAIL_CHANGE'])).toEqual([]);
    expect(await deleteAccountTokenReturning(db, 'second', ['PASSWORD_RESET'])).toEqual([
      { userId: user.id, kind: 'PASSWORD_RESET', email: user.email, expiresAt },
    ]);
    expect(await deleteAccountTokenReturning(db, 'second', ['PASSWORD_RESET'])).toEqual([]);
  });

  it('deletes only the sign-in guess counters of that account', async () => {
    const windowEnd = new Date('2026-11-30T11:00:00Z');
    await db.rateLimit.createMany({
      data: [
        'signin-guess:account:a@example.test',
        'signin-guess:pair:a@example.test|203.0.113.7',
        'signin-guess:pair:ab@example.test|203.0.113.7',
        'signin-guess:address:203.0.113.7',
      ].map((key) => ({ key, hits: 1, windowEnd })),
    });
    expect(await deleteSignInGuessCounters(db, 'a@example.test')).toBe(2);
    expect((await db.rateLimit.findMany({ orderBy: { key: 'asc' } })).map((r) => r.key)).toEqual([
      'signin-guess:address:203.0.113.7',
      'signin-guess:pair:ab@example.test|203.0.113.7',
    ]);
  });
});
