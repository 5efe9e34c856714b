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
}

const operations: Operation[] = [
  { name: 'editableCourse', read: true, run: (a, c) => as(a, ops.EDITABLE_COURSE, { id: c.id }) },
  {
    name: 'publishPreview',
    read: true,
    run: (a, c) => as(a, ops.PUBLISH_PREVIEW, { courseId: c.id }),
  },
  {
    name: 'updateCourseDetails',
    run: (a, c) =>
      as(a, ops.UPDATE_DETAILS, {
        courseId: c.id,
        revision: c.revision,
        input: { title: 'Renamed', summary: 'New summary.', kind: 'CE' },
      }),
  },
  {
    name: 'addModule',
    run: (a, c) => as(a, ops.ADD_MODULE, { courseId: c.id, revision: c.revision, title: 'More' }),
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
  },
  {
    name: 'deleteModule',
    run: (a, c) =>
      as(a, ops.DELETE_MODULE, { courseId: c.id, revision: c.revision, moduleId: c.moduleId }),
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
  },
  {
    name: 'deleteLesson',
    run: (a, c) =>
      as(a, ops.DELETE_LESSON, { courseId: c.id, revision: c.revision, lessonId: c.lessonId }),
  },
  {
    name: 'addCreditApproval',
    run: (a, c) =>
      as(a, ops.ADD_APPROVAL, { courseId: c.id, revision: c.revision, input: ops.VALID_APPROVAL }),
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
  },
  {
    name: 'removeCreditApproval',
    run: (a, c) =>
      as(a, ops.REMOVE_APPROVAL, {
        courseId: c.id,
        revision: c.revision,
        approvalId: c.approvalId,
      }),
  },
  {
    name: 'publishCourse',
    run: (a, c) => as(a, ops.PUBLISH, { courseId: c.id, revision: c.revision }),
  },
  {
    name: 'unpublishCourse',
    setup: publishAsOwner,
    run: (a, c) => as(a, ops.UNPUBLISH, { courseId: c.id }),
  },
  {
    name: 'relistCourse',
    setup: async (c) => {
      await publishAsOwner(c);
      ok(await as(owner, ops.UNPUBLISH, { courseId: c.id }));
    },
    run: (a, c) => as(a, ops.RELIST, { courseId: c.id }),
  },
  { name: 'archiveCourse', run: (a, c) => as(a, ops.ARCHIVE, { courseId: c.id }) },
  {
    name: 'restoreCourse',
    setup: async (c) => {
      ok(await as(owner, ops.ARCHIVE, { courseId: c.id }));
    },
    run: (a, c) => as(a, ops.RESTORE, { courseId: c.id }),
  },
  {
    name: 'deleteCourse',
    ownerOnly: true,
    run: (a, c) => as(a, ops.DELETE_COURSE, { courseId: c.id }),
  },
  {
    name: 'addCourseInstructor',
    ownerOnly: true,
    run: (a, c) => as(a, ops.ADD_INSTRUCTOR, { courseId: c.id, email: spareInstructor.email }),
  },
  {
    name: 'removeCourseInstructor',
    ownerOnly: true,
    run: (a, c) => as(a, ops.REMOVE_INSTRUCTOR, { courseId: c.id, userId: coInstructor.id }),
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
      // The operation's answer is its field's value, and the course really changed.
      expect(Object.keys(result.data ?? {})).toEqual([operation.name]);
      expect(result.data?.[operation.name]).not.toBeNull();
      if (operation.read) {
        expect(result.data?.[operation.name]).toBeTypeOf('object');
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
