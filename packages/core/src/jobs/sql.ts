// Every SQL statement of the job worker, each a named, typed function (CONTRIBUTING.md, "SQL").
import type { Db } from '@lms/db';
import type { EmailAttachmentRef } from '../mail/templates';

/** An outbox row a worker claimed, with what it needs to send it. */
export interface ClaimedRow {
  id: string;
  toAddress: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  attachments: EmailAttachmentRef[];
  userId: string | null;
  attempts: number;
}

/**
 * Claims the outbox row for `leaseSeconds` (PENDING, or SENDING whose lease ran out) and counts
 * the attempt; no row when another worker holds it or it is done.
 */
export async function claimEmailMessage(
  db: Db,
  id: string,
  leaseSeconds: number,
): Promise<ClaimedRow[]> {
  return db.$queryRaw<ClaimedRow[]>`
    UPDATE "EmailMessage"
    SET "status" = 'SENDING', "attempts" = "attempts" + 1,
        "lockedUntil" = now() + make_interval(secs => ${leaseSeconds})
    WHERE "id" = ${id}::uuid
      AND ("status" = 'PENDING' OR ("status" = 'SENDING' AND "lockedUntil" < now()))
    RETURNING "id", "toAddress", "subject", "html", "text", "headers", "attachments", "userId", "attempts"`;
}

/** Marks the row FAILED for good, with its error. */
export async function failEmailMessage(db: Db, id: string, lastError: string): Promise<number> {
  return db.$executeRaw`
      UPDATE "EmailMessage" SET "status" = 'FAILED', "lockedUntil" = NULL,
        "lastError" = ${lastError}
      WHERE "id" = ${id}::uuid`;
}

/** Hands a row this worker still holds back after a failed send: PENDING (retried later) or FAILED. */
export async function releaseEmailMessage(
  db: Db,
  id: string,
  outcome: { status: 'PENDING' | 'FAILED'; lastError: string; retryDelaySeconds: number },
): Promise<number> {
  return db.$executeRaw`
      UPDATE "EmailMessage"
      SET "status" = ${outcome.status}::"EmailStatus", "lockedUntil" = NULL,
          "lastError" = ${outcome.lastError},
          "nextAttemptAt" = now() + make_interval(secs => ${outcome.retryDelaySeconds})
      WHERE "id" = ${id}::uuid AND "status" = 'SENDING'`;
}

/** Records that the SMTP server accepted the row. */
export async function markEmailMessageSent(db: Db, id: string): Promise<number> {
  return db.$executeRaw`
    UPDATE "EmailMessage"
    SET "status" = 'SENT', "sentAt" = now(), "lockedUntil" = NULL, "lastError" = NULL
    WHERE "id" = ${id}::uuid`;
}

/** Rows due for (another) try: PENDING whose retry time came, SENDING whose lease ran out. */
export async function selectDueEmailMessageIds(
  db: Db,
  batchSize: number,
): Promise<{ id: string }[]> {
  return db.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "EmailMessage"
      WHERE ("status" = 'PENDING' AND "nextAttemptAt" <= now())
         OR ("status" = 'SENDING' AND "lockedUntil" < now())
      ORDER BY "nextAttemptAt" LIMIT ${batchSize}`;
}
