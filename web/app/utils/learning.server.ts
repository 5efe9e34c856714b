import { LearningCourseDocument } from '../graphql/generated/graphql';
import { type ApiError, errorResponse, gqlData } from './api.server';
import { redirectWithFlash, requireViewer } from './session.server';

export { redirectWithFlash };

/** The viewer's enrolment in a course with its outline; 404 when they never enrolled. */
export async function requireLearningCourse(request: Request, courseId: string) {
  await requireViewer(request);
  const { learningCourse } = await gqlData(request, LearningCourseDocument, { courseId });
  if (!learningCourse) throw new Response('Not found', { status: 404 });
  return learningCourse;
}

/**
 * FORBIDDEN on a learner page means "not (or no longer) enrolled": send them to the course's
 * outline or catalog page with an explanation instead of a bare 403.
 */
export async function learnerErrorResponse(
  request: Request,
  error: ApiError,
  courseId: string | undefined,
): Promise<Response> {
  if (error.code === 'FORBIDDEN' && courseId) {
    return redirectWithFlash(
      `/learn/${courseId}`,
      'You are not enrolled in the version of the course this page belongs to.',
      'error',
    );
  }
  return errorResponse(request, error);
}

export function intentOf(form: FormData): string {
  const value = form.get('intent');
  return typeof value === 'string' ? value : '';
}
