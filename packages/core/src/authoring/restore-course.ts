import { AppError } from '../errors/app-error';
import { CourseLifecycleOptions, changeCourseStatus } from './change-course-status';
import { type EditableCourse } from './editable-course';

/** Brings an archived course back for editing (unpublished, or a draft if never published). */
export function restoreCourse(options: CourseLifecycleOptions): Promise<EditableCourse> {
  return changeCourseStatus(options, 'course.restore', (course) => {
    if (course.status !== 'ARCHIVED')
      throw new AppError('CONFLICT', 'Only an archived course can be restored.');
    return course.latestPublishedVersionId ? 'UNPUBLISHED' : 'DRAFT';
  });
}
