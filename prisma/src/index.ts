export { type CreatePrismaClientOptions, createPrismaClient, type Db } from './client';
export { copyVersionAsDraft } from './copy-version';
export {
  AttemptStatus,
  type AuditLog,
  CodeSystem,
  type Course,
  type CourseInstructor,
  CourseInstructorRole,
  CourseKind,
  CourseLevel,
  CourseStatus,
  type CourseVersion,
  type CreditApproval,
  CreditBody,
  EnrollmentSource,
  EnrollmentStatus,
  ExamArea,
  type InstructorCredential,
  type Lesson,
  LessonKind,
  type Module,
  Prisma,
  QuestionType,
  QuizMode,
  Role,
  type Session,
  type SignInThrottle,
  type User,
} from './generated/client';
export { type MigrateOptions, type MigrateResult, migrate } from './migrate';
export { markVersionPublished, seedDemoData, seedManyCourses } from './seed';
