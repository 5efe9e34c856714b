import type { Db } from '@lms/db';

/**
 * Deletes sessions past their expiry and rate-limit rows whose window has ended (they neither
 * block nor count anything any more). A periodic job; idempotent.
 */
export async function pruneExpiredRecords(options: {
  db: Db;
  now?: Date;
}): Promise<{ sessions: number; throttles: number }> {
  const now = options.now ?? new Date();
  const sessions = await options.db.session.deleteMany({ where: { expiresAt: { lte: now } } });
  const throttles = await options.db.rateLimit.deleteMany({ where: { windowEnd: { lte: now } } });
  return { sessions: sessions.count, throttles: throttles.count };
}
