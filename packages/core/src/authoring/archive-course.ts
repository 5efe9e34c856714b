import { AppError } from '../errors/app-error';
import { CourseLifecycleOptions, changeCourseStatus } from './change-course-status';
import { type EditableCourse } from './editable-course';

/** Retires a course: out of the catalog and read-only. Nothing is deleted. */
export function archiveCourse(options: CourseLifecycleOptions): Promise<EditableCourse> {
  return changeCourseStatus(options, 'course.archive', (course) => {
    if (course.status === 'ARCHIVED')
      throw new AppError('CONFLICT', 'The course is already archived.');
    return 'ARCHIVED';
  });
}
