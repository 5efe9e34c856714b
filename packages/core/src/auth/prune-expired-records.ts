import type { Db } from '@lms/db';

/** Throttle rows idle this long carry no information any more (windows are minutes long). */
const THROTTLE_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes sessions past their expiry and sign-in throttle rows that neither block nor count
 * anything any more (periodic job; idempotent).
 */
export async function pruneExpiredRecords(options: {
  db: Db;
  now?: Date;
}): Promise<{ sessions: number; throttles: number }> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - THROTTLE_RETENTION_MS);
  const sessions = await options.db.session.deleteMany({ where: { expiresAt: { lte: now } } });
  const throttles = await options.db.signInThrottle.deleteMany({
    where: {
      windowStart: { lt: cutoff },
      OR: [{ blockedUntil: null }, { blockedUntil: { lt: now } }],
    },
  });
  return { sessions: sessions.count, throttles: throttles.count };
}
