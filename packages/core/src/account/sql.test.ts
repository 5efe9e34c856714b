import { useTestDatabase } from '@lms/db/testing';
import { describe, expect, it } from 'vitest';
import { deleteAccountTokenReturning, deleteSignInGuessCounters, upsertAccountToken } from './sql';

const database = useTestDatabase();

describe('account sql', () => {
  it('keeps one link per kind and hands it out once', async () => {
    const user = await database.db.user.create({
      data: { email: 'sql-account@example.test', name: 'Ada', passwordHash: 'x' },
    });
    const now = new Date('2026-11-30T10:00:00Z');
    const expiresAt = new Date('2026-11-30T11:00:00Z');
    const link = { userId: user.id, kind: 'PASSWORD_RESET' as const, email: user.email, now };
    await upsertAccountToken(database.db, { ...link, tokenHash: 'first', expiresAt });
    await upsertAccountToken(database.db, { ...link, tokenHash: 'second', expiresAt });
    expect(await database.db.accountToken.count()).toBe(1);

    expect(await deleteAccountTokenReturning(database.db, 'first', ['PASSWORD_RESET'])).toEqual([]);
    expect(await deleteAccountTokenReturning(database.db, 'second', ['EMAIL_CHANGE'])).toEqual([]);
    expect(await deleteAccountTokenReturning(database.db, 'second', ['PASSWORD_RESET'])).toEqual([
      { userId: user.id, kind: 'PASSWORD_RESET', email: user.email, expiresAt },
    ]);
    expect(await deleteAccountTokenReturning(database.db, 'second', ['PASSWORD_RESET'])).toEqual(
      [],
    );
  });

  it('deletes only the sign-in guess counters of that account', async () => {
    const windowEnd = new Date('2026-11-30T11:00:00Z');
    await database.db.rateLimit.createMany({
      data: [
        'signin-guess:account:a@example.test',
        'signin-guess:pair:a@example.test|203.0.113.7',
        'signin-guess:pair:ab@example.test|203.0.113.7',
        'signin-guess:address:203.0.113.7',
      ].map((key) => ({ key, hits: 1, windowEnd })),
    });
    expect(await deleteSignInGuessCounters(database.db, 'a@example.test')).toBe(2);
    expect(
      (await database.db.rateLimit.findMany({ orderBy: { key: 'asc' } })).map((r) => r.key),
    ).toEqual([
      'signin-guess:address:203.0.113.7',
      'signin-guess:pair:ab@example.test|203.0.113.7',
    ]);
  });
});
