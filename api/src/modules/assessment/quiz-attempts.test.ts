import { createQueueScheduler, type QueueScheduler } from '@lms/worker';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support';
import { type Actor, registerActor } from '../../testing/actors';
import * as quiz from '../../testing/assessment-operations';
import * as ops from '../../testing/authoring-operations';

type Result<T = Record<string, unknown>> = {
  data?: T | null;
  errors?: {
    message: string;
    extensions?: { code?: string; fieldErrors?: Record<string, string[]> };
  }[];
};
type Attempt = {
  id: string;
  number: number;
  status: string;
  deadlineAt: string | null;
  secondsRemaining: number | null;
  questions: {
    id: string;
    type: string;
    area: string;
    options: { id: string; text: string }[];
    response: { optionIds: string[]; text: string | null; codes: string[] } | null;
  }[];
  sections: { area: string; questionIds: string[] }[];
  result: {
    scorePoints: number;
    maxPoints: number;
    scorePercent: number;
    passed: boolean;
    areas: { area: string; points: number; maxPoints: number; percent: number }[];
    review:
      | {
          questionId: string;
          points: number;
          correct: boolean;
          correctOptionIds: string[];
          answerCodes: string[];
        }[]
      | null;
  } | null;
};

let api: TestApi;
/** graphile-worker's schema, as the API creates it at start (email jobs, deadline jobs). */
let scheduler: QueueScheduler;
let author: Actor;
let coAuthor: Actor;
let admin: Actor;
let stranger: Actor;
let must: ReturnType<typeof quiz.mustCall>;
let gradings = 0;
/** Every SQL statement the API sends while `recording` is on. */
let recording = false;
let statements: string[] = [];

const call = <T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  actor: Actor | null,
) => api.gql<T>(query, variables, { token: actor?.token }) as Promise<Result<T>>;

beforeAll(async () => {
  api = await startTestApi({
    onQuery: (sql) => {
      if (sql.includes('UPDATE "AttemptAnswer" AS a SET')) gradings += 1;
      if (recording) statements.push(sql);
    },
  });
  scheduler = await createQueueScheduler({
    databaseUrl: api.database.url,
    log: pino({ level: 'silent' }),
  });
  must = quiz.mustCall(api);
  [author, coAuthor, admin, stranger] = await Promise.all([
    registerActor(api, 'INSTRUCTOR', 'Avery Author'),
    registerActor(api, 'INSTRUCTOR', 'Casey Coauthor'),
    registerActor(api, 'ADMIN', 'Ada Admin'),
    registerActor(api, 'INSTRUCTOR', 'Sky Stranger'),
  ]);
}, 60_000);
afterAll(async () => {
  await scheduler?.release();
  await api?.close();
});

async function publishedCourse(
  options: { settings?: Record<string, unknown>; questions?: Record<string, unknown>[] } = {},
) {
  const editor = await quiz.draftQuizCourse(api, author, options);
  return quiz.publishQuizCourse(api, author, editor);
}

async function learnerIn(course: quiz.PublishedQuiz, name = 'Lee Learner') {
  const learner = await registerActor(api, 'STUDENT', name);
  const enrollment = await quiz.enrol(api, learner, course);
  return { learner, enrollmentId: enrollment.id };
}

/** Records the course's text lesson as completed, so the post-test is the last requirement. */
async function completeTextLesson(course: quiz.PublishedQuiz, enrollmentId: string) {
  const textLesson = await api.database.db.lesson.findFirstOrThrow({
    where: { module: { versionId: course.versionId }, kind: 'TEXT' },
  });
  await api.database.db.lessonProgress.create({
    data: { enrollmentId, lessonId: textLesson.id, completedAt: new Date() },
  });
}

/** The answer input that scores full marks on a published question. */
function rightAnswer(question: quiz.PublishedQuiz['questions'][number]) {
  if (question.type === 'CODE_SET') return { text: question.answerCodes.join(', ').toLowerCase() };
  if (question.type === 'SHORT_TEXT') return { text: question.acceptedAnswers[0] };
  return { optionIds: question.options.filter((o) => o.correct).map((o) => o.id) };
}

async function answerAll(course: quiz.PublishedQuiz, learner: Actor, attempt: Attempt) {
  for (const drawn of attempt.questions) {
    const question = course.questions.find((q) => q.id === drawn.id)!;
    await must(
      quiz.SAVE_ANSWER,
      { attemptId: attempt.id, questionId: drawn.id, answer: rightAnswer(question) },
      learner,
    );
  }
}

describe('answer keys', () => {
  it('never reach the learner before submission', async () => {
    const course = await publishedCourse();
    const { learner } = await learnerIn(course);
    const started = await call<{ startQuizAttempt: Attempt }>(
      quiz.START_ATTEMPT,
      { lessonId: course.lessonId },
      learner,
    );
    const attempt = started.data!.startQuizAttempt;
    const saved = await call(
      quiz.SAVE_ANSWER,
      { attemptId: attempt.id, questionId: course.questions[1]!.id, answer: { text: 'I10' } },
      learner,
    );
    const reloaded = await call(quiz.QUIZ_ATTEMPT, { id: attempt.id }, learner);
    const overview = await call(quiz.QUIZ_FOR_LEARNER, { lessonId: course.lessonId }, learner);
    const correctOptionIds = course.questions.flatMap((q) =>
      q.options.filter((o) => o.correct).map((o) => o.id),
    );
    for (const response of [started, saved, reloaded, overview]) {
      expect(response.errors).toBeUndefined();
      const json = JSON.stringify(response);
      expect(json).not.toMatch(/"correct/);
      expect(json).not.toMatch(/answerCodes|acceptedAnswers|rationale/);
      expect(json).not.toMatch(/E11\.9|Z79\.4/);
    }
    // The options are there (ids and text), without saying which are right.
    expect(attempt.questions[0]!.options.map((o) => o.id)).toEqual(
      expect.arrayContaining(correctOptionIds.slice(0, 1)),
    );
    expect(attempt.result).toBeNull();

    // The learner types have no field for the key at all.
    const probe = await call(
      `query($id: ID!) { quizAttempt(id: $id) { questions { options { id correct } answerCodes } } }`,
      { id: attempt.id },
      learner,
    );
    expect(probe.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('attempts', () => {
  it('grades a full set of right answers, shows the review, and completes the lesson', async () => {
    const course = await publishedCourse();
    const { learner, enrollmentId } = await learnerIn(course);
    const attempt = await must<Attempt>(quiz.START_ATTEMPT, { lessonId: course.lessonId }, learner);
    expect(attempt.questions.map((q) => q.id)).toEqual(course.questions.map((q) => q.id));
    await answerAll(course, learner, attempt);
    const submitted = await must<{
      courseCompleted: boolean;
      completionMissing: string[];
      attempt: Attempt;
    }>(quiz.SUBMIT_ATTEMPT, { attemptId: attempt.id }, learner);
    expect(submitted.attempt.result).toMatchObject({
      scorePoints: 6,
      maxPoints: 6,
      scorePercent: 100,
      passed: true,
    });
    expect(submitted.attempt.result!.review!.map((r) => r.correct)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(submitted.attempt.result!.review![1]!.answerCodes).toEqual(['E11.9', 'Z79.4']);
    // The text lesson is still to do, so the course is not complete yet.
    expect(submitted.courseCompleted).toBe(false);
    expect(submitted.completionMissing).toEqual(['1 required lesson to complete']);
    const progress = await api.database.db.lessonProgress.findUniqueOrThrow({
      where: { enrollmentId_lessonId: { enrollmentId, lessonId: course.lessonId } },
    });
    expect(progress.completedAt).not.toBeNull();
  });

  it('completes the course when the post-test pass is the last requirement', async () => {
    const course = await publishedCourse();
    const { learner, enrollmentId } = await learnerIn(course);
    await completeTextLesson(course, enrollmentId);
    const attempt = await must<Attempt>(quiz.START_ATTEMPT, { lessonId: course.lessonId }, learner);
    await answerAll(course, learner, attempt);
    const submitted = await must<{ courseCompleted: boolean }>(
      quiz.SUBMIT_ATTEMPT,
      { attemptId: attempt.id },
      learner,
    );
    expect(submitted.courseCompleted).toBe(true);
    const completion = await api.database.db.courseCompletion.findUniqueOrThrow({
      where: { enrollmentId },
    });
    expect(completion.passedAttemptId).toBe(attempt.id);
  });

  it('scores partial credit: wrong extra codes and ticking every option cost points', async () => {
    // One attempt allowed: the review of a failed post-test shows after the last attempt.
    const course = await publishedCourse({ settings: { maxAttempts: 1 } });
    const { learner } = await learnerIn(course);
    const attempt = await must<Attempt>(quiz.START_ATTEMPT, { lessonId: course.lessonId }, learner);
    const [single, codes, trueFalse, multiple] = course.questions;
    const save = (questionId: string, answer: Record<string, unknown>) =>
      must<{ response: { codes: string[] } }>(
        quiz.SAVE_ANSWER,
        { attemptId: attempt.id, questionId, answer },
        learner,
      );
    await save(single!.id, rightAnswer(single!));
    const saved = await save(codes!.id, { text: 'e119 ;\n E78.5' });
    expect(saved.response.codes).toEqual(['E11.9', 'E78.5']);
    await save(trueFalse!.id, {
      optionIds: trueFalse!.options.filter((o) => !o.correct).map((o) => o.id),
    });
    await save(multiple!.id, { optionIds: multiple!.options.map((o) => o.id) });
    const submitted = await must<{ attempt: Attempt }>(
      quiz.SUBMIT_ATTEMPT,
      { attemptId: attempt.id },
      learner,
    );
    // single 1 + codes (1 hit − 1 extra) 0 + true/false 0 + tick-all (2 − 2) 0 = 1 of 6.
    expect(submitted.attempt.result).toMatchObject({
      scorePoints: 1,
      maxPoints: 6,
      scorePercent: 16.67,
      passed: false,
    });
    expect(submitted.attempt.result!.review!.map((r) => r.points)).toEqual([1, 0, 0, 0]);
    // A failed post-test does not complete the lesson.
    const progress = await api.database.db.lessonProgress.findFirst({
      where: { lessonId: course.lessonId },
    });
    expect(progress?.completedAt ?? null).toBeNull();
  });

  it('refuses bad answers with BAD_USER_INPUT and keeps the saved answer', async () => {
    const course = await publishedCourse({ settings: { questionsPerAttempt: 3 } });
    const { learner } = await learnerIn(course);
    const attempt = await must<Attempt>(quiz.START_ATTEMPT, { lessonId: course.lessonId }, learner);
    expect(attempt.questions).toHaveLength(3);
    const notDrawn = course.questions.find((q) => !attempt.questions.some((d) => d.id === q.id))!;
    const drawnChoice = attempt.questions.find((q) => q.type !== 'CODE_SET')!;
    const codeQuestion = course.questions.find((q) => q.type === 'CODE_SET')!;
    const otherQuestion = course.questions.find(
      (q) => q.id !== drawnChoice.id && q.options.length > 0,
    )!;

    const firstChoice = { optionIds: [drawnChoice.options[0]!.id] };
    await must(
      quiz.SAVE_ANSWER,
      { attemptId: attempt.id, questionId: drawnChoice.id, answer: firstChoice },
      learner,
    );
    const refusals = [
      { questionId: notDrawn.id, answer: rightAnswer(notDrawn), field: 'questionId' },
      {
        questionId: drawnChoice.id,
        answer: { optionIds: [otherQuestion.options[0]!.id] },
        field: 'optionIds',
      },
      {
        questionId: drawnChoice.id,
        answer: { optionIds: ['00000000-0000-4000-8000-000000000000'] },
        field: 'optionIds',
      },
    ];
    if (attempt.questions.some((q) => q.id === codeQuestion.id)) {
      await must(
        quiz.SAVE_ANSWER,
        { attemptId: attempt.id, questionId: codeQuestion.id, answer: { text: 'E11.9' } },
        learner,
      );
      refusals.push({
        questionId: codeQuestion.id,
        answer: { text: 'E11.9, 12345; XYZ' } as never,
        field: 'text',
      });
    }
    for (const refusal of refusals) {
      const result = await call(
        quiz.SAVE_ANSWER,
        { attemptId: attempt.id, questionId: refusal.questionId, answer: refusal.answer },
        learner,
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.fieldErrors).toHaveProperty(refusal.field);
    }
    const after = await must<Attempt>(quiz.QUIZ_ATTEMPT, { id: attempt.id }, learner);
    expect(after.questions.find((q) => q.id === drawnChoice.id)!.response!.optionIds).toEqual(
      firstChoice.optionIds,
    );
    expect(after.questions.find((q) => q.id === notDrawn.id)).toBeUndefined();
    const code = after.questions.find((q) => q.id === codeQuestion.id);
    if (code) expect(code.response!.codes).toEqual(['E11.9']);
    expect(await api.database.db.attemptAnswer.count({ where: { attemptId: attempt.id } })).toBe(
      code ? 2 : 1,
    );
  });

  it('lists malformed codes in the message', async () => {
    const course = await publishedCourse({ settings: { shuffleQuestions: false } });
    const { learner } = await learnerIn(course);
    const attempt = await must<Attempt>(quiz.START_ATTEMPT, { lessonId: course.lessonId }, learner);
    const result = await call(
      quiz.SAVE_ANSWER,
      {
        attemptId: attempt.id,
        questionId: course.questions[1]!.id,
        answer: { text: 'E11.9 E1 U99.1' },
      },
      learner,
    );
    expect(result.errors?.[0]?.extensions?.fieldErrors?.text).toEqual([
      'Not valid ICD-10-CM codes: E1, U99.1.',
    ]);
  });

  it('resumes the open attempt and refuses beyond maxAttempts', async () => {
    const course = await publishedCourse({ settings: { maxAttempts: 2 } });
    const { learner } = await learnerIn(course);
    const first = await must<Attempt>(quiz.START_ATTEMPT, { lessonId: course.lessonId }, learner);
    await must(
      quiz.SAVE_ANSWER,
      {
        attemptId: first.id,
        questionId: course.questions[0]!.id,
        answer: rightAnswer(course.questions[0]!),
      },
      learner,
    );
    const resumed = await must<Attempt>(quiz.START_ATTEMPT, { lessonId: course.lessonId }, learner);
    expect(resumed.id).toBe(first.id);
    expect(
      resumed.questions.find((q) => q.id === course.questions[0]!.id)!.response,
    ).not.toBeNull();
    await must(quiz.SUBMIT_ATTEMPT, { attemptId: first.id }, learner);
    const second = await must<Attempt>(quiz.START_ATTEMPT, { lessonId: course.lessonId }, learner);
    expect(second.number).toBe(2);
    await answerAll(course, learner, second);
    await must(quiz.SUBMIT_ATTEMPT, { attemptId: second.id }, learner);
    const third = await call(quiz.START_ATTEMPT, { lessonId: course.lessonId }, learner);
    expect(third.errors?.[0]?.extensions?.code).toBe('PRECONDITION_FAILED');
    expect(third.errors?.[0]?.message).toBe('You have used all 2 attempts allowed for this quiz.');

    const overview = await must<{
      attemptsUsed: number;
      attemptsRemaining: number;
      bestPercent: number;
      passed: boolean;
      attempts: { number: number; scorePercent: number; improvement: number | null }[];
    }>(quiz.QUIZ_FOR_LEARNER, { lessonId: course.lessonId }, learner);
    expect(overview).toMatchObject({
      attemptsUsed: 2,
      attemptsRemaining: 0,
      bestPercent: 100,
      passed: true,
    });
    expect(overview.attempts).toEqual([
      expect.objectContaining({ number: 1, scorePercent: 16.67, improvement: null }),
      expect.objectContaining({ number: 2, scorePercent: 100, improvement: 83.33 }),
    ]);
  });

  it('enforces the deadline: late saves are refused, late answers ignored, expired attempts auto-submitted', async () => {
    const course = await publishedCourse({ settings: { timeLimitMinutes: 30, maxAttempts: 1 } });
    const { learner } = await learnerIn(course);
    const attempt = await must<Attempt>(quiz.START_ATTEMPT, { lessonId: course.lessonId }, learner);
    expect(attempt.secondsRemaining).toBeGreaterThan(29 * 60);
    const [single, codes] = course.questions;
    await must(
      quiz.SAVE_ANSWER,
      { attemptId: attempt.id, questionId: single!.id, answer: rightAnswer(single!) },
      learner,
    );
    await must(
      quiz.SAVE_ANSWER,
      { attemptId: attempt.id, questionId: codes!.id, answer: rightAnswer(codes!) },
      learner,
    );
    // The single-choice answer was saved in time; the code answer "after" the deadline.
    const { db } = api.database;
    const saved = await db.attemptAnswer.findFirstOrThrow({
      where: { attemptId: attempt.id, questionId: codes!.id },
    });
    const deadline = new Date(saved.savedAt.getTime() - 1);
    await db.attemptAnswer.updateMany({
      where: { attemptId: attempt.id, questionId: single!.id },
      data: { savedAt: new Date(deadline.getTime() - 60_000) },
    });
    await db.quizAttempt.update({ where: { id: attempt.id }, data: { deadlineAt: deadline } });

    const late = await call(
      quiz.SAVE_ANSWER,
      {
        attemptId: attempt.id,
        questionId: course.questions[2]!.id,
        answer: rightAnswer(course.questions[2]!),
      },
      learner,
    );
    expect(late.errors?.[0]?.extensions?.code).toBe('PRECONDITION_FAILED');
    expect(late.errors?.[0]?.message).toMatch(/Time is up/);

    // Opening the quiz again submits the expired attempt.
    const overview = await must<{
      attempts: { status: string; scorePercent: number }[];
      openAttempt: null;
    }>(quiz.QUIZ_FOR_LEARNER, { lessonId: course.lessonId }, learner);
    expect(overview.openAttempt).toBeNull();
    expect(overview.attempts).toEqual([
      expect.objectContaining({ status: 'SUBMITTED', scorePercent: 16.67 }),
    ]);
    const graded = await must<Attempt>(quiz.QUIZ_ATTEMPT, { id: attempt.id }, learner);
    expect(graded.result!.review!.map((r) => r.points)).toEqual([1, 0, 0, 0]);
    const after = await call(
      quiz.SAVE_ANSWER,
      { attemptId: attempt.id, questionId: single!.id, answer: rightAnswer(single!) },
      learner,
    );
    expect(after.errors?.[0]?.message).toMatch(/has been submitted/);
  });

  it('keeps a failed post-test’s key hidden while attempts remain; shows it after a pass or the last attempt', async () => {
    const course = await publishedCourse({ settings: { maxAttempts: 3 } });
    const { learner } = await learnerIn(course);
    const wrongCodes = { text: 'I10' };
    const failOnce = async () => {
      const attempt = await must<Attempt>(
        quiz.START_ATTEMPT,
        { lessonId: course.lessonId },
        learner,
      );
      await must(
        quiz.SAVE_ANSWER,
        { attemptId: attempt.id, questionId: course.questions[1]!.id, answer: wrongCodes },
        learner,
      );
      return call<{ submitQuizAttempt: { attempt: Attempt } }>(
        quiz.SUBMIT_ATTEMPT,
        { attemptId: attempt.id },
        learner,
      );
    };
    const failed = await failOnce();
    const failedId = failed.data!.submitQuizAttempt.attempt.id;
    const reloaded = await call(quiz.QUIZ_ATTEMPT, { id: failedId }, learner);
    for (const response of [failed, reloaded]) {
      expect(response.errors).toBeUndefined();
      const json = JSON.stringify(response);
      expect(json).toMatch(/"passed":false/);
      expect(json).toMatch(/"review":null/);
      expect(json).not.toMatch(/correctOptionIds|answerCodes|E11\.9|Z79\.4/);
    }

    // A pass opens the review, of that attempt and of the failed one.
    const attempt = await must<Attempt>(quiz.START_ATTEMPT, { lessonId: course.lessonId }, learner);
    await answerAll(course, learner, attempt);
    const passed = await must<{ attempt: Attempt }>(
      quiz.SUBMIT_ATTEMPT,
      { attemptId: attempt.id },
      learner,
    );
    expect(passed.attempt.result!.review![1]!.answerCodes).toEqual(['E11.9', 'Z79.4']);
    const earlier = await must<Attempt>(quiz.QUIZ_ATTEMPT, { id: failedId }, learner);
    expect(earlier.result!.review!.map((r) => r.points)).toEqual([0, 0, 0, 0]);

    // Without a pass, the review opens once the last attempt is submitted, not before.
    const other = await learnerIn(course, 'Fay Failer');
    const first = await failOnceAs(other.learner);
    expect(first.result!.review).toBeNull();
    const second = await failOnceAs(other.learner);
    expect(second.result!.review).toBeNull();
    const third = await failOnceAs(other.learner);
    expect(third.result!.review![1]!.answerCodes).toEqual(['E11.9', 'Z79.4']);
    const firstAgain = await must<Attempt>(quiz.QUIZ_ATTEMPT, { id: first.id }, other.learner);
    expect(firstAgain.result!.review).not.toBeNull();

    async function failOnceAs(who: Actor) {
      const started = await must<Attempt>(quiz.START_ATTEMPT, { lessonId: course.lessonId }, who);
      const done = await must<{ attempt: Attempt }>(
        quiz.SUBMIT_ATTEMPT,
        { attemptId: started.id },
        who,
      );
      return done.attempt;
    }
  });

  it('a post-test with unlimited attempts shows its key only after a pass', async () => {
    const course = await publishedCourse({ settings: { maxAttempts: null } });
    const { learner } = await learnerIn(course);
    const started = await must<Attempt>(quiz.START_ATTEMPT, { lessonId: course.lessonId }, learner);
    const failed = await must<{ attempt: Attempt }>(
      quiz.SUBMIT_ATTEMPT,
      { attemptId: started.id },
      learner,
    );
    expect(failed.attempt.result).toMatchObject({ passed: false, review: null });
  });

  it('grades two simultaneous submissions once, with identical results', async () => {
    const course = await publishedCourse();
    const { learner } = await learnerIn(course);
    const attempt = await must<Attempt>(quiz.START_ATTEMPT, { lessonId: course.lessonId }, learner);
    await answerAll(course, learner, attempt);
    const before = gradings;
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        call<{ submitQuizAttempt: { attempt: Attempt & { submittedAt: string } } }>(
          quiz.SUBMIT_ATTEMPT,
          { attemptId: attempt.id },
          learner,
        ),
      ),
    );
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined]);
    expect(gradings - before).toBe(1);
    const views = results.map((r) => r.data!.submitQuizAttempt.attempt);
    for (const view of views) expect(view).toEqual(views[0]);
    expect(views[0]!.result!.scorePercent).toBe(100);
    expect(
      await api.database.db.lessonProgress.count({ where: { lessonId: course.lessonId } }),
    ).toBe(1);
  });
});

describe('statements per request', () => {
  it('submits, grades and completes the course with certificates in a fixed number of statements', async () => {
    const course = await publishedCourse();
    const { learner, enrollmentId } = await learnerIn(course);
    await completeTextLesson(course, enrollmentId);
    const attempt = await must<Attempt>(quiz.START_ATTEMPT, { lessonId: course.lessonId }, learner);
    await answerAll(course, learner, attempt);
    statements = [];
    recording = true;
    const submitted = await must<{ courseCompleted: boolean; attempt: Attempt }>(
      quiz.SUBMIT_ATTEMPT,
      { attemptId: attempt.id },
      learner,
    ).finally(() => {
      recording = false;
    });
    expect(submitted.courseCompleted).toBe(true);
    expect(submitted.attempt.result).toMatchObject({ scorePercent: 100, passed: true });
    expect(await api.database.db.certificate.count({ where: { enrollmentId } })).toBeGreaterThan(0);
    // Session; ownership with grading's input (before the transaction); BEGIN (a hot-write
    // transaction on a pg connection: no fallback to Prisma's, which would run it twice);
    // enrolment and attempt locks (one statement); grade with the lesson's completion (one
    // statement); completion evidence; the completion's record, answering what issuance needs
    // (with the email's recipient); the certificate; its email's outbox row (without its job);
    // COMMIT; then the email's send job. The view is the read before the transaction with the
    // grade as the grade statement stored it: not read again. 45 before issue 15, 23 before
    // the submission read before its locks, 20 before issuance read its completion in one
    // statement, 14 before the completion's insert answered it (and the recipient) and the job
    // left the transaction, 11 before the view was made from the first read.
    expect(statements.filter((sql) => sql === 'BEGIN')).toHaveLength(1);
    const commit = statements.indexOf('COMMIT');
    expect(statements.slice(0, commit + 1), statements.join('\n')).toHaveLength(10);
    // The certificate email's job is added after COMMIT, not inside the transaction: a job's
    // NOTIFY there would serialise the commits of a burst of completing submissions. (The queue
    // check, `to_regprocedure('graphile_worker.add_job(…)')`, only names it.)
    const addsJob = (sql: string) => sql.includes('add_job') && !sql.includes('to_regprocedure');
    expect(statements.slice(0, commit).filter(addsJob)).toEqual([]);
    expect(statements.slice(commit + 1), statements.join('\n')).toEqual([
      expect.stringContaining('add_jobs'),
    ]);
    // The job exists when the submission is answered.
    const certificate = await api.database.db.certificate.findFirstOrThrow({
      where: { enrollmentId },
    });
    const [jobs] = await api.database.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ${`email:${
        (
          await api.database.db.emailMessage.findFirstOrThrow({
            where: { dedupeKey: `certificate:${certificate.id}` },
          })
        ).id
      }`}`;
    expect(jobs?.n).toBe(1);
  });
});

describe('access', () => {
  it('FORBIDDEN for a student of another course; NOT_FOUND for another learner’s attempt', async () => {
    const course = await publishedCourse();
    const other = await publishedCourse();
    const { learner: owner } = await learnerIn(course, 'Owner Learner');
    const { learner: outsider } = await learnerIn(other, 'Other Learner');
    const attempt = await must<Attempt>(quiz.START_ATTEMPT, { lessonId: course.lessonId }, owner);
    for (const query of [quiz.START_ATTEMPT, quiz.QUIZ_FOR_LEARNER]) {
      const result = await call(query, { lessonId: course.lessonId }, outsider);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    for (const [query, variables] of [
      [quiz.QUIZ_ATTEMPT, { id: attempt.id }],
      [quiz.SUBMIT_ATTEMPT, { attemptId: attempt.id }],
      [
        quiz.SAVE_ANSWER,
        { attemptId: attempt.id, questionId: course.questions[0]!.id, answer: { optionIds: [] } },
      ],
    ] as const) {
      const result = await call(query, variables, outsider);
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    // An enrolment that ended closes its open attempt to saving and submitting.
    const { learner: leaver, enrollmentId } = await learnerIn(course, 'Leaving Learner');
    const open = await must<Attempt>(quiz.START_ATTEMPT, { lessonId: course.lessonId }, leaver);
    await api.database.db.enrollment.update({
      where: { id: enrollmentId },
      data: { status: 'UNENROLLED' },
    });
    for (const [query, variables] of [
      [quiz.SUBMIT_ATTEMPT, { attemptId: open.id }],
      [
        quiz.SAVE_ANSWER,
        { attemptId: open.id, questionId: course.questions[0]!.id, answer: { optionIds: [] } },
      ],
      [quiz.START_ATTEMPT, { lessonId: course.lessonId }],
    ] as const) {
      const result = await call(query, variables, leaver);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await call(quiz.START_ATTEMPT, { lessonId: course.lessonId }, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Draft lessons are not open to learners.
    const draftLesson = quiz.quizLesson(course.editor);
    const draft = await call(quiz.START_ATTEMPT, { lessonId: draftLesson.id }, owner);
    expect(draft.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('instructor statistics', () => {
  it('reports per question, the distribution and the attempts, to the course’s instructors only', async () => {
    const course = await publishedCourse();
    await must(ops.ADD_INSTRUCTOR, { courseId: course.courseId, email: coAuthor.email }, author);
    const { learner: strong } = await learnerIn(course, 'Strong Learner');
    const { learner: weak } = await learnerIn(course, 'Weak Learner');
    const strongAttempt = await must<Attempt>(
      quiz.START_ATTEMPT,
      { lessonId: course.lessonId },
      strong,
    );
    await answerAll(course, strong, strongAttempt);
    await must(quiz.SUBMIT_ATTEMPT, { attemptId: strongAttempt.id }, strong);
    const weakAttempt = await must<Attempt>(
      quiz.START_ATTEMPT,
      { lessonId: course.lessonId },
      weak,
    );
    await must(
      quiz.SAVE_ANSWER,
      { attemptId: weakAttempt.id, questionId: course.questions[1]!.id, answer: { text: 'E11.9' } },
      weak,
    );
    await must(quiz.SUBMIT_ATTEMPT, { attemptId: weakAttempt.id }, weak);
    await must(quiz.START_ATTEMPT, { lessonId: course.lessonId }, weak);

    type Stats = {
      submittedAttempts: number;
      inProgressAttempts: number;
      averagePercent: number;
      passRate: number;
      distribution: { fromPercent: number; count: number }[];
      questions: {
        questionId: string;
        drawn: number;
        answered: number;
        fullyCorrect: number;
        averagePoints: number | null;
      }[];
      attempts: {
        totalCount: number;
        edges: { node: { learnerName: string; scorePercent: number | null } }[];
      };
    };
    for (const viewer of [author, coAuthor, admin]) {
      const stats = await must<Stats>(quiz.QUIZ_STATISTICS, { quizId: course.quizId }, viewer);
      expect(stats).toMatchObject({
        submittedAttempts: 2,
        inProgressAttempts: 1,
        averagePercent: 58.34,
        passRate: 50,
      });
      expect(stats.distribution.map((b) => b.count)).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
      expect(
        stats.questions.map(({ drawn, answered, fullyCorrect, averagePoints }) => ({
          drawn,
          answered,
          fullyCorrect,
          averagePoints,
        })),
      ).toEqual([
        { drawn: 2, answered: 1, fullyCorrect: 1, averagePoints: 1 },
        { drawn: 2, answered: 2, fullyCorrect: 1, averagePoints: 1.5 },
        { drawn: 2, answered: 1, fullyCorrect: 1, averagePoints: 1 },
        { drawn: 2, answered: 1, fullyCorrect: 1, averagePoints: 2 },
      ]);
      expect(stats.attempts.totalCount).toBe(3);
      expect(stats.attempts.edges[0]!.node).toMatchObject({
        learnerName: 'Weak Learner',
        scorePercent: null,
      });
    }
    // The draft quiz id reaches the same statistics (every version of the lesson's quiz).
    const viaDraft = await must<Stats>(
      quiz.QUIZ_STATISTICS,
      { quizId: quiz.quizLesson(course.editor).quiz!.id },
      author,
    );
    expect(viaDraft.submittedAttempts).toBe(2);
    for (const viewer of [stranger, strong]) {
      const result = await call(quiz.QUIZ_STATISTICS, { quizId: course.quizId }, viewer);
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(result.data).toBeNull();
    }
    const anonymous = await call(quiz.QUIZ_STATISTICS, { quizId: course.quizId }, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the gradebook in one query', () => {
  const PAGE = `query($courseId: ID!, $search: String, $page: Int, $pageSize: Int) {
    gradebookPage(courseId: $courseId, search: $search, page: $page, pageSize: $pageSize) {
      totalLearners completedLearners matching page pages pageSize
      columns { key lessonTitle quizId }
      rows { learnerName quizzes { quizId columnKey attempts bestPercent passed } }
      quizzes { quizId lessonTitle submittedAttempts } } }`;
  type Page = {
    totalLearners: number;
    completedLearners: number;
    matching: number;
    page: number;
    pages: number;
    pageSize: number;
    columns: { key: string; lessonTitle: string; quizId: string }[];
    rows: {
      learnerName: string;
      quizzes: {
        quizId: string;
        columnKey: string;
        attempts: number;
        bestPercent: string | null;
      }[];
    }[];
    quizzes: { quizId: string; lessonTitle: string; submittedAttempts: number }[];
  };

  it('pages learners by name and groups every version of a quiz under one column, with its statistics', async () => {
    const course = await publishedCourse();
    // Three learners in version 1; the draft (version 2) has its own copy of the quiz.
    const names = ['Cara Third', 'Abel First', 'Bea Second'];
    const learners = [];
    for (const name of names) learners.push((await learnerIn(course, name)).learner);
    const attempt = await must<Attempt>(
      quiz.START_ATTEMPT,
      { lessonId: course.lessonId },
      learners[1]!,
    );
    await answerAll(course, learners[1]!, attempt);
    await must(quiz.SUBMIT_ATTEMPT, { attemptId: attempt.id }, learners[1]!);
    const draftQuizId = quiz.quizLesson(course.editor).quiz!.id;
    expect(draftQuizId).not.toBe(course.quizId);

    const first = await must<Page>(PAGE, { courseId: course.courseId, pageSize: 2 }, author);
    expect(first).toMatchObject({
      totalLearners: 3,
      completedLearners: 0,
      matching: 3,
      page: 1,
      pages: 2,
      pageSize: 2,
    });
    // One column for the quiz lesson, named after the newest version, its statistics once.
    expect(first.columns).toEqual([
      { key: expect.any(String), lessonTitle: 'Post-test', quizId: draftQuizId },
    ]);
    expect(first.quizzes).toEqual([
      { quizId: draftQuizId, lessonTitle: 'Post-test', submittedAttempts: 1 },
    ]);
    expect(first.rows.map((row) => row.learnerName)).toEqual(['Abel First', 'Bea Second']);
    // Abel's version-1 result sits in the column of the draft's quiz.
    expect(first.rows[0]!.quizzes).toEqual([
      {
        quizId: course.quizId,
        columnKey: first.columns[0]!.key,
        attempts: 1,
        bestPercent: '100.00',
        passed: true,
      },
    ]);
    // The last page, a page past the end (shows the last), and a search by email fragment.
    const last = await must<Page>(
      PAGE,
      { courseId: course.courseId, pageSize: 2, page: 9 },
      author,
    );
    expect(last.page).toBe(2);
    expect(last.rows.map((row) => row.learnerName)).toEqual(['Cara Third']);
    const found = await must<Page>(
      PAGE,
      { courseId: course.courseId, search: learners[2]!.email.toUpperCase() },
      author,
    );
    expect(found).toMatchObject({ matching: 1, totalLearners: 3, pages: 1 });
    expect(found.rows.map((row) => row.learnerName)).toEqual(['Bea Second']);

    for (const viewer of [stranger, learners[0]!]) {
      const refused = await call(PAGE, { courseId: course.courseId }, viewer);
      expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const tooMany = await call(PAGE, { courseId: course.courseId, pageSize: 500 }, author);
    expect(tooMany.errors?.[0]?.extensions?.fieldErrors?.pageSize?.[0]).toMatch(/at most 100/);
  });
});

describe('mock exams and practice quizzes', () => {
  const areaQuestion = (area: string, index: number) => ({
    type: 'SINGLE_CHOICE',
    area,
    prompt: `${area} question ${index}`,
    options: [{ text: 'Right', correct: true }, { text: 'Wrong' }],
  });

  it('draws proportionally per area into sections and reports the score per area', async () => {
    const areas = [
      'ICD10CM_GUIDELINES',
      'HCPCS_LEVEL_II',
      'ANATOMY',
      'MEDICAL_TERMINOLOGY',
      'COMPLIANCE_AND_REGULATORY',
    ];
    const questions = areas.flatMap((area) =>
      [1, 2, 3, 4].map((index) => areaQuestion(area, index)),
    );
    const course = await publishedCourse({
      settings: {
        mode: 'MOCK_EXAM',
        timeLimitMinutes: 240,
        questionsPerAttempt: 10,
        shuffleQuestions: true,
        shuffleOptions: true,
      },
      questions,
    });
    const { learner } = await learnerIn(course);
    const attempt = await must<Attempt>(quiz.START_ATTEMPT, { lessonId: course.lessonId }, learner);
    expect(attempt.questions).toHaveLength(10);
    expect(attempt.sections.map((s) => [s.area, s.questionIds.length])).toEqual([
      ['MEDICAL_TERMINOLOGY', 2],
      ['ANATOMY', 2],
      ['ICD10CM_GUIDELINES', 2],
      ['HCPCS_LEVEL_II', 2],
      ['COMPLIANCE_AND_REGULATORY', 2],
    ]);
    expect(attempt.questions.map((q) => q.id)).toEqual(
      attempt.sections.flatMap((s) => s.questionIds),
    );
    // Right answers in the first two sections only.
    for (const id of attempt.sections.slice(0, 2).flatMap((s) => s.questionIds)) {
      const question = course.questions.find((q) => q.id === id)!;
      await must(
        quiz.SAVE_ANSWER,
        { attemptId: attempt.id, questionId: id, answer: rightAnswer(question) },
        learner,
      );
    }
    const submitted = await must<{ attempt: Attempt }>(
      quiz.SUBMIT_ATTEMPT,
      { attemptId: attempt.id },
      learner,
    );
    expect(submitted.attempt.result!.scorePercent).toBe(40);
    expect(submitted.attempt.result!.areas).toEqual([
      { area: 'MEDICAL_TERMINOLOGY', points: 2, maxPoints: 2, percent: 100 },
      { area: 'ANATOMY', points: 2, maxPoints: 2, percent: 100 },
      { area: 'ICD10CM_GUIDELINES', points: 0, maxPoints: 2, percent: 0 },
      { area: 'HCPCS_LEVEL_II', points: 0, maxPoints: 2, percent: 0 },
      { area: 'COMPLIANCE_AND_REGULATORY', points: 0, maxPoints: 2, percent: 0 },
    ]);
  });

  it('a practice submission completes the lesson even below the pass mark; no review when review is off', async () => {
    const course = await publishedCourse({ settings: { mode: 'PRACTICE', allowReview: false } });
    const { learner, enrollmentId } = await learnerIn(course);
    const attempt = await must<Attempt>(quiz.START_ATTEMPT, { lessonId: course.lessonId }, learner);
    const submitted = await must<{ attempt: Attempt }>(
      quiz.SUBMIT_ATTEMPT,
      { attemptId: attempt.id },
      learner,
    );
    expect(submitted.attempt.result).toMatchObject({
      scorePercent: 0,
      passed: false,
      review: null,
    });
    const progress = await api.database.db.lessonProgress.findUniqueOrThrow({
      where: { enrollmentId_lessonId: { enrollmentId, lessonId: course.lessonId } },
    });
    expect(progress.completedAt).not.toBeNull();
  });
});
