import { type CodeSystem, Prisma } from '@lms/db';
import type { DbOrTx } from '../db/tx';

/** Where a course version uses a code: a quiz key, or a code-shaped token in a lesson's text. */
export interface CodeUse {
  courseId: string;
  versionId: string;
  versionNumber: number;
  /** true: the draft (what instructors edit); false: the published version learners see. */
  draft: boolean;
  lessonId: string;
  lessonTitle: string;
  /** Set for a quiz key; null for lesson text. */
  questionId: string | null;
  questionPosition: number | null;
  /** The code as written there. */
  written: string;
  /** Its key form (upper case, no dot, no modifiers). */
  key: string;
}

/**
 * Code-shaped tokens per system, as PostgreSQL regular expressions (\m, \M: word boundaries).
 * ICD-10-CM with or without the dot; HCPCS without modifiers (the hyphen ends the word).
 */
const TOKEN_PATTERNS: Record<CodeSystem, string> = {
  ICD10CM: '\\m([A-Z][0-9][0-9A-Z](?:\\.[0-9A-Z]{1,4}|[0-9A-Z]{1,4})?)\\M',
  ICD10PCS: '\\m([0-9A-HJ-NP-Z]{7})\\M',
  HCPCS: '\\m([A-V][0-9]{4})\\M',
};

/**
 * Every use of the given code keys in the draft and latest published versions of courses
 * (all courses, or `courseIds`): CODE_SET quiz keys of the system, and code-shaped tokens in
 * lesson text. Set-based: the matching happens in PostgreSQL.
 */
export async function findCodeUses(
  tx: DbOrTx,
  options: { system: CodeSystem; keys: string[]; courseIds?: string[]; draftOnly?: boolean },
): Promise<CodeUse[]> {
  if (options.keys.length === 0) return [];
  const courseFilter = options.courseIds
    ? Prisma.sql`AND c."id" = ANY(${options.courseIds}::uuid[])`
    : Prisma.empty;
  const versionJoin = options.draftOnly
    ? Prisma.sql`v."id" = c."draftVersionId"`
    : Prisma.sql`v."id" IN (c."draftVersionId", c."latestPublishedVersionId")`;
  const rows = await tx.$queryRaw<CodeUse[]>`
    WITH versions AS (
      SELECT c."id" AS "courseId", v."id" AS "versionId", v."number" AS "versionNumber",
             (v."id" = c."draftVersionId") AS draft
      FROM "Course" c JOIN "CourseVersion" v ON ${versionJoin}
      WHERE TRUE ${courseFilter}
    ), keys AS (SELECT unnest(${options.keys}::text[]) AS key)
    SELECT vs.*, l."id" AS "lessonId", l."title" AS "lessonTitle", q."id" AS "questionId",
           q."position" AS "questionPosition", a.written, k.key
    FROM versions vs
    JOIN "Module" m ON m."versionId" = vs."versionId"
    JOIN "Lesson" l ON l."moduleId" = m."id"
    JOIN "Quiz" z ON z."lessonId" = l."id"
    JOIN "Question" q ON q."quizId" = z."id"
      AND q."type" = 'CODE_SET' AND q."codeSystem" = ${options.system}::"CodeSystem"
    CROSS JOIN LATERAL unnest(q."answerCodes") AS a(written)
    JOIN keys k ON k.key = split_part(upper(replace(a.written, '.', '')), '-', 1)
    UNION ALL
    SELECT vs.*, l."id", l."title", NULL::uuid, NULL::int, t.m[1], k.key
    FROM versions vs
    JOIN "Module" m ON m."versionId" = vs."versionId"
    JOIN "Lesson" l ON l."moduleId" = m."id"
    CROSS JOIN LATERAL regexp_matches(l."body", ${TOKEN_PATTERNS[options.system]}, 'g') AS t(m)
    JOIN keys k ON k.key = replace(t.m[1], '.', '')
    ORDER BY "courseId", draft DESC, "lessonTitle", "questionPosition" NULLS FIRST`;
  // One entry per place and code (a token repeated in one lesson counts once).
  const seen = new Set<string>();
  return rows.filter((row) => {
    const id = `${row.versionId}|${row.lessonId}|${row.questionId}|${row.key}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
