import type { Db } from '@lms/db';

/**
 * Deletes sessions and emailed account links past their expiry, and rate-limit rows whose window has ended (they neither
 * block nor count anything any more). A periodic job; idempotent.
 */
export async function pruneExpiredRecords(options: {
  db: Db;
  now?: Date;
}): Promise<{ sessions: number; throttles: number; accountTokens: number }> {
  const now = options.now ?? new Date();
  const sessions = await options.db.session.deleteMany({ where: { expiresAt: { lte: now } } });
  const throttles = await options.db.rateLimit.deleteMany({ where: { windowEnd: { lte: now } } });
  const accountTokens = await options.db.accountToken.deleteMany({
    where: { expiresAt: { lte: now } },
  });
  return {
    sessions: sessions.count,
    throttles: throttles.count,
    accountTokens: accountTokens.count,
  };
}
