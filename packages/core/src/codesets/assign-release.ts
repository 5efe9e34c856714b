import type { Prisma } from '@lms/db';

/**
 * Items written before releases existed (codeSetReleaseId NULL) get the release of their system
 * and code-set year when it is imported, in drafts only (published versions are immutable).
 * Items without a year, or whose year has no release, stay flagged in the quiz builder.
 */
export async function assignReleaseToDraftItems(
  tx: Prisma.TransactionClient,
  releaseId: string,
): Promise<number> {
  return tx.$executeRaw`
    UPDATE "Question" q SET "codeSetReleaseId" = r."id"
    FROM "CodeSetRelease" r, "Quiz" z, "Lesson" l, "Module" m, "CourseVersion" v
    WHERE r."id" = ${releaseId}::uuid
      AND q."type" = 'CODE_SET' AND q."codeSetReleaseId" IS NULL
      AND q."codeSystem" = r."system" AND q."codeSetYear" = r."year"
      AND z."id" = q."quizId" AND l."id" = z."lessonId" AND m."id" = l."moduleId"
      AND v."id" = m."versionId" AND v."publishedAt" IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM "CodeSetRelease" other
        WHERE other."system" = r."system" AND other."year" = r."year" AND other."id" <> r."id")`;
}
