import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support';
import { type Actor, registerActor } from '../../testing/actors';
import * as ops from '../../testing/authoring-operations';

/**
 * The authorization matrix: every authoring operation, run by the owner, a co-instructor, an
 * admin, another instructor, a student and an anonymous caller. Strangers get NOT_FOUND, never
 * FORBIDDEN: they must not learn that a draft exists.
 */

interface Fixture {
  id: string;
  revision: number;
  moduleId: string;
  lessonId: string;
  approvalId: string;
}

let api: TestApi;
let owner: Actor;
let coInstructor: Actor;
let admin: Actor;
let otherInstructor: Actor;
let student: Actor;
let spareInstructor: Actor;

type Result = {
  data?: Record<string, unknown> | null;
  errors?: { extensions?: { code?: string } }[];
};

async function as(
  actor: Actor | null,
  query: string,
  variables: Record<string, unknown>,
): Promise<Result> {
  return api.gql(query, variables, { token: actor?.token });
}

function ok(result: Result) {
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as Record<string, Record<string, unknown>>;
}

/** A fresh draft with a module, a lesson, an approval and a co-instructor. */
async function newCourse(): Promise<Fixture> {
  const created = ok(
    await as(owner, ops.CREATE_COURSE, {
      input: {
        title: ops.VALID_APPROVAL.approvedTitle,
        summary: 'E11 combination codes.',
        kind: 'CE',
      },
    }),
  ).createCourse as { id: string; revision: number };
  let course = ok(
    await as(owner, ops.ADD_MODULE, {
      courseId: created.id,
      revision: created.revision,
      title: 'Basics',
    }),
  ).addModule as { revision: number; modules: { id: string }[] };
  const moduleId = course.modules[0]!.id;
  course = ok(
    await as(owner, ops.ADD_LESSON, {
      courseId: created.id,
      revision: course.revision,
      moduleId,
      input: ops.TEXT_LESSON,
    }),
  ).addLesson as typeof course;
  const withApproval = ok(
    await as(owner, ops.ADD_APPROVAL, {
      courseId: created.id,
      revision: course.revision,
      input: ops.VALID_APPROVAL,
    }),
  ).addCreditApproval as {
    revision: number;
    modules: { id: string; lessons: { id: string }[] }[];
    creditApprovals: { id: string }[];
  };
  ok(await as(owner, ops.ADD_INSTRUCTOR, { courseId: created.id, email: coInstructor.email }));
  return {
    id: created.id,
    revision: withApproval.revision,
    moduleId,
    lessonId: withApproval.modules[0]!.lessons[0]!.id,
    approvalId: withApproval.creditApprovals[0]!.id,
  };
}

async function publishAsOwner(course: Fixture) {
  ok(await as(owner, ops.PUBLISH, { courseId: course.id, revision: course.revision }));
}

interface Operation {
  name: string;
  ownerOnly?: boolean;
  /** A query: allowed callers get the course's data, and nothing changes. */
  read?: boolean;
  setup?: (course: Fixture) => Promise<void>;
  run: (actor: Actor | null, course: Fixture) => Promise<Result>;
  /** What an allowed caller gets back (matched with toMatchObject against the field's value). */
  answer: (course: Fixture) => unknown;
}

/** The editable course after an edit: still this course, its syllabus and approvals as given. */
const editable = (c: Fixture, parts: Record<string, unknown> = {}) => ({
  id: c.id,
  status: 'DRAFT',
  viewerIsOwner: expect.any(Boolean),
  ...parts,
});
/** The course's instructors, as addCourseInstructor and removeCourseInstructor answer. */
const instructors = (...entries: [() => Actor, string][]) =>
  expect.toSatisfy(
    (list: { userId: string; role: string }[]) =>
      JSON.stringify(list.map((e) => `${e.userId}:${e.role}`).sort()) ===
      JSON.stringify(entries.map(([actor, role]) => `${actor().id}:${role}`).sort()),
    'the expected instructors',
  );

const operations: Operation[] = [
  {
    name: 'editableCourse',
    read: true,
    run: (a, c) => as(a, ops.EDITABLE_COURSE, { id: c.id }),
    answer: (c) =>
      editable(c, {
        revision: c.revision,
        modules: [{ id: c.moduleId, lessons: [{ id: c.lessonId }] }],
        creditApprovals: [{ id: c.approvalId }],
        instructors: instructors([() => owner, 'OWNER'], [() => coInstructor, 'INSTRUCTOR']),
      }),
  },
  {
    name: 'publishPreview',
    read: true,
    run: (a, c) => as(a, ops.PUBLISH_PREVIEW, { courseId: c.id }),
    answer: () => ({ nextVersionNumber: 1, canPublish: true, problems: [] }),
  },
  {
    name: 'updateCourseDetails',
    run: (a, c) =>
      as(a, ops.UPDATE_DETAILS, {
        courseId: c.id,
        revision: c.revision,
        input: { title: 'Renamed', summary: 'New summary.', kind: 'CE' },
      }),
    answer: (c) => editable(c, { title: 'Renamed', summary: 'New summary.', kind: 'CE' }),
  },
  {
    name: 'addModule',
    run: (a, c) => as(a, ops.ADD_MODULE, { courseId: c.id, revision: c.revision, title: 'More' }),
    answer: (c) =>
      editable(c, { modules: [{ id: c.moduleId }, { title: 'More', position: 2, lessons: [] }] }),
  },
  {
    name: 'renameModule',
    run: (a, c) =>
      as(a, ops.RENAME_MODULE, {
        courseId: c.id,
        revision: c.revision,
        moduleId: c.moduleId,
        title: 'X',
      }),
    answer: (c) => editable(c, { modules: [{ id: c.moduleId, title: 'X' }] }),
  },
  {
    name: 'moveModule',
    run: (a, c) =>
      as(a, ops.MOVE_MODULE, {
        courseId: c.id,
        revision: c.revision,
        moduleId: c.moduleId,
        position: 1,
      }),
    answer: (c) => editable(c, { modules: [{ id: c.moduleId, position: 1 }] }),
  },
  {
    name: 'deleteModule',
    run: (a, c) =>
      as(a, ops.DELETE_MODULE, { courseId: c.id, revision: c.revision, moduleId: c.moduleId }),
    answer: (c) => editable(c, { modules: [] }),
  },
  {
    name: 'addLesson',
    run: (a, c) =>
      as(a, ops.ADD_LESSON, {
        courseId: c.id,
        revision: c.revision,
        moduleId: c.moduleId,
        input: ops.TEXT_LESSON,
      }),
    answer: (c) =>
      editable(c, {
        modules: [
          {
            id: c.moduleId,
            lessons: [{ id: c.lessonId }, { title: ops.TEXT_LESSON.title, position: 2 }],
          },
        ],
      }),
  },
  {
    name: 'updateLesson',
    run: (a, c) =>
      as(a, ops.UPDATE_LESSON, {
        courseId: c.id,
        revision: c.revision,
        lessonId: c.lessonId,
        input: ops.TEXT_LESSON,
      }),
    answer: (c) =>
      editable(c, {
        modules: [
          {
            lessons: [
              { id: c.lessonId, title: ops.TEXT_LESSON.title, estimatedMinutes: 20, kind: 'TEXT' },
            ],
          },
        ],
      }),
  },
  {
    name: 'moveLesson',
    run: (a, c) =>
      as(a, ops.MOVE_LESSON, {
        courseId: c.id,
        revision: c.revision,
        lessonId: c.lessonId,
        position: 1,
      }),
    answer: (c) => editable(c, { modules: [{ lessons: [{ id: c.lessonId, position: 1 }] }] }),
  },
  {
    name: 'deleteLesson',
    run: (a, c) =>
      as(a, ops.DELETE_LESSON, { courseId: c.id, revision: c.revision, lessonId: c.lessonId }),
    answer: (c) => editable(c, { modules: [{ id: c.moduleId, lessons: [] }] }),
  },
  {
    name: 'addCreditApproval',
    run: (a, c) =>
      as(a, ops.ADD_APPROVAL, { courseId: c.id, revision: c.revision, input: ops.VALID_APPROVAL }),
    answer: (c) =>
      editable(c, {
        creditApprovals: expect.toSatisfy(
          (list: { id: string; approvalNumber: string }[]) =>
            list.length === 2 &&
            list.some((approval) => approval.id === c.approvalId) &&
            list.every((approval) => approval.approvalNumber === ops.VALID_APPROVAL.approvalNumber),
          'the first approval and a second one',
        ),
      }),
  },
  {
    name: 'updateCreditApproval',
    run: (a, c) =>
      as(a, ops.UPDATE_APPROVAL, {
        courseId: c.id,
        revision: c.revision,
        approvalId: c.approvalId,
        input: { ...ops.VALID_APPROVAL, ceuAmount: '2.00' },
      }),
    answer: (c) => editable(c, { creditApprovals: [{ id: c.approvalId, ceuAmount: '2.00' }] }),
  },
  {
    name: 'removeCreditApproval',
    run: (a, c) =>
      as(a, ops.REMOVE_APPROVAL, {
        courseId: c.id,
        revision: c.revision,
        approvalId: c.approvalId,
      }),
    answer: (c) => editable(c, { creditApprovals: [] }),
  },
  {
    name: 'publishCourse',
    run: (a, c) => as(a, ops.PUBLISH, { courseId: c.id, revision: c.revision }),
    answer: (c) => ({
      publishedVersionNumber: 1,
      course: { id: c.id, status: 'PUBLISHED', latestPublishedVersionNumber: 1 },
    }),
  },
  {
    name: 'unpublishCourse',
    setup: publishAsOwner,
    run: (a, c) => as(a, ops.UNPUBLISH, { courseId: c.id }),
    answer: () => ({ status: 'UNPUBLISHED' }),
  },
  {
    name: 'relistCourse',
    setup: async (c) => {
      await publishAsOwner(c);
      ok(await as(owner, ops.UNPUBLISH, { courseId: c.id }));
    },
    run: (a, c) => as(a, ops.RELIST, { courseId: c.id }),
    answer: () => ({ status: 'PUBLISHED' }),
  },
  {
    name: 'archiveCourse',
    run: (a, c) => as(a, ops.ARCHIVE, { courseId: c.id }),
    answer: () => ({ status: 'ARCHIVED' }),
  },
  {
    name: 'restoreCourse',
    setup: async (c) => {
      ok(await as(owner, ops.ARCHIVE, { courseId: c.id }));
    },
    run: (a, c) => as(a, ops.RESTORE, { courseId: c.id }),
    // Never published: back to a draft.
    answer: () => ({ status: 'DRAFT' }),
  },
  {
    name: 'deleteCourse',
    ownerOnly: true,
    run: (a, c) => as(a, ops.DELETE_COURSE, { courseId: c.id }),
    answer: () => true,
  },
  {
    name: 'addCourseInstructor',
    ownerOnly: true,
    run: (a, c) => as(a, ops.ADD_INSTRUCTOR, { courseId: c.id, email: spareInstructor.email }),
    answer: () =>
      instructors(
        [() => owner, 'OWNER'],
        [() => coInstructor, 'INSTRUCTOR'],
        [() => spareInstructor, 'INSTRUCTOR'],
      ),
  },
  {
    name: 'removeCourseInstructor',
    ownerOnly: true,
    run: (a, c) => as(a, ops.REMOVE_INSTRUCTOR, { courseId: c.id, userId: coInstructor.id }),
    answer: () => instructors([() => owner, 'OWNER']),
  },
];

/** Everything an authoring operation can change about a course, or null once it is deleted. */
async function courseState(courseId: string) {
  return api.database.db.course.findUnique({
    where: { id: courseId },
    select: {
      status: true,
      updatedAt: true,
      instructors: { select: { userId: true, role: true }, orderBy: { userId: 'asc' } },
      versions: {
        orderBy: { number: 'asc' },
        select: { revision: true, title: true, publishedAt: true, updatedAt: true },
      },
    },
  });
}

beforeAll(async () => {
  api = await startTestApi();
  [owner, coInstructor, admin, otherInstructor, student, spareInstructor] = await Promise.all([
    registerActor(api, 'INSTRUCTOR', 'Owner Olu'),
    registerActor(api, 'INSTRUCTOR', 'Co Cora'),
    registerActor(api, 'ADMIN', 'Admin Ada'),
    registerActor(api, 'INSTRUCTOR', 'Other Otto'),
    registerActor(api, 'STUDENT', 'Student Stu'),
    registerActor(api, 'INSTRUCTOR', 'Spare Sam'),
  ]);
}, 60_000);
afterAll(async () => {
  await api?.close();
});

describe.each(operations)('$name', (operation) => {
  it.each([
    ['the owner', () => owner],
    ['an admin', () => admin],
    ['a co-instructor', () => coInstructor],
  ])('is allowed for %s (co-instructors: except owner-only acts)', async (label, actor) => {
    const course = await newCourse();
    await operation.setup?.(course);
    const before = await courseState(course.id);
    const result = await operation.run(actor(), course);
    if (label === 'a co-instructor' && operation.ownerOnly) {
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await courseState(course.id)).toEqual(before);
    } else {
      expect(result.errors).toBeUndefined();
      // The operation's answer is this course's expected result, and the course really changed.
      expect(Object.keys(result.data ?? {})).toEqual([operation.name]);
      const answer = result.data?.[operation.name];
      const expected = operation.answer(course);
      if (typeof expected === 'object' && expected !== null && !('asymmetricMatch' in expected)) {
        expect(answer).toMatchObject(expected);
      } else {
        expect(answer).toEqual(expected);
      }
      if (operation.read) {
        expect(await courseState(course.id)).toEqual(before);
      } else {
        expect(await courseState(course.id)).not.toEqual(before);
      }
    }
  });

  it.each([
    ['another instructor', () => otherInstructor, 'NOT_FOUND'],
    ['a student', () => student, 'NOT_FOUND'],
    ['an anonymous caller', () => null, 'UNAUTHENTICATED'],
  ])('is refused for %s', async (_label, actor, code) => {
    const course = await newCourse();
    await operation.setup?.(course);
    const before = await courseState(course.id);
    const result = await operation.run(actor(), course);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.data ?? null).toBeNull();
    expect(await courseState(course.id)).toEqual(before);
  });
});

describe('existence does not leak', () => {
  it('answers a stranger the same for an existing draft and for a random id', async () => {
    const course = await newCourse();
    const existing = await as(otherInstructor, ops.EDITABLE_COURSE, { id: course.id });
    const missing = await as(otherInstructor, ops.EDITABLE_COURSE, {
      id: '00000000-0000-4000-8000-000000000000',
    });
    const garbage = await as(otherInstructor, ops.EDITABLE_COURSE, { id: 'not-a-uuid' });
    for (const result of [existing, missing, garbage]) {
      expect(result.errors?.[0]).toMatchObject({
        message: 'Course not found.',
        extensions: { code: 'NOT_FOUND' },
      });
    }
  });

  it('lists only the viewer’s own and co-taught courses; an admin sees all', async () => {
    const course = await newCourse();
    const titles = async (actor: Actor) =>
      (
        ok(await as(actor, ops.MANAGEABLE, {})).manageableCourses as {
          edges: { node: { id: string } }[];
        }
      ).edges.map((edge) => edge.node.id);
    expect(await titles(owner)).toContain(course.id);
    expect(await titles(coInstructor)).toContain(course.id);
    expect(await titles(admin)).toContain(course.id);
    expect(await titles(otherInstructor)).not.toContain(course.id);
    const studentList = await as(student, ops.MANAGEABLE, {});
    expect(studentList.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('does not let a student create a course', async () => {
    const result = await as(student, ops.CREATE_COURSE, {
      input: { title: 'Mine', summary: 'S', kind: 'CE' },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
