import type { CreditBody, Db, LessonKind } from '@lms/db';

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
