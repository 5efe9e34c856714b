// Quiz submission on a real database (issue 15: it reads grading's input before its
// transaction and locks enrolment and attempt in one statement). What must hold whatever the
// timing: a save that commits between the submission's read and its lock is graded; a save
// racing a submission is either refused or graded, never stored ungraded or graded against an
// older response; a submission racing the deadline job grades once; the lock order stays
// enrolment before attempt.
import { createPrismaClient, hotWrites } from '@lms/db';
import {
  createCourse,
  createEnrollment,
  createUser,
  latch,
  useTestDatabase,
  viewerFor,
} from '@lms/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../access/viewer';
import { loadLearnerAttempt } from './attempt-access';
import { asResponse } from './attempt-views';
import { gradeAttempt } from './grade-attempt';
import { gradeExpiredAttempt } from './grade-expired-attempt';
import { saveAnswer } from './save-answer';
import { scoreAnswer } from './scoring';
import { loadSubmission, lockAttemptForGradingStatement } from './sql';
import { startQuizAttempt } from './start-quiz-attempt';
import { submitQuizAttempt } from './submit-quiz-attempt';

const t = useTestDatabase();
let courseId: string;
let lessonId: string;
/** Per question: its id, the right and a wrong option. */
let questions: { id: string; right: string; wrong: string }[];

beforeAll(async () => {
  const owner = await createUser(t.db, { role: 'INSTRUCTOR' });
  const created = await createCourse(t.db, {
    ownerId: owner.id,
    modules: [
      {
        title: 'Assessment',
        lessons: [
          {
            title: 'Post-test',
            quiz: {
              mode: 'POST_TEST',
              passPercent: 70,
              timeLimitMinutes: 60,
              questions: ['E11.9', 'Z79.4', 'I10'].map((code) => ({
                type: 'SINGLE_CHOICE' as const,
                prompt: `Which code is ${code}?`,
                options: [
                  { text: code, correct: true },
                  { text: 'ZZ001', correct: false },
                ],
              })),
            },
          },
        ],
      },
    ],
  });
  courseId = created.course.id;
  lessonId = created.lessons[0]!.id;
  const rows = await t.db.question.findMany({
    where: { quiz: { lessonId } },
    select: { id: true, options: { select: { id: true, correct: true } } },
  });
  questions = rows.map((row) => ({
    id: row.id,
    right: row.options.find((option) => option.correct)!.id,
    wrong: row.options.find((option) => !option.correct)!.id,
  }));
}, 60_000);

async function openAttempt(): Promise<{ viewer: Viewer; attemptId: string; enrollmentId: string }> {
  const viewer = viewerFor(await createUser(t.db));
  const enrollment = await createEnrollment(t.db, { userId: viewer.id, courseId });
  const attempt = await startQuizAttempt({ db: t.db, viewer, lessonId });
  return { viewer, attemptId: attempt.id, enrollmentId: enrollment.id };
}

const save = (viewer: Viewer, attemptId: string, questionId: string, optionId: string) =>
  saveAnswer({ db: t.db, viewer, attemptId, questionId, answer: { optionIds: [optionId] } });

/** Every stored answer's points must be its stored response's score (nothing stale or missed). */
async function expectGradedAsStored(attemptId: string) {
  const attempt = await t.db.quizAttempt.findUniqueOrThrow({
    where: { id: attemptId },
    select: { status: true, scorePoints: true, answers: true },
  });
  expect(attempt.status).toBe('SUBMITTED');
  const keys = await t.db.question.findMany({
    where: { id: { in: attempt.answers.map((answer) => answer.questionId) } },
    select: {
      id: true,
      type: true,
      points: true,
      acceptedAnswers: true,
      answerCodes: true,
      options: { select: { id: true, correct: true } },
    },
  });
  let total = 0;
  for (const answer of attempt.answers) {
    const key = keys.find((question) => question.id === answer.questionId)!;
    const expected = scoreAnswer(key, asResponse(answer.response));
    expect(answer.points === null ? null : Number(answer.points)).toBe(expected.points);
    expect(answer.correct).toBe(expected.correct);
    total += expected.points;
  }
  expect(Number(attempt.scorePoints)).toBe(total);
}

describe('quiz submission', () => {
  it('grades an answer saved between the submission’s read and its lock', async () => {
    const { viewer, attemptId, enrollmentId } = await openAttempt();
    for (const question of questions) await save(viewer, attemptId, question.id, question.wrong);
    // The submission's read, then the learner corrects two answers before the lock is taken.
    const prepared = (await loadSubmission(t.db, attemptId))!;
    await save(viewer, attemptId, questions[0]!.id, questions[0]!.right);
    await save(viewer, attemptId, questions[1]!.id, questions[1]!.right);
    const outcome = await t.db.$transaction((tx) =>
      gradeAttempt(tx, attemptId, enrollmentId, new Date(), prepared),
    );
    expect(outcome.graded).toBe(true);
    const attempt = await t.db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(Number(attempt.scorePercent)).toBe(66.67);
    await expectGradedAsStored(attemptId);
  });

  it('answers the view that reading the graded attempt again gives (it is not read again)', async () => {
    const { viewer, attemptId } = await openAttempt();
    await save(viewer, attemptId, questions[0]!.id, questions[0]!.right);
    await save(viewer, attemptId, questions[1]!.id, questions[1]!.wrong);
    const now = new Date();
    const { completion, ...first } = await submitQuizAttempt({ db: t.db, viewer, attemptId, now });
    expect(first.status).toBe('SUBMITTED');
    expect(completion).toBeNull(); // A failed post-test completes nothing.
    expect(first).toEqual(await loadLearnerAttempt(t.db, attemptId, now));
    // Submitted again: the view as read, no grade.
    const { completion: none, ...again } = await submitQuizAttempt({
      db: t.db,
      viewer,
      attemptId,
      now,
    });
    expect(none).toBeNull();
    expect(again).toEqual(first);

    // A second attempt (the history: one earlier failed attempt), past its deadline, with an
    // answer saved after it (kept, not counted) and the others right.
    const second = await startQuizAttempt({ db: t.db, viewer, lessonId });
    for (const question of questions.slice(0, 2)) {
      await save(viewer, second.id, question.id, question.right);
    }
    const deadline = new Date();
    await t.db.quizAttempt.update({ where: { id: second.id }, data: { deadlineAt: deadline } });
    await t.db.$executeRaw`
      INSERT INTO "AttemptAnswer" ("attemptId", "questionId", "response", "savedAt")
      VALUES (${second.id}::uuid, ${questions[2]!.id}::uuid,
              ${JSON.stringify({ optionIds: [questions[2]!.right] })}::jsonb, ${new Date(deadline.getTime() + 1000)})`;
    const later = new Date(deadline.getTime() + 2000);
    const { completion: done, ...graded } = await submitQuizAttempt({
      db: t.db,
      viewer,
      attemptId: second.id,
      now: later,
    });
    expect(graded.result?.scorePercent).toBe(66.67);
    expect(graded).toEqual(await loadLearnerAttempt(t.db, second.id, later));
    expect(done).toBeNull();

    // A third attempt passes: the history now has a pass, the course completes.
    const third = await startQuizAttempt({ db: t.db, viewer, lessonId });
    for (const question of questions) await save(viewer, third.id, question.id, question.right);
    const last = new Date();
    const { completion: completed, ...passed } = await submitQuizAttempt({
      db: t.db,
      viewer,
      attemptId: third.id,
      now: last,
    });
    expect(passed.result?.passed).toBe(true);
    expect(completed).not.toBeNull();
    expect(passed).toEqual(await loadLearnerAttempt(t.db, third.id, last));
  });

  it('a save racing a submission is refused or graded, never left stale (real parallel)', async () => {
    for (let round = 0; round < 8; round += 1) {
      const { viewer, attemptId } = await openAttempt();
      await save(viewer, attemptId, questions[0]!.id, questions[0]!.wrong);
      const [saved, submitted] = await Promise.allSettled([
        save(viewer, attemptId, questions[round % 2]!.id, questions[round % 2]!.right),
        submitQuizAttempt({ db: t.db, viewer, attemptId }),
      ]);
      expect(submitted.status).toBe('fulfilled');
      if (saved.status === 'rejected') {
        expect(String(saved.reason)).toMatch(/submitted/);
      }
      await expectGradedAsStored(attemptId);
    }
  });

  it('a submission racing the deadline job grades once (real parallel)', async () => {
    for (let round = 0; round < 4; round += 1) {
      const { viewer, attemptId } = await openAttempt();
      for (const question of questions) await save(viewer, attemptId, question.id, question.right);
      // The deadline passes after the answers were saved.
      const deadline = new Date();
      await t.db.quizAttempt.update({ where: { id: attemptId }, data: { deadlineAt: deadline } });
      await new Promise((resolve) => setTimeout(resolve, 5));
      const [job, submitted] = await Promise.all([
        gradeExpiredAttempt({ db: t.db, attemptId }),
        submitQuizAttempt({ db: t.db, viewer, attemptId }),
      ]);
      expect(submitted.status).toBe('SUBMITTED');
      const attempt = await t.db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
      // Graded at the deadline by whichever came first; answers saved before it count.
      expect(attempt.submittedAt).toEqual(deadline);
      expect(Number(attempt.scorePercent)).toBe(100);
      expect(typeof job.graded).toBe('boolean');
      await expectGradedAsStored(attemptId);
      expect(
        await t.db.lessonProgress.count({ where: { lessonId, enrollment: { userId: viewer.id } } }),
      ).toBe(1);
    }
  });

  // The submission runs the statement prepared (its generic plan after five custom ones);
  // Prisma's transaction runs it unnamed (a custom plan). Both must keep the order.
  it.each([
    ['a custom plan (unnamed, in Prisma’s transaction)', false],
    ['the generic plan of the prepared statement (hot transaction)', true],
  ])('locks the enrolment before the attempt, in one statement: %s', async (_plan, generic) => {
    const { attemptId, enrollmentId } = await openAttempt();
    const tryLockAttempt = () =>
      t.db.$transaction(
        (tx) =>
          tx.$queryRaw`SELECT 1 FROM "QuizAttempt" WHERE "id" = ${attemptId}::uuid FOR UPDATE NOWAIT`,
      );
    const released = latch();
    const held = latch();
    const holder = t.db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "Enrollment" WHERE "id" = ${enrollmentId}::uuid FOR NO KEY UPDATE`;
      held.open();
      await released.opened;
    });
    await held.opened;
    const gradingDone = latch();
    const graderStatus = latch<string | null>();
    let genericPlans: number | null = null;
    const grader = generic
      ? hotWrites(t.db).transaction(async (tx) => {
          await tx.$executeRaw`SET LOCAL plan_cache_mode = force_generic_plan`;
          const statement = lockAttemptForGradingStatement(attemptId, enrollmentId);
          const [row] = await tx.$queryRaw<{ status: string }[]>(statement);
          // It ran as a named prepared statement, on its generic plan.
          const [plans] = await tx.$queryRaw<{ generic: number }[]>`
            SELECT generic_plans::int AS "generic" FROM pg_prepared_statements
             WHERE statement = ${statement.text}`;
          genericPlans = plans?.generic ?? 0;
          graderStatus.open(row?.status ?? null);
          await gradingDone.opened;
        })
      : t.db.$transaction(async (tx) => {
          const [row] = await tx.$queryRaw<{ status: string }[]>(
            lockAttemptForGradingStatement(attemptId, enrollmentId),
          );
          graderStatus.open(row?.status ?? null);
          await gradingDone.opened;
        });
    try {
      // The grader waits on the enrolment...
      await expect
        .poll(async () => {
          const [row] = await t.db.$queryRaw<{ n: number }[]>`
            SELECT count(*)::int AS n FROM pg_stat_activity
             WHERE wait_event_type = 'Lock' AND query LIKE '%AS "status" FROM "QuizAttempt" a%'`;
          return row!.n;
        })
        .toBe(1);
      // ...and has not touched the attempt yet: it is free to lock.
      await expect(tryLockAttempt()).resolves.toHaveLength(1);
      released.open();
      await holder;
      expect(await graderStatus.opened).toBe('IN_PROGRESS');
      if (generic) expect(genericPlans).toBeGreaterThan(0);
      // Now the grader holds the attempt.
      await expect(tryLockAttempt()).rejects.toThrow(/could not obtain lock|55P03/);
    } finally {
      released.open();
      gradingDone.open();
      await Promise.allSettled([holder, grader]);
    }
  });

  it('grades each answer in place: on a page filled by later saves, the update stays on it (HOT)', async () => {
    // More saved answers than one heap page holds (about 60 of these fit in 8 kB), so the page
    // of the first attempt's answers is filled by the others' before it is graded.
    const opened: Awaited<ReturnType<typeof openAttempt>>[] = [];
    for (let i = 0; i < 25; i += 1) {
      const attempt = await openAttempt();
      for (const q of questions) await save(attempt.viewer, attempt.attemptId, q.id, q.right);
      opened.push(attempt);
    }
    const { viewer, attemptId } = opened[0]!;
    const pages = () => t.db.$queryRaw<{ id: string; page: string }[]>`
      SELECT "id"::text, ((ctid::text::point)[0])::text AS "page"
        FROM "AttemptAnswer" WHERE "attemptId" = ${attemptId}::uuid ORDER BY "id"`;
    const before = await pages();
    expect(before).toHaveLength(questions.length);
    const graded = await submitQuizAttempt({ db: t.db, viewer, attemptId, now: new Date() });
    expect(graded.status).toBe('SUBMITTED');
    await expectGradedAsStored(attemptId);
    // A HOT update writes the new row version on the same page and no index entry; without
    // room on the page (fillfactor 100) each answer's new version moves to another page.
    expect(await pages()).toEqual(before);
  });

  it('a burst larger than the pool is graded in full: submissions wait at the gate, not on the pool (real parallel)', async () => {
    // A process with 2 connections whose pool gives up on a connection wait after 300 ms. 120
    // submissions at once: without admission control their transactions queue in the pool one
    // behind the other (120 × a transaction's hold / 2 connections) and the last ones fail with
    // the pool's timeout (503 "busy"); at the gate they wait in order and all are graded.
    const db = createPrismaClient({ databaseUrl: t.url, poolMax: 2, connectionTimeoutMs: 300 });
    try {
      // Opened a few at a time (the set-up is not the point, and the test pool is 10).
      const attempts: Awaited<ReturnType<typeof openAttempt>>[] = [];
      while (attempts.length < 120) {
        const batch = await Promise.all(
          Array.from({ length: 5 }, async () => {
            const opened = await openAttempt();
            await save(opened.viewer, opened.attemptId, questions[0]!.id, questions[0]!.right);
            return opened;
          }),
        );
        attempts.push(...batch);
      }
      // Both connections open before the burst (opening one, SCRAM included, is not the point).
      await Promise.all([
        db.$queryRaw`SELECT pg_sleep(0.05)::text AS slept`,
        db.$queryRaw`SELECT pg_sleep(0.05)::text AS slept`,
      ]);
      const outcomes = await Promise.allSettled(
        attempts.map(({ viewer, attemptId }) => submitQuizAttempt({ db, viewer, attemptId })),
      );
      const failed = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect(failed.map((outcome) => String(outcome.reason)).slice(0, 3)).toEqual([]);
      expect(
        await t.db.quizAttempt.count({
          where: { id: { in: attempts.map((a) => a.attemptId) }, status: 'SUBMITTED' },
        }),
      ).toBe(120);
    } finally {
      await db.$disconnect();
    }
  }, 120_000);
});
