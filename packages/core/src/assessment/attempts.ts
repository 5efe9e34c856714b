import type { Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { checkCodesInRelease, learnerMessage } from '../codesets/check-codes';
import { CODE_SYSTEM_LABELS, parseCodes } from '../codesets/codes';
import { isUuid } from '../db/ids';
import { jobScheduler } from '../db/job-scheduler';
import { lockEnrollment } from '../db/locks';
import type { Tx } from '../db/tx';
import { AppError } from '../errors/app-error';
import {
  type CompletionOutcome,
  evaluateCompletion,
  markLessonComplete,
} from '../learning/completion';
import { requireEnrolledLesson } from '../learning/enrollment-access';
import {
  type AttemptHistory,
  type AttemptRecord,
  asResponse,
  attemptRecordSelect,
  type LearnerAttempt,
  toLearnerAttempt,
} from './attempt-views';
import { drawAttempt, type RandomInt } from './draw';
import { QUIZ_LIMITS } from './quiz-schemas';
import { type LearnerResponse, percentOf, scoreAnswer } from './scoring';

const TX_OPTIONS = { timeout: 15_000, maxWait: 15_000 };
const NO_ATTEMPTS_LEFT = (max: number) =>
  `You have used all ${max} attempt${max === 1 ? '' : 's'} allowed for this quiz.`;
const TIME_UP =
  'Time is up for this attempt: answers can no longer be changed. Submit it to see your score.';
const ALREADY_SUBMITTED = 'This attempt has been submitted: its answers can no longer be changed.';

/** The quiz of a lesson the viewer is enrolled in (FORBIDDEN when not enrolled). */
async function enrolledQuiz(tx: Tx | Db, viewer: Viewer | null, lessonId: string) {
  const enrolled = await requireEnrolledLesson(tx, viewer, lessonId);
  const quiz =
    enrolled.lesson.kind === 'QUIZ'
      ? await tx.quiz.findUnique({
          where: { lessonId },
          select: {
            id: true,
            mode: true,
            passPercent: true,
            timeLimitMinutes: true,
            maxAttempts: true,
            questionsPerAttempt: true,
            shuffleQuestions: true,
            shuffleOptions: true,
            allowReview: true,
            lesson: { select: { title: true } },
          },
        })
      : null;
  if (!quiz) throw AppError.notFound('Quiz');
  return { enrolled, quiz };
}

/**
 * The viewer's own attempt (anyone else's, or an unknown id: NOT_FOUND). `active` also
 * requires the enrolment to be active (FORBIDDEN otherwise): the attempt was started through
 * requireEnrolledLesson, so its lesson is in the enrolled version, and checking the enrolment
 * row here saves the lesson → module → version lookups on every save and submit.
 */
async function ownAttempt(
  tx: Tx | Db,
  viewer: Viewer | null,
  attemptId: string,
  options: { active?: boolean } = {},
) {
  const learner = requireViewer(viewer);
  const attempt = isUuid(attemptId)
    ? await tx.quizAttempt.findUnique({
        where: { id: attemptId },
        select: {
          id: true,
          enrollmentId: true,
          status: true,
          deadlineAt: true,
          questionIds: true,
          enrollment: { select: { userId: true, status: true } },
          quiz: { select: { lessonId: true } },
        },
      })
    : null;
  if (!attempt || attempt.enrollment.userId !== learner.id) throw AppError.notFound('Attempt');
  if (options.active && attempt.enrollment.status !== 'ACTIVE') {
    throw new AppError('FORBIDDEN', 'Enrol in this course to open its lessons.');
  }
  return attempt;
}

export interface GradeOutcome {
  /** This call graded the attempt (false: it was already submitted). */
  graded: boolean;
  completion: CompletionOutcome | null;
}

/**
 * Grades an attempt once. Locks the enrolment, then the attempt row (`FOR UPDATE`), so two
 * simultaneous submissions grade once: the second finds it SUBMITTED. Only answers saved by
 * the deadline count. Completes the lesson (practice: on submission; post-test and mock exam:
 * on a pass) and checks the course's completion rule, in the caller's transaction.
 */
export async function gradeAttempt(
  tx: Tx,
  attemptId: string,
  enrollmentId: string,
  now: Date,
): Promise<GradeOutcome> {
  await lockEnrollment(tx, enrollmentId);
  const [locked] = await tx.$queryRaw<{ status: string }[]>`
    SELECT "status"::text AS "status" FROM "QuizAttempt" WHERE "id" = ${attemptId}::uuid FOR UPDATE`;
  if (!locked || locked.status === 'SUBMITTED') return { graded: false, completion: null };

  const attempt = await tx.quizAttempt.findUniqueOrThrow({
    where: { id: attemptId },
    select: {
      questionIds: true,
      deadlineAt: true,
      quiz: { select: { lessonId: true, mode: true, passPercent: true } },
      answers: { select: { id: true, questionId: true, response: true, savedAt: true } },
    },
  });
  const questions = await tx.question.findMany({
    where: { id: { in: attempt.questionIds } },
    select: {
      id: true,
      type: true,
      points: true,
      acceptedAnswers: true,
      answerCodes: true,
      options: { select: { id: true, correct: true } },
    },
  });
  const byId = new Map(questions.map((question) => [question.id, question]));
  const maxPoints = attempt.questionIds.reduce((sum, id) => sum + (byId.get(id)?.points ?? 0), 0);
  const deadline = attempt.deadlineAt;
  const ids: string[] = [];
  const points: number[] = [];
  const correct: boolean[] = [];
  let total = 0;
  for (const answer of attempt.answers) {
    const question = byId.get(answer.questionId);
    if (!question) continue;
    if (deadline && answer.savedAt > deadline) continue; // saved too late: ignored
    const score = scoreAnswer(question, asResponse(answer.response));
    ids.push(answer.id);
    points.push(score.points);
    correct.push(score.correct);
    total += score.points;
  }
  if (ids.length > 0) {
    await tx.$executeRaw`
      UPDATE "AttemptAnswer" AS a SET "points" = v."points", "correct" = v."correct"
      FROM unnest(${ids}::uuid[], ${points}::numeric[], ${correct}::boolean[]) AS v("id", "points", "correct")
      WHERE a."id" = v."id"`;
  }
  // A timed-out attempt counts as submitted at its deadline, whenever it is graded (the job
  // at the deadline, the learner's next visit, or a late submit): the completion, program
  // date, approval check and cycle follow the deadline, not the moment of grading.
  const gradedAt = deadline && deadline < now ? deadline : now;
  const scorePoints = Math.round(total * 1000) / 1000;
  const scorePercent = percentOf(scorePoints, maxPoints);
  const passed = scorePercent >= attempt.quiz.passPercent;
  await tx.quizAttempt.update({
    where: { id: attemptId },
    data: {
      status: 'SUBMITTED',
      submittedAt: gradedAt,
      scorePoints,
      maxPoints,
      scorePercent,
      passed,
    },
    select: { id: true },
  });
  let completion: CompletionOutcome | null = null;
  if (attempt.quiz.mode === 'PRACTICE' || passed) {
    await markLessonComplete(tx, enrollmentId, attempt.quiz.lessonId, gradedAt);
    completion = await evaluateCompletion(tx, enrollmentId, gradedAt);
  }
  return { graded: true, completion };
}

/** Submits the enrolment's open attempts of a quiz whose deadline has passed (auto-submit). */
async function settleExpiredAttempts(db: Db, enrollmentId: string, quizId: string, now: Date) {
  const expired = await db.quizAttempt.findMany({
    where: { enrollmentId, quizId, status: 'IN_PROGRESS', deadlineAt: { lte: now } },
    select: { id: true },
  });
  for (const attempt of expired) {
    await db.$transaction((tx) => gradeAttempt(tx, attempt.id, enrollmentId, now), TX_OPTIONS);
  }
}

async function loadLearnerAttempt(
  tx: Tx | Db,
  attemptId: string,
  now: Date,
  questionIds?: string[],
): Promise<LearnerAttempt> {
  const ids =
    questionIds ??
    (
      await tx.quizAttempt.findUniqueOrThrow({
        where: { id: attemptId },
        select: { questionIds: true },
      })
    ).questionIds;
  const record = (await tx.quizAttempt.findUniqueOrThrow({
    where: { id: attemptId },
    select: attemptRecordSelect(ids),
  })) as AttemptRecord;
  return toLearnerAttempt(record, now, await attemptHistory(tx, record));
}

/** How many of the enrolment's attempts of this quiz are submitted, and whether one passed. */
async function attemptHistory(
  tx: Tx | Db,
  record: { enrollmentId: string; quizId: string },
): Promise<AttemptHistory> {
  const [row] = await tx.$queryRaw<{ submitted: number; passed: boolean }[]>`
    SELECT count(*)::int AS "submitted", coalesce(bool_or("passed"), false) AS "passed"
    FROM "QuizAttempt"
    WHERE "enrollmentId" = ${record.enrollmentId}::uuid AND "quizId" = ${record.quizId}::uuid
      AND "status" = 'SUBMITTED'`;
  return { submittedAttempts: row?.submitted ?? 0, passedAny: row?.passed ?? false };
}

/**
 * Starts an attempt of a lesson's quiz, or resumes the open one while its time lasts. An
 * expired open attempt is submitted first. Refused once maxAttempts are used.
 */
export async function startQuizAttempt(options: {
  db: Db;
  viewer: Viewer | null;
  lessonId: string;
  now?: Date;
  random?: RandomInt;
}): Promise<LearnerAttempt> {
  const now = options.now ?? new Date();
  const { enrolled, quiz } = await enrolledQuiz(options.db, options.viewer, options.lessonId);
  await settleExpiredAttempts(options.db, enrolled.enrollmentId, quiz.id, now);
  const outcome = await options.db.$transaction(async (tx) => {
    await lockEnrollment(tx, enrolled.enrollmentId);
    const open = await tx.quizAttempt.findFirst({
      where: { enrollmentId: enrolled.enrollmentId, quizId: quiz.id, status: 'IN_PROGRESS' },
      select: { id: true, deadlineAt: true },
    });
    if (open && (!open.deadlineAt || open.deadlineAt > now))
      return { attemptId: open.id, deadlineAt: null };
    if (open) await gradeAttempt(tx, open.id, enrolled.enrollmentId, now);
    const used = await tx.quizAttempt.count({
      where: { enrollmentId: enrolled.enrollmentId, quizId: quiz.id },
    });
    if (quiz.maxAttempts !== null && used >= quiz.maxAttempts) {
      return { refused: NO_ATTEMPTS_LEFT(quiz.maxAttempts) };
    }
    const pool = await tx.question.findMany({
      where: { quizId: quiz.id },
      select: {
        id: true,
        position: true,
        area: true,
        type: true,
        options: { orderBy: { position: 'asc' }, select: { id: true } },
      },
    });
    const draw = drawAttempt(
      pool.map((question) => ({
        ...question,
        optionIds: question.options.map((option) => option.id),
      })),
      quiz,
      options.random,
    );
    const created = await tx.quizAttempt.create({
      data: {
        enrollmentId: enrolled.enrollmentId,
        quizId: quiz.id,
        number: used + 1,
        questionIds: draw.questionIds,
        optionOrder: draw.optionOrder,
        startedAt: now,
        deadlineAt: quiz.timeLimitMinutes
          ? new Date(now.getTime() + quiz.timeLimitMinutes * 60_000)
          : null,
      },
      select: { id: true, deadlineAt: true },
    });
    await tx.enrollment.update({
      where: { id: enrolled.enrollmentId },
      data: { lastActivityAt: now },
      select: { id: true },
    });
    return { attemptId: created.id, deadlineAt: created.deadlineAt };
  }, TX_OPTIONS);
  if ('refused' in outcome) throw new AppError('PRECONDITION_FAILED', outcome.refused!);
  // A timed attempt is graded at its deadline by the job worker, even if the learner never
  // comes back (the periodic sweep catches a schedule lost between commit and here).
  if (outcome.deadlineAt)
    await jobScheduler().gradeAttemptAt(outcome.attemptId, outcome.deadlineAt);
  return loadLearnerAttempt(options.db, outcome.attemptId, now);
}

/** What saveAnswer accepts: option ids for choice questions, text for short text and codes. */
export interface AnswerInput {
  optionIds?: string[] | null;
  text?: string | null;
}

export interface SavedAnswer {
  attemptId: string;
  questionId: string;
  response: LearnerResponse;
  savedAt: Date;
  secondsRemaining: number | null;
}

function checkedResponse(
  question: {
    type: string;
    codeSystem: 'ICD10CM' | 'ICD10PCS' | 'HCPCS' | null;
    options: { id: string }[];
  },
  input: AnswerInput,
): LearnerResponse {
  switch (question.type) {
    case 'SINGLE_CHOICE':
    case 'TRUE_FALSE':
    case 'MULTIPLE_CHOICE': {
      const ids = [...new Set(input.optionIds ?? [])];
      const known = new Set(question.options.map((option) => option.id));
      const unknown = ids.filter((id) => !known.has(id));
      if (unknown.length > 0) {
        throw AppError.badInput(
          { optionIds: [`These options do not belong to this question: ${unknown.join(', ')}.`] },
          'Choose among the question’s options.',
        );
      }
      if (question.type !== 'MULTIPLE_CHOICE' && ids.length > 1) {
        throw AppError.badInput({ optionIds: ['Choose one option.'] }, 'Choose one option.');
      }
      return { optionIds: ids };
    }
    case 'SHORT_TEXT': {
      const text = input.text ?? '';
      if (text.length > QUIZ_LIMITS.shortTextResponse) {
        throw AppError.badInput({
          text: [`Answers are at most ${QUIZ_LIMITS.shortTextResponse} characters.`],
        });
      }
      return { text };
    }
    default: {
      const text = input.text ?? '';
      if (text.length > QUIZ_LIMITS.codeResponse) {
        throw AppError.badInput({
          text: [`Answers are at most ${QUIZ_LIMITS.codeResponse} characters.`],
        });
      }
      const system = question.codeSystem ?? 'ICD10CM';
      const parsed = parseCodes(system, text);
      if (parsed.malformed.length > 0) {
        const label = CODE_SYSTEM_LABELS[system];
        throw AppError.badInput(
          { text: [`Not valid ${label} codes: ${parsed.malformed.join(', ')}.`] },
          `Not valid ${label} codes: ${parsed.malformed.join(', ')}. Your saved answer has not changed.`,
        );
      }
      return { text, codes: parsed.codes };
    }
  }
}

/**
 * Saves (upserts) the answer to one question of an open attempt. Refused after the deadline
 * or after submission; the previous answer stays when the new one is refused.
 */
export async function saveAnswer(options: {
  db: Db;
  viewer: Viewer | null;
  attemptId: string;
  questionId: string;
  answer: AnswerInput;
  now?: Date;
}): Promise<SavedAnswer> {
  const now = options.now ?? new Date();
  const attempt = await ownAttempt(options.db, options.viewer, options.attemptId, { active: true });
  if (!attempt.questionIds.includes(options.questionId)) {
    throw AppError.badInput(
      { questionId: ['This question is not part of this attempt.'] },
      'This question is not part of this attempt.',
    );
  }
  const question = await options.db.question.findUniqueOrThrow({
    where: { id: options.questionId },
    select: {
      type: true,
      codeSystem: true,
      options: { select: { id: true } },
      codeSetRelease: { select: { id: true, name: true, system: true } },
    },
  });
  const response = checkedResponse(question, options.answer);
  // The release check (unknown, header or other-system codes), without revealing the key.
  const release = question.codeSetRelease;
  if (release && response.codes && response.codes.length > 0) {
    const problems = await checkCodesInRelease(options.db, release, response.codes);
    if (problems.length > 0) {
      const messages = problems.map((problem) => learnerMessage(problem, release));
      throw AppError.badInput(
        { text: messages },
        `${messages.join(' ')} Your saved answer has not changed.`,
      );
    }
  }
  return options.db.$transaction(async (tx) => {
    // Shares the row lock a submission takes exclusively: a save waits for a concurrent
    // submission and then sees it SUBMITTED.
    const [current] = await tx.$queryRaw<{ status: string; deadlineAt: Date | null }[]>`
      SELECT "status"::text AS "status", "deadlineAt" FROM "QuizAttempt" WHERE "id" = ${attempt.id}::uuid FOR SHARE`;
    if (!current || current.status === 'SUBMITTED')
      throw new AppError('PRECONDITION_FAILED', ALREADY_SUBMITTED);
    if (current.deadlineAt && current.deadlineAt <= now)
      throw new AppError('PRECONDITION_FAILED', TIME_UP);
    await tx.attemptAnswer.upsert({
      where: { attemptId_questionId: { attemptId: attempt.id, questionId: options.questionId } },
      create: {
        attemptId: attempt.id,
        questionId: options.questionId,
        response: { ...response },
        savedAt: now,
      },
      update: { response: { ...response }, savedAt: now, points: null, correct: null },
      select: { id: true },
    });
    return {
      attemptId: attempt.id,
      questionId: options.questionId,
      response,
      savedAt: now,
      secondsRemaining: current.deadlineAt
        ? Math.max(0, Math.floor((current.deadlineAt.getTime() - now.getTime()) / 1000))
        : null,
    };
  }, TX_OPTIONS);
}

/**
 * Submits and grades an attempt (once: a repeated or concurrent submission answers the same
 * result). Submitting after the deadline is allowed; answers saved after it do not count.
 */
export async function submitQuizAttempt(options: {
  db: Db;
  viewer: Viewer | null;
  attemptId: string;
  now?: Date;
}): Promise<LearnerAttempt & { completion: CompletionOutcome | null }> {
  const now = options.now ?? new Date();
  const attempt = await ownAttempt(options.db, options.viewer, options.attemptId, { active: true });
  const outcome = await options.db.$transaction(
    (tx) => gradeAttempt(tx, attempt.id, attempt.enrollmentId, now),
    TX_OPTIONS,
  );
  return {
    ...(await loadLearnerAttempt(options.db, attempt.id, now, attempt.questionIds)),
    completion: outcome.completion,
  };
}

/** One of the viewer's attempts; an open one past its deadline is submitted first. */
export async function getQuizAttempt(options: {
  db: Db;
  viewer: Viewer | null;
  attemptId: string;
  now?: Date;
}): Promise<LearnerAttempt> {
  const now = options.now ?? new Date();
  const attempt = await ownAttempt(options.db, options.viewer, options.attemptId);
  if (attempt.status === 'IN_PROGRESS' && attempt.deadlineAt && attempt.deadlineAt <= now) {
    await options.db.$transaction(
      (tx) => gradeAttempt(tx, attempt.id, attempt.enrollmentId, now),
      TX_OPTIONS,
    );
  }
  return loadLearnerAttempt(options.db, attempt.id, now, attempt.questionIds);
}

export interface AttemptSummary {
  id: string;
  number: number;
  status: 'IN_PROGRESS' | 'SUBMITTED';
  startedAt: Date;
  submittedAt: Date | null;
  scorePercent: number | null;
  passed: boolean | null;
  /** Percentage points gained over the previous submitted attempt (null for the first). */
  improvement: number | null;
}

export interface LearnerQuiz {
  quizId: string;
  lessonId: string;
  title: string;
  mode: 'PRACTICE' | 'POST_TEST' | 'MOCK_EXAM';
  passPercent: number;
  timeLimitMinutes: number | null;
  maxAttempts: number | null;
  questionsPerAttempt: number;
  allowReview: boolean;
  attemptsUsed: number;
  /** Null when unlimited. */
  attemptsRemaining: number | null;
  bestPercent: number | null;
  passed: boolean;
  openAttemptId: string | null;
  attempts: AttemptSummary[];
}

/** A lesson's quiz for an enrolled learner: settings, attempt history, the open attempt. */
export async function getQuizForLearner(options: {
  db: Db;
  viewer: Viewer | null;
  lessonId: string;
  now?: Date;
}): Promise<LearnerQuiz> {
  const now = options.now ?? new Date();
  const { enrolled, quiz } = await enrolledQuiz(options.db, options.viewer, options.lessonId);
  await settleExpiredAttempts(options.db, enrolled.enrollmentId, quiz.id, now);
  const [rows, pool] = await Promise.all([
    options.db.quizAttempt.findMany({
      where: { enrollmentId: enrolled.enrollmentId, quizId: quiz.id },
      orderBy: { number: 'asc' },
      select: {
        id: true,
        number: true,
        status: true,
        startedAt: true,
        submittedAt: true,
        scorePercent: true,
        passed: true,
      },
    }),
    options.db.question.count({ where: { quizId: quiz.id } }),
  ]);
  let previous: number | null = null;
  const attempts: AttemptSummary[] = rows.map((row) => {
    const percent = row.scorePercent?.toNumber() ?? null;
    const improvement =
      percent !== null && previous !== null ? Math.round((percent - previous) * 100) / 100 : null;
    if (percent !== null) previous = percent;
    return { ...row, scorePercent: percent, improvement };
  });
  const scores = attempts.map((a) => a.scorePercent).filter((p): p is number => p !== null);
  return {
    quizId: quiz.id,
    lessonId: options.lessonId,
    title: quiz.lesson.title,
    mode: quiz.mode,
    passPercent: quiz.passPercent,
    timeLimitMinutes: quiz.timeLimitMinutes,
    maxAttempts: quiz.maxAttempts,
    questionsPerAttempt: Math.min(quiz.questionsPerAttempt ?? pool, pool),
    allowReview: quiz.allowReview,
    attemptsUsed: attempts.length,
    attemptsRemaining:
      quiz.maxAttempts === null ? null : Math.max(0, quiz.maxAttempts - attempts.length),
    bestPercent: scores.length ? Math.max(...scores) : null,
    passed: attempts.some((a) => a.passed === true),
    openAttemptId: attempts.find((a) => a.status === 'IN_PROGRESS')?.id ?? null,
    attempts,
  };
}
