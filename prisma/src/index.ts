export { type CreatePrismaClientOptions, createPrismaClient, type Db } from './client';
export {
  type AuditLog,
  type Course,
  type CourseInstructor,
  CourseInstructorRole,
  CourseKind,
  CourseLevel,
  CourseStatus,
  type CourseVersion,
  type CreditApproval,
  CreditBody,
  type InstructorCredential,
  type Lesson,
  LessonKind,
  type Module,
  Prisma,
  Role,
  type Session,
  type SignInThrottle,
  type User,
} from './generated/client';
export { type MigrateOptions, type MigrateResult, migrate } from './migrate';
export { markVersionPublished, seedDemoData, seedManyCourses } from './seed';
