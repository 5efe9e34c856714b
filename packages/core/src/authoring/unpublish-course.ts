import { AppError } from '../errors/app-error';
import { CourseLifecycleOptions, changeCourseStatus } from './change-course-status';
import { type EditableCourse } from './editable-course';

/** Hides a published course from the catalog. Enrolled learners keep their access. */
export function unpublishCourse(options: CourseLifecycleOptions): Promise<EditableCourse> {
  return changeCourseStatus(options, 'course.unpublish', (course) => {
    if (course.status !== 'PUBLISHED') {
      throw new AppError('CONFLICT', 'Only a course in the catalog can be unpublished.');
    }
    return 'UNPUBLISHED';
  });
}
