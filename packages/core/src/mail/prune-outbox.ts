import type { Db } from '@lms/db';

/** How long a sent message is kept (support questions: "did the receipt go out?"). */
export const SENT_EMAIL_RETENTION_DAYS = 30;
/** How long a message that could not be delivered is kept for an operator to look at. */
export const FAILED_EMAIL_RETENTION_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes outbox rows that are done and old: the outbox holds addresses and names, so it keeps
 * them no longer than needed. PENDING and SENDING rows are never touched. A daily job; idempotent.
 */
export async function pruneEmailOutbox(options: {
  db: Db;
  now?: Date;
}): Promise<{ sent: number; failed: number }> {
  const now = (options.now ?? new Date()).getTime();
  const sent = await options.db.emailMessage.deleteMany({
    where: { status: 'SENT', sentAt: { lt: new Date(now - SENT_EMAIL_RETENTION_DAYS * DAY_MS) } },
  });
  const failed = await options.db.emailMessage.deleteMany({
    where: {
      status: 'FAILED',
      createdAt: { lt: new Date(now - FAILED_EMAIL_RETENTION_DAYS * DAY_MS) },
    },
  });
  return { sent: sent.count, failed: failed.count };
}
