import type { CreditBody, Db, LessonKind } from '@lms/db';
import {
  courseInstructorRows,
  creditOfferingRows,
  instructorCredentialRows,
  syllabusRows,
} from './sql';

/**
 * Batch loaders for the parts of a catalog course. Each takes many keys and issues one query,
 * so a page of N courses costs the same number of statements as a page of one.
 * Results are returned in key order (DataLoader's contract). Their statements are in sql.ts
 * (`= ANY($1::uuid[])`, run as hot reads through pg directly): this is the hottest read path,
 * and Prisma's per-query work cost more than the queries themselves (see ARCHITECTURE.md).
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
  // Owners and co-instructors appended (no de-duplication, no sort in SQL: a page has a
  // handful of rows); ordered here: owner first, then co-instructors by when they were added.
  const rows = await courseInstructorRows(db, courseIds);
  return groupBy(courseIds, rows, (row) => row.courseId).map((group) => {
    const owner = group.find((row) => row.isOwner);
    const others = group
      .filter((row) => !row.isOwner && row.id !== owner?.id)
      .sort(
        (a, b) =>
          (a.addedAt?.getTime() ?? 0) - (b.addedAt?.getTime() ?? 0) ||
          (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
    return [...(owner ? [owner] : []), ...others].map(
      ({ id, name, bio }): InstructorProfile => ({ id, name, bio }),
    );
  });
}

export interface InstructorCredentialView {
  credential: string;
  awardedYear: number;
}

/** Each instructor's professional credentials, in the order they chose. */
export async function loadInstructorCredentials(db: Db, userIds: readonly string[]) {
  const rows = await instructorCredentialRows(db, userIds);
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
  const rows = await creditOfferingRows(db, versionIds);
  return groupBy(versionIds, rows, (row) => row.versionId).map((group) =>
    group.map(
      ({ versionId: _versionId, validFrom, validUntil, ...offering }): CreditOffering => ({
        ...offering,
        validFrom: new Date(`${validFrom}T00:00:00.000Z`),
        validUntil: new Date(`${validUntil}T00:00:00.000Z`),
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

/** Each version's modules with their lessons, in order: one statement (lessons as JSON). */
export async function loadSyllabi(db: Db, versionIds: readonly string[]) {
  const modules = await syllabusRows(db, versionIds);
  return groupBy(versionIds, modules, (row) => row.versionId).map((group) =>
    group.map(({ versionId: _versionId, ...module }): SyllabusModule => module),
  );
}

function groupBy<Row>(keys: readonly string[], rows: Row[], keyOf: (row: Row) => string): Row[][] {
  const groups = new Map<string, Row[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}
