export { registerUser } from './auth/register-user';
export { signIn } from './auth/sign-in';
export { signOut } from './auth/sign-out';
export { getViewerByToken } from './auth/get-viewer-by-token';
export { PASSWORD_MIN_LENGTH } from './auth/credentials';
export type { SessionClient, StartedSession } from './auth/start-session';
export { AppError, isAppError } from './errors/app-error';
export type { AppErrorCode, FieldErrors } from './errors/app-error';
export type { Viewer } from './viewer';
export { listPublishedCourses, MAX_PAGE_SIZE } from './catalog/list-published-courses';
export type { CoursePage } from './catalog/list-published-courses';
export { getPublishedCourse } from './catalog/get-published-course';
export type { CatalogCourse } from './catalog/catalog-course';
export {
  loadCreditOfferings,
  loadInstructors,
  loadSyllabi,
} from './catalog/load-course-parts';
export type {
  CreditOffering,
  InstructorProfile,
  SyllabusModule,
} from './catalog/load-course-parts';
