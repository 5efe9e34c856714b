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

export const QUIZ_MODE_OPTIONS = [
  { value: 'PRACTICE', label: 'Practice quiz' },
  { value: 'POST_TEST', label: 'Post-test' },
  { value: 'MOCK_EXAM', label: 'Mock exam' },
] as const;

export const quizModeLabel = (mode: string) =>
  QUIZ_MODE_OPTIONS.find((option) => option.value === mode)?.label ?? mode;

/** One sentence per quiz mode, shown next to the choice. */
export const QUIZ_MODE_HELP: Record<(typeof QUIZ_MODE_OPTIONS)[number]['value'], string> = {
  PRACTICE:
    'A low-stakes self-check inside a module: learners retake it as often as you allow and learn from the explanations; it does not decide course completion.',
  POST_TEST:
    'The end-of-course test that CE bodies such as AAPC require: learners must pass it to complete the course and earn credit. A course has at most one.',
  MOCK_EXAM:
    'An exam simulation: usually timed (e.g. 240 minutes), draws a fresh set of questions per attempt and reports the score per exam area.',
};

export const QUESTION_TYPE_OPTIONS = [
  { value: 'SINGLE_CHOICE', label: 'Single choice (one correct option)' },
  { value: 'MULTIPLE_CHOICE', label: 'Multiple choice (one or more correct options)' },
  { value: 'TRUE_FALSE', label: 'True / false' },
  { value: 'SHORT_TEXT', label: 'Short text answer' },
  { value: 'CODE_SET', label: 'Code set (answer with codes)' },
] as const;

export type QuestionTypeValue = (typeof QUESTION_TYPE_OPTIONS)[number]['value'];

const QUESTION_TYPE_SHORT: Record<string, string> = {
  SINGLE_CHOICE: 'Single choice',
  MULTIPLE_CHOICE: 'Multiple choice',
  TRUE_FALSE: 'True / false',
  SHORT_TEXT: 'Short text',
  CODE_SET: 'Code set',
};
export const questionTypeLabel = (type: string) => QUESTION_TYPE_SHORT[type] ?? type;

/** In the API's order (GENERAL first), with readable labels. */
export const EXAM_AREA_OPTIONS = [
  { value: 'GENERAL', label: 'General' },
  { value: 'EVALUATION_AND_MANAGEMENT', label: 'Evaluation and management' },
  { value: 'ANESTHESIA', label: 'Anesthesia' },
  { value: 'SURGERY', label: 'Surgery' },
  { value: 'RADIOLOGY', label: 'Radiology' },
  { value: 'PATHOLOGY_AND_LABORATORY', label: 'Pathology and laboratory' },
  { value: 'MEDICINE', label: 'Medicine' },
  { value: 'MEDICAL_TERMINOLOGY', label: 'Medical terminology' },
  { value: 'ANATOMY', label: 'Anatomy' },
  { value: 'ICD10CM_GUIDELINES', label: 'ICD-10-CM guidelines' },
  { value: 'HCPCS_LEVEL_II', label: 'HCPCS Level II' },
  { value: 'COMPLIANCE_AND_REGULATORY', label: 'Compliance and regulatory' },
] as const;

export const CODE_SYSTEM_OPTIONS = [
  { value: 'ICD10CM', label: 'ICD-10-CM (diagnoses)' },
  { value: 'ICD10PCS', label: 'ICD-10-PCS (inpatient procedures)' },
  { value: 'HCPCS', label: 'HCPCS Level II (supplies, drugs, services)' },
] as const;
