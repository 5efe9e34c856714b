/** Input limits for course content (the numbers, plus sane bounds for the rest). */
export const LIMITS = {
  titleLength: 200,
  summaryLength: 1_000,
  descriptionLength: 20_000,
  lessonBodyBytes: 200 * 1024,
  lessonsPerCourse: 200,
  modulesPerCourse: 100,
  lessonMinutes: 24 * 60,
  priceCents: 1_000_000,
  urlLength: 2_000,
  /** Alt text of a cover image. */
  altTextLength: 250,
  credentialsPerInstructor: 20,
  bioLength: 2_000,
} as const;
