// Each statement of learning/sql.ts, run against the migrated schema; the lesson player's
// statement also by EXPLAIN at 10,000 published courses with 2,000 enrolments (issue 15: no
// Seq Scan, no Sort over a whole table; the plan reads one lesson's rows).
import { randomUUID } from 'node:crypto';
import { hotReads, Prisma, seedManyCourses } from '@lms/db';
import { useTestDatabase } from '@lms/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  completeLessonProgress,
  completeLessonWithSeatTime,
  findEnrolledLesson,
  grantEnrollmentRow,
  grantEnrollmentStatement,
  insertCourseCompletion,
  learnerLessonStatement,
  loadCompletionEvidence,
  loadLearnerLesson,
  moveLessonProgress,
  recordLessonEvent,
} from './sql';

const database = useTestDatabase();

const COURSES = 10_000;
const ENROLMENTS = 2_000;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Plan Rows': number;
  Plans?: PlanNode[];
}

let userId: string;
let lessonIds: string[];
let courseIds: string[];

beforeAll(async () => {
  courseIds = (await seedManyCourses(database.db, COURSES)).courseIds;
  userId = (
    await database.db.user.create({
      data: { email: 'sql-learner@example.com', name: 'Sql Learner', passwordHash: '!x' },
    })
  ).id;
  // Many learners enrolled in many courses, with progress: the planner sees real tables.
  await database.db.$executeRaw`
    INSERT INTO "User" ("id", "email", "name", "passwordHash")
    SELECT gen_random_uuid(), 'many-' || g || '@example.com', 'Many ' || g, '!x'
      FROM generate_series(1, ${ENROLMENTS}) AS g`;
  await database.db.$executeRaw`
    INSERT INTO "Enrollment" ("userId", "courseId", "versionId", "source")
    SELECT u."id", c."id", c."latestPublishedVersionId", 'FREE'
      FROM (SELECT "id", row_number() OVER (ORDER BY "id") AS n FROM "User" WHERE "email" LIKE 'many-%') u
      JOIN (SELECT "id", "latestPublishedVersionId", row_number() OVER (ORDER BY "id") AS n
              FROM "Course" WHERE "latestPublishedVersionId" IS NOT NULL) c ON c.n = u.n`;
  await database.db.$executeRaw`
    INSERT INTO "LessonProgress" ("enrollmentId", "lessonId", "seatSeconds")
    SELECT e."id", l."id", 60 FROM "Enrollment" e
      JOIN "Module" m ON m."versionId" = e."versionId" JOIN "Lesson" l ON l."moduleId" = m."id"`;
  const lessons = await database.db.lesson.findMany({
    where: { module: { version: { courseId: { in: courseIds.slice(0, 2) } } } },
    select: { id: true, module: { select: { version: { select: { courseId: true } } } } },
  });
  lessonIds = courseIds
    .slice(0, 2)
    .map((courseId) => lessons.find((l) => l.module.version.courseId === courseId)!.id);
  await database.db.$executeRawUnsafe('VACUUM ANALYZE');
}, 240_000);

async function plan(statement: Prisma.Sql): Promise<PlanNode> {
  const rows = await database.db.$queryRawUnsafe<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(
    `EXPLAIN (FORMAT JSON) ${statement.text}`,
    ...statement.values,
  );
  return rows[0]!['QUERY PLAN'][0]!.Plan;
}

/** The generic plan a prepared statement keeps (no values: EXPLAIN (GENERIC_PLAN) as a simple query). */
async function genericPlan(statement: Prisma.Sql): Promise<PlanNode> {
  const rows = await hotReads(database.db).rows<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
    Prisma.raw(`EXPLAIN (GENERIC_PLAN, FORMAT JSON) ${statement.text}`),
  );
  return rows[0]!['QUERY PLAN'][0]!.Plan;
}

const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];
const describePlan = (node: PlanNode, depth = 0): string =>
  [
    `${'  '.repeat(depth)}${node['Node Type']}${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''} (${node['Plan Rows']} rows)`,
    ...(node.Plans ?? []).map((child) => describePlan(child, depth + 1)),
  ].join('\n');

describe('the enrolment grant’s plan', () => {
  it('reads Enrollment by the learner-and-course index and the primary key, in its generic plan too (it is prepared)', async () => {
    const statement = grantEnrollmentStatement({
      userId,
      courseId: courseIds[7]!,
      source: 'FREE',
      now: new Date(),
    });
    for (const root of [await plan(statement), await genericPlan(statement)]) {
      const scans = nodes(root).filter(
        (node) => node['Relation Name'] === 'Enrollment' && node['Node Type'].includes('Scan'),
      );
      expect(scans.map((node) => node['Index Name']).sort(), describePlan(root)).toEqual([
        'Enrollment_pkey',
        'Enrollment_userId_courseId_period_key',
      ]);
    }
  });
});

describe('learning sql', () => {
  it('plans the lesson player’s statement without a Seq Scan or a big Sort', async () => {
    const root = await plan(learnerLessonStatement(userId, lessonIds[0]!));
    const shape = describePlan(root);
    expect(
      nodes(root).filter((node) => node['Node Type'] === 'Seq Scan'),
      shape,
    ).toEqual([]);
    // The only sort is the window's over one version's lessons (a handful of rows).
    for (const sort of nodes(root).filter((node) => node['Node Type'].includes('Sort'))) {
      expect(sort['Plan Rows'], shape).toBeLessThan(100);
    }
  });

  it('enrols, records events, completes a lesson and the course, moves progress', async () => {
    const now = new Date('2026-11-30T10:00:00Z');
    const [courseId] = courseIds;
    const course = await database.db.course.findUniqueOrThrow({
      where: { id: courseId },
      select: { latestPublishedVersionId: true },
    });
    const versionId = course.latestPublishedVersionId!;

    // Not enrolled yet: the lesson row is there, without an enrolment.
    const before = await loadLearnerLesson(database.db, userId, lessonIds[0]!);
    expect(before).toMatchObject({ id: lessonIds[0], published: true, enrollmentId: null });
    expect(await loadLearnerLesson(database.db, userId, randomUUID())).toBeNull();

    // No such course (or none published): nothing is written.
    expect(
      await grantEnrollmentRow(database.db, {
        userId,
        courseId: randomUUID(),
        source: 'FREE',
        now,
      }),
    ).toEqual({ found: false, enrollment: null });
    const granted = await grantEnrollmentRow(database.db, {
      userId,
      courseId: courseId!,
      source: 'FREE',
      now,
    });
    const enrollment = await database.db.enrollment.findFirstOrThrow({
      where: { userId, courseId },
    });
    expect(enrollment).toMatchObject({ status: 'ACTIVE', period: 1, versionId, source: 'FREE' });
    expect(granted).toEqual({
      found: true,
      enrollment: {
        id: enrollment.id,
        courseId,
        versionId,
        status: 'ACTIVE',
        source: 'FREE',
        enrolledAt: now,
      },
    });
    // Granting again answers the same row (its source kept while it is ACTIVE).
    expect(
      await grantEnrollmentRow(database.db, {
        userId,
        courseId: courseId!,
        source: 'GRANT',
        now,
      }),
    ).toMatchObject({
      found: true,
      enrollment: { id: enrollment.id, status: 'ACTIVE', source: 'FREE', versionId },
    });

    expect(await recordLessonEvent(database.db, enrollment.id, lessonIds[0]!, 60, now)).toEqual({
      seatSeconds: 0,
      completedAt: null,
    });
    const later = new Date(now.getTime() + 45_000);
    expect(await recordLessonEvent(database.db, enrollment.id, lessonIds[0]!, 60, later)).toEqual({
      seatSeconds: 45,
      completedAt: null,
    });

    await database.db.$transaction((tx) =>
      completeLessonProgress(tx, enrollment.id, lessonIds[0]!, later),
    );
    const viewed = await loadLearnerLesson(database.db, userId, lessonIds[0]!);
    expect(viewed).toMatchObject({
      enrollmentId: enrollment.id,
      enrollmentStatus: 'ACTIVE',
      enrollmentVersionId: versionId,
      seatSeconds: 45,
      completedAt: later,
      previousLessonId: null,
      nextLessonId: null,
      moduleTitle: 'Module 1',
      kind: 'TEXT',
    });
    expect(
      (await database.db.enrollment.findUniqueOrThrow({ where: { id: enrollment.id } }))
        .lastActivityAt,
    ).toEqual(later);

    const evidence = await database.db.$transaction((tx) =>
      loadCompletionEvidence(tx, enrollment.id),
    );
    expect(evidence).toMatchObject({
      status: 'ACTIVE',
      versionId,
      completionId: null,
      seatSeconds: 45,
      completedLessonIds: [lessonIds[0]],
      lessons: [{ id: lessonIds[0], required: true, postTestId: null, passedAttemptId: null }],
    });
    const inserted = await database.db.$transaction((tx) =>
      insertCourseCompletion(tx, {
        enrollmentId: enrollment.id,
        versionId,
        completedAt: later,
        seatMinutes: 0,
        passedAttemptId: null,
        evidence: { completedLessons: [lessonIds[0]!] },
      }),
    );
    // The insert answers what issuing needs (loadCompletionForIssue's shape, no second read).
    expect(inserted).toMatchObject({
      completedAt: later,
      enrollment: { id: enrollment.id },
      version: { id: versionId, creditApprovals: [] },
    });
    const completionId = inserted.id;
    const completed = await database.db.courseCompletion.findUniqueOrThrow({
      where: { id: completionId },
    });
    expect(completed.evidence).toEqual({ completedLessons: [lessonIds[0]] });
    expect(
      (await database.db.enrollment.findUniqueOrThrow({ where: { id: enrollment.id } }))
        .completedAt,
    ).toEqual(later);
    expect(
      (await database.db.$transaction((tx) => loadCompletionEvidence(tx, enrollment.id)))
        ?.completionId,
    ).toBe(completionId);

    const progress = await database.db.lessonProgress.findFirstOrThrow({
      where: { enrollmentId: enrollment.id },
    });
    expect(
      await database.db.$transaction((tx) =>
        moveLessonProgress(tx, [progress.id], [lessonIds[1]!]),
      ),
    ).toBe(1);
    expect(
      (await database.db.lessonProgress.findUniqueOrThrow({ where: { id: progress.id } })).lessonId,
    ).toBe(lessonIds[1]);

    // A second course: the enrolled-lesson lookup, then "mark complete" below and at the time.
    const other = await database.db.course.findUniqueOrThrow({
      where: { id: courseIds[1] },
      select: { latestPublishedVersionId: true },
    });
    await grantEnrollmentRow(database.db, {
      userId,
      courseId: courseIds[1]!,
      source: 'FREE',
      now,
    });
    const second = await database.db.enrollment.findFirstOrThrow({
      where: { userId, courseId: courseIds[1] },
    });
    expect(await findEnrolledLesson(database.db, userId, lessonIds[1]!)).toMatchObject({
      id: lessonIds[1],
      kind: 'TEXT',
      published: true,
      courseId: courseIds[1],
      versionId: other.latestPublishedVersionId,
      enrollmentId: second.id,
      enrollmentVersionId: other.latestPublishedVersionId,
      enrollmentStatus: 'ACTIVE',
    });
    const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
    const complete = (seconds: number) =>
      database.db.$transaction((tx) =>
        completeLessonWithSeatTime(tx, second.id, lessonIds[1]!, 600, 100, at(seconds)),
      );
    expect(await complete(0)).toEqual({ seatSeconds: 0, completedAt: null });
    expect(await complete(60)).toEqual({ seatSeconds: 60, completedAt: null });
    expect(await complete(120)).toEqual({ seatSeconds: 120, completedAt: at(120) });
    // The first completion time stays.
    expect(await complete(180)).toEqual({ seatSeconds: 180, completedAt: at(120) });
  });

  it('grants the next period after an ENDED one, superseding it, in one statement', async () => {
    const now = new Date('2026-11-30T11:00:00Z');
    const courseId = courseIds[2]!;
    const first = await grantEnrollmentRow(database.db, {
      userId,
      courseId,
      source: 'PURCHASE',
      now,
    });
    expect(first.enrollment).toMatchObject({ status: 'ACTIVE', source: 'PURCHASE' });
    await database.db.enrollment.update({
      where: { id: first.enrollment!.id },
      data: { status: 'ENDED', endedAt: now, endedReason: 'refunded' },
    });
    const later = new Date(now.getTime() + 60_000);
    const next = await grantEnrollmentRow(database.db, {
      userId,
      courseId,
      source: 'PURCHASE',
      now: later,
    });
    const rows = await database.db.enrollment.findMany({
      where: { userId, courseId },
      orderBy: { period: 'asc' },
      select: { id: true, period: true, status: true, supersededAt: true },
    });
    expect(rows).toEqual([
      { id: first.enrollment!.id, period: 1, status: 'ENDED', supersededAt: later },
      { id: next.enrollment!.id, period: 2, status: 'ACTIVE', supersededAt: null },
    ]);
  });
});
