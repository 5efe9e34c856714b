import { beforeAll, describe, expect, it } from 'vitest';
import { markVersionPublished } from './seed';
import { useTestDatabase } from './testing';

/**
 * The evidence an auditor relies on is guarded in the database itself, so no code path (or
 * hand-typed SQL) can rewrite it: each statement below is tried through SQL and must fail.
 */
const t = useTestDatabase();
const ids = {} as Record<
  | 'user'
  | 'version'
  | 'module'
  | 'lesson'
  | 'quiz'
  | 'question'
  | 'option'
  | 'enrollment'
  | 'attempt'
  | 'openAttempt'
  | 'answer'
  | 'audit',
  string
>;

async function one(sql: string, ...values: unknown[]): Promise<string> {
  const rows = await t.db.$queryRawUnsafe<{ id: string }[]>(sql, ...values);
  return rows[0]!.id;
}

beforeAll(async () => {
  ids.user = await one(
    `INSERT INTO "User" ("email", "name", "passwordHash", "role") VALUES ('g@example.com', 'G', 'x', 'STUDENT') RETURNING "id"`,
  );
  const course = await one(
    `INSERT INTO "Course" ("slug", "ownerId", "status") VALUES ('guards', $1::uuid, 'PUBLISHED') RETURNING "id"`,
    ids.user,
  );
  ids.version = await one(
    `INSERT INTO "CourseVersion" ("courseId", "number", "title", "summary", "kind") VALUES ($1::uuid, 1, 'Guards', 'S', 'CE') RETURNING "id"`,
    course,
  );
  ids.module = await one(
    `INSERT INTO "Module" ("versionId", "position", "title") VALUES ($1::uuid, 1, 'M') RETURNING "id"`,
    ids.version,
  );
  ids.lesson = await one(
    `INSERT INTO "Lesson" ("moduleId", "position", "title", "kind") VALUES ($1::uuid, 1, 'Q', 'QUIZ') RETURNING "id"`,
    ids.module,
  );
  ids.quiz = await one(
    `INSERT INTO "Quiz" ("lessonId", "mode") VALUES ($1::uuid, 'POST_TEST') RETURNING "id"`,
    ids.lesson,
  );
  ids.question = await one(
    `INSERT INTO "Question" ("quizId", "position", "type", "prompt") VALUES ($1::uuid, 1, 'TRUE_FALSE', 'P') RETURNING "id"`,
    ids.quiz,
  );
  ids.option = await one(
    `INSERT INTO "QuestionOption" ("questionId", "position", "text", "correct") VALUES ($1::uuid, 1, 'True', true) RETURNING "id"`,
    ids.question,
  );
  await markVersionPublished(t.db, [ids.version], new Date());
  ids.enrollment = await one(
    `INSERT INTO "Enrollment" ("userId", "courseId", "versionId", "source") VALUES ($1::uuid, $2::uuid, $3::uuid, 'FREE') RETURNING "id"`,
    ids.user,
    course,
    ids.version,
  );
  // The legitimate path: answers are saved and graded while the attempt is open, then the
  // attempt is marked submitted.
  ids.attempt = await one(
    `INSERT INTO "QuizAttempt" ("enrollmentId", "quizId", "number", "questionIds") VALUES ($1::uuid, $2::uuid, 1, ARRAY[$3::uuid]) RETURNING "id"`,
    ids.enrollment,
    ids.quiz,
    ids.question,
  );
  ids.answer = await one(
    `INSERT INTO "AttemptAnswer" ("attemptId", "questionId", "response") VALUES ($1::uuid, $2::uuid, '{}') RETURNING "id"`,
    ids.attempt,
    ids.question,
  );
  await t.db.$executeRawUnsafe(
    `UPDATE "AttemptAnswer" SET "response" = '{"optionIds":[]}', "points" = 0, "correct" = false WHERE "id" = $1::uuid`,
    ids.answer,
  );
  await t.db.$executeRawUnsafe(
    `UPDATE "QuizAttempt" SET "status" = 'SUBMITTED', "submittedAt" = now(), "scorePoints" = 0, "maxPoints" = 1, "scorePercent" = 0, "passed" = false WHERE "id" = $1::uuid`,
    ids.attempt,
  );
  ids.openAttempt = await one(
    `INSERT INTO "QuizAttempt" ("enrollmentId", "quizId", "number", "questionIds") VALUES ($1::uuid, $2::uuid, 2, ARRAY[$3::uuid]) RETURNING "id"`,
    ids.enrollment,
    ids.quiz,
    ids.question,
  );
  await t.db.$executeRawUnsafe(
    `INSERT INTO "CourseCompletion" ("enrollmentId", "versionId", "seatMinutes", "evidence") VALUES ($1::uuid, $2::uuid, 0, '{}')`,
    ids.enrollment,
    ids.version,
  );
  ids.audit = await one(
    `INSERT INTO "AuditLog" ("actorId", "action", "targetType", "targetId") VALUES ($1::uuid, 'test', 'User', 'x') RETURNING "id"`,
    ids.user,
  );
}, 60_000);

const refused = (sql: string, ...values: unknown[]) =>
  expect(t.db.$executeRawUnsafe(sql, ...values), sql).rejects.toThrow(
    /cannot be|immutable|append-only|kept for audits/,
  );

describe('evidence guards', () => {
  it('refuses changing or deleting a submitted attempt and its answers', async () => {
    await refused(`UPDATE "QuizAttempt" SET "passed" = true WHERE "id" = $1::uuid`, ids.attempt);
    await refused(
      `UPDATE "QuizAttempt" SET "status" = 'IN_PROGRESS' WHERE "id" = $1::uuid`,
      ids.attempt,
    );
    await refused(`DELETE FROM "QuizAttempt" WHERE "id" = $1::uuid`, ids.attempt);
    await refused(`UPDATE "AttemptAnswer" SET "points" = 1 WHERE "id" = $1::uuid`, ids.answer);
    await refused(`DELETE FROM "AttemptAnswer" WHERE "id" = $1::uuid`, ids.answer);
    await refused(
      `INSERT INTO "AttemptAnswer" ("attemptId", "questionId", "response") VALUES ($1::uuid, gen_random_uuid(), '{}')`,
      ids.attempt,
    );
    const row = await t.db.quizAttempt.findUniqueOrThrow({ where: { id: ids.attempt } });
    expect(row).toMatchObject({ status: 'SUBMITTED', passed: false });
  });

  it('still lets an open attempt be answered and changed', async () => {
    await t.db.$executeRawUnsafe(
      `INSERT INTO "AttemptAnswer" ("attemptId", "questionId", "response") VALUES ($1::uuid, $2::uuid, '{}')`,
      ids.openAttempt,
      ids.question,
    );
    await t.db.$executeRawUnsafe(
      `UPDATE "QuizAttempt" SET "deadlineAt" = now() WHERE "id" = $1::uuid`,
      ids.openAttempt,
    );
  });

  it('keeps the audit log append-only', async () => {
    await refused(`UPDATE "AuditLog" SET "action" = 'other' WHERE "id" = $1::uuid`, ids.audit);
    await refused(`DELETE FROM "AuditLog" WHERE "id" = $1::uuid`, ids.audit);
    expect(await t.db.auditLog.count()).toBe(1);
  });

  it('refuses TRUNCATE of every evidence table', async () => {
    for (const table of ['CourseCompletion', 'QuizAttempt', 'AttemptAnswer', 'AuditLog']) {
      await refused(`TRUNCATE "${table}" CASCADE`);
    }
    expect(await t.db.courseCompletion.count()).toBe(1);
  });

  it('refuses new rows under a published version', async () => {
    await refused(
      `INSERT INTO "Module" ("versionId", "position", "title") VALUES ($1::uuid, 2, 'Extra')`,
      ids.version,
    );
    await refused(
      `INSERT INTO "Lesson" ("moduleId", "position", "title") VALUES ($1::uuid, 2, 'Extra')`,
      ids.module,
    );
    await refused(
      `INSERT INTO "Question" ("quizId", "position", "type", "prompt") VALUES ($1::uuid, 2, 'TRUE_FALSE', 'Extra')`,
      ids.quiz,
    );
    await refused(
      `INSERT INTO "QuestionOption" ("questionId", "position", "text") VALUES ($1::uuid, 2, 'False')`,
      ids.question,
    );
    await refused(
      `INSERT INTO "CreditApproval" ("versionId", "body", "approvalNumber", "approvedTitle", "ceuAmount", "validFrom", "validUntil")
       VALUES ($1::uuid, 'AAPC', 'X-1', 'Guards', 1, '2026-01-01', '2026-12-31')`,
      ids.version,
    );
    // A published lesson already has its quiz; replacing it (delete, then insert) is refused
    // at the delete, and an insert for the lesson is refused by the trigger before the unique
    // index is even consulted.
    await refused(`DELETE FROM "Quiz" WHERE "id" = $1::uuid`, ids.quiz);
    await refused(
      `INSERT INTO "Quiz" ("lessonId", "mode") VALUES ($1::uuid, 'PRACTICE') ON CONFLICT DO NOTHING`,
      ids.lesson,
    );
    expect(await t.db.module.count({ where: { versionId: ids.version } })).toBe(1);
  });
});
