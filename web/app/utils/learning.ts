/** Display helpers for the learner pages (pure: shared by server and browser). */

/** "Nov 27, 2026, 4:32 PM EST": in the reader's zone (see utils/format.ts). */
export { formatDateTime } from './format';

const RELATIVE = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * "2 days ago", "yesterday", "just now". `now` comes from the loader, so the server's and the
 * browser's render agree.
 */
export function relativeTime(iso: string, now: number): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return 'just now';
  for (const [unit, size] of UNITS) {
    if (abs >= size) return RELATIVE.format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}

/** 75 → "1:15", 3723 → "1:02:03" (a running clock). */
export function formatClock(totalSeconds: number): string {
  const safe = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(safe / 3600);
  const minutes = Math.floor((safe % 3600) / 60);
  const seconds = String(safe % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

/** 75 → "1 min 15 s", 3600 → "60 min", 20 → "20 s" (a duration in words). */
export function formatSpan(totalSeconds: number): string {
  const safe = Math.max(0, Math.ceil(totalSeconds));
  const minutes = Math.floor(safe / 60);
  const seconds = safe % 60;
  if (minutes === 0) return `${seconds} s`;
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

/** The course's completion rule in words. */
export function completionRule(course: {
  minimumSeatMinutes: number;
  minimumLessonTimePercent: number;
}): string[] {
  const rules = ['Complete every required lesson (quizzes count when you pass them).'];
  if (course.minimumSeatMinutes > 0) {
    rules.push(`Study for at least ${course.minimumSeatMinutes} minutes in total.`);
  }
  if (course.minimumLessonTimePercent > 0) {
    rules.push(
      course.minimumLessonTimePercent === 100
        ? 'Spend at least each lesson’s full estimated time (or video length) on it before marking it complete.'
        : `Spend at least ${course.minimumLessonTimePercent}% of each lesson’s estimated time (or video length) on it before marking it complete.`,
    );
  }
  return rules;
}

interface OutlineLike {
  completedAt: string | null;
  seatSeconds: number;
  minimumSeatMinutes: number;
  modules: { lessons: { title: string; required: boolean; completedAt: string | null }[] }[];
}

/** What the learner still has to do, in words (empty once completed). */
export function missingItems(course: OutlineLike): string[] {
  if (course.completedAt) return [];
  const lessons = course.modules.flatMap((module) => module.lessons);
  const open = lessons.filter((lesson) => lesson.required && !lesson.completedAt);
  const items = open.map((lesson) => `Complete “${lesson.title}”`);
  const missingSeconds = course.minimumSeatMinutes * 60 - course.seatSeconds;
  if (missingSeconds > 0) {
    const minutes = Math.ceil(missingSeconds / 60);
    items.push(`${minutes} more ${minutes === 1 ? 'minute' : 'minutes'} of study time`);
  }
  return items;
}

const AREAS: Record<string, string> = {
  ANATOMY: 'Anatomy',
  ANESTHESIA: 'Anesthesia',
  COMPLIANCE_AND_REGULATORY: 'Compliance and regulatory',
  EVALUATION_AND_MANAGEMENT: 'Evaluation and management',
  GENERAL: 'General',
  HCPCS_LEVEL_II: 'HCPCS Level II',
  ICD10CM_GUIDELINES: 'ICD-10-CM guidelines',
  MEDICAL_TERMINOLOGY: 'Medical terminology',
  MEDICINE: 'Medicine',
  PATHOLOGY_AND_LABORATORY: 'Pathology and laboratory',
  RADIOLOGY: 'Radiology',
  SURGERY: 'Surgery',
};
const MODES: Record<string, string> = {
  PRACTICE: 'Practice quiz',
  POST_TEST: 'Post-test',
  MOCK_EXAM: 'Mock exam',
};
const CODE_SYSTEMS: Record<string, string> = {
  ICD10CM: 'ICD-10-CM',
  ICD10PCS: 'ICD-10-PCS',
  HCPCS: 'HCPCS Level II',
};
const CODE_EXAMPLES: Record<string, string> = {
  ICD10CM: 'E11.9, Z79.4',
  ICD10PCS: '0DTJ4ZZ, 0FT44ZZ',
  HCPCS: 'E0114-NU, A4253',
};

export const areaLabel = (area: string) => AREAS[area] ?? area;
export const quizModeLabel = (mode: string) => MODES[mode] ?? mode;
export const codeSystemLabel = (system: string | null) =>
  system ? (CODE_SYSTEMS[system] ?? system) : 'ICD-10-CM';
export const codeExample = (system: string | null) =>
  CODE_EXAMPLES[system ?? 'ICD10CM'] ?? CODE_EXAMPLES.ICD10CM;

/** 87.5 → "87.5%", 100 → "100%". */
export function formatPercent(value: number): string {
  return `${Number.isInteger(value) ? value : Number(value.toFixed(2))}%`;
}

/** 2.5 → "2.5", 3 → "3" (points with partial credit). */
export function formatPoints(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)));
}
