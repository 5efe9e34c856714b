import type { Db, Prisma, SqlTx } from '@lms/db';
import { UNSUBSCRIBE_URL_PLACEHOLDER, webUrl } from './layout';
import {
  ensureEmailPreference,
  insertEmailMessage,
  insertEmailMessageWithJob,
  jobQueueExists,
} from './sql';
import type { OutgoingEmail } from './templates';
import type { EmailTopic } from './topics';

/** The graphile-worker task that sends one outbox row (worker/src/tasks.ts runs it). */
export const SEND_EMAIL_TASK = 'send-email';
/** Delivery attempts before a message is marked FAILED (backoff between them: see deliver-email). */
export const MAX_EMAIL_ATTEMPTS = 12;
/** The job that sends one outbox row. */
export const SEND_EMAIL_JOB = { task: SEND_EMAIL_TASK, maxAttempts: MAX_EMAIL_ATTEMPTS } as const;

/** The database, or a transaction of it: the mail commits or rolls back with the caller's work. */
export type DbOrTx = Db | Prisma.TransactionClient;

export type EnqueueResult =
  | { queued: true; id: string }
  | { queued: false; reason: 'duplicate' | 'unsubscribed' };

/** The one-click unsubscribe address of a token and topic (RFC 8058; also the footer link). */
export function unsubscribeUrl(token: string, topic: EmailTopic): string {
  return webUrl(`/unsubscribe/${encodeURIComponent(token)}?topic=${encodeURIComponent(topic)}`);
}

/** The user's preference row (created with everything on), for the topic check and the token. */
async function preferenceOf(tx: DbOrTx, userId: string) {
  await ensureEmailPreference(tx, userId);
  return tx.emailPreference.findUniqueOrThrow({ where: { userId } });
}

/** Whether graphile-worker's schema exists here (the API and workers create it at start). */
let queuePresent = false;
export async function hasQueue(tx: SqlTx): Promise<boolean> {
  if (queuePresent) return true;
  queuePresent = await jobQueueExists(tx);
  return queuePresent;
}

/**
 * Forgets the answer of `hasQueue`. For test workers only: one process there runs several test
 * files one after the other (`isolate: false`), each on a database of its own, with or without
 * the queue (test/support/shared-worker-setup.ts calls it before every file).
 */
export function forgetJobQueueCheck(): void {
  queuePresent = false;
}

const deferredJobs = new WeakMap<object, string[]>();

/**
 * Mail queued in `tx` from now on gets its row without its send job, and its id is added to
 * `ids`; the caller passes them to `wakeEmailSender` once `tx` has committed. For hot write
 * paths: a job added inside the transaction sends a NOTIFY, and PostgreSQL serialises the
 * commits of notifying transactions (ARCHITECTURE.md, "Receipt jobs added after the payment
 * commits").
 */
export function deferEmailJobs(tx: SqlTx, ids: string[]): void {
  deferredJobs.set(tx, ids);
}

async function insert(
  tx: DbOrTx,
  email: OutgoingEmail,
  deferred: string[] | undefined,
): Promise<EnqueueResult> {
  let { html, text } = email;
  let headers: Record<string, string> = {};
  if (email.topic) {
    if (!email.userId) {
      throw new Error(`The ${email.template} email needs the recipient's userId.`);
    }
    const preference = await preferenceOf(tx, email.userId);
    if (!preference[email.topic]) return { queued: false, reason: 'unsubscribed' };
    const url = unsubscribeUrl(preference.unsubscribeToken, email.topic);
    html = html.replaceAll(UNSUBSCRIBE_URL_PLACEHOLDER, url.replace(/&/g, '&amp;'));
    text = text.replaceAll(UNSUBSCRIBE_URL_PLACEHOLDER, url);
    headers = {
      'List-Unsubscribe': `<${url}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    };
  }
  return insertRow(tx, { ...email, html, text, headers }, deferred);
}

/** The outbox row (and its job, unless deferred): one statement, raw SQL. */
async function insertRow(
  tx: SqlTx,
  message: OutgoingEmail & { headers: Record<string, string> },
  deferred: string[] | undefined,
): Promise<EnqueueResult> {
  if (deferred) {
    const id = await insertEmailMessage(tx, message);
    if (!id) return { queued: false, reason: 'duplicate' };
    deferred.push(id);
    return { queued: true, id };
  }
  // Wake a worker in the same transaction (graphile-worker's own SQL API, in the same statement
  // as the outbox row: the job exists only if this commits, and its NOTIFY fires at commit).
  // Without the queue schema (scripts, unit tests), the periodic sweep sends the row.
  const id = (await hasQueue(tx))
    ? await insertEmailMessageWithJob(tx, message, SEND_EMAIL_JOB)
    : await insertEmailMessage(tx, message);
  if (!id) return { queued: false, reason: 'duplicate' };
  return { queued: true, id };
}

/**
 * The Outbox API: queues a rendered email (see `renderEmail`) as a row of the outbox, in the
 * caller's transaction when `tx` is one: a rolled-back transaction sends nothing, a committed
 * one is delivered by the job worker (retried until the SMTP server takes it). Notifications
 * (a topic) are skipped when the recipient turned that topic off, and carry List-Unsubscribe.
 * A message with a dedupeKey already queued is not queued again.
 */
export async function enqueueEmail(tx: DbOrTx, email: OutgoingEmail): Promise<EnqueueResult> {
  const deferred = deferredJobs.get(tx);
  if ('$transaction' in tx) return tx.$transaction((inner) => insert(inner, email, deferred));
  return insert(tx, email, deferred);
}

/**
 * `enqueueEmail` for a transactional email (no topic: no preference to read, no unsubscribe
 * link), on raw SQL alone: one statement, so a hot-write transaction (`SqlTx`) can queue it.
 * An email with a topic is refused: it needs `enqueueEmail`.
 */
export async function enqueueTransactionalEmail(
  tx: SqlTx,
  email: OutgoingEmail,
): Promise<EnqueueResult> {
  if (email.topic) {
    throw new Error(
      `The ${email.template} email has a topic: queue it with enqueueEmail, which reads the recipient's preference.`,
    );
  }
  return insertRow(tx, { ...email, headers: {} }, deferredJobs.get(tx));
}
