import type { Db } from '@lms/db';
import { daysLeft } from '../authoring/approval-status';
import { enqueueEmail } from '../mail/outbox';
import { renderEmail } from '../mail/templates';
import { getMyTranscript } from '../transcript/get-my-transcript';

/** Days before a CEU cycle ends when the learner is reminded (largest first). */
export const CEU_REMINDER_DAYS = [90, 30] as const;
/** Days before a credit approval's last valid day when its instructors are reminded. */
export const APPROVAL_REMINDER_DAYS = [60, 14] as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The smallest threshold the remaining days fall within (null: none yet). */
export function reminderThreshold(thresholds: readonly number[], remaining: number): number | null {
  const within = thresholds.filter((days) => remaining >= 0 && remaining <= days);
  return within.length ? Math.min(...within) : null;
}

/**
 * CEU cycle reminders: every learner with a credential whose current cycle ends within 90 (then
 * 30) days and who still needs CEUs. Once per cycle and threshold (dedupe key); a day the task
 * did not run is caught up the next day (the window, not the exact day, decides).
 */
export async function queueCeuCycleReminders(options: { db: Db; now?: Date }): Promise<number> {
  const { db } = options;
  const now = options.now ?? new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const learners = await db.user.findMany({
    where: { learnerCredentials: { some: {} } },
    select: { id: true, email: true, name: true, role: true },
  });
  let queued = 0;
  for (const learner of learners) {
    const viewer = { ...learner, sessionId: '00000000-0000-4000-8000-000000000000' };
    const transcript = await getMyTranscript({ db, viewer, now });
    for (const cycle of transcript.cycles) {
      if (!cycle.current || Number(cycle.remaining) <= 0) continue;
      const remaining = Math.round((Date.parse(`${cycle.cycleEnd}T00:00:00Z`) - today) / DAY_MS);
      const threshold = reminderThreshold(CEU_REMINDER_DAYS, remaining);
      if (threshold === null) continue;
      const result = await enqueueEmail(
        db,
        renderEmail(
          'ceu-cycle-reminder',
          {
            to: learner.email,
            name: learner.name,
            userId: learner.id,
            credentialName: cycle.label,
            cycleEndsOn: new Date(`${cycle.cycleEnd}T00:00:00Z`),
            daysLeft: remaining,
            ceusNeeded: Number(cycle.remaining),
          },
          { dedupeKey: `ceu-reminder:${learner.id}:${cycle.body}:${cycle.cycleEnd}:${threshold}` },
        ),
      );
      if (result.queued) queued++;
    }
  }
  return queued;
}

/**
 * Credit approval reminders: each instructor (owner and co-instructors) of a course whose
 * latest published version carries an approval with 60 (then 14) days or fewer left. Once per
 * approval, instructor and threshold.
 */
export async function queueApprovalExpiryReminders(options: {
  db: Db;
  now?: Date;
}): Promise<number> {
  const { db } = options;
  const now = options.now ?? new Date();
  const horizon = new Date(now.getTime() + (APPROVAL_REMINDER_DAYS[0] + 1) * DAY_MS);
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const approvals = await db.creditApproval.findMany({
    where: {
      validUntil: { gte: today, lte: horizon },
      version: { publishedAt: { not: null }, latestOfCourse: { isNot: null } },
    },
    select: {
      id: true,
      body: true,
      bodyName: true,
      approvalNumber: true,
      validFrom: true,
      validUntil: true,
      version: {
        select: {
          title: true,
          course: {
            select: {
              owner: { select: { id: true, email: true, name: true } },
              instructors: { select: { user: { select: { id: true, email: true, name: true } } } },
            },
          },
        },
      },
    },
  });
  let queued = 0;
  for (const approval of approvals) {
    const left = daysLeft(approval, now);
    const threshold = reminderThreshold(APPROVAL_REMINDER_DAYS, left);
    if (threshold === null) continue;
    const { course } = approval.version;
    const people = new Map(
      [course.owner, ...course.instructors.map((row) => row.user)].map((u) => [u.id, u]),
    );
    for (const person of people.values()) {
      const result = await enqueueEmail(
        db,
        renderEmail(
          'approval-expiring',
          {
            to: person.email,
            name: person.name,
            userId: person.id,
            approvalId: approval.id,
            approvalNumber: approval.approvalNumber,
            body: approval.bodyName ?? approval.body,
            courseTitle: approval.version.title,
            validUntil: approval.validUntil,
            daysLeft: left,
          },
          { dedupeKey: `approval-expiring:${approval.id}:${person.id}:${threshold}` },
        ),
      );
      if (result.queued) queued++;
    }
  }
  return queued;
}

/** The daily task: both kinds of reminder. */
export async function sendDailyReminders(options: {
  db: Db;
  now?: Date;
}): Promise<{ ceuReminders: number; approvalReminders: number }> {
  return {
    ceuReminders: await queueCeuCycleReminders(options),
    approvalReminders: await queueApprovalExpiryReminders(options),
  };
}
