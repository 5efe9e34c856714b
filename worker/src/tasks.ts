import {
  deliverDueEmails,
  deliverEmail,
  gradeExpiredAttempt,
  gradeExpiredAttempts,
  type MailTransport,
  pruneEmailOutbox,
  pruneExpiredRecords,
  SEND_EMAIL_TASK,
  sendDailyReminders,
} from '@lms/core';
import type { Db } from '@lms/db';
import type { Task, TaskList } from 'graphile-worker';
import type { pino } from 'pino';

/** Task names: the queue stores them, so they never change once deployed. */
export const TASKS = {
  gradeExpiredAttempt: 'grade-expired-attempt',
  sweepExpiredAttempts: 'sweep-expired-attempts',
  pruneExpiredRecords: 'prune-expired-records',
  /** One outbox row (queued by enqueueEmail in the transaction that wrote it). */
  sendEmail: SEND_EMAIL_TASK,
  /** Safety net: every due outbox row (no job, worker died, retry time reached). */
  sweepEmailOutbox: 'sweep-email-outbox',
  /** CEU cycle and credit approval reminders (each once per threshold: dedupe keys). */
  sendDailyReminders: 'send-daily-reminders',
  /** Sent rows after 30 days, failed ones after 90 (the outbox holds addresses). */
  pruneEmailOutbox: 'prune-email-outbox',
} as const;

/**
 * Periodic jobs (graphile-worker crontab; each tick runs once across all workers). The sweep
 * is the safety net behind the per-attempt job; `?max=1` runs no backlog after downtime.
 */
export const CRONTAB = [
  `* * * * * ${TASKS.sweepExpiredAttempts} ?max=3&jobKey=sweep-expired-attempts`,
  `17 * * * * ${TASKS.pruneExpiredRecords} ?max=3&jobKey=prune-expired-records`,
  `* * * * * ${TASKS.sweepEmailOutbox} ?max=3&jobKey=sweep-email-outbox`,
  `5 6 * * * ${TASKS.sendDailyReminders} ?fill=2d&max=3&jobKey=send-daily-reminders`,
  `35 4 * * * ${TASKS.pruneEmailOutbox} ?max=3&jobKey=prune-email-outbox`,
].join('\n');

function attemptIdOf(payload: unknown): string {
  const attemptId = (payload as { attemptId?: unknown } | null)?.attemptId;
  if (typeof attemptId !== 'string') throw new Error('payload has no attemptId');
  return attemptId;
}

function idOf(payload: unknown): string {
  const id = (payload as { id?: unknown } | null)?.id;
  if (typeof id !== 'string') throw new Error('payload has no id');
  return id;
}

/** Every task is idempotent: a retry or a second worker changes nothing already done. */
export function createTaskList(db: Db, log: pino.Logger, transport: MailTransport): TaskList {
  const gradeOne: Task = async (payload) => {
    const attemptId = attemptIdOf(payload);
    const { graded } = await gradeExpiredAttempt({ db, attemptId });
    log.info(
      { attemptId, graded },
      graded ? 'graded attempt at its deadline' : 'attempt needed no grading',
    );
  };
  const sweep: Task = async () => {
    const { graded } = await gradeExpiredAttempts({ db });
    if (graded > 0) log.info({ graded }, 'sweep graded expired attempts');
  };
  const prune: Task = async () => {
    const pruned = await pruneExpiredRecords({ db });
    log.info(pruned, 'pruned expired sessions and throttle rows');
  };
  // Throws while the SMTP server refuses: the queue retries with backoff (the row stays PENDING).
  const sendEmail: Task = async (payload) => {
    const id = idOf(payload);
    const outcome = await deliverEmail({ db, id, transport, rethrow: true });
    // One line per delivered message is noise at info; anything else is worth seeing.
    log[outcome === 'sent' ? 'debug' : 'info']({ emailId: id, outcome }, `email ${outcome}`);
  };
  const sweepEmail: Task = async () => {
    const { sent, failed } = await deliverDueEmails({ db, transport });
    if (sent + failed > 0) log.info({ sent, failed }, 'outbox sweep');
  };
  const reminders: Task = async () => {
    const queued = await sendDailyReminders({ db });
    log.info(queued, 'daily reminders queued');
  };
  const pruneOutbox: Task = async () => {
    const pruned = await pruneEmailOutbox({ db });
    log.info(pruned, 'pruned old outbox rows');
  };
  return {
    [TASKS.sendEmail]: sendEmail,
    [TASKS.pruneEmailOutbox]: pruneOutbox,
    [TASKS.sweepEmailOutbox]: sweepEmail,
    [TASKS.sendDailyReminders]: reminders,
    [TASKS.gradeExpiredAttempt]: gradeOne,
    [TASKS.sweepExpiredAttempts]: sweep,
    [TASKS.pruneExpiredRecords]: prune,
  };
}
