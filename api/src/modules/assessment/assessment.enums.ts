import { AttemptStatus, CodeSystem, ExamArea, QuestionType, QuizMode } from '@lms/db';
import { registerEnumType } from 'type-graphql';

registerEnumType(QuizMode, {
  name: 'QuizMode',
  description:
    'PRACTICE: submitting completes the lesson. POST_TEST: the course’s graded test (at most one per version); a pass completes it. MOCK_EXAM: a timed exam drawn per area; a pass completes it.',
});
registerEnumType(QuestionType, {
  name: 'QuestionType',
  description:
    'SINGLE_CHOICE (one correct option), MULTIPLE_CHOICE (per-option scoring), TRUE_FALSE, SHORT_TEXT (accepted answers, case-insensitive), CODE_SET (a set of codes with partial credit).',
});
registerEnumType(CodeSystem, {
  name: 'CodeSystem',
  description:
    'Public code sets a CODE_SET question may use: ICD-10-CM, ICD-10-PCS, HCPCS Level II. Never CPT.',
});
registerEnumType(ExamArea, {
  name: 'ExamArea',
  description: 'The exam area a question belongs to; mock exams draw and report per area.',
});
registerEnumType(AttemptStatus, {
  name: 'AttemptStatus',
  description: 'IN_PROGRESS: answers can be saved until the deadline. SUBMITTED: graded.',
});

export { AttemptStatus, CodeSystem, ExamArea, QuestionType, QuizMode };
