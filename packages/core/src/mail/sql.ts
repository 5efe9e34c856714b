// Every SQL statement of mail, each a named, typed function (CONTRIBUTING.md, "SQL").
import { Prisma, prepared, type SqlTx } from '@lms/db';
import type { OutgoingEmail } from './templates';

/** Creates the user's preference row (everything on) unless it exists. */
export async function ensureEmailPreference(tx: SqlTx, userId: string): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "EmailPreference" ("userId") VALUES (${userId}::uuid)
    ON CONFLICT ("userId") DO NOTHING`;
}

/** A user's id, email address and name (the recipient of a mail), or null. */
export async function selectRecipient(
  tx: SqlTx,
  userId: string,
): Promise<{ id: string; email: string; name: string } | null> {
  const rows = await tx.$queryRaw<{ id: string; email: string; name: string }[]>`
    SELECT "id", "email", "name" FROM "User" WHERE "id" = ${userId}::uuid`;
  return rows[0] ?? null;
}

/** Whether graphile-worker's schema (its `add_job` function) exists in this database. */
export async function jobQueueExists(tx: SqlTx): Promise<boolean> {
  const rows = await tx.$queryRaw<{ present: boolean }[]>`
    SELECT to_regprocedure('graphile_worker.add_job(text,json,text,timestamptz,integer,text,integer,text[],text)') IS NOT NULL AS present`;
  return rows[0]?.present === true;
}

/**
 * Inserts an outbox row; returns its id, or null when a row with the same dedupeKey exists
 * (ON CONFLICT DO NOTHING: racing duplicates queue one message).
 */
export async function insertEmailMessage(
  tx: SqlTx,
  email: OutgoingEmail & { headers: Record<string, string> },
): Promise<string | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>(
    prepared(Prisma.sql`
    INSERT INTO "EmailMessage"
      ("toAddress", "subject", "html", "text", "headers", "attachments", "template", "topic", "userId", "dedupeKey")
    VALUES (${email.to}, ${email.subject}, ${email.html}, ${email.text}, ${JSON.stringify(email.headers)}::jsonb,
      ${JSON.stringify(email.attachments)}::jsonb, ${email.template}, ${email.topic},
      ${email.userId}::uuid, ${email.dedupeKey})
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING "id"`),
  );
  return rows[0]?.id ?? null;
}

/**
 * `insertEmailMessage` and graphile-worker's `add_job` in ONE statement: inserts the outbox row and, when it was
 * new, queues graphile-worker's `task` for it (payload `{ id }`, job key `email:<id>`), in the
 * caller's transaction. Returns the id, or null for a duplicate dedupeKey (no job then).
 */
export async function insertEmailMessageWithJob(
  tx: SqlTx,
  email: OutgoingEmail & { headers: Record<string, string> },
  job: { task: string; maxAttempts: number },
): Promise<string | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    WITH message AS (
      INSERT INTO "EmailMessage"
        ("toAddress", "subject", "html", "text", "headers", "attachments", "template", "topic", "userId", "dedupeKey")
      VALUES (${email.to}, ${email.subject}, ${email.html}, ${email.text}, ${JSON.stringify(email.headers)}::jsonb,
        ${JSON.stringify(email.attachments)}::jsonb, ${email.template}, ${email.topic},
        ${email.userId}::uuid, ${email.dedupeKey})
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING "id"
    )
    SELECT m."id" FROM message m,
      LATERAL graphile_worker.add_job(
        ${job.task}, json_build_object('id', m."id"::text),
        max_attempts := ${job.maxAttempts}::int, job_key := 'email:' || m."id"::text) AS j`;
  return rows[0]?.id ?? null;
}

/**
 * graphile-worker's `add_jobs` for outbox rows queued without their job (one `job_spec` each,
 * payload `{ id }`, job key `email:<id>`): one statement, so one NOTIFY, however many rows.
 */
export async function addEmailJobs(
  db: SqlTx,
  ids: string[],
  job: { task: string; maxAttempts: number },
): Promise<number> {
  const rows = await db.$queryRaw<{ added: number }[]>`
    SELECT count(*)::int AS added FROM graphile_worker.add_jobs(ARRAY(
      SELECT ROW(${job.task}, json_build_object('id', id::text), NULL, NULL,
        ${job.maxAttempts}::int, 'email:' || id::text, NULL, NULL)::graphile_worker.job_spec
      FROM unnest(${ids}::uuid[]) AS id))`;
  return rows[0]?.added ?? 0;
}
