// Every raw SQL statement of the learning domain, each a named, typed function
// (ARCHITECTURE.md, "Raw SQL lives in one sql.ts per domain"). Each is run by sql.test.ts
// against the migrated schema.
import {
  type Db,
  type EnrollmentSource,
  type EnrollmentStatus,
  hotReads,
  Prisma,
  prepared,
} from '@lms/db';
import {
  type CompletionForIssue,
  type CompletionForIssueRow,
  completionForIssueSelect,
  toCompletionForIssue,
} from '../certificates/sql';
import type { DbOrTx, SqlTx, Tx } from '../db/tx';

/**
 * Marks a lesson of an enrolment complete (the first completion time stays) and records the
 * enrolment's activity, in one statement. The UPDATE of the enrolment row takes its
 * FOR NO KEY UPDATE lock (lockEnrollment's): afterwards the caller holds the enrolment lock.
 */
export async function completeLessonProgress(
  tx: Tx,
  enrollmentId: string,
  lessonId: string,
  now: Date,
): Promise<void> {
  await tx.$executeRaw`
    WITH "progress" AS (
      INSERT INTO "LessonProgress" ("enrollmentId", "lessonId", "firstOpenedAt", "lastSeenAt", "completedAt")
      VALUES (${enrollmentId}::uuid, ${lessonId}::uuid, ${now}, ${now}, ${now})
      ON CONFLICT ("enrollmentId", "lessonId")
      DO UPDATE SET "completedAt" = COALESCE("LessonProgress"."completedAt", EXCLUDED."completedAt"))
    UPDATE "Enrollment" SET "lastActivityAt" = ${now} WHERE "id" = ${enrollmentId}::uuid`;
}

/**
 * Upserts the progress row and credits the gap since its `lastSeenAt` (at most `capSeconds`),
 * and records the enrolment's activity, in one statement. The gap is measured against the row
 * as it stands under the row lock ON CONFLICT DO UPDATE takes: simultaneous events after one
 * gap credit it once. The enrolment UPDATE takes the enrolment's row lock (lockEnrollment's).
 */
export async function recordLessonEvent(
  db: DbOrTx,
  enrollmentId: string,
  lessonId: string,
  capSeconds: number,
  now: Date,
): Promise<{ seatSeconds: number; completedAt: Date | null }> {
  const rows = await db.$queryRaw<{ seatSeconds: number; completedAt: Date | null }[]>`
    WITH "progress" AS (
      INSERT INTO "LessonProgress" ("enrollmentId", "lessonId", "firstOpenedAt", "lastSeenAt", "seatSeconds")
      VALUES (${enrollmentId}::uuid, ${lessonId}::uuid, ${now}, ${now}, 0)
      ON CONFLICT ("enrollmentId", "lessonId") DO UPDATE SET
        "seatSeconds" = "LessonProgress"."seatSeconds" + LEAST(${capSeconds}::int, GREATEST(0,
          floor(extract(epoch FROM (EXCLUDED."lastSeenAt" - "LessonProgress"."lastSeenAt"))))::int),
        "lastSeenAt" = GREATEST("LessonProgress"."lastSeenAt", EXCLUDED."lastSeenAt")
      RETURNING "seatSeconds", "completedAt"),
    "activity" AS (
      UPDATE "Enrollment" SET "lastActivityAt" = ${now} WHERE "id" = ${enrollmentId}::uuid)
    SELECT "seatSeconds", "completedAt" FROM "progress"`;
  return rows[0]!;
}

export interface CompletionEvidence {
  status: EnrollmentStatus;
  versionId: string;
  minimumSeatMinutes: number;
  /** The enrolment's completion record, when it has one. */
  completionId: string | null;
  /** Seat time over all of the enrolment's lessons. */
  seatSeconds: number;
  /** Lessons with a completion, first completed first. */
  completedLessonIds: string[];
  /** The version's lessons in syllabus order; a post-test's earliest passing attempt. */
  lessons: {
    id: string;
    title: string;
    required: boolean;
    postTestId: string | null;
    passedAttemptId: string | null;
  }[];
}

/** What the completion rule is checked against, in one statement (null: no such enrolment). */
export async function loadCompletionEvidence(
  tx: SqlTx,
  enrollmentId: string,
): Promise<CompletionEvidence | null> {
  const [row] = await tx.$queryRaw<CompletionEvidence[]>(
    prepared(Prisma.sql`
    SELECT e."status"::text AS "status", e."versionId", v."minimumSeatMinutes",
           c."id" AS "completionId",
           COALESCE(p."seatSeconds", 0)::int AS "seatSeconds",
           COALESCE(p."completedLessonIds", '{}') AS "completedLessonIds",
           COALESCE(l."lessons", '[]'::json) AS "lessons"
      FROM "Enrollment" e
      JOIN "CourseVersion" v ON v."id" = e."versionId"
      LEFT JOIN "CourseCompletion" c ON c."enrollmentId" = e."id"
      LEFT JOIN LATERAL (
        SELECT sum(lp."seatSeconds") AS "seatSeconds",
               array_agg(lp."lessonId" ORDER BY lp."completedAt", lp."lessonId")
                 FILTER (WHERE lp."completedAt" IS NOT NULL) AS "completedLessonIds"
          FROM "LessonProgress" lp WHERE lp."enrollmentId" = e."id"
      ) p ON true
      LEFT JOIN LATERAL (
        SELECT json_agg(json_build_object(
                 'id', ls."id", 'title', ls."title", 'required', ls."required",
                 'postTestId', qz."id", 'passedAttemptId', pa."id")
               ORDER BY m."position", ls."position") AS "lessons"
          FROM "Module" m
          JOIN "Lesson" ls ON ls."moduleId" = m."id"
          LEFT JOIN "Quiz" qz ON qz."lessonId" = ls."id" AND qz."mode" = 'POST_TEST'
          LEFT JOIN LATERAL (
            SELECT a."id" FROM "QuizAttempt" a
             WHERE a."enrollmentId" = e."id" AND a."quizId" = qz."id"
               AND a."status" = 'SUBMITTED' AND a."passed"
             ORDER BY a."submittedAt" ASC LIMIT 1
          ) pa ON true
         WHERE m."versionId" = e."versionId"
      ) l ON true
     WHERE e."id" = ${enrollmentId}::uuid`),
  );
  return row ?? null;
}

export interface NewCourseCompletion {
  enrollmentId: string;
  versionId: string;
  completedAt: Date;
  seatMinutes: number;
  passedAttemptId: string | null;
  evidence: Prisma.InputJsonValue;
}

/**
 * Writes the completion record and the enrolment's completion date and answers the new
 * completion with what issuing its certificates needs (completionForIssueSelect over the
 * inserted row), in one statement.
 */
export async function insertCourseCompletion(
  tx: SqlTx,
  completion: NewCourseCompletion,
): Promise<CompletionForIssue> {
  const [row] = await tx.$queryRaw<CompletionForIssueRow[]>(
    prepared(Prisma.sql`
    WITH "enrollment" AS (
      UPDATE "Enrollment" SET "completedAt" = ${completion.completedAt}
       WHERE "id" = ${completion.enrollmentId}::uuid),
    "c" AS (
      INSERT INTO "CourseCompletion"
        ("enrollmentId", "versionId", "completedAt", "seatMinutes", "passedAttemptId", "evidence")
      VALUES (${completion.enrollmentId}::uuid, ${completion.versionId}::uuid, ${completion.completedAt},
              ${completion.seatMinutes}::int, ${completion.passedAttemptId}::uuid,
              ${JSON.stringify(completion.evidence)}::jsonb)
      RETURNING "id", "completedAt", "enrollmentId", "versionId")
    ${completionForIssueSelect(Prisma.sql`"c"`)}
       FOR SHARE OF u`),
  );
  return toCompletionForIssue(row!);
}

export interface EnrollmentRow {
  id: string;
  courseId: string;
  versionId: string;
  status: 'ACTIVE' | 'UNENROLLED' | 'ENDED';
  source: EnrollmentSource;
  enrolledAt: Date;
}

/**
 * The enrolment grant in ONE statement: reads the course's latest published version and the
 * learner's current (not superseded) period; when that period ENDED (a refund), marks it
 * superseded and starts the next period; then upserts the ACTIVE row of that period (INSERT …
 * ON CONFLICT on learner, course and period: concurrent grants make one row; a row that left
 * comes back ACTIVE with its source kept while it was ACTIVE, its pinned version and history
 * kept; an ENDED row of that period is left as it is). `found` is false when the course does not
 * exist or has no published version, and then nothing is written; `enrollment` is null when the
 * upsert wrote nothing (that period's row had ENDED meanwhile).
 * Prepared: on a table of any size worth the name its generic plan reads Enrollment by the
 * learner-and-course index and the primary key (sql.test.ts); a plan cached while the table held
 * a few rows scans it until autovacuum's next ANALYZE (ARCHITECTURE.md, "The enrolment grant is
 * prepared again").
 */
export async function grantEnrollmentRow(
  tx: SqlTx,
  grant: EnrollmentGrant,
): Promise<{ found: boolean; enrollment: EnrollmentRow | null }> {
  const [row] = await tx.$queryRaw<
    ({ found: boolean } & { [K in keyof EnrollmentRow]: EnrollmentRow[K] | null })[]
  >(grantEnrollmentStatement(grant));
  if (!row?.found) return { found: false, enrollment: null };
  const { found: _found, ...written } = row;
  return { found: true, enrollment: written.id ? (written as EnrollmentRow) : null };
}

export interface EnrollmentGrant {
  userId: string;
  courseId: string;
  source: EnrollmentSource;
  now: Date;
}

/** The grant's statement (grantEnrollmentRow; exported for its plan's test). */
export function grantEnrollmentStatement(grant: EnrollmentGrant): Prisma.Sql {
  return prepared(Prisma.sql`
    WITH course AS (
      SELECT c."latestPublishedVersionId" AS "versionId" FROM "Course" c
       WHERE c."id" = ${grant.courseId}::uuid AND c."latestPublishedVersionId" IS NOT NULL
    ), current AS (
      SELECT x."id", x."period", x."status" FROM "Enrollment" x
       WHERE x."userId" = ${grant.userId}::uuid AND x."courseId" = ${grant.courseId}::uuid
         AND x."supersededAt" IS NULL AND EXISTS (SELECT 1 FROM course)
       ORDER BY x."period" DESC LIMIT 1
    ), superseded AS (
      UPDATE "Enrollment" SET "supersededAt" = ${grant.now}
       WHERE "id" IN (SELECT "id" FROM current WHERE "status" = 'ENDED') AND "supersededAt" IS NULL
    ), written AS (
      INSERT INTO "Enrollment" ("userId", "courseId", "versionId", "source", "status", "enrolledAt", "period")
      SELECT ${grant.userId}::uuid, ${grant.courseId}::uuid, course."versionId",
             ${grant.source}::"EnrollmentSource", 'ACTIVE', ${grant.now},
             CASE WHEN current."status" = 'ENDED' THEN current."period" + 1
                  ELSE COALESCE(current."period", 1) END
        FROM course LEFT JOIN current ON true
      ON CONFLICT ("userId", "courseId", "period") DO UPDATE SET
        "status" = 'ACTIVE',
        "source" = CASE WHEN "Enrollment"."status" = 'ACTIVE' THEN "Enrollment"."source" ELSE EXCLUDED."source" END,
        "endedAt" = NULL,
        "endedReason" = NULL
      WHERE "Enrollment"."status" <> 'ENDED'
      RETURNING "id", "courseId", "versionId", "status"::text AS "status", "source"::text AS "source",
                "enrolledAt"
    )
    SELECT EXISTS (SELECT 1 FROM course) AS "found", w."id", w."courseId", w."versionId", w."status",
           w."source", w."enrolledAt"
      FROM (SELECT 1) AS one LEFT JOIN written w ON true`);
}

/** Points progress rows at other lessons (a version move carries them over), in one statement. */
export async function moveLessonProgress(
  tx: Tx,
  progressIds: string[],
  lessonIds: string[],
): Promise<number> {
  return tx.$executeRaw`
    UPDATE "LessonProgress" AS p SET "lessonId" = v."lessonId"
      FROM unnest(${progressIds}::uuid[], ${lessonIds}::uuid[]) AS v("id", "lessonId")
     WHERE p."id" = v."id"`;
}

export interface LearnerLessonRow {
  id: string;
  title: string;
  kind: 'TEXT' | 'VIDEO' | 'QUIZ';
  body: string;
  videoUrl: string | null;
  videoSeconds: number | null;
  captionsUrl: string | null;
  captionsLanguage: string | null;
  captionsLabel: string | null;
  estimatedMinutes: number;
  required: boolean;
  moduleTitle: string;
  /** The version the lesson belongs to, its course, and whether that version is published. */
  versionId: string;
  courseId: string;
  published: boolean;
  minimumLessonTimePercent: number;
  /** The viewer's current enrolment in the course (nulls: none). */
  enrollmentId: string | null;
  enrollmentVersionId: string | null;
  enrollmentStatus: EnrollmentStatus | null;
  /** Neighbours in the version's syllabus order. */
  previousLessonId: string | null;
  nextLessonId: string | null;
  seatSeconds: number | null;
  completedAt: Date | null;
}

/**
 * The lesson player's statement: the lesson with its module and version, the viewer's current
 * enrolment in the course, the lesson's neighbours in syllabus order and the viewer's progress.
 * Only pg-and-Prisma-alike types (hot read: enums cast to text).
 */
export function learnerLessonStatement(userId: string, lessonId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT l."id", l."title", l."kind"::text AS "kind", l."body", l."videoUrl", l."videoSeconds",
           l."captionsUrl", l."captionsLanguage", l."captionsLabel", l."estimatedMinutes", l."required",
           m."title" AS "moduleTitle", m."versionId", v."courseId",
           v."publishedAt" IS NOT NULL AS "published", v."minimumLessonTimePercent",
           e."id" AS "enrollmentId", e."versionId" AS "enrollmentVersionId",
           e."status"::text AS "enrollmentStatus",
           n."previousLessonId", n."nextLessonId", p."seatSeconds", p."completedAt"
      FROM "Lesson" l
      JOIN "Module" m ON m."id" = l."moduleId"
      JOIN "CourseVersion" v ON v."id" = m."versionId"
      LEFT JOIN LATERAL (
        SELECT x."id", x."versionId", x."status" FROM "Enrollment" x
         WHERE x."userId" = ${userId}::uuid AND x."courseId" = v."courseId" AND x."supersededAt" IS NULL
         ORDER BY x."period" DESC LIMIT 1
      ) e ON true
      LEFT JOIN LATERAL (
        SELECT o."previousLessonId", o."nextLessonId" FROM (
          SELECT ol."id",
                 lag(ol."id") OVER w AS "previousLessonId", lead(ol."id") OVER w AS "nextLessonId"
            FROM "Module" om JOIN "Lesson" ol ON ol."moduleId" = om."id"
           WHERE om."versionId" = m."versionId"
          WINDOW w AS (ORDER BY om."position", ol."position")
        ) o WHERE o."id" = l."id"
      ) n ON true
      LEFT JOIN "LessonProgress" p ON p."enrollmentId" = e."id" AND p."lessonId" = l."id"
     WHERE l."id" = ${lessonId}::uuid`;
}

/** The lesson player's row (learnerLessonStatement) through hot reads; null: no such lesson. */
export async function loadLearnerLesson(
  db: Db,
  userId: string,
  lessonId: string,
): Promise<LearnerLessonRow | null> {
  // Prepared: fixed text, key look-ups; planning it cost more than running it.
  const [row] = await hotReads(db).rows<LearnerLessonRow>(
    learnerLessonStatement(userId, lessonId),
    {
      prepare: true,
    },
  );
  return row ?? null;
}

export interface EnrolledLessonRow {
  id: string;
  kind: 'TEXT' | 'VIDEO' | 'QUIZ';
  estimatedMinutes: number;
  videoSeconds: number | null;
  required: boolean;
  versionId: string;
  courseId: string;
  published: boolean;
  minimumLessonTimePercent: number;
  enrollmentId: string | null;
  enrollmentVersionId: string | null;
  enrollmentStatus: EnrollmentStatus | null;
}

/**
 * A lesson with its version's course and minimum time share, and the viewer's current
 * enrolment in that course, in one statement (null: no such lesson).
 */
export async function findEnrolledLesson(
  db: DbOrTx,
  userId: string,
  lessonId: string,
): Promise<EnrolledLessonRow | null> {
  const [row] = await db.$queryRaw<EnrolledLessonRow[]>`
    SELECT l."id", l."kind"::text AS "kind", l."estimatedMinutes", l."videoSeconds", l."required",
           m."versionId", v."courseId", v."publishedAt" IS NOT NULL AS "published",
           v."minimumLessonTimePercent",
           e."id" AS "enrollmentId", e."versionId" AS "enrollmentVersionId",
           e."status"::text AS "enrollmentStatus"
      FROM "Lesson" l
      JOIN "Module" m ON m."id" = l."moduleId"
      JOIN "CourseVersion" v ON v."id" = m."versionId"
      LEFT JOIN LATERAL (
        SELECT x."id", x."versionId", x."status" FROM "Enrollment" x
         WHERE x."userId" = ${userId}::uuid AND x."courseId" = v."courseId" AND x."supersededAt" IS NULL
         ORDER BY x."period" DESC LIMIT 1
      ) e ON true
     WHERE l."id" = ${lessonId}::uuid`;
  return row ?? null;
}

/**
 * The learner's "mark complete": credits the gap since the last event (at most `capSeconds`),
 * completes the lesson when its seat time reaches `requiredSeconds` (the first completion time
 * stays), and records the enrolment's activity (which takes the enrolment's row lock), in one
 * statement. Answers the row as it now stands: completedAt null means the time is not reached.
 */
export async function completeLessonWithSeatTime(
  tx: Tx,
  enrollmentId: string,
  lessonId: string,
  capSeconds: number,
  requiredSeconds: number,
  now: Date,
): Promise<{ seatSeconds: number; completedAt: Date | null }> {
  const rows = await tx.$queryRaw<{ seatSeconds: number; completedAt: Date | null }[]>`
    WITH "progress" AS (
      INSERT INTO "LessonProgress" ("enrollmentId", "lessonId", "firstOpenedAt", "lastSeenAt", "seatSeconds", "completedAt")
      VALUES (${enrollmentId}::uuid, ${lessonId}::uuid, ${now}, ${now}, 0,
              CASE WHEN ${requiredSeconds}::int <= 0 THEN ${now}::timestamptz END)
      ON CONFLICT ("enrollmentId", "lessonId") DO UPDATE SET
        "seatSeconds" = "LessonProgress"."seatSeconds" + LEAST(${capSeconds}::int, GREATEST(0,
          floor(extract(epoch FROM (EXCLUDED."lastSeenAt" - "LessonProgress"."lastSeenAt"))))::int),
        "lastSeenAt" = GREATEST("LessonProgress"."lastSeenAt", EXCLUDED."lastSeenAt"),
        "completedAt" = COALESCE("LessonProgress"."completedAt",
          CASE WHEN "LessonProgress"."seatSeconds" + LEAST(${capSeconds}::int, GREATEST(0,
                 floor(extract(epoch FROM (EXCLUDED."lastSeenAt" - "LessonProgress"."lastSeenAt"))))::int)
                 >= ${requiredSeconds}::int
               THEN ${now}::timestamptz END)
      RETURNING "seatSeconds", "completedAt"),
    "activity" AS (
      UPDATE "Enrollment" SET "lastActivityAt" = ${now} WHERE "id" = ${enrollmentId}::uuid)
    SELECT "seatSeconds", "completedAt" FROM "progress"`;
  return rows[0]!;
}
