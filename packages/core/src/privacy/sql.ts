// Every SQL statement of privacy, each a named, typed function (CONTRIBUTING.md, "SQL").
// Run against the migrated database by api/src/modules/privacy/privacy.test.ts (a deletion runs
// every step, then every text column of every table is searched for the erased address).
import type { Tx } from '../db/tx';

/** A case-insensitive regular expression matching `text` literally. */
function literalPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Row locks on every enrolment of the person, in id order, before the person's own row: the
 * lock order is enrolment, then learner (a completing submission holds its enrolment and then
 * reads the learner FOR SHARE), so a deletion racing it waits instead of deadlocking.
 */
export async function lockEnrollmentsForDeletion(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`
      SELECT 1 FROM "Enrollment" WHERE "userId" = ${userId}::uuid ORDER BY "id" FOR NO KEY UPDATE`;
}

/** Locks the user row until the transaction ends and reads when it was deleted (null: not). */
export async function lockUserForDeletion(
  tx: Tx,
  userId: string,
): Promise<{ deletedAt: Date | null }[]> {
  return tx.$queryRaw<{ deletedAt: Date | null }[]>`
      SELECT "deletedAt" FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
}

/** Deletes every rate-limit counter whose key contains the (lower-case) address. */
export async function deleteRateLimitsNaming(tx: Tx, email: string): Promise<number> {
  return tx.$executeRaw`DELETE FROM "RateLimit" WHERE position(${email} in lower("key")) > 0`;
}

/** Deletes the outbox rows to the person, of the person, or naming the (lower-case) address. */
export async function deleteEmailMessagesOf(
  tx: Tx,
  userId: string,
  email: string,
): Promise<number> {
  return tx.$executeRaw`
      DELETE FROM "EmailMessage"
       WHERE "userId" = ${userId}::uuid
          OR lower("toAddress") = ${email}
          OR position(${email} in lower("text")) > 0
          OR position(${email} in lower("html")) > 0
          OR position(${email} in lower("headers"::text)) > 0`;
}

/** Replaces the address by "[erased]" (any case) in every stored Stripe payload naming it. */
export async function redactPaymentEventPayloads(tx: Tx, email: string): Promise<number> {
  return tx.$executeRaw`
      UPDATE "PaymentEvent"
         SET "payload" = regexp_replace("payload"::text, ${literalPattern(email)}, '[erased]', 'gi')::jsonb
       WHERE "payload"::text ILIKE ${`%${email.replace(/[\\%_]/g, '\\$&')}%`}`;
}
