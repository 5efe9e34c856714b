import { type CreditBody, type Db, type LessonKind, Prisma } from '@lms/db';

/**
 * Batch loaders for the parts of a catalog course. Each takes many keys and issues one query,
 * so a page of N courses costs the same number of statements as a page of one.
 * Results are returned in key order (DataLoader's contract).
 */

export interface InstructorProfile {
  id: string;
  name: string;
  bio: string | null;
}

export async function loadInstructors(db: Db, userIds: readonly string[]) {
  const rows = await db.user.findMany({
    where: { id: { in: [...userIds] } },
    select: { id: true, name: true, bio: true },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return userIds.map((id) => byId.get(id) ?? null);
}

/**
 * Everyone who teaches each course: the owner first, then co-instructors (CourseInstructor)
 * in the order they were added. One statement for any number of courses.
 */
export async function loadCourseInstructors(db: Db, courseIds: readonly string[]) {
  const rows = await db.$queryRaw<(InstructorProfile & { courseId: string })[]>(Prisma.sql`
    SELECT i."courseId", u.id, u.name, u.bio
      FROM (
        SELECT c.id AS "courseId", c."ownerId" AS "userId", 0 AS rank, c."createdAt" AS "addedAt"
          FROM "Course" c WHERE c.id = ANY(${[...courseIds]}::uuid[])
        UNION ALL
        SELECT ci."courseId", ci."userId", 1, ci."addedAt"
          FROM "CourseInstructor" ci JOIN "Course" c ON c.id = ci."courseId"
         WHERE ci."courseId" = ANY(${[...courseIds]}::uuid[]) AND ci."userId" <> c."ownerId"
      ) i
      JOIN "User" u ON u.id = i."userId"
     ORDER BY i."courseId", i.rank, i."addedAt", u.id`);
  return groupBy(courseIds, rows, (row) => row.courseId).map((group) =>
    group.map(({ courseId: _courseId, ...profile }): InstructorProfile => profile),
  );
}

export interface InstructorCredentialView {
  credential: string;
  awardedYear: number;
}

/** Each instructor's professional credentials, in the order they chose. */
export async function loadInstructorCredentials(db: Db, userIds: readonly string[]) {
  const rows = await db.instructorCredential.findMany({
    where: { userId: { in: [...userIds] } },
    orderBy: [{ position: 'asc' }, { awardedYear: 'asc' }, { id: 'asc' }],
    select: { userId: true, credential: true, awardedYear: true },
  });
  return groupBy(userIds, rows, (row) => row.userId).map((group) =>
    group.map(({ userId: _userId, ...credential }): InstructorCredentialView => credential),
  );
}

export interface CreditOffering {
  body: CreditBody;
  bodyName: string | null;
  ceuAmount: string;
  category: string;
  validFrom: Date;
  validUntil: Date;
}

/** Credit a version carries, without approval numbers (revealed only after completion). */
export async function loadCreditOfferings(db: Db, versionIds: readonly string[]) {
  const rows = await db.creditApproval.findMany({
    where: { versionId: { in: [...versionIds] } },
    orderBy: [{ body: 'asc' }, { createdAt: 'asc' }],
    select: {
      versionId: true,
      body: true,
      bodyName: true,
      ceuAmount: true,
      category: true,
      validFrom: true,
      validUntil: true,
    },
  });
  return groupBy(versionIds, rows, (row) => row.versionId).map((group) =>
    group.map(
      ({ versionId: _versionId, ceuAmount, ...offering }): CreditOffering => ({
        ...offering,
        ceuAmount: ceuAmount.toFixed(2),
      }),
    ),
  );
}

export interface SyllabusModule {
  id: string;
  title: string;
  position: number;
  lessons: {
    id: string;
    title: string;
    kind: LessonKind;
    estimatedMinutes: number;
    required: boolean;
  }[];
}

export async function loadSyllabi(db: Db, versionIds: readonly string[]) {
  const modules = await db.module.findMany({
    where: { versionId: { in: [...versionIds] } },
    orderBy: [{ position: 'asc' }],
    select: {
      id: true,
      versionId: true,
      title: true,
      position: true,
      lessons: {
        orderBy: { position: 'asc' },
        select: { id: true, title: true, kind: true, estimatedMinutes: true, required: true },
      },
    },
  });
  return groupBy(versionIds, modules, (row) => row.versionId).map((group) =>
    group.map(({ versionId: _versionId, ...module }): SyllabusModule => module),
  );
}

function groupBy<Row>(keys: readonly string[], rows: Row[], keyOf: (row: Row) => string): Row[][] {
  const groups = new Map<string, Row[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}
