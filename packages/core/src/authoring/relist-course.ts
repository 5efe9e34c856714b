import { AppError } from '../errors/app-error';
import { CourseLifecycleOptions, changeCourseStatus } from './change-course-status';
import { type EditableCourse } from './editable-course';

/** Puts an unpublished course back in the catalog, at its latest published version. */
export function relistCourse(options: CourseLifecycleOptions): Promise<EditableCourse> {
  return changeCourseStatus(options, 'course.relist', (course) => {
    if (course.status !== 'UNPUBLISHED' || !course.latestPublishedVersionId) {
      throw new AppError(
        'CONFLICT',
        'Only an unpublished course that was published before can be relisted.',
      );
    }
    return 'PUBLISHED';
  });
}
