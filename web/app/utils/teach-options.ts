/** Choices offered by the teach forms (labels shared by server and browser). */
export const KIND_OPTIONS = [
  { value: 'CE', label: 'Continuing education (CE)' },
  { value: 'EXAM_PREP', label: 'Exam prep' },
] as const;

export const LEVEL_OPTIONS = [
  { value: 'BEGINNER', label: 'Beginner' },
  { value: 'INTERMEDIATE', label: 'Intermediate' },
  { value: 'ADVANCED', label: 'Advanced' },
] as const;

export const LESSON_KIND_OPTIONS = [
  { value: 'TEXT', label: 'Text (Markdown)' },
  { value: 'VIDEO', label: 'Video' },
  { value: 'QUIZ', label: 'Quiz' },
] as const;

export const CREDIT_BODY_OPTIONS = [
  { value: 'AAPC', label: 'AAPC' },
  { value: 'AHIMA', label: 'AHIMA' },
  { value: 'PMI', label: 'PMI' },
  { value: 'IACET', label: 'IACET' },
  { value: 'OTHER', label: 'Other (name it)' },
] as const;

export const ROLE_OPTIONS = [
  { value: 'STUDENT', label: 'Student' },
  { value: 'INSTRUCTOR', label: 'Instructor' },
  { value: 'ADMIN', label: 'Admin' },
] as const;

export function isOneOf<T extends string>(
  options: ReadonlyArray<{ value: T }>,
  value: string,
): value is T {
  return options.some((option) => option.value === value);
}
