/** Display helpers shared by server and browser (pure, no environment access). */

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

/** Dates from the API are UTC; credit validity dates are calendar dates, so format in UTC. */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(iso),
  );
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
