import type { Db } from './client';
import type { Prisma } from './generated/client';

/**
 * Freezes draft versions as published, computing their full-text document in the same
 * statement (a database trigger forbids changing a version once it is published).
 */
export function markVersionPublished(
  tx: Prisma.TransactionClient | Db,
  versionIds: string[],
  publishedAt: Date,
  publishedById: string | null = null,
) {
  return tx.$executeRaw`UPDATE "CourseVersion"
    SET "searchVector" = "lms_course_version_search_vector"("id"),
        "publishedAt" = ${publishedAt}, "publishedById" = ${publishedById}::uuid
    WHERE "id" = ANY(${versionIds}::uuid[]) AND "publishedAt" IS NULL`;
}
