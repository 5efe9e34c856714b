import { randomBytes } from 'node:crypto';
import { pruneExpiredRecords } from '@lms/core';
import { type TestDatabase } from '@lms/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSeededDatabase } from '../support/seeded-database';

let database: TestDatabase;
beforeAll(async () => {
  database = await createSeededDatabase();
});
afterAll(async () => {
  await database?.drop();
});

it('deletes expired sessions and ended rate-limit windows, and keeps live ones', async () => {
  const { db } = database;
  const now = new Date('2026-11-29T12:00:00Z');
  const user = await db.user.findFirstOrThrow({ select: { id: true } });
  const session = (expiresAt: Date) =>
    db.session.create({
      data: { userId: user.id, tokenHash: randomBytes(32).toString('hex'), expiresAt },
      select: { id: true },
    });
  const expired = await session(new Date(now.getTime() - 1000));
  const live = await session(new Date(now.getTime() + 3600_000));
  await db.rateLimit.createMany({
    data: [
      { key: 'test:ended', hits: 3, windowEnd: new Date(now.getTime() - 1000) },
      { key: 'test:open', hits: 3, windowEnd: new Date(now.getTime() + 60_000) },
    ],
  });

  const pruned = await pruneExpiredRecords({ db, now });

  expect(pruned.sessions).toBeGreaterThanOrEqual(1);
  expect(await db.session.count({ where: { id: expired.id } })).toBe(0);
  expect(await db.session.count({ where: { id: live.id } })).toBe(1);
  expect(await db.rateLimit.count({ where: { key: 'test:ended' } })).toBe(0);
  expect(await db.rateLimit.count({ where: { key: 'test:open' } })).toBe(1);
  // Idempotent: a second run finds nothing of these to delete.
  await pruneExpiredRecords({ db, now });
  expect(await db.session.count({ where: { id: live.id } })).toBe(1);
});
