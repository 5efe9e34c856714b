/** Display helpers shared by server and browser (pure, no environment access). */

import {
  formatCalendarDate,
  formatInstantDate,
  formatDateTime as formatZonedDateTime,
  formatTime as formatZonedTime,
} from '@lms/time';

export function formatPrice(price: { amountCents: number; currency: string }, isFree: boolean) {
  if (isFree || price.amountCents === 0) return 'Free';
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: price.currency.toUpperCase(),
  }).format(price.amountCents / 100);
}

/** 45 → "45 min", 120 → "2 h", 150 → "2 h 30 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/**
 * Dates and times: the one place pages format them (pure, server and browser agree).
 * - Calendar dates (approval validity, completion dates, cycle boundaries: `date` values, or
 *   days already decided on the provider's calendar) read the same for everyone: formatDate.
 * - Instants (deadlines, payments, activity) are shown in the reader's zone (useTimeZone()),
 *   with the zone's abbreviation where a time is shown: "Nov 30, 2026, 4:32 PM EST".
 */
export function formatDate(iso: string): string {
  return formatCalendarDate(iso.length > 10 ? iso.slice(0, 10) : iso);
}

/** "Nov 30, 2026, 4:32 PM EST": an instant in the reader's zone. */
export function formatDateTime(iso: string, timeZone: string): string {
  return formatZonedDateTime(iso, { timeZone });
}

/** "4:32 PM EST": the time of an instant in the reader's zone. */
export function formatTime(iso: string, timeZone: string): string {
  return formatZonedTime(iso, { timeZone });
}

/** "Nov 30, 2026": the reader's calendar day of an instant (payments, publication, sign-up). */
export function formatDay(iso: string, timeZone: string): string {
  return formatInstantDate(iso, { timeZone });
}

export function creditBodyName(credit: { body: string; bodyName: string | null }): string {
  return credit.bodyName || credit.body;
}

/** "AAPC · 2.00 CEUs" */
export function formatCredit(credit: { body: string; bodyName: string | null; ceuAmount: string }) {
  const unit = credit.ceuAmount === '1.00' ? 'CEU' : 'CEUs';
  return `${creditBodyName(credit)} · ${credit.ceuAmount} ${unit}`;
}

/** "CPC (2015), CRC (2019)" */
export function formatCredentials(credentials: { credential: string; awardedYear: number }[]) {
  return credentials.map((c) => `${c.credential} (${c.awardedYear})`).join(', ');
}

const LEVELS: Record<string, string> = {
  BEGINNER: 'Beginner',
  INTERMEDIATE: 'Intermediate',
  ADVANCED: 'Advanced',
};
const KINDS: Record<string, string> = { EXAM_PREP: 'Exam prep', CE: 'Continuing education' };
const LESSON_KINDS: Record<string, string> = { TEXT: 'Reading', VIDEO: 'Video', QUIZ: 'Quiz' };
const ROLES: Record<string, string> = {
  STUDENT: 'Student',
  INSTRUCTOR: 'Instructor',
  ADMIN: 'Admin',
};

export const levelLabel = (level: string) => LEVELS[level] ?? level;
export const courseKindLabel = (kind: string) => KINDS[kind] ?? kind;
export const lessonKindLabel = (kind: string) => LESSON_KINDS[kind] ?? kind;
export const roleLabel = (role: string) => ROLES[role] ?? role;

/** 4900 → "49.00", 5 → "0.05" (for a price input's value). */
export function centsToDollars(cents: number): string {
  const digits = String(Math.abs(Math.trunc(cents))).padStart(3, '0');
  return `${cents < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** 750 → "12:30", 3723 → "1:02:03" (for a video length input's value). */
export function formatDuration(totalSeconds: number | null | undefined): string {
  if (totalSeconds == null) return '';
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** "2026-01-01T00:00:00.000Z" → "2026-01-01" for <input type="date">. */
export function dateInputValue(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}
