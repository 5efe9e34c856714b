// Every raw SQL statement of the assessment domain, each a named, typed function
// (ARCHITECTURE.md, "Raw SQL lives in one sql.ts per domain"). Each is run by sql.test.ts
// against the migrated schema.
import {
  type AttemptStatus,
  type Db,
  type EnrollmentStatus,
  hotReads,
  Prisma,
  prepared,
  type QuestionType,
  type QuizMode,
} from '@lms/db';
import type { DbOrTx, SqlTx, Tx } from '../db/tx';
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
  const [row] = await hotReads(db as Db).rows<
    Omit<OwnedAttemptRow, 'enrollment' | 'quiz'> & {
      userId: string;
      enrollmentStatus: EnrollmentStatus;
      lessonId: string;
    }
  >(
    Prisma.sql`
    SELECT a."id", a."enrollmentId", a."status"::text AS "status", a."deadlineAt", a."questionIds",
           e."userId", e."status"::text AS "enrollmentStatus", q."lessonId"
      FROM "QuizAttempt" a
      JOIN "Enrollment" e ON e."id" = a."enrollmentId"
      JOIN "Quiz" q ON q."id" = a."quizId"
     WHERE a."id" = ${attemptId}::uuid`,
    { prepare: true },
  );
  if (!row) return null;
  const { userId, enrollmentStatus, lessonId, ...attempt } = row;
  return {
    ...attempt,
    enrollment: { userId, status: enrollmentStatus },
    quiz: { lessonId },
  };
}

/**
 * Locks an attempt for grading, in one statement and in the lock order (lockEnrollment's): its
 * enrolment first (FOR NO KEY UPDATE, in the EXISTS that PostgreSQL runs once, as a one-time
 * filter, before it reads the attempt), then the attempt row (FOR UPDATE: waits for saves
 * holding FOR SHARE). Answers the attempt's status as it stands after the waits; null when
 * there is no such attempt. sql.test.ts checks the plan keeps that order.
 */
export async function lockAttemptForGrading(
  tx: SqlTx,
  attemptId: string,
  enrollmentId: string,
): Promise<AttemptStatus | null> {
  const [row] = await tx.$queryRaw<{ status: AttemptStatus }[]>(
    lockAttemptForGradingStatement(attemptId, enrollmentId),
  );
  return row?.status ?? null;
}

export function lockAttemptForGradingStatement(attemptId: string, enrollmentId: string) {
  return prepared(Prisma.sql`
    SELECT a."status"::text AS "status" FROM "QuizAttempt" a
     WHERE a."id" = ${attemptId}::uuid
       AND EXISTS (SELECT 1 FROM "Enrollment" e WHERE e."id" = ${enrollmentId}::uuid FOR NO KEY UPDATE)
       FOR UPDATE OF a`);
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

/**
 * The state of an attempt's saved answers as one value (md5 over every answer's id, save time
 * and response): equal values mean no answer was saved in between. `attempt` names the
 * attempt's id column in the enclosing statement.
 */
const answersFingerprint = (attempt: Prisma.Sql) => Prisma.sql`(
  SELECT md5(COALESCE(string_agg(f."id"::text || '|' || f."savedAt"::text || '|' || f."response"::text,
                                 ',' ORDER BY f."id"), ''))
    FROM "AttemptAnswer" f WHERE f."attemptId" = ${attempt})`;

/** The grading columns of `QuizAttempt a JOIN Quiz q`: GradingInput's. */
const gradingColumns = Prisma.sql`
  a."questionIds", a."deadlineAt", q."lessonId", q."mode"::text AS "mode", q."passPercent",
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
  ), '[]'::json) AS "questions"`;

type GradingRow = Omit<GradingInput, 'quiz'> & {
  lessonId: string;
  mode: QuizMode;
  passPercent: number;
};

const toGradingInput = ({
  questionIds,
  deadlineAt,
  answers,
  questions,
  lessonId,
  mode,
  passPercent,
}: GradingRow): GradingInput => ({
  questionIds,
  deadlineAt,
  answers,
  questions,
  quiz: { lessonId, mode, passPercent },
});

/** Everything grading needs (attempt, quiz, counted answers, drawn questions with keys). */
export async function loadGradingInput(tx: SqlTx, attemptId: string): Promise<GradingInput> {
  const [row] = await tx.$queryRaw<GradingRow[]>(
    prepared(Prisma.sql`
    SELECT ${gradingColumns}
      FROM "QuizAttempt" a JOIN "Quiz" q ON q."id" = a."quizId"
     WHERE a."id" = ${attemptId}::uuid`),
  );
  if (!row) throw new Error(`Attempt ${attemptId} not found`);
  return toGradingInput(row);
}

/** A submission as read before its transaction: the attempt's owner and what grading needs. */
export interface SubmissionRow {
  attempt: OwnedAttemptRow;
  /** Read without locks: grading uses it when the answers' fingerprint still matches. */
  input: GradingInput;
  /** answersFingerprint as read with `input`. */
  fingerprint: string;
  /**
   * The learner's view of the attempt as read (loadAttemptRecord's): the view after grading is
   * this with the grade as recordAttemptGrade stored it, so it is not read a second time.
   */
  record: AttemptRecordRow;
}

/**
 * The attempt with its owner (findOwnedAttempt's columns), the learner's view of it
 * (loadAttemptRecord's, which holds everything grading needs: loadGradingInput's) and the
 * answers' fingerprint, in one statement through the hot-read path (pg, no locks): the
 * submission reads before it locks, so its transaction holds a pooled connection for two
 * writes, and the view after grading needs no second read.
 */
export async function loadSubmission(db: Db, attemptId: string): Promise<SubmissionRow | null> {
  const [row] = await hotReads(db).rows<
    RawAttemptRecord & {
      userId: string;
      enrollmentStatus: EnrollmentStatus;
      fingerprint: string;
    }
  >(
    Prisma.sql`
    SELECT ${attemptRecordColumns},
           e."userId", e."status"::text AS "enrollmentStatus",
           ${answersFingerprint(Prisma.sql`a."id"`)} AS "fingerprint"
      ${attemptRecordFrom}
      JOIN "Enrollment" e ON e."id" = a."enrollmentId"
     WHERE a."id" = ${attemptId}::uuid`,
    { prepare: true },
  );
  if (!row) return null;
  const { userId, enrollmentStatus, fingerprint, ...raw } = row;
  const record = toAttemptRecord(raw);
  const deadline = record.deadlineAt;
  return {
    attempt: {
      id: record.id,
      enrollmentId: record.enrollmentId,
      status: record.status,
      deadlineAt: deadline,
      questionIds: record.questionIds,
      enrollment: { userId, status: enrollmentStatus },
      quiz: { lessonId: record.quiz.lessonId },
    },
    input: {
      questionIds: record.questionIds,
      deadlineAt: deadline,
      quiz: {
        lessonId: record.quiz.lessonId,
        mode: record.quiz.mode,
        passPercent: record.quiz.passPercent,
      },
      // As gradingColumns reads them: answers saved after the deadline do not count.
      answers: record.answers
        .filter((answer) => deadline === null || answer.savedAt <= deadline)
        .map(({ id, questionId, response }) => ({ id, questionId, response })),
      questions: record.quiz.questions,
    },
    fingerprint,
    record,
  };
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
  /**
   * Write only if the answers' fingerprint is still this (the grade was computed from answers
   * read before the locks); null: write unconditionally (read under the locks).
   */
  fingerprint: string | null;
  /** Also complete this lesson of the enrolment (completeLessonProgress's write), or null. */
  completeLesson: { enrollmentId: string; lessonId: string } | null;
}

/**
 * Writes a grade in one statement: every counted answer's points, then the attempt's score,
 * then (when asked) the lesson's completion and the enrolment's activity, as
 * completeLessonProgress writes them. The attempt's UPDATE reads the answers' CTE, so the
 * answers are written first, while the attempt is still IN_PROGRESS (the evidence triggers
 * refuse changes to a submitted attempt's answers). With a fingerprint, nothing is written
 * unless the answers still match it; answers null then. Written, it answers the grade as
 * stored (the answers' and the attempt's values as PostgreSQL rounded them) and the enrolment's
 * other submitted attempts of the quiz (read under the enrolment's lock), from which the
 * learner's view after grading is made without reading it again. The caller holds the
 * attempt's row lock (lockAttemptForGrading), so no save can slip in after this check.
 */
export async function recordAttemptGrade(
  tx: SqlTx,
  grade: AttemptGrade,
): Promise<StoredGrade | null> {
  const lesson = grade.completeLesson;
  const [row] = await tx.$queryRaw<
    (Omit<StoredGrade, 'submittedAt'> & { written: boolean; submittedAt: Date | null })[]
  >(
    prepared(Prisma.sql`
    WITH "fresh" AS (
      SELECT ${grade.fingerprint}::text IS NULL
             OR ${answersFingerprint(Prisma.sql`${grade.attemptId}::uuid`)} = ${grade.fingerprint}::text AS "ok"),
    "graded" AS (
      UPDATE "AttemptAnswer" AS a SET "points" = v."points", "correct" = v."correct"
      FROM unnest(${grade.answerIds}::uuid[], ${grade.answerPoints}::numeric[], ${grade.answerCorrect}::boolean[]) AS v("id", "points", "correct")
      WHERE a."id" = v."id" AND (SELECT "ok" FROM "fresh")
      RETURNING a."id", a."points", a."correct"),
    "attempt" AS (
      UPDATE "QuizAttempt"
         SET "status" = 'SUBMITTED', "submittedAt" = ${grade.submittedAt}::timestamptz,
             "scorePoints" = ${grade.scorePoints}::numeric, "maxPoints" = ${grade.maxPoints}::int,
             "scorePercent" = ${grade.scorePercent}::numeric, "passed" = ${grade.passed}
       WHERE "id" = ${grade.attemptId}::uuid AND (SELECT "ok" FROM "fresh")
         AND (SELECT count(*) FROM "graded") >= 0
      RETURNING "id", "enrollmentId", "quizId", "submittedAt", "scorePoints", "maxPoints",
                "scorePercent", "passed"),
    "progress" AS (
      INSERT INTO "LessonProgress" ("enrollmentId", "lessonId", "firstOpenedAt", "lastSeenAt", "completedAt")
      SELECT ${lesson?.enrollmentId ?? null}::uuid, ${lesson?.lessonId ?? null}::uuid,
             ${grade.submittedAt}::timestamptz, ${grade.submittedAt}::timestamptz, ${grade.submittedAt}::timestamptz
        FROM "attempt" WHERE ${lesson !== null}::boolean
      ON CONFLICT ("enrollmentId", "lessonId")
      DO UPDATE SET "completedAt" = COALESCE("LessonProgress"."completedAt", EXCLUDED."completedAt")
      RETURNING 1),
    "activity" AS (
      UPDATE "Enrollment" SET "lastActivityAt" = ${grade.submittedAt}::timestamptz
       WHERE "id" = ${lesson?.enrollmentId ?? null}::uuid AND EXISTS (SELECT 1 FROM "progress"))
    SELECT f."ok" AS "written", t."submittedAt", t."scorePoints"::float8 AS "scorePoints",
           t."maxPoints", t."scorePercent"::float8 AS "scorePercent", t."passed",
           COALESCE((SELECT json_agg(json_build_object(
                              'id', g."id", 'points', g."points"::float8, 'correct', g."correct"))
                       FROM "graded" g), '[]'::json) AS "answers",
           h."otherSubmitted", h."otherPassed"
      FROM "fresh" f
      LEFT JOIN "attempt" t ON true
      LEFT JOIN LATERAL (
        SELECT count(*)::int AS "otherSubmitted", coalesce(bool_or(s."passed"), false) AS "otherPassed"
          FROM "QuizAttempt" s
         WHERE s."enrollmentId" = t."enrollmentId" AND s."quizId" = t."quizId"
           AND s."status" = 'SUBMITTED' AND s."id" <> t."id"
      ) h ON true`),
  );
  if (!row!.written) return null;
  const { written: _written, submittedAt, ...stored } = row!;
  return { ...stored, submittedAt: submittedAt! };
}

/** A grade as recordAttemptGrade stored it. */
export interface StoredGrade {
  submittedAt: Date;
  scorePoints: number;
  maxPoints: number;
  scorePercent: number;
  passed: boolean;
  /** Per counted answer, its stored points and mark. */
  answers: { id: string; points: number; correct: boolean }[];
  /** The enrolment's other submitted attempts of this quiz, read under the enrolment's lock. */
  otherSubmitted: number;
  otherPassed: boolean;
}

/** loadAttemptRecord's columns over `attemptRecordFrom` (QuizAttempt a, Quiz q, history h). */
const attemptRecordColumns = Prisma.sql`
           a."id", a."quizId", a."enrollmentId", a."number", a."status"::text AS "status",
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
                      'id', x."id", 'questionId', x."questionId", 'response', x."response",
                      'savedAt', x."savedAt", 'points', x."points", 'correct', x."correct"))
               FROM "AttemptAnswer" x WHERE x."attemptId" = a."id"
           ), '[]'::json) AS "answers",
           h."submittedAttempts", h."passedAny"`;

const attemptRecordFrom = Prisma.sql`
      FROM "QuizAttempt" a
      JOIN "Quiz" q ON q."id" = a."quizId"
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS "submittedAttempts", coalesce(bool_or(s."passed"), false) AS "passedAny"
          FROM "QuizAttempt" s
         WHERE s."enrollmentId" = a."enrollmentId" AND s."quizId" = a."quizId" AND s."status" = 'SUBMITTED'
      ) h`;

/** An attempt as the learner's view needs it, with the enrolment's history of its quiz. */
export type AttemptRecordRow = Omit<AttemptRecord, 'answers'> & {
  answers: (AttemptRecord['answers'][number] & { id: string })[];
  submittedAttempts: number;
  passedAny: boolean;
};

type RawAttemptRecord = Omit<AttemptRecord, 'quiz' | 'answers'> & {
  lessonId: string;
  mode: QuizMode;
  passPercent: number;
  allowReview: boolean;
  maxAttempts: number | null;
  questions: AttemptRecord['quiz']['questions'];
  answers: (Omit<AttemptRecordRow['answers'][number], 'savedAt'> & { savedAt: string })[];
  submittedAttempts: number;
  passedAny: boolean;
};

function toAttemptRecord(row: RawAttemptRecord): AttemptRecordRow {
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

/**
 * An attempt as the learner's view needs it (AttemptRecord: the drawn questions with options in
 * position order, the answers) and the enrolment's history of this quiz, in one statement.
 */
export async function loadAttemptRecord(
  db: SqlTx,
  attemptId: string,
): Promise<AttemptRecordRow | null> {
  const [row] = await hotReads(db as Db).rows<RawAttemptRecord>(
    Prisma.sql`
    SELECT ${attemptRecordColumns}
      ${attemptRecordFrom}
     WHERE a."id" = ${attemptId}::uuid`,
    { prepare: true },
  );
  return row ? toAttemptRecord(row) : null;
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
