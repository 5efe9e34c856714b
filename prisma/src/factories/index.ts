// Typed builders for the rows the seed and the tests both need. Each takes a Prisma client or a
// transaction and fills what the caller leaves out with valid, unique values. No Vitest here:
// the seed runs in production (seedDemoData) and benchmarks run under tsx.
export {
  type ApprovalSpec,
  approvalDates,
  type CourseSpec,
  type CreatedCourse,
  createCourse,
  type LessonSpec,
  type ModuleSpec,
  type QuestionSpec,
  type QuizSpec,
  trueFalseOptions,
} from './courses';
export {
  createEnrollment,
  createOrder,
  type EnrollmentSpec,
  type OrderSpec,
} from './enrolments';
export { uniqueSuffix } from './sequence';
export { createUser, UNUSABLE_PASSWORD_HASH, type UserSpec, viewerFor } from './users';
