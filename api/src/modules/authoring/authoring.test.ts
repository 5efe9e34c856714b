import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support';
import { type Actor, registerActor } from '../../testing/actors';
import * as quiz from '../../testing/assessment-operations';
import * as ops from '../../testing/authoring-operations';

type Course = {
  id: string;
  slug: string;
  status: string;
  revision: number;
  versionNumber: number;
  latestPublishedVersionNumber: number | null;
  title: string;
  instructionalMinutes: number;
  modules: {
    id: string;
    title: string;
    lessons: { id: string; title: string; bodyHtml: string; position: number }[];
  }[];
  creditApprovals: { id: string; problem: string | null }[];
};
type Result<T = Record<string, unknown>> = {
  data?: T | null;
  errors?: {
    message: string;
    extensions?: { code?: string; fieldErrors?: Record<string, string[]> };
  }[];
};

let api: TestApi;
let author: Actor;
let coAuthor: Actor;

const call = <T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  actor: Actor | null = author,
) => api.gql<T>(query, variables, { token: actor?.token }) as Promise<Result<T>>;

/** api.must with the author as the default actor. */
const must = <T>(query: string, variables: Record<string, unknown>, actor: Actor = author) =>
  api.must<T>(query, variables, actor);

/** A draft with one module and one text lesson, titled as its AAPC approval. */
async function draftCourse(title = ops.VALID_APPROVAL.approvedTitle): Promise<Course> {
  let course = await must<Course>(ops.CREATE_COURSE, {
    input: { title, summary: 'Sequencing E11 combination codes.', kind: 'CE', priceCents: 4900 },
  });
  course = await must<Course>(ops.ADD_MODULE, {
    courseId: course.id,
    revision: course.revision,
    title: 'Basics',
  });
  return must<Course>(ops.ADD_LESSON, {
    courseId: course.id,
    revision: course.revision,
    moduleId: course.modules[0]!.id,
    input: ops.TEXT_LESSON,
  });
}

const CATALOG_COURSE = `query($slug: String!) { course(slug: $slug) { title versionNumber instructionalMinutes modules { title lessons { title } } } }`;

beforeAll(async () => {
  api = await startTestApi();
  [author, coAuthor] = await Promise.all([
    registerActor(api, 'INSTRUCTOR', 'Dana Author'),
    registerActor(api, 'INSTRUCTOR', 'Cole Coauthor'),
  ]);
}, 60_000);
afterAll(async () => {
  await api?.close();
});

describe('publishing versions', () => {
  it('publish, edit, republish: version 1 stays exactly as published', async () => {
    const draft = await draftCourse('Outpatient Coding Essentials');
    const firstPublish = await must<{ publishedVersionNumber: number; course: Course }>(
      ops.PUBLISH,
      {
        courseId: draft.id,
        revision: draft.revision,
      },
    );
    expect(firstPublish.publishedVersionNumber).toBe(1);
    const course = firstPublish.course;
    expect(course).toMatchObject({
      status: 'PUBLISHED',
      versionNumber: 2,
      latestPublishedVersionNumber: 1,
    });

    // Version 1 as stored, with its syllabus and approvals: read again after the second publish.
    const readVersionOne = () =>
      api.database.db.courseVersion.findFirstOrThrow({
        where: { courseId: draft.id, number: 1 },
        include: { modules: { include: { lessons: true } }, creditApprovals: true },
      });
    const versionOne = await readVersionOne();

    let edited = await must<Course>(ops.UPDATE_DETAILS, {
      courseId: course.id,
      revision: course.revision,
      input: {
        title: 'Outpatient Coding Essentials, 2nd edition',
        summary: 'Revised.',
        kind: 'CE',
      },
    });
    edited = await must<Course>(ops.UPDATE_LESSON, {
      courseId: course.id,
      revision: edited.revision,
      lessonId: edited.modules[0]!.lessons[0]!.id,
      input: { ...ops.TEXT_LESSON, title: 'Combination codes, revised', estimatedMinutes: 35 },
    });

    // Until version 2 is published, the catalog still shows version 1.
    const before = await api.gql<{ course: { title: string; versionNumber: number } }>(
      CATALOG_COURSE,
      { slug: course.slug },
    );
    expect(before.data?.course).toMatchObject({
      title: 'Outpatient Coding Essentials',
      versionNumber: 1,
    });

    const secondPublish = await must<{ publishedVersionNumber: number; changes: string[] }>(
      ops.PUBLISH,
      {
        courseId: course.id,
        revision: edited.revision,
      },
    );
    expect(secondPublish.publishedVersionNumber).toBe(2);
    expect(secondPublish.changes).toEqual(
      expect.arrayContaining([
        'Title changed to “Outpatient Coding Essentials, 2nd edition”',
        'Summary changed',
        'Lesson “Combination codes, revised” changed: title, minutes',
      ]),
    );

    const after = await api.gql<{
      course: { title: string; versionNumber: number; instructionalMinutes: number };
    }>(CATALOG_COURSE, { slug: course.slug });
    expect(after.data?.course).toMatchObject({
      title: 'Outpatient Coding Essentials, 2nd edition',
      versionNumber: 2,
      instructionalMinutes: 35,
    });

    expect(await readVersionOne()).toEqual(versionOne);
  });

  it('refuses, in the database itself, to change or delete a published version', async () => {
    const draft = await draftCourse('Immutable Snapshot Course');
    await must(ops.PUBLISH, { courseId: draft.id, revision: draft.revision });
    const published = await api.database.db.courseVersion.findFirstOrThrow({
      where: { courseId: draft.id, number: 1 },
      include: { modules: { include: { lessons: true } } },
    });
    await expect(
      api.database.db.courseVersion.update({
        where: { id: published.id },
        data: { title: 'Tampered' },
      }),
    ).rejects.toThrow(/published and cannot be changed/);
    await expect(
      api.database.db.lesson.update({
        where: { id: published.modules[0]!.lessons[0]!.id },
        data: { body: 'Tampered' },
      }),
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      api.database.db.module.delete({ where: { id: published.modules[0]!.id } }),
    ).rejects.toThrow(/cannot be changed/);
  });

  it('refuses to publish with nothing changed, an empty syllabus, or an empty lesson', async () => {
    const empty = await must<Course>(ops.CREATE_COURSE, {
      input: { title: 'Empty', summary: 'Nothing yet.', kind: 'EXAM_PREP' },
    });
    const refused = await call(ops.PUBLISH, { courseId: empty.id, revision: empty.revision });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.extensions?.fieldErrors?.publish).toContain(
      'Add at least one module.',
    );

    const course = await draftCourse('Nothing Changed Course');
    const published = await must<{ course: Course }>(ops.PUBLISH, {
      courseId: course.id,
      revision: course.revision,
    });
    const again = await call(ops.PUBLISH, {
      courseId: course.id,
      revision: published.course.revision,
    });
    expect(again.errors?.[0]?.extensions?.fieldErrors?.publish).toContain(
      'Nothing has changed since version 1.',
    );
  });

  it('previews what publishing would do', async () => {
    const course = await draftCourse('Preview Course');
    const preview = await must<{
      canPublish: boolean;
      changes: string[];
      nextVersionNumber: number;
      instructionalMinutes: number;
    }>(ops.PUBLISH_PREVIEW, { courseId: course.id });
    expect(preview).toMatchObject({
      canPublish: true,
      nextVersionNumber: 1,
      instructionalMinutes: 20,
    });
    expect(preview.changes).toEqual(['First publication: 1 modules, 1 lessons']);
  });
});

describe('credit approval rules', () => {
  it('refuses an AAPC approval whose approved title differs from the course title, then accepts the fix', async () => {
    // A course with a post-test (AAPC requires one), titled as AAPC_APPROVAL.
    const course = await quiz.draftQuizCourse(api, author, {
      title: ops.AAPC_APPROVAL.approvedTitle,
    });
    const withApproval = await must<Course>(ops.ADD_APPROVAL, {
      courseId: course.id,
      revision: course.revision,
      input: { ...ops.AAPC_APPROVAL, approvedTitle: 'Coding Diabetes (ICD-10-CM)' },
    });
    expect(withApproval.creditApprovals[0]!.problem).toMatch(
      /AAPC approves an exact program title/,
    );
    const refused = await call(ops.PUBLISH, {
      courseId: course.id,
      revision: withApproval.revision,
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toMatch(
      /granted for the title “Coding Diabetes \(ICD-10-CM\)”/,
    );
    expect(
      await api.database.db.courseVersion.count({
        where: { courseId: course.id, publishedAt: { not: null } },
      }),
    ).toBe(0);

    const fixed = await must<Course>(ops.UPDATE_APPROVAL, {
      courseId: course.id,
      revision: withApproval.revision,
      approvalId: withApproval.creditApprovals[0]!.id,
      input: ops.AAPC_APPROVAL,
    });
    expect(fixed.creditApprovals[0]!.problem).toBeNull();
    expect(
      (await call(ops.PUBLISH, { courseId: course.id, revision: fixed.revision })).errors,
    ).toBeUndefined();
  });

  it('allows another body’s approval under a different title (only AAPC approves exact titles)', async () => {
    const course = await draftCourse('Title Rules Course');
    const withApproval = await must<Course>(ops.ADD_APPROVAL, {
      courseId: course.id,
      revision: course.revision,
      input: {
        ...ops.VALID_APPROVAL,
        body: 'AHIMA',
        approvalNumber: 'AHIMA-1',
        approvedTitle: 'Different',
      },
    });
    expect(
      (await call(ops.PUBLISH, { courseId: course.id, revision: withApproval.revision })).errors,
    ).toBeUndefined();
  });

  it('refuses an AAPC approval on a course without a post-test', async () => {
    const course = await draftCourse(ops.AAPC_APPROVAL.approvedTitle);
    const withApproval = await must<Course>(ops.ADD_APPROVAL, {
      courseId: course.id,
      revision: course.revision,
      input: ops.AAPC_APPROVAL,
    });
    expect(withApproval.creditApprovals[0]!.problem).toMatch(/needs a post-test/);
    const refused = await call(ops.PUBLISH, {
      courseId: course.id,
      revision: withApproval.revision,
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toMatch(/AAPC approval AAPC-TEST-0042 needs a post-test/);
  });

  it('refuses an AAPC approval valid for more than one year; one calendar year is fine', async () => {
    const course = await quiz.draftQuizCourse(api, author, {
      title: ops.AAPC_APPROVAL.approvedTitle,
    });
    const tooLong = await call(ops.ADD_APPROVAL, {
      courseId: course.id,
      revision: course.revision,
      input: { ...ops.AAPC_APPROVAL, validFrom: '2026-01-01', validUntil: '2027-12-31' },
    });
    expect(tooLong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooLong.errors?.[0]?.extensions?.fieldErrors?.validUntil?.[0]).toMatch(
      /valid for one year: from 2026-01-01, its last day can be 2026-12-31/,
    );
    const oneDayLonger = await call(ops.ADD_APPROVAL, {
      courseId: course.id,
      revision: course.revision,
      input: { ...ops.AAPC_APPROVAL, validFrom: '2026-03-15', validUntil: '2027-03-15' },
    });
    expect(oneDayLonger.errors?.[0]?.extensions?.fieldErrors?.validUntil?.[0]).toMatch(
      /2027-03-14/,
    );
    const oneYear = await call(ops.ADD_APPROVAL, {
      courseId: course.id,
      revision: course.revision,
      input: { ...ops.AAPC_APPROVAL, validFrom: '2026-03-15', validUntil: '2027-03-14' },
    });
    expect(oneYear.errors).toBeUndefined();
  });

  it('refuses AHIMA credit on an exam-prep course (AHIMA does not count exam review)', async () => {
    const course = await draftCourse('CCS Exam Prep Drills');
    const examPrep = await must<Course>(ops.UPDATE_DETAILS, {
      courseId: course.id,
      revision: course.revision,
      input: { title: 'CCS Exam Prep Drills', summary: 'Drills.', kind: 'EXAM_PREP' },
    });
    const withApproval = await must<Course>(ops.ADD_APPROVAL, {
      courseId: course.id,
      revision: examPrep.revision,
      input: { ...ops.VALID_APPROVAL, approvedTitle: 'CCS Exam Prep Drills' },
    });
    expect(withApproval.creditApprovals[0]!.problem).toMatch(/does not count exam-review/);
    const refused = await call(ops.PUBLISH, {
      courseId: course.id,
      revision: withApproval.revision,
    });
    expect(refused.errors?.[0]?.message).toMatch(/AHIMA does not count exam-review courses/);
    // The same approval on a CE course publishes.
    const ce = await must<Course>(ops.UPDATE_DETAILS, {
      courseId: course.id,
      revision: withApproval.revision,
      input: { title: 'CCS Exam Prep Drills', summary: 'Drills.', kind: 'CE' },
    });
    expect(ce.creditApprovals[0]!.problem).toBeNull();
    expect(
      (await call(ops.PUBLISH, { courseId: course.id, revision: ce.revision })).errors,
    ).toBeUndefined();
  });

  it('gives a credit-bearing draft a default minimum time per lesson, which the instructor can change', async () => {
    const RULES = `query($id: ID!) { editableCourse(id: $id) { revision minimumLessonTimePercent minimumSeatMinutes } }`;
    type Rules = { revision: number; minimumLessonTimePercent: number; minimumSeatMinutes: number };
    const course = await draftCourse('Seat Time Course');
    expect(await must<Rules>(RULES, { id: course.id })).toMatchObject({
      minimumLessonTimePercent: 0,
      minimumSeatMinutes: 0,
    });
    const withApproval = await must<Course>(ops.ADD_APPROVAL, {
      courseId: course.id,
      revision: course.revision,
      input: { ...ops.VALID_APPROVAL, approvedTitle: 'Seat Time Course' },
    });
    const defaulted = await must<Rules>(RULES, { id: course.id });
    expect(defaulted.minimumLessonTimePercent).toBe(80);
    // The instructor's own choice stands, and a second approval does not override it.
    await must<Course>(ops.UPDATE_DETAILS, {
      courseId: course.id,
      revision: withApproval.revision,
      input: {
        title: 'Seat Time Course',
        summary: 'S.',
        kind: 'CE',
        minimumLessonTimePercent: 50,
        minimumSeatMinutes: 30,
      },
    });
    const changed = await must<Rules>(RULES, { id: course.id });
    await must<Course>(ops.ADD_APPROVAL, {
      courseId: course.id,
      revision: changed.revision,
      input: { ...ops.VALID_APPROVAL, approvalNumber: 'PMI-2', body: 'PMI' },
    });
    expect(await must<Rules>(RULES, { id: course.id })).toMatchObject({
      minimumLessonTimePercent: 50,
      minimumSeatMinutes: 30,
    });
  });

  it('refuses an expired approval', async () => {
    const course = await draftCourse('Expired Approval Course');
    const withApproval = await must<Course>(ops.ADD_APPROVAL, {
      courseId: course.id,
      revision: course.revision,
      input: {
        ...ops.VALID_APPROVAL,
        approvedTitle: 'Expired Approval Course',
        validFrom: '2024-01-01',
        validUntil: '2024-12-31',
      },
    });
    const refused = await call(ops.PUBLISH, {
      courseId: course.id,
      revision: withApproval.revision,
    });
    expect(refused.errors?.[0]?.message).toMatch(/expired on 2024-12-31/);
  });

  it.each([
    [{ ceuAmount: '1.555' }, 'ceuAmount', /two decimals/],
    [{ ceuAmount: '0' }, 'ceuAmount', /more than zero/],
    [{ validFrom: '2027-01-01', validUntil: '2026-01-01' }, 'validUntil', /on or after/],
    [{ validFrom: '2026-02-30' }, 'validFrom', /not a real date/],
    [{ body: 'OTHER', bodyName: null }, 'bodyName', /Name the approving body/],
    [{ approvalNumber: ' ' }, 'approvalNumber', /Enter the approval/],
  ])('validates %o', async (change, field, message) => {
    const course = await draftCourse('Validation Course');
    const result = await call(ops.ADD_APPROVAL, {
      courseId: course.id,
      revision: course.revision,
      input: { ...ops.VALID_APPROVAL, ...change },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.fieldErrors?.[field]?.[0]).toMatch(message);
  });
});

describe('optimistic concurrency', () => {
  it('answers CONFLICT to a stale write and keeps the first one', async () => {
    const course = await draftCourse('Shared Course');
    await must(ops.ADD_INSTRUCTOR, { courseId: course.id, email: coAuthor.email });
    const first = await call(ops.UPDATE_DETAILS, {
      courseId: course.id,
      revision: course.revision,
      input: { title: 'Edited by Dana', summary: 'Dana’s summary.', kind: 'CE' },
    });
    expect(first.errors).toBeUndefined();
    const stale = await call(
      ops.UPDATE_DETAILS,
      {
        courseId: course.id,
        revision: course.revision,
        input: { title: 'Edited by Cole', summary: 'Cole’s summary.', kind: 'CE' },
      },
      coAuthor,
    );
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(stale.errors?.[0]?.message).toMatch(/Reload the page/);
    const now = await must<Course>(ops.EDITABLE_COURSE, { id: course.id });
    expect(now.title).toBe('Edited by Dana');
  });

  it('lets exactly one of several simultaneous edits at the same revision through', async () => {
    const course = await draftCourse('Race Course');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        call(ops.ADD_MODULE, {
          courseId: course.id,
          revision: course.revision,
          title: `Module ${index}`,
        }),
      ),
    );
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(
      results.filter((result) => result.errors?.[0]?.extensions?.code === 'CONFLICT'),
    ).toHaveLength(5);
    const now = await must<Course>(ops.EDITABLE_COURSE, { id: course.id });
    expect(now.modules).toHaveLength(2);
    expect(now.revision).toBe(course.revision + 1);
  });
});

describe('input limits', () => {
  it.each([
    ['title', { title: 'x'.repeat(201), summary: 'S', kind: 'CE' }, /at most 200/],
    ['summary', { title: 'T', summary: 'x'.repeat(1001), kind: 'CE' }, /at most 1000/],
    ['priceCents', { title: 'T', summary: 'S', kind: 'CE', priceCents: -1 }, /negative/],
    [
      'coverImageUrl',
      { title: 'T', summary: 'S', kind: 'CE', coverImageUrl: 'javascript:alert(1)' },
      /http/,
    ],
  ])('names %s when it is out of bounds', async (field, input, message) => {
    const result = await call(ops.CREATE_COURSE, { input });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.fieldErrors?.[field]?.[0]).toMatch(message);
  });

  it('refuses a lesson body over 200 KB and keeps the lesson as it was', async () => {
    const course = await draftCourse('Big Lesson Course');
    const lesson = course.modules[0]!.lessons[0]!;
    const result = await call(ops.UPDATE_LESSON, {
      courseId: course.id,
      revision: course.revision,
      lessonId: lesson.id,
      input: { ...ops.TEXT_LESSON, body: 'é'.repeat(110 * 1024) },
    });
    expect(result.errors?.[0]?.extensions?.fieldErrors?.body?.[0]).toMatch(/200 KB/);
    const now = await must<Course>(ops.EDITABLE_COURSE, { id: course.id });
    expect(now.revision).toBe(course.revision);
    expect(now.modules[0]!.lessons[0]!.bodyHtml).toContain('E11.9');
  });

  it('refuses the 201st lesson of a course', async () => {
    const course = await draftCourse('Two Hundred Lessons');
    const moduleId = course.modules[0]!.id;
    const version = await api.database.db.course.findUniqueOrThrow({
      where: { id: course.id },
      select: { draftVersionId: true },
    });
    await api.database.db.lesson.createMany({
      data: Array.from({ length: 199 }, (_, index) => ({
        moduleId,
        position: index + 2,
        title: `L${index}`,
        body: 'x',
      })),
    });
    expect(
      await api.database.db.lesson.count({
        where: { module: { versionId: version.draftVersionId! } },
      }),
    ).toBe(200);
    const result = await call(ops.ADD_LESSON, {
      courseId: course.id,
      revision: course.revision,
      moduleId,
      input: ops.TEXT_LESSON,
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/at most 200 lessons/);
  });

  it('requires a recognised video URL for a video lesson', async () => {
    const course = await draftCourse('Video Course');
    const moduleId = course.modules[0]!.id;
    const missing = await call(ops.ADD_LESSON, {
      courseId: course.id,
      revision: course.revision,
      moduleId,
      input: { title: 'Video', kind: 'VIDEO', estimatedMinutes: 5 },
    });
    expect(missing.errors?.[0]?.extensions?.fieldErrors?.videoUrl?.[0]).toMatch(
      /needs a video URL/,
    );
    const wrongHost = await call(ops.ADD_LESSON, {
      courseId: course.id,
      revision: course.revision,
      moduleId,
      input: {
        title: 'Video',
        kind: 'VIDEO',
        estimatedMinutes: 5,
        videoUrl: 'https://evil.example/page',
      },
    });
    expect(wrongHost.errors?.[0]?.extensions?.fieldErrors?.videoUrl?.[0]).toMatch(
      /one YouTube video .* or one Vimeo video/,
    );
    const added = await call(ops.ADD_LESSON, {
      courseId: course.id,
      revision: course.revision,
      moduleId,
      input: {
        title: 'Video',
        kind: 'VIDEO',
        estimatedMinutes: 5,
        videoUrl: 'https://www.youtube.com/watch?v=abc123',
        videoSeconds: 300,
      },
    });
    expect(added.errors).toBeUndefined();
  });
});

describe('syllabus editing', () => {
  it('adds, renames, reorders and deletes modules and lessons, keeping positions contiguous', async () => {
    let course = await draftCourse('Syllabus Course');
    const first = course.modules[0]!.id;
    course = await must<Course>(ops.ADD_MODULE, {
      courseId: course.id,
      revision: course.revision,
      title: 'Second',
    });
    course = await must<Course>(ops.ADD_MODULE, {
      courseId: course.id,
      revision: course.revision,
      title: 'Third',
    });
    const third = course.modules[2]!.id;
    course = await must<Course>(ops.MOVE_MODULE, {
      courseId: course.id,
      revision: course.revision,
      moduleId: third,
      position: 1,
    });
    expect(course.modules.map((module) => module.title)).toEqual(['Third', 'Basics', 'Second']);
    course = await must<Course>(ops.RENAME_MODULE, {
      courseId: course.id,
      revision: course.revision,
      moduleId: third,
      title: 'Intro',
    });
    course = await must<Course>(ops.ADD_LESSON, {
      courseId: course.id,
      revision: course.revision,
      moduleId: first,
      input: { ...ops.TEXT_LESSON, title: 'Second lesson' },
    });
    const secondLesson = course.modules[1]!.lessons[1]!.id;
    course = await must<Course>(ops.MOVE_LESSON, {
      courseId: course.id,
      revision: course.revision,
      lessonId: secondLesson,
      position: 1,
      moduleId: third,
    });
    expect(course.modules[0]!.lessons.map((lesson) => [lesson.title, lesson.position])).toEqual([
      ['Second lesson', 1],
    ]);
    expect(course.modules[1]!.lessons.map((lesson) => lesson.position)).toEqual([1]);
    course = await must<Course>(ops.DELETE_MODULE, {
      courseId: course.id,
      revision: course.revision,
      moduleId: third,
    });
    expect(
      course.modules.map((module) => [
        module.title,
        (module as unknown as { position: number }).position,
      ]),
    ).toEqual([
      ['Basics', 1],
      ['Second', 2],
    ]);
  });

  it('renders lesson Markdown to sanitised HTML', async () => {
    const course = await draftCourse('Markdown Course');
    const updated = await must<Course>(ops.UPDATE_LESSON, {
      courseId: course.id,
      revision: course.revision,
      lessonId: course.modules[0]!.lessons[0]!.id,
      input: {
        ...ops.TEXT_LESSON,
        body: '# I10\n\n<img src=x onerror=alert(1)> [x](javascript:alert(1))',
      },
    });
    const html = updated.modules[0]!.lessons[0]!.bodyHtml;
    expect(html).toContain('<h1>I10</h1>');
    expect(html).not.toMatch(/onerror|javascript:/);
  });

  it('refuses to edit a lesson of another course through this course', async () => {
    const mine = await draftCourse('Mine');
    const other = await draftCourse('Other');
    const result = await call(ops.UPDATE_LESSON, {
      courseId: mine.id,
      revision: mine.revision,
      lessonId: other.modules[0]!.lessons[0]!.id,
      input: ops.TEXT_LESSON,
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('lifecycle', () => {
  it('unpublish hides from the catalog, relist shows again, archive freezes, restore reopens', async () => {
    const draft = await draftCourse('Lifecycle Course');
    const { course } = await must<{ course: Course }>(ops.PUBLISH, {
      courseId: draft.id,
      revision: draft.revision,
    });
    const inCatalog = async () =>
      (await api.gql<{ course: unknown }>(CATALOG_COURSE, { slug: course.slug })).data?.course !=
      null;
    expect(await inCatalog()).toBe(true);
    expect((await must<{ status: string }>(ops.UNPUBLISH, { courseId: course.id })).status).toBe(
      'UNPUBLISHED',
    );
    expect(await inCatalog()).toBe(false);
    expect((await must<{ status: string }>(ops.RELIST, { courseId: course.id })).status).toBe(
      'PUBLISHED',
    );
    expect(await inCatalog()).toBe(true);
    expect((await must<{ status: string }>(ops.ARCHIVE, { courseId: course.id })).status).toBe(
      'ARCHIVED',
    );
    expect(await inCatalog()).toBe(false);
    const frozen = await call(ops.ADD_MODULE, {
      courseId: course.id,
      revision: course.revision,
      title: 'Late',
    });
    expect(frozen.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await must<{ status: string }>(ops.RESTORE, { courseId: course.id })).status).toBe(
      'UNPUBLISHED',
    );
    const deleted = await call(ops.DELETE_COURSE, { courseId: course.id });
    expect(deleted.errors?.[0]?.message).toMatch(/cannot be deleted. Archive it instead/);
  });

  it('deletes a never-published draft entirely', async () => {
    const course = await draftCourse('Throwaway');
    expect(await must<boolean>(ops.DELETE_COURSE, { courseId: course.id })).toBe(true);
    expect(await api.database.db.course.count({ where: { id: course.id } })).toBe(0);
    expect(await api.database.db.courseVersion.count({ where: { courseId: course.id } })).toBe(0);
  });

  it('records lifecycle acts in the audit log', async () => {
    const draft = await draftCourse('Audited Course');
    await must(ops.PUBLISH, { courseId: draft.id, revision: draft.revision });
    await must(ops.UNPUBLISH, { courseId: draft.id });
    const entries = await api.database.db.auditLog.findMany({
      where: { targetId: draft.id },
      orderBy: { createdAt: 'asc' },
      select: { action: true, actorId: true },
    });
    expect(entries).toEqual([
      { action: 'course.publish', actorId: author.id },
      { action: 'course.unpublish', actorId: author.id },
    ]);
  });
});

describe('co-instructors', () => {
  it('adds an instructor by email; refuses a student or an unknown email', async () => {
    const course = await draftCourse('Team Course');
    const student = await registerActor(api, 'STUDENT');
    const refusedStudent = await call(ops.ADD_INSTRUCTOR, {
      courseId: course.id,
      email: student.email,
    });
    expect(refusedStudent.errors?.[0]?.extensions?.fieldErrors?.email?.[0]).toMatch(/is a student/);
    const unknown = await call(ops.ADD_INSTRUCTOR, {
      courseId: course.id,
      email: 'nobody@example.com',
    });
    expect(unknown.errors?.[0]?.extensions?.fieldErrors?.email?.[0]).toMatch(/No account/);
    const team = await must<{ userId: string; role: string }[]>(ops.ADD_INSTRUCTOR, {
      courseId: course.id,
      email: coAuthor.email,
    });
    expect(team).toEqual([
      { userId: author.id, role: 'OWNER' },
      { userId: coAuthor.id, role: 'INSTRUCTOR' },
    ]);
    const removeOwner = await call(ops.REMOVE_INSTRUCTOR, {
      courseId: course.id,
      userId: author.id,
    });
    expect(removeOwner.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
