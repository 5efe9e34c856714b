import { assertOwnerOrAdmin, findManageableCourse } from '../access/course-access';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors/app-error';
import { CourseLifecycleOptions } from './change-course-status';

/**
 * Deletes a course that was never published (so nobody can have enrolled). A course that was
 * ever published is archived instead: its versions are evidence for learners' credit.
 */
export async function deleteDraftCourse(options: CourseLifecycleOptions): Promise<boolean> {
  await options.db.$transaction(async (tx) => {
    const course = await findManageableCourse(tx, options.viewer, options.courseId, { lock: true });
    assertOwnerOrAdmin(options.viewer!, course);
    if (course.latestPublishedVersionId) {
      throw new AppError(
        'CONFLICT',
        'A course that has been published cannot be deleted. Archive it instead.',
      );
    }
    await tx.course.update({
      where: { id: course.id },
      data: { draftVersionId: null },
      select: { id: true },
    });
    await tx.courseVersion.deleteMany({ where: { courseId: course.id } });
    await tx.course.delete({ where: { id: course.id }, select: { id: true } });
    await recordAudit(tx, {
      actorId: options.viewer!.id,
      action: 'course.delete',
      targetType: 'Course',
      targetId: course.id,
      details: { slug: course.slug },
    });
  });
  return true;
}
