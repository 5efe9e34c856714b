// Lesson completion and seat time, called directly on a real database with a fixed clock.
import {
  createCourse,
  createEnrollment,
  createUser,
  useTestDatabase,
  viewerFor,
} from '@lms/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../access/viewer';
import { completeLesson } from './complete-lesson';
import { recordLessonActivity } from './record-lesson-activity';
import { HEARTBEAT_CREDIT_CAP_SECONDS } from './seat-time';

const t = useTestDatabase();
let courseId: string;
let first: string;
let second: string;
let quizLesson: string;
const T0 = new Date('2026-11-02T09:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

beforeAll(async () => {
  const owner = await createUser(t.db, { role: 'INSTRUCTOR' });
  const created = await createCourse(t.db, {
    ownerId: owner.id,
    // Half of each lesson's estimated time: 5 of 10 minutes, 300 seconds.
    minimumLessonTimePercent: 50,
    modules: [
      {
        title: 'Sequencing',
        lessons: [
          { title: 'First', estimatedMinutes: 10 },
          { title: 'Second', estimatedMinutes: 10 },
          {
            title: 'Practice',
            required: false,
            quiz: {
              mode: 'PRACTICE',
              passPercent: 50,
              questions: [
                {
                  type: 'SINGLE_CHOICE',
                  prompt: 'Which code set holds E11.9?',
                  options: [{ text: 'ICD-10-CM', correct: true }, { text: 'HCPCS Level II' }],
                },
              ],
            },
          },
        ],
      },
    ],
  });
  courseId = created.course.id;
  [first, second, quizLesson] = created.lessons.map((lesson) => lesson.id) as [
    string,
    string,
    string,
  ];
}, 60_000);

async function enrolledLearner(): Promise<Viewer> {
  const learner = viewerFor(await createUser(t.db));
  await createEnrollment(t.db, { userId: learner.id, courseId });
  return learner;
}

const activity = (viewer: Viewer, lessonId: string, event: 'OPEN' | 'HEARTBEAT', seconds: number) =>
  recordLessonActivity({ db: t.db, viewer, lessonId, event, now: at(seconds) });

describe('seat time', () => {
  it('credits the gaps between events: OPEN starts the clock, a heartbeat credits at most 90 s', async () => {
    const learner = await enrolledLearner();
    expect(await activity(learner, first, 'OPEN', 0)).toMatchObject({
      lessonId: first,
      seatSeconds: 0,
      completedAt: null,
      requiredSeconds: 300,
    });
    expect((await activity(learner, first, 'HEARTBEAT', 30)).seatSeconds).toBe(30);
    // A tab left alone for ten minutes: the heartbeat after it credits only its cap.
    expect((await activity(learner, first, 'HEARTBEAT', 630)).seatSeconds).toBe(
      30 + HEARTBEAT_CREDIT_CAP_SECONDS,
    );
    // Reopening the page credits nothing for the time away.
    expect((await activity(learner, first, 'OPEN', 5000)).seatSeconds).toBe(120);
  });

  it('credits one gap once when heartbeats arrive together', async () => {
    const learner = await enrolledLearner();
    await activity(learner, first, 'OPEN', 0);
    const states = await Promise.all(
      Array.from({ length: 6 }, () => activity(learner, first, 'HEARTBEAT', 60)),
    );
    expect(Math.max(...states.map((state) => state.seatSeconds))).toBe(60);
    const rows = await t.db.lessonProgress.findMany({
      where: { lessonId: first, enrollment: { userId: learner.id } },
    });
    expect(rows.map((row) => row.seatSeconds)).toEqual([60]);
  });

  it('refuses activity on a lesson of a course the learner is not enrolled in', async () => {
    const stranger = viewerFor(await createUser(t.db));
    await expect(activity(stranger, first, 'OPEN', 0)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      await t.db.lessonProgress.count({ where: { enrollment: { userId: stranger.id } } }),
    ).toBe(0);
  });
});

describe('completeLesson', () => {
  it('refuses completion before the minimum time, says how long is left, and keeps nothing of it', async () => {
    const learner = await enrolledLearner();
    await activity(learner, first, 'OPEN', 0);
    await activity(learner, first, 'HEARTBEAT', 90);
    const early = completeLesson({ db: t.db, viewer: learner, lessonId: first, now: at(200) });
    // 90 s by heartbeat + 110 s credited by the completion itself = 200 of 300 s.
    await expect(early).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      retryAfterSeconds: 100,
    });
    const row = await t.db.lessonProgress.findFirstOrThrow({
      where: { lessonId: first, enrollment: { userId: learner.id } },
    });
    expect([row.seatSeconds, row.completedAt, row.lastSeenAt]).toEqual([90, null, at(90)]);
  });

  it('completes a lesson once its time is reached, and the course once every required lesson is', async () => {
    const learner = await enrolledLearner();
    await activity(learner, first, 'OPEN', 0);
    const one = await completeLesson({ db: t.db, viewer: learner, lessonId: first, now: at(300) });
    expect(one.progress).toMatchObject({ lessonId: first, seatSeconds: 300, completedAt: at(300) });
    expect(one.completion).toEqual({
      completed: false,
      newlyCompleted: false,
      completionId: null,
      missing: ['1 required lesson to complete'],
    });

    // Completing it again changes nothing: the first completion time stays.
    const again = await completeLesson({
      db: t.db,
      viewer: learner,
      lessonId: first,
      now: at(900),
    });
    expect(again.progress.completedAt).toEqual(at(300));

    await activity(learner, second, 'OPEN', 1000);
    const two = await completeLesson({
      db: t.db,
      viewer: learner,
      lessonId: second,
      now: at(1400),
    });
    expect(two.completion).toMatchObject({ completed: true, newlyCompleted: true, missing: [] });
    const enrollment = await t.db.enrollment.findFirstOrThrow({
      where: { userId: learner.id, courseId },
      include: { completion: true },
    });
    expect(enrollment.completedAt).toEqual(at(1400));
    expect(enrollment.completion).toMatchObject({
      id: two.completion.completionId,
      completedAt: at(1400),
      // 900 s on the first lesson and 400 s on the second (each gap under the 750 s cap).
      seatMinutes: Math.floor(1300 / 60),
      passedAttemptId: null,
    });
    expect(enrollment.completion!.evidence).toMatchObject({
      requiredLessons: [first, second],
      seatSeconds: 1300,
    });

    // Only one completion, whatever comes later.
    const later = await completeLesson({
      db: t.db,
      viewer: learner,
      lessonId: second,
      now: at(2000),
    });
    expect(later.completion).toMatchObject({ completed: true, newlyCompleted: false });
    expect(
      await t.db.courseCompletion.count({ where: { enrollment: { userId: learner.id } } }),
    ).toBe(1);
  });

  it('leaves quiz lessons to their quiz', async () => {
    const learner = await enrolledLearner();
    await expect(
      completeLesson({ db: t.db, viewer: learner, lessonId: quizLesson, now: at(0) }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });
});
