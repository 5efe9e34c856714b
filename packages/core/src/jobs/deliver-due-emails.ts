import type { Db } from '@lms/db';
import { deliverEmail, type MailTransport } from './deliver-email';
import { selectDueEmailMessageIds } from './sql';

export interface DeliverDueEmailsOptions {
  db: Db;
  transport: MailTransport;
  batchSize?: number;
  parallel?: number;
}

/**
 * The safety net (a periodic task): sends every PENDING row whose retry time has come and every
 * SENDING row whose worker died, in batches, a few at a time. Returns how many were sent.
 */
export async function deliverDueEmails(
  options: DeliverDueEmailsOptions,
): Promise<{ sent: number; failed: number }> {
  const { db, transport } = options;
  const batchSize = options.batchSize ?? 200;
  const parallel = options.parallel ?? 4;
  let sent = 0;
  let failed = 0;
  const tried = new Set<string>();
  for (;;) {
    const due = await selectDueEmailMessageIds(db, batchSize);
    const fresh = due.filter((row) => !tried.has(row.id));
    if (fresh.length === 0) return { sent, failed };
    for (let i = 0; i < fresh.length; i += parallel) {
      const outcomes = await Promise.all(
        fresh.slice(i, i + parallel).map((row) => {
          tried.add(row.id);
          return deliverEmail({ db, id: row.id, transport });
        }),
      );
      sent += outcomes.filter((outcome) => outcome === 'sent').length;
      failed += outcomes.filter((outcome) => outcome === 'retry' || outcome === 'failed').length;
    }
  }
}
