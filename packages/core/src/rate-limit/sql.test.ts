import { useTestDatabase } from '@lms/db/testing';
import { describe, expect, it } from 'vitest';
import {
  chargeRateLimitRows,
  deleteExpiredRateLimits,
  deleteRateLimitRows,
  refundRateLimitRows,
} from './sql';

const database = useTestDatabase();

describe('rate-limit sql', () => {
  const now = new Date('2020-01-01T10:00:00Z');

  it('charges, refunds and deletes counters', async () => {
    const first = await chargeRateLimitRows(database.db, ['a', 'b'], [60, 120], now);
    expect(first.map((row) => [row.key, row.hits]).sort()).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect(first.find((row) => row.key === 'b')?.windowEnd).toEqual(
      new Date('2020-01-01T10:02:00Z'),
    );
    const second = await chargeRateLimitRows(database.db, ['a'], [60], now);
    expect(second).toEqual([{ key: 'a', hits: 2, windowEnd: new Date('2020-01-01T10:01:00Z') }]);
    // A window that has ended starts again at 1.
    const later = new Date('2020-01-01T10:05:00Z');
    expect((await chargeRateLimitRows(database.db, ['a'], [60], later))[0]?.hits).toBe(1);

    expect(await refundRateLimitRows(database.db, ['a', 'b'])).toBe(2);
    const hits = await database.db.rateLimit.findMany({
      orderBy: { key: 'asc' },
      select: { hits: true },
    });
    expect(hits).toEqual([{ hits: 0 }, { hits: 0 }]);

    expect(await deleteRateLimitRows(database.db, ['b'])).toBe(1);
    // "a" ended in 2020-01-01T10:06Z, long over an hour before the real now().
    expect(await deleteExpiredRateLimits(database.db)).toBe(1);
    expect(await database.db.rateLimit.count()).toBe(0);
  });

  it('keeps the counters in an UNLOGGED table (no WAL flush per limited request)', async () => {
    const [table] = await database.db.$queryRaw<{ persistence: string }[]>`
      SELECT relpersistence::text AS persistence FROM pg_class WHERE relname = 'RateLimit'`;
    expect(table).toEqual({ persistence: 'u' });
  });
});
