import type { CodeSystem, Db, Prisma } from '@lms/db';
import type { Tx } from '../db/tx';
import { type CodeUse, findCodeUses } from './code-uses';
import { displayCode } from './codes';
import { selectBreakingChanges } from './sql';

/** One deleted or changed code a course used, as the release's diff recorded it. */
export interface NoticeChange {
  code: string;
  kind: 'DELETED' | 'CHANGED';
  oldBillable: boolean | null;
  newBillable: boolean | null;
  oldDescription: string | null;
  newDescription: string | null;
}

export interface CodeSetNoticeView {
  id: string;
  courseId: string;
  releaseId: string;
  releaseName: string;
  system: CodeSystem;
  createdAt: Date;
  changes: (NoticeChange & { uses: CodeUse[] })[];
}

/**
 * At import (inside its transaction): every course whose draft or published version uses a
 * code this release deleted or changed gets one notice listing those changes. Returns how many
 * courses were notified.
 */
export async function recordCodeSetNotices(
  tx: Tx,
  releaseId: string,
  system: CodeSystem,
): Promise<number> {
  const changes = await selectBreakingChanges(tx, releaseId);
  if (changes.length === 0) return 0;
  const byCode = new Map(changes.map((change) => [change.code, change]));
  const uses = await findCodeUses(tx, { system, keys: [...byCode.keys()] });
  const perCourse = new Map<string, Set<string>>();
  for (const use of uses) {
    const codes = perCourse.get(use.courseId) ?? new Set<string>();
    codes.add(use.key);
    perCourse.set(use.courseId, codes);
  }
  for (const [courseId, codes] of perCourse) {
    const list = [...codes].sort().map((code) => byCode.get(code)!);
    await tx.codeSetNotice.create({
      data: { courseId, releaseId, changes: list as unknown as Prisma.InputJsonValue },
      select: { id: true },
    });
  }
  return perCourse.size;
}

/**
 * The open notices of courses, re-checked now: each change lists where the course still uses
 * the code (draft and published version); a notice whose codes the draft no longer uses is
 * cleared (stamped clearedAt) and left out. Re-checking on view keeps every edit path free of
 * notice bookkeeping.
 */
export async function refreshCodeSetNotices(
  db: Db,
  courseIds: string[],
): Promise<CodeSetNoticeView[]> {
  if (courseIds.length === 0) return [];
  const notices = await db.codeSetNotice.findMany({
    where: { courseId: { in: courseIds }, clearedAt: null },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      courseId: true,
      releaseId: true,
      changes: true,
      createdAt: true,
      release: { select: { name: true, system: true } },
    },
  });
  const open: CodeSetNoticeView[] = [];
  for (const notice of notices) {
    const changes = notice.changes as unknown as NoticeChange[];
    const uses = await findCodeUses(db, {
      system: notice.release.system,
      keys: changes.map((change) => change.code),
      courseIds: [notice.courseId],
    });
    if (!uses.some((use) => use.draft)) {
      await db.codeSetNotice.updateMany({
        where: { id: notice.id, clearedAt: null },
        data: { clearedAt: new Date() },
      });
      continue;
    }
    open.push({
      id: notice.id,
      courseId: notice.courseId,
      releaseId: notice.releaseId,
      releaseName: notice.release.name,
      system: notice.release.system,
      createdAt: notice.createdAt,
      changes: changes
        .map((change) => ({
          ...change,
          code: displayCode(notice.release.system, change.code),
          uses: uses.filter((use) => use.key === change.code),
        }))
        .filter((change) => change.uses.length > 0),
    });
  }
  return open;
}
