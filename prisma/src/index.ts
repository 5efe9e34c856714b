export { type CreatePrismaClientOptions, createPrismaClient, type Db } from './client';
export {
  type Course,
  CourseKind,
  CourseLevel,
  CourseStatus,
  type CourseVersion,
  type CreditApproval,
  CreditBody,
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
export { seedDemoData, seedManyCourses } from './seed';
