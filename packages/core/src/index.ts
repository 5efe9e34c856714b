export { PASSWORD_MIN_LENGTH } from './auth/credentials';
export { getViewerByToken } from './auth/get-viewer-by-token';
export { registerUser } from './auth/register-user';
export { signIn } from './auth/sign-in';
export { signOut } from './auth/sign-out';
export type { SessionClient, StartedSession } from './auth/start-session';
export type { CatalogCourse } from './catalog/catalog-course';
export { getPublishedCourse } from './catalog/get-published-course';
export type { CoursePage } from './catalog/list-published-courses';
export { listPublishedCourses, MAX_PAGE_SIZE } from './catalog/list-published-courses';
export type {
  CreditOffering,
  InstructorProfile,
  SyllabusModule,
} from './catalog/load-course-parts';
export {
  loadCreditOfferings,
  loadInstructors,
  loadSyllabi,
} from './catalog/load-course-parts';
export type { AppErrorCode, FieldErrors } from './errors/app-error';
export { AppError, isAppError } from './errors/app-error';
export type { Viewer } from './viewer';
