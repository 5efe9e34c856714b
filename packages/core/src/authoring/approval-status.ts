import { providerDayAsDate } from '../time/provider-day';

/**
 * The lifecycle of a credit approval (DOMAIN.md: approvals are valid for a limited time, and no
 * credit is awarded after expiry). Pure functions of the approval's dates and "today" (the
 * provider's calendar day of the instant passed, see time/provider-day.ts), shared by the catalog, checkout, the course editor and the approvals dashboard.
 */

export const ApprovalStatus = {
  /** validFrom is after today: completions before that day do not earn the credit. */
  NOT_YET_VALID: 'NOT_YET_VALID',
  /** Valid today, and for more than EXPIRING_WITHIN_DAYS more days. */
  VALID: 'VALID',
  /** Valid today, but its last valid day is within EXPIRING_WITHIN_DAYS days. */
  EXPIRING: 'EXPIRING',
  /** Its last valid day has passed: no credit for completions from now on. */
  EXPIRED: 'EXPIRED',
} as const;
export type ApprovalStatus = (typeof ApprovalStatus)[keyof typeof ApprovalStatus];

/** An approval is EXPIRING when its last valid day is at most this many days away. */
export const EXPIRING_WITHIN_DAYS = 60;

/**
 * How long a typical learner takes to finish a course: one hour of instruction per week, and at
 * least a week. (CE learners study beside full-time work; a 2-hour course takes about two weeks,
 * a 40-hour exam-prep course most of a year.) Checkout warns when the approval ends sooner.
 */
export const TYPICAL_MINUTES_PER_WEEK = 60;
export const MINIMUM_TYPICAL_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight UTC of a `date` column's day (approval dates are stored as calendar days). */
function utcMidnight(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** The provider's calendar day of an instant ("today"), in the same form as utcMidnight. */
function providerMidnight(instant: Date): number {
  return providerDayAsDate(instant).getTime();
}

export interface ApprovalDates {
  validFrom: Date;
  validUntil: Date;
}

/** The approval's status on the provider's calendar day of the instant `today`. */
export function approvalStatus(approval: ApprovalDates, today: Date): ApprovalStatus {
  const day = providerMidnight(today);
  if (utcMidnight(approval.validUntil) < day) return ApprovalStatus.EXPIRED;
  if (utcMidnight(approval.validFrom) > day) return ApprovalStatus.NOT_YET_VALID;
  return daysLeft(approval, today) <= EXPIRING_WITHIN_DAYS
    ? ApprovalStatus.EXPIRING
    : ApprovalStatus.VALID;
}

/**
 * Days on which a completion still earns the credit, counting today and the last valid day
 * (1 on the last day, 0 once expired). Before validFrom, counts from today all the same.
 */
export function daysLeft(approval: ApprovalDates, today: Date): number {
  return Math.max(
    0,
    Math.round((utcMidnight(approval.validUntil) - providerMidnight(today)) / DAY_MS) + 1,
  );
}

/** Days a typical learner needs for a course of this many instructional minutes. */
export function typicalCompletionDays(instructionalMinutes: number): number {
  const weeks = Math.ceil(Math.max(0, instructionalMinutes) / TYPICAL_MINUTES_PER_WEEK);
  return Math.max(MINIMUM_TYPICAL_DAYS, weeks * 7);
}

export interface CreditSaleTerms {
  status: ApprovalStatus;
  /** Days left to complete with credit (see daysLeft). */
  daysLeft: number;
  /** Whether this credit is part of what a learner gets by enrolling (false once expired). */
  available: boolean;
  /** True when the approval (still valid) ends before a typical learner could finish. */
  endsBeforeTypicalCompletion: boolean;
  /** What a buyer must be told about this credit; null when nothing. */
  notice: string | null;
}

function isoDay(date: Date): string {
  return new Date(utcMidnight(date)).toISOString().slice(0, 10);
}

/**
 * What may be said about a course's credit at sale: expired credit is not offered (the course is
 * still sold, labelled without that credit); a credit that ends before a typical learner could
 * finish is offered with a warning; a credit not valid yet is offered with its first day.
 */
export function creditSaleTerms(
  approval: ApprovalDates & { body: string; bodyName: string | null },
  instructionalMinutes: number,
  today: Date,
): CreditSaleTerms {
  const status = approvalStatus(approval, today);
  const left = daysLeft(approval, today);
  const name = approval.bodyName ?? approval.body;
  if (status === ApprovalStatus.EXPIRED) {
    return {
      status,
      daysLeft: 0,
      available: false,
      endsBeforeTypicalCompletion: false,
      notice: `${name} credit is not included: its approval expired on ${isoDay(approval.validUntil)}.`,
    };
  }
  const needed = typicalCompletionDays(instructionalMinutes);
  const short = left < needed;
  let notice: string | null = null;
  if (status === ApprovalStatus.NOT_YET_VALID) {
    notice = `${name} credit applies to completions from ${isoDay(approval.validFrom)}.`;
  }
  if (short) {
    notice = `${name} credit ends on ${isoDay(approval.validUntil)} (${left} ${left === 1 ? 'day' : 'days'} left); learners typically need about ${needed} days for this course. Finish by then to earn it.`;
  }
  return { status, daysLeft: left, available: true, endsBeforeTypicalCompletion: short, notice };
}
