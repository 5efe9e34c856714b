import { createEnrollment } from '@lms/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support';
import { type Actor, registerActor } from '../../testing/actors';
import * as ops from '../../testing/authoring-operations';

const ENROLL = `mutation($courseId: ID!) { enrollInCourse(courseId: $courseId) { id status source courseId } }`;
const UNENROLL = `mutation($courseId: ID!) { unenrollFromCourse(courseId: $courseId) { id status } }`;
const LEARNING = `query($courseId: ID!) { learningCourse(courseId: $courseId) { enrollmentId versionNumber status progressPercent
  nextLessonId completedAt seatSeconds modules { lessons { id title completedAt seatSeconds } } } }`;
const MY_LEARNING = `{ myLearning { courseId title progressPercent nextLessonId } }`;
const LESSON = `query($lessonId: ID!) { learnerLesson(lessonId: $lessonId) { id title bodyHtml video { provider src }
  previousLessonId nextLessonId requiredSeconds seatSeconds completedAt } }`;
const ACTIVITY = `mutation($lessonId: ID!, $event: LessonEvent!) { recordLessonActivity(lessonId: $lessonId, event: $event) { seatSeconds requiredSeconds completedAt } }`;
const COMPLETE = `mutation($lessonId: ID!) { completeLesson(lessonId: $lessonId) { progress { seatSeconds completedAt }
  courseCompleted courseNewlyCompleted missing } }`;

type Errors = { message: string; extensions?: { code?: string; retryAfterSeconds?: number } }[];
type Editable = {
  id: string;
  slug: string;
  revision: number;
  modules: { id: string; lessons: { id: string }[] }[];
};

let api: TestApi;
/** Every SQL statement the API sends while `recording` is on. */
let recording = false;
let statements: string[] = [];
let instructor: Actor;

/**
 * A published course: one module with a 10-minute text lesson, a 5-minute video lesson and an
 * optional text lesson. Returns the published lesson ids.
 */
async function publishedCourse(
  options: { priceCents?: number; minimumLessonTimePercent?: number } = {},
) {
  let course = await api.must<Editable>(
    ops.CREATE_COURSE,
    {
      input: {
        title: `Learning Course ${Math.random().toString(36).slice(2, 7)}`,
        summary: 'For learners.',
        kind: 'CE',
        priceCents: options.priceCents ?? 0,
        minimumLessonTimePercent: options.minimumLessonTimePercent ?? 0,
      },
    },
    instructor,
  );
  course = await api.must<Editable>(
    ops.ADD_MODULE,
    { courseId: course.id, revision: course.revision, title: 'Module' },
    instructor,
  );
  const moduleId = course.modules[0]!.id;
  for (const input of [
    { ...ops.TEXT_LESSON, title: 'Reading', estimatedMinutes: 10 },
    {
      title: 'Watching',
      kind: 'VIDEO',
      estimatedMinutes: 5,
      videoUrl: 'https://youtu.be/dQw4w9WgXcQ',
      videoSeconds: 300,
    },
    { ...ops.TEXT_LESSON, title: 'Extra', estimatedMinutes: 5, required: false },
  ]) {
    course = await api.must<Editable>(
      ops.ADD_LESSON,
      { courseId: course.id, revision: course.revision, moduleId, input },
      instructor,
    );
  }
  await api.must(ops.PUBLISH, { courseId: course.id, revision: course.revision }, instructor);
  const published = await api.database.db.courseVersion.findFirstOrThrow({
    where: { courseId: course.id, number: 1 },
    select: {
      modules: { select: { lessons: { orderBy: { position: 'asc' }, select: { id: true } } } },
    },
  });
  const [reading, watching, extra] = published.modules[0]!.lessons.map((lesson) => lesson.id);
  return { courseId: course.id, reading: reading!, watching: watching!, extra: extra! };
}

async function rewindLastSeen(lessonId: string, learner: Actor, seconds: number) {
  await api.database.db.lessonProgress.updateMany({
    where: { lessonId, enrollment: { userId: learner.id } },
    data: { lastSeenAt: new Date(Date.now() - seconds * 1000) },
  });
}

beforeAll(async () => {
  api = await startTestApi({
    onQuery: (sql) => {
      if (recording) statements.push(sql);
    },
  });
  instructor = await registerActor(api, 'INSTRUCTOR', 'Ines Instructor');
}, 60_000);
afterAll(async () => {
  await api?.close();
});

describe('enrolment', () => {
  it('enrols in a free course once, however often and however concurrently it is asked', async () => {
    const course = await publishedCourse();
    const learner = await registerActor(api, 'STUDENT');
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        api.gql<{ enrollInCourse: { id: string } }>(
          ENROLL,
          { courseId: course.courseId },
          { token: learner.token },
        ),
      ),
    );
    expect(results.every((result) => !result.errors)).toBe(true);
    expect(new Set(results.map((result) => result.data?.enrollInCourse.id)).size).toBe(1);
    expect(await api.database.db.enrollment.count({ where: { userId: learner.id } })).toBe(1);
  });

  it('refuses a paid course (it must be bought) and an unknown or draft course', async () => {
    const paid = await publishedCourse({ priceCents: 4900 });
    const learner = await registerActor(api, 'STUDENT');
    const refused = await api.gql(ENROLL, { courseId: paid.courseId }, { token: learner.token });
    expect(refused.errors?.[0]).toMatchObject({
      message: 'This course is paid: buy it to enrol.',
      extensions: { code: 'FORBIDDEN' },
    });
    const draft = await api.must<{ id: string }>(
      ops.CREATE_COURSE,
      { input: { title: 'Draft', summary: 'S', kind: 'CE' } },
      instructor,
    );
    for (const courseId of [draft.id, '00000000-0000-4000-8000-000000000000', 'junk']) {
      const result = await api.gql(ENROLL, { courseId }, { token: learner.token });
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect(await api.database.db.enrollment.count({ where: { userId: learner.id } })).toBe(0);
  });

  it('lets a learner who left a bought course rejoin without paying; a refund needs a new purchase', async () => {
    const paid = await publishedCourse({ priceCents: 4900 });
    const buyer = await registerActor(api, 'STUDENT');
    // What a paid order's fulfilment leaves behind (payments tests cover the purchase itself).
    await createEnrollment(api.database.db, {
      userId: buyer.id,
      courseId: paid.courseId,
      source: 'PURCHASE',
    });
    await api.must(UNENROLL, { courseId: paid.courseId }, buyer);
    const back = await api.must<{ status: string; source: string }>(
      ENROLL,
      { courseId: paid.courseId },
      buyer,
    );
    expect(back).toMatchObject({ status: 'ACTIVE', source: 'PURCHASE' });

    await api.database.db.enrollment.updateMany({
      where: { userId: buyer.id, courseId: paid.courseId },
      data: { status: 'ENDED', endedReason: 'refunded' },
    });
    const refused = await api.gql(ENROLL, { courseId: paid.courseId }, { token: buyer.token });
    expect(refused.errors?.[0]?.message).toBe('This course is paid: buy it to enrol.');
  });

  it('keeps history when a learner leaves and comes back', async () => {
    const course = await publishedCourse();
    const learner = await registerActor(api, 'STUDENT');
    await api.must(ENROLL, { courseId: course.courseId }, learner);
    await api.must(COMPLETE, { lessonId: course.extra }, learner);
    expect(
      await api.must<{ status: string }>(UNENROLL, { courseId: course.courseId }, learner),
    ).toMatchObject({ status: 'UNENROLLED' });
    const lesson = await api.gql<unknown>(
      LESSON,
      { lessonId: course.reading },
      { token: learner.token },
    );
    expect((lesson.errors as Errors)[0]?.extensions?.code).toBe('FORBIDDEN');
    await api.must(ENROLL, { courseId: course.courseId }, learner);
    const learning = await api.must<{
      modules: { lessons: { id: string; completedAt: string | null }[] }[];
    }>(LEARNING, { courseId: course.courseId }, learner);
    expect(
      learning.modules[0]!.lessons.find((l) => l.id === course.extra)?.completedAt,
    ).not.toBeNull();
  });

  it('pins the version: a learner keeps version 1 after version 2 is published; a newcomer gets 2', async () => {
    const course = await publishedCourse();
    const early = await registerActor(api, 'STUDENT');
    await api.must(ENROLL, { courseId: course.courseId }, early);
    const editable = await api.must<Editable>(
      ops.EDITABLE_COURSE,
      { id: course.courseId },
      instructor,
    );
    const renamed = await api.must<Editable>(
      ops.UPDATE_DETAILS,
      {
        courseId: course.courseId,
        revision: editable.revision,
        input: { title: 'Learning Course, revised', summary: 'Revised.', kind: 'CE' },
      },
      instructor,
    );
    await api.must(
      ops.PUBLISH,
      { courseId: course.courseId, revision: renamed.revision },
      instructor,
    );
    const late = await registerActor(api, 'STUDENT');
    await api.must(ENROLL, { courseId: course.courseId }, late);
    expect(
      (await api.must<{ versionNumber: number }>(LEARNING, { courseId: course.courseId }, early))
        .versionNumber,
    ).toBe(1);
    expect(
      (await api.must<{ versionNumber: number }>(LEARNING, { courseId: course.courseId }, late))
        .versionNumber,
    ).toBe(2);
    // A lesson of version 2 is not the early learner's to open.
    const v2Lesson = await api.database.db.lesson.findFirstOrThrow({
      where: { module: { version: { courseId: course.courseId, number: 2 } } },
      select: { id: true },
    });
    const refused = await api.gql(LESSON, { lessonId: v2Lesson.id }, { token: early.token });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('lesson player and progress', () => {
  it('serves the lesson with rendered text, the embedded video and previous/next links', async () => {
    const course = await publishedCourse();
    const learner = await registerActor(api, 'STUDENT');
    await api.must(ENROLL, { courseId: course.courseId }, learner);
    const reading = await api.must<{
      bodyHtml: string;
      previousLessonId: string | null;
      nextLessonId: string;
    }>(LESSON, { lessonId: course.reading }, learner);
    expect(reading.bodyHtml).toContain('<h2>E11.9</h2>');
    expect(reading).toMatchObject({ previousLessonId: null, nextLessonId: course.watching });
    const watching = await api.must<{ video: { provider: string; src: string } }>(
      LESSON,
      { lessonId: course.watching },
      learner,
    );
    expect(watching.video).toEqual({
      provider: 'YOUTUBE',
      src: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    });
  });

  it('leaves one progress row after 16 simultaneous completions of one lesson', async () => {
    const course = await publishedCourse();
    const learner = await registerActor(api, 'STUDENT');
    await api.must(ENROLL, { courseId: course.courseId }, learner);
    const results = await Promise.all(
      Array.from({ length: 16 }, () =>
        api.gql(COMPLETE, { lessonId: course.reading }, { token: learner.token }),
      ),
    );
    expect(results.filter((result) => result.errors)).toEqual([]);
    expect(
      await api.database.db.lessonProgress.count({ where: { lessonId: course.reading } }),
    ).toBe(1);
  });

  it('refuses completion before the minimum time, credits heartbeats, and caps an idle gap', async () => {
    const course = await publishedCourse({ minimumLessonTimePercent: 100 });
    const learner = await registerActor(api, 'STUDENT');
    await api.must(ENROLL, { courseId: course.courseId }, learner);
    const opened = await api.must<{ requiredSeconds: number; seatSeconds: number }>(
      ACTIVITY,
      { lessonId: course.watching, event: 'OPEN' },
      learner,
    );
    expect(opened).toEqual({ requiredSeconds: 300, seatSeconds: 0, completedAt: null });

    const skipped = await api.gql(
      COMPLETE,
      { lessonId: course.watching },
      { token: learner.token },
    );
    const error = (skipped.errors as Errors)[0]!;
    expect(error.extensions?.code).toBe('PRECONDITION_FAILED');
    expect(error.message).toMatch(/at least 5 min on this lesson/);
    expect(error.extensions?.retryAfterSeconds).toBeGreaterThan(290);

    await rewindLastSeen(course.watching, learner, 40);
    const beat = await api.must<{ seatSeconds: number }>(
      ACTIVITY,
      { lessonId: course.watching, event: 'HEARTBEAT' },
      learner,
    );
    expect(beat.seatSeconds).toBeGreaterThanOrEqual(40);
    expect(beat.seatSeconds).toBeLessThan(45);

    // A tab left open overnight: the gap counts only up to 1.25 × the video's length.
    await rewindLastSeen(course.watching, learner, 8 * 3600);
    const done = await api.must<{ progress: { seatSeconds: number; completedAt: string } }>(
      COMPLETE,
      { lessonId: course.watching },
      learner,
    );
    expect(done.progress.completedAt).not.toBeNull();
    expect(done.progress.seatSeconds).toBeLessThanOrEqual(40 + 375 + 5);
  });

  it('credits a gap once when many heartbeats for it arrive at the same time', async () => {
    const course = await publishedCourse({ minimumLessonTimePercent: 100 });
    const learner = await registerActor(api, 'STUDENT');
    await api.must(ENROLL, { courseId: course.courseId }, learner);
    await api.must(ACTIVITY, { lessonId: course.watching, event: 'OPEN' }, learner);
    await rewindLastSeen(course.watching, learner, 90);
    const beats = await Promise.all(
      Array.from({ length: 12 }, () =>
        api.gql<{ recordLessonActivity: { seatSeconds: number } }>(
          ACTIVITY,
          { lessonId: course.watching, event: 'HEARTBEAT' },
          { token: learner.token },
        ),
      ),
    );
    expect(beats.every((beat) => !beat.errors)).toBe(true);
    const row = await api.database.db.lessonProgress.findFirstOrThrow({
      where: { lessonId: course.watching, enrollment: { userId: learner.id } },
      select: { seatSeconds: true },
    });
    // One 90 s gap is 90 s of seat time, however many requests report it (a few seconds of
    // slack for the requests' own duration).
    expect(row.seatSeconds).toBeGreaterThanOrEqual(90);
    expect(row.seatSeconds).toBeLessThan(95);
  });

  it('completes a lesson, and views one, in a fixed number of statements', async () => {
    const course = await publishedCourse();
    const learner = await registerActor(api, 'STUDENT');
    await api.must(ENROLL, { courseId: course.courseId }, learner);
    const record = async (run: () => Promise<unknown>) => {
      statements = [];
      recording = true;
      try {
        await run();
      } finally {
        recording = false;
      }
      return statements;
    };
    const completing = await record(() =>
      api.must(COMPLETE, { lessonId: course.reading }, learner),
    );
    // Session, the enrolled lesson, progress with seat time and activity, the completion
    // evidence, COMMIT (20 before issue 15).
    expect(completing, completing.join('\n')).toHaveLength(5);
    const viewing = await record(() => api.must(LESSON, { lessonId: course.reading }, learner));
    // Session and the lesson player’s one statement.
    expect(viewing, viewing.join('\n')).toHaveLength(2);
  });

  it('completes the course once, when every required lesson is done, and keeps the evidence immutable', async () => {
    const course = await publishedCourse();
    const learner = await registerActor(api, 'STUDENT');
    await api.must(ENROLL, { courseId: course.courseId }, learner);
    const first = await api.must<{ courseCompleted: boolean; missing: string[] }>(
      COMPLETE,
      { lessonId: course.reading },
      learner,
    );
    expect(first).toMatchObject({
      courseCompleted: false,
      missing: ['1 required lesson to complete'],
    });
    const second = await api.must<{ courseNewlyCompleted: boolean }>(
      COMPLETE,
      { lessonId: course.watching },
      learner,
    );
    expect(second.courseNewlyCompleted).toBe(true);
    const again = await api.must<{ courseCompleted: boolean; courseNewlyCompleted: boolean }>(
      COMPLETE,
      { lessonId: course.extra },
      learner,
    );
    expect(again).toMatchObject({ courseCompleted: true, courseNewlyCompleted: false });

    const completions = await api.database.db.courseCompletion.findMany({
      where: { enrollment: { userId: learner.id } },
    });
    expect(completions).toHaveLength(1);
    expect(completions[0]!.evidence).toMatchObject({
      requiredLessons: [course.reading, course.watching],
    });
    await expect(
      api.database.db.courseCompletion.update({
        where: { id: completions[0]!.id },
        data: { seatMinutes: 999 },
      }),
    ).rejects.toThrow(/immutable evidence/);
    const dashboard = await api.must<{ courseId: string; progressPercent: number }[]>(
      MY_LEARNING,
      {},
      learner,
    );
    expect(dashboard.find((entry) => entry.courseId === course.courseId)?.progressPercent).toBe(
      100,
    );
  });

  it('shows progress and the next lesson on the dashboard', async () => {
    const course = await publishedCourse();
    const learner = await registerActor(api, 'STUDENT');
    await api.must(ENROLL, { courseId: course.courseId }, learner);
    await api.must(COMPLETE, { lessonId: course.reading }, learner);
    const [entry] = await api.must<{ progressPercent: number; nextLessonId: string }[]>(
      MY_LEARNING,
      {},
      learner,
    );
    expect(entry).toMatchObject({ progressPercent: 50, nextLessonId: course.watching });
  });
});

describe('a learner’s data is theirs alone', () => {
  it('refuses another learner every read and write of lessons in a course they did not enrol in', async () => {
    const course = await publishedCourse();
    const owner = await registerActor(api, 'STUDENT');
    const stranger = await registerActor(api, 'STUDENT');
    await api.must(ENROLL, { courseId: course.courseId }, owner);
    await api.must(COMPLETE, { lessonId: course.reading }, owner);
    for (const [query, variables] of [
      [LESSON, { lessonId: course.reading }],
      [ACTIVITY, { lessonId: course.reading, event: 'OPEN' }],
      [COMPLETE, { lessonId: course.reading }],
    ] as const) {
      const result = await api.gql(query, variables, { token: stranger.token });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(
      (await api.gql(LEARNING, { courseId: course.courseId }, { token: stranger.token })).data,
    ).toEqual({
      learningCourse: null,
    });
    expect(
      (await api.gql(COMPLETE, { lessonId: course.reading })).errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
    const progress = await api.database.db.lessonProgress.findMany({
      where: { lessonId: course.reading },
    });
    expect(progress).toHaveLength(1);
  });
});

describe('gradebook', () => {
  const GRADEBOOK = `query($courseId: ID!) { gradebook(courseId: $courseId) { csv rows { learnerName progressPercent lessonsCompleted status } } }`;

  it('shows the course’s own instructor every learner, with a CSV; strangers get NOT_FOUND', async () => {
    const course = await publishedCourse();
    const learner = await registerActor(api, 'STUDENT', '=HYPERLINK("evil")');
    await api.must(ENROLL, { courseId: course.courseId }, learner);
    await api.must(COMPLETE, { lessonId: course.reading }, learner);
    const book = await api.must<{ csv: string; rows: unknown[] }>(
      GRADEBOOK,
      { courseId: course.courseId },
      instructor,
    );
    expect(book.rows).toEqual([
      {
        learnerName: '=HYPERLINK("evil")',
        progressPercent: 50,
        lessonsCompleted: 1,
        status: 'ACTIVE',
      },
    ]);
    const [header, row] = book.csv.trim().split('\r\n');
    expect(header).toMatch(/^Learner,Email,Version,Status/);
    expect(row).toMatch(/^"'=HYPERLINK\(""evil""\)",/);

    const otherInstructor = await registerActor(api, 'INSTRUCTOR');
    for (const actor of [otherInstructor, learner]) {
      const refused = await api.gql(
        GRADEBOOK,
        { courseId: course.courseId },
        { token: actor.token },
      );
      expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });
});
