import { type CreditBody, type Db, type LessonKind, Prisma } from '@lms/db';

/**
 * Batch loaders for the parts of a catalog course. Each takes many keys and issues one query,
 * so a page of N courses costs the same number of statements as a page of one.
 * Results are returned in key order (DataLoader's contract). They are parameterised raw SQL
 * (`= ANY($1::uuid[])`): this is the hottest read path, and Prisma's per-query compilation
 * for `IN` lists of varying length cost more than the queries themselves (see ARCHITECTURE.md).
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
  const rows = await db.$queryRaw<(InstructorCredentialView & { userId: string })[]>(Prisma.sql`
    SELECT "userId", credential, "awardedYear" FROM "InstructorCredential"
     WHERE "userId" = ANY(${[...userIds]}::uuid[])
     ORDER BY position, "awardedYear", id`);
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
  const rows = await db.$queryRaw<(CreditOffering & { versionId: string })[]>(Prisma.sql`
    SELECT "versionId", body::text AS body, "bodyName", to_char("ceuAmount", 'FM9999990.00') AS "ceuAmount",
           category, "validFrom", "validUntil"
      FROM "CreditApproval"
     WHERE "versionId" = ANY(${[...versionIds]}::uuid[])
     ORDER BY body, "createdAt"`);
  return groupBy(versionIds, rows, (row) => row.versionId).map((group) =>
    group.map(({ versionId: _versionId, ...offering }): CreditOffering => offering),
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

/** Each version's modules with their lessons, in order: one statement (lessons as JSON). */
export async function loadSyllabi(db: Db, versionIds: readonly string[]) {
  const modules = await db.$queryRaw<(SyllabusModule & { versionId: string })[]>(Prisma.sql`
    SELECT m.id, m."versionId", m.title, m.position,
           COALESCE(json_agg(json_build_object(
             'id', l.id, 'title', l.title, 'kind', l.kind, 'estimatedMinutes', l."estimatedMinutes",
             'required', l.required) ORDER BY l.position) FILTER (WHERE l.id IS NOT NULL), '[]') AS lessons
      FROM "Module" m LEFT JOIN "Lesson" l ON l."moduleId" = m.id
     WHERE m."versionId" = ANY(${[...versionIds]}::uuid[])
     GROUP BY m.id
     ORDER BY m.position`);
  return groupBy(versionIds, modules, (row) => row.versionId).map((group) =>
    group.map(({ versionId: _versionId, ...module }): SyllabusModule => module),
  );
}

function groupBy<Row>(keys: readonly string[], rows: Row[], keyOf: (row: Row) => string): Row[][] {
  const groups = new Map<string, Row[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}
