// Who may manage a course and who may open its lessons, called directly on a real database.
import {
  createCourse,
  createEnrollment,
  createUser,
  useTestDatabase,
  viewerFor,
} from '@lms/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireEnrolledLesson } from '../learning/enrollment-access';
import { assertOwnerOrAdmin, findManageableCourse } from './course-access';
import { requireAdmin, requireAuthor } from './roles';
import type { Viewer } from './viewer';

const t = useTestDatabase();
let owner: Viewer;
let coInstructor: Viewer;
let otherInstructor: Viewer;
let admin: Viewer;
let student: Viewer;
let demotedCoInstructor: Viewer;
let courseId: string;
let lessonId: string;

beforeAll(async () => {
  const user = async (role: 'ADMIN' | 'INSTRUCTOR' | 'STUDENT') =>
    viewerFor(await createUser(t.db, { role }));
  [owner, coInstructor, otherInstructor, admin, student, demotedCoInstructor] = await Promise.all([
    user('INSTRUCTOR'),
    user('INSTRUCTOR'),
    user('INSTRUCTOR'),
    user('ADMIN'),
    user('STUDENT'),
    // Listed on the course, but their account is a student's now: the role wins.
    user('STUDENT'),
  ]);
  const created = await createCourse(t.db, {
    ownerId: owner.id,
    coInstructorIds: [coInstructor.id, demotedCoInstructor.id],
    withNextDraft: true,
  });
  courseId = created.course.id;
  lessonId = created.lessons[0]!.id;
}, 60_000);

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'allowed',
    (error: { code?: string }) => error.code ?? String(error),
  );

describe('findManageableCourse', () => {
  it('lets the owner, a co-instructor and an admin manage the course, and says who owns it', async () => {
    const seen = await Promise.all(
      [owner, coInstructor, admin].map((viewer) => findManageableCourse(t.db, viewer, courseId)),
    );
    expect(seen.map((course) => [course.id, course.viewerIsOwner])).toEqual([
      [courseId, true],
      [courseId, false],
      [courseId, false],
    ]);
    expect(seen[0]).toMatchObject({ ownerId: owner.id, status: 'PUBLISHED' });
    expect(seen[0]!.draftVersionId).not.toBeNull();
  });

  it('answers NOT_FOUND to anyone else, as for a course that does not exist', async () => {
    expect(
      await Promise.all([
        code(findManageableCourse(t.db, otherInstructor, courseId)),
        code(findManageableCourse(t.db, student, courseId)),
        code(findManageableCourse(t.db, demotedCoInstructor, courseId)),
        code(findManageableCourse(t.db, admin, '00000000-0000-4000-8000-000000000001')),
        code(findManageableCourse(t.db, admin, 'not-a-uuid')),
        code(findManageableCourse(t.db, null, courseId)),
      ]),
    ).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'UNAUTHENTICATED']);
  });

  it('keeps owner-only acts to the owner and admins', async () => {
    const asOwner = await findManageableCourse(t.db, owner, courseId);
    const asCo = await findManageableCourse(t.db, coInstructor, courseId);
    const asAdmin = await findManageableCourse(t.db, admin, courseId);
    expect(() => assertOwnerOrAdmin(owner, asOwner)).not.toThrow();
    expect(() => assertOwnerOrAdmin(admin, asAdmin)).not.toThrow();
    expect(() => assertOwnerOrAdmin(coInstructor, asCo)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });
});

describe('roles', () => {
  it('lets instructors and admins author, and only admins administer', () => {
    const outcome = (check: () => unknown) => {
      try {
        check();
        return 'allowed';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    expect(
      [student, owner, admin, null].map((viewer) => [
        outcome(() => requireAuthor(viewer)),
        outcome(() => requireAdmin(viewer)),
      ]),
    ).toEqual([
      ['FORBIDDEN', 'FORBIDDEN'],
      ['allowed', 'FORBIDDEN'],
      ['allowed', 'allowed'],
      ['UNAUTHENTICATED', 'UNAUTHENTICATED'],
    ]);
  });
});

describe('requireEnrolledLesson', () => {
  it('opens a lesson to an active learner of its version, and to nobody else', async () => {
    const learner = viewerFor(await createUser(t.db));
    const enrollment = await createEnrollment(t.db, { userId: learner.id, courseId });
    const opened = await requireEnrolledLesson(t.db, learner, lessonId);
    expect(opened).toMatchObject({
      enrollmentId: enrollment.id,
      courseId,
      versionId: enrollment.versionId,
      lesson: { id: lessonId, kind: 'TEXT', estimatedMinutes: 30, required: true },
    });
    // The instructor's own course is no exception: teaching is not enrolment.
    expect(await code(requireEnrolledLesson(t.db, owner, lessonId))).toBe('FORBIDDEN');
    expect(await code(requireEnrolledLesson(t.db, student, lessonId))).toBe('FORBIDDEN');
    expect(
      await code(requireEnrolledLesson(t.db, learner, '00000000-0000-4000-8000-000000000002')),
    ).toBe('NOT_FOUND');
  });

  it('closes the lessons once the enrolment has ended', async () => {
    const learner = viewerFor(await createUser(t.db));
    await createEnrollment(t.db, { userId: learner.id, courseId, status: 'ENDED' });
    expect(await code(requireEnrolledLesson(t.db, learner, lessonId))).toBe('FORBIDDEN');
  });

  it('hides the lessons of a draft version, even from its enrolled learners', async () => {
    const course = await findManageableCourse(t.db, owner, courseId);
    const draftLesson = await t.db.lesson.findFirstOrThrow({
      where: { module: { versionId: course.draftVersionId! } },
    });
    const learner = viewerFor(await createUser(t.db));
    await createEnrollment(t.db, { userId: learner.id, courseId });
    expect(await code(requireEnrolledLesson(t.db, learner, draftLesson.id))).toBe('NOT_FOUND');
  });
});
