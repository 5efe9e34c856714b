// Every raw SQL statement of the assessment domain, each a named, typed function
// (ARCHITECTURE.md, "Raw SQL lives in one sql.ts per domain"). Each is run by sql.test.ts
// against the migrated schema.
import type { AttemptStatus, EnrollmentStatus, QuestionType, QuizMode } from '@lms/db';
import type { DbOrTx, Tx } from '../db/tx';
import type { AttemptRecord } from './attempt-views';

export interface OwnedAttemptRow {
  id: string;
  enrollmentId: string;
  status: AttemptStatus;
  deadlineAt: Date | null;
  questionIds: string[];
  enrollment: { userId: string; status: EnrollmentStatus };
  quiz: { lessonId: string };
}

/** An attempt with its enrolment's owner and status and its quiz's lesson, in one statement. */
export async function findOwnedAttempt(
  db: DbOrTx,
  attemptId: string,
): Promise<OwnedAttemptRow | null> {
  const [row] = await db.$queryRaw<
    (Omit<OwnedAttemptRow, 'enrollment' | 'quiz'> & {
      userId: string;
      enrollmentStatus: EnrollmentStatus;
      lessonId: string;
    })[]
  >`
    SELECT a."id", a."enrollmentId", a."status"::text AS "status", a."deadlineAt", a."questionIds",
           e."userId", e."status"::text AS "enrollmentStatus", q."lessonId"
      FROM "QuizAttempt" a
      JOIN "Enrollment" e ON e."id" = a."enrollmentId"
      JOIN "Quiz" q ON q."id" = a."quizId"
     WHERE a."id" = ${attemptId}::uuid`;
  if (!row) return null;
  const { userId, enrollmentStatus, lessonId, ...attempt } = row;
  return {
    ...attempt,
    enrollment: { userId, status: enrollmentStatus },
    quiz: { lessonId },
  };
}

/**
 * Locks an attempt row for grading (FOR UPDATE: waits for saves holding FOR SHARE) and answers
 * its status as it stands after the wait; null when there is no such attempt.
 */
export async function lockAttemptForGrading(
  tx: Tx,
  attemptId: string,
): Promise<AttemptStatus | null> {
  const [row] = await tx.$queryRaw<{ status: AttemptStatus }[]>`
    SELECT "status"::text AS "status" FROM "QuizAttempt" WHERE "id" = ${attemptId}::uuid FOR UPDATE`;
  return row?.status ?? null;
}

/**
 * Shares the row lock a submission takes exclusively (FOR SHARE): a save waits for a concurrent
 * submission and then sees it SUBMITTED.
 */
export async function lockAttemptForSave(
  tx: Tx,
  attemptId: string,
): Promise<{ status: AttemptStatus; deadlineAt: Date | null } | null> {
  const [row] = await tx.$queryRaw<{ status: AttemptStatus; deadlineAt: Date | null }[]>`
    SELECT "status"::text AS "status", "deadlineAt" FROM "QuizAttempt" WHERE "id" = ${attemptId}::uuid FOR SHARE`;
  return row ?? null;
}

export interface GradingInput {
  questionIds: string[];
  deadlineAt: Date | null;
  quiz: { lessonId: string; mode: QuizMode; passPercent: number };
  /** Answers saved by the deadline (later ones do not count and are not here). */
  answers: { id: string; questionId: string; response: unknown }[];
  /** The drawn questions with their keys. */
  questions: {
    id: string;
    type: QuestionType;
    points: number;
    acceptedAnswers: string[];
    answerCodes: string[];
    options: { id: string; correct: boolean }[];
  }[];
}

/** Everything grading needs (attempt, quiz, counted answers, drawn questions with keys). */
export async function loadGradingInput(tx: Tx, attemptId: string): Promise<GradingInput> {
  const [row] = await tx.$queryRaw<
    {
      questionIds: string[];
      deadlineAt: Date | null;
      lessonId: string;
      mode: QuizMode;
      passPercent: number;
      answers: GradingInput['answers'];
      questions: GradingInput['questions'];
    }[]
  >`
    SELECT a."questionIds", a."deadlineAt", q."lessonId", q."mode"::text AS "mode", q."passPercent",
           COALESCE((
             SELECT json_agg(json_build_object('id', x."id", 'questionId', x."questionId", 'response', x."response"))
               FROM "AttemptAnswer" x
              WHERE x."attemptId" = a."id" AND (a."deadlineAt" IS NULL OR x."savedAt" <= a."deadlineAt")
           ), '[]'::json) AS "answers",
           COALESCE((
             SELECT json_agg(json_build_object(
                      'id', qu."id", 'type', qu."type", 'points', qu."points",
                      'acceptedAnswers', qu."acceptedAnswers", 'answerCodes', qu."answerCodes",
                      'options', COALESCE((
                        SELECT json_agg(json_build_object('id', o."id", 'correct', o."correct"))
                          FROM "QuestionOption" o WHERE o."questionId" = qu."id"), '[]'::json)))
               FROM "Question" qu WHERE qu."id" = ANY(a."questionIds")
           ), '[]'::json) AS "questions"
      FROM "QuizAttempt" a JOIN "Quiz" q ON q."id" = a."quizId"
     WHERE a."id" = ${attemptId}::uuid`;
  if (!row) throw new Error(`Attempt ${attemptId} not found`);
  const { lessonId, mode, passPercent, ...rest } = row;
  return { ...rest, quiz: { lessonId, mode, passPercent } };
}

export interface AttemptGrade {
  attemptId: string;
  /** Per counted answer: its id, points and full marks. */
  answerIds: string[];
  answerPoints: number[];
  answerCorrect: boolean[];
  submittedAt: Date;
  scorePoints: number;
  maxPoints: number;
  scorePercent: number;
  passed: boolean;
}

/**
 * Writes a grade in one statement: every counted answer's points, then the attempt's score.
 * The attempt's UPDATE reads the answers' CTE, so the answers are written first, while the
 * attempt is still IN_PROGRESS (the evidence triggers refuse changes to a submitted attempt's
 * answers).
 */
export async function recordAttemptGrade(tx: Tx, grade: AttemptGrade): Promise<void> {
  await tx.$executeRaw`
    WITH "graded" AS (
      UPDATE "AttemptAnswer" AS a SET "points" = v."points", "correct" = v."correct"
      FROM unnest(${grade.answerIds}::uuid[], ${grade.answerPoints}::numeric[], ${grade.answerCorrect}::boolean[]) AS v("id", "points", "correct")
      WHERE a."id" = v."id"
      RETURNING a."id")
    UPDATE "QuizAttempt"
       SET "status" = 'SUBMITTED', "submittedAt" = ${grade.submittedAt}::timestamptz,
           "scorePoints" = ${grade.scorePoints}::numeric, "maxPoints" = ${grade.maxPoints}::int,
           "scorePercent" = ${grade.scorePercent}::numeric, "passed" = ${grade.passed}
     WHERE "id" = ${grade.attemptId}::uuid AND (SELECT count(*) FROM "graded") >= 0`;
}

/**
 * An attempt as the learner's view needs it (AttemptRecord: the drawn questions with options in
 * position order, the answers) and the enrolment's history of this quiz, in one statement.
 */
export async function loadAttemptRecord(
  db: DbOrTx,
  attemptId: string,
): Promise<(AttemptRecord & { submittedAttempts: number; passedAny: boolean }) | null> {
  const [row] = await db.$queryRaw<
    (Omit<AttemptRecord, 'quiz' | 'answers'> & {
      lessonId: string;
      mode: QuizMode;
      passPercent: number;
      allowReview: boolean;
      maxAttempts: number | null;
      questions: AttemptRecord['quiz']['questions'];
      answers: (Omit<AttemptRecord['answers'][number], 'savedAt'> & { savedAt: string })[];
      submittedAttempts: number;
      passedAny: boolean;
    })[]
  >`
    SELECT a."id", a."quizId", a."enrollmentId", a."number", a."status"::text AS "status",
           a."questionIds", a."optionOrder", a."startedAt", a."deadlineAt", a."submittedAt",
           a."scorePoints"::float8 AS "scorePoints", a."maxPoints",
           a."scorePercent"::float8 AS "scorePercent", a."passed",
           q."lessonId", q."mode"::text AS "mode", q."passPercent", q."allowReview", q."maxAttempts",
           COALESCE((
             SELECT json_agg(json_build_object(
                      'id', qu."id", 'type', qu."type", 'prompt', qu."prompt", 'rationale', qu."rationale",
                      'area', qu."area", 'codeSystem', qu."codeSystem", 'points', qu."points",
                      'acceptedAnswers', qu."acceptedAnswers", 'answerCodes', qu."answerCodes",
                      'options', COALESCE((
                        SELECT json_agg(json_build_object('id', o."id", 'text', o."text", 'correct', o."correct")
                                        ORDER BY o."position")
                          FROM "QuestionOption" o WHERE o."questionId" = qu."id"), '[]'::json)))
               FROM "Question" qu WHERE qu."id" = ANY(a."questionIds")
           ), '[]'::json) AS "questions",
           COALESCE((
             SELECT json_agg(json_build_object(
                      'questionId', x."questionId", 'response', x."response", 'savedAt', x."savedAt",
                      'points', x."points", 'correct', x."correct"))
               FROM "AttemptAnswer" x WHERE x."attemptId" = a."id"
           ), '[]'::json) AS "answers",
           h."submittedAttempts", h."passedAny"
      FROM "QuizAttempt" a
      JOIN "Quiz" q ON q."id" = a."quizId"
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS "submittedAttempts", coalesce(bool_or(s."passed"), false) AS "passedAny"
          FROM "QuizAttempt" s
         WHERE s."enrollmentId" = a."enrollmentId" AND s."quizId" = a."quizId" AND s."status" = 'SUBMITTED'
      ) h
     WHERE a."id" = ${attemptId}::uuid`;
  if (!row) return null;
  const { lessonId, mode, passPercent, allowReview, maxAttempts, questions, answers, ...attempt } =
    row;
  return {
    ...attempt,
    quiz: { lessonId, mode, passPercent, allowReview, maxAttempts, questions },
    answers: answers.map((answer) => ({
      ...answer,
      points: answer.points === null ? null : Number(answer.points),
      savedAt: new Date(answer.savedAt),
    })),
  };
}

export interface QuestionStatisticsRow {
  key: string;
  drawn: number;
  answered: number;
  fullyCorrect: number;
  averagePoints: string | null;
}

/** Per question key, over the submitted attempts of these quizzes (one version's each). */
export function questionStatistics(db: DbOrTx, quizIds: string[]) {
  return db.$queryRaw<QuestionStatisticsRow[]>`
    SELECT q."key"::text AS "key",
           count(*)::int AS "drawn",
           count(a."points")::int AS "answered",
           count(*) FILTER (WHERE a."correct")::int AS "fullyCorrect",
           round(avg(a."points"), 3)::text AS "averagePoints"
      FROM "QuizAttempt" t
      CROSS JOIN LATERAL unnest(t."questionIds") AS d("questionId")
      JOIN "Question" q ON q."id" = d."questionId"
      LEFT JOIN "AttemptAnswer" a ON a."attemptId" = t."id" AND a."questionId" = d."questionId"
     WHERE t."quizId" = ANY(${quizIds}::uuid[]) AND t."status" = 'SUBMITTED'
     GROUP BY q."key"`;
}

/** The score distribution of submitted attempts in ten buckets of 10 % (90–100 % is bucket 9). */
export function scoreDistribution(db: DbOrTx, quizIds: string[]) {
  return db.$queryRaw<{ bucket: number; count: number }[]>`
    SELECT LEAST(floor("scorePercent" / 10), 9)::int AS "bucket", count(*)::int AS "count"
      FROM "QuizAttempt"
     WHERE "quizId" = ANY(${quizIds}::uuid[]) AND "status" = 'SUBMITTED'
     GROUP BY 1`;
}

/** Attempt counts, average score and passes of these quizzes. */
export function attemptTotals(db: DbOrTx, quizIds: string[]) {
  return db.$queryRaw<
    { submitted: number; inProgress: number; average: string | null; passed: number }[]
  >`
    SELECT count(*) FILTER (WHERE "status" = 'SUBMITTED')::int AS "submitted",
           count(*) FILTER (WHERE "status" = 'IN_PROGRESS')::int AS "inProgress",
           round(avg("scorePercent") FILTER (WHERE "status" = 'SUBMITTED'), 2)::text AS "average",
           count(*) FILTER (WHERE "passed")::int AS "passed"
      FROM "QuizAttempt" WHERE "quizId" = ANY(${quizIds}::uuid[])`;
}
