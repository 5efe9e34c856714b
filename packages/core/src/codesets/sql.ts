// Every SQL statement of codesets, each a named, typed function (CONTRIBUTING.md, "SQL").
// Run against the migrated database by api/src/modules/codesets/code-set-import.test.ts (import,
// lock, diff and its counts) and code-set-use.test.ts (look-up by prefix and words, the code
// checks, notices and code uses, release assignment, the course page's code-set years).
import { type CodeSystem, type Db, Prisma } from '@lms/db';
import type { DbOrTx, Tx } from '../db/tx';
import type { CodeUse } from './code-uses';
import type { ParsedCode } from './file-formats';
import type { NoticeChange } from './notices';

/** The releases (or system and year) of a version's CODE_SET items, distinct. */
export async function selectVersionCodeSetRows(
  db: Db,
  versionId: string,
): Promise<{ name: string | null; system: CodeSystem | null; year: number | null }[]> {
  return db.$queryRaw<{ name: string | null; system: CodeSystem | null; year: number | null }[]>`
    SELECT DISTINCT r."name", q."codeSystem"::text AS system, q."codeSetYear" AS year
    FROM "Question" q
    JOIN "Quiz" z ON z."id" = q."quizId"
    JOIN "Lesson" l ON l."id" = z."lessonId"
    JOIN "Module" m ON m."id" = l."moduleId"
    LEFT JOIN "CodeSetRelease" r ON r."id" = q."codeSetReleaseId"
    WHERE m."versionId" = ${versionId}::uuid AND q."type" = 'CODE_SET'`;
}

/** Which of these code keys the release has, with their billable flag. */
export async function selectCodesInRelease(
  tx: DbOrTx,
  releaseId: string,
  keys: string[],
): Promise<{ code: string; billable: boolean }[]> {
  return tx.$queryRaw<{ code: string; billable: boolean }[]>`
    SELECT "code", "billable" FROM "CodeSetCode"
    WHERE "releaseId" = ${releaseId}::uuid AND "code" = ANY(${keys}::text[])`;
}

/** Which of these code keys exist in a release of another system, and which system. */
export async function selectCodesOfOtherSystems(
  tx: DbOrTx,
  keys: string[],
  system: CodeSystem,
): Promise<{ code: string; system: CodeSystem }[]> {
  return tx.$queryRaw<{ code: string; system: CodeSystem }[]>`
        SELECT DISTINCT c."code", r."system"::text AS system
        FROM "CodeSetCode" c JOIN "CodeSetRelease" r ON r."id" = c."releaseId"
        WHERE c."code" = ANY(${keys}::text[]) AND r."system" <> ${system}::"CodeSystem"`;
}

/** Up to three billable codes of the release under a header code key, shortest first. */
export async function selectBillableCodesUnder(
  tx: DbOrTx,
  releaseId: string,
  key: string,
): Promise<{ code: string }[]> {
  return tx.$queryRaw<{ code: string }[]>`
        SELECT "code" FROM "CodeSetCode"
        WHERE "releaseId" = ${releaseId}::uuid AND "code" LIKE ${`${key}%`} AND "billable"
        ORDER BY length("code"), "code" LIMIT 3`;
}

/** Code look-up: an exact or prefix hit on the key, then full-text hits on the description. */
export async function searchCodeRows(
  db: Db,
  search: {
    releaseId: string;
    /** The words as typed (websearch_to_tsquery syntax). */
    query: string;
    /** The query as a code key prefix, when it can be one. */
    prefix: string | null;
    /** Full-text candidates ranked at most. */
    wordCandidates: number;
    limit: number;
  },
): Promise<
  { code: string; billable: boolean; shortDescription: string; longDescription: string }[]
> {
  const { releaseId, prefix } = search;
  const prefixHits = prefix
    ? Prisma.sql`
      SELECT c."code", c."billable", c."shortDescription", c."longDescription",
             CASE WHEN c."code" = ${prefix} THEN 3 ELSE 2 END AS tier, 0::real AS score
      FROM "CodeSetCode" c
      WHERE c."releaseId" = ${releaseId}::uuid AND c."code" LIKE ${`${prefix}%`}
      UNION ALL`
    : Prisma.empty;
  return db.$queryRaw<
    { code: string; billable: boolean; shortDescription: string; longDescription: string }[]
  >`
    WITH hits AS (
      ${prefixHits}
      SELECT m."code", m."billable", m."shortDescription", m."longDescription",
             1 AS tier, ts_rank_cd(m."searchVector", q) AS score
      FROM websearch_to_tsquery('english', ${search.query}) q,
           LATERAL (SELECT * FROM "CodeSetCode" c
                    WHERE c."releaseId" = ${releaseId}::uuid AND c."searchVector" @@ q
                    LIMIT ${search.wordCandidates}) m
    )
    SELECT "code", "billable", "shortDescription", "longDescription"
    FROM hits
    ORDER BY tier DESC, score DESC, length("code"), "code"
    LIMIT ${search.limit}`;
}

/** One import per code system at a time (a transaction-scoped advisory lock). */
export async function lockCodeSetImports(tx: Tx, system: CodeSystem): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`codeset:${system}`}))`;
}

/** Inserts a batch of parsed codes into the release, with their search vectors. */
export async function insertCodeSetCodes(
  tx: Tx,
  releaseId: string,
  rows: ParsedCode[],
): Promise<number> {
  return tx.$executeRaw`
      INSERT INTO "CodeSetCode" ("releaseId", "code", "billable", "shortDescription", "longDescription", "searchVector")
      SELECT ${releaseId}::uuid, c, b, s, l, to_tsvector('english', l)
      FROM unnest(${rows.map((r) => r.code)}::text[], ${rows.map((r) => r.billable)}::boolean[],
                  ${rows.map((r) => r.shortDescription)}::text[], ${rows.map((r) => r.longDescription)}::text[])
        AS t(c, b, s, l)`;
}

/** Records the diff of the release against the previous one: added, deleted, changed codes. */
export async function insertCodeSetChanges(
  tx: Tx,
  releaseId: string,
  previousId: string,
): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "CodeSetChange"
      ("releaseId", "code", "kind", "oldBillable", "newBillable", "oldDescription", "newDescription")
    SELECT ${releaseId}::uuid, COALESCE(n."code", o."code"),
           (CASE WHEN o."code" IS NULL THEN 'ADDED' WHEN n."code" IS NULL THEN 'DELETED' ELSE 'CHANGED' END)::"CodeSetChangeKind",
           o."billable", n."billable", o."longDescription", n."longDescription"
    FROM (SELECT * FROM "CodeSetCode" WHERE "releaseId" = ${releaseId}::uuid) n
    FULL JOIN (SELECT * FROM "CodeSetCode" WHERE "releaseId" = ${previousId}::uuid) o
      ON o."code" = n."code"
    WHERE o."code" IS NULL OR n."code" IS NULL
       OR o."billable" <> n."billable" OR o."longDescription" <> n."longDescription"`;
}

/** How many changes of each kind the release's diff recorded. */
export async function countCodeSetChanges(
  tx: Tx,
  releaseId: string,
): Promise<{ kind: 'ADDED' | 'DELETED' | 'CHANGED'; count: number }[]> {
  return tx.$queryRaw<{ kind: 'ADDED' | 'DELETED' | 'CHANGED'; count: number }[]>`
    SELECT "kind"::text AS kind, count(*)::int AS count FROM "CodeSetChange"
    WHERE "releaseId" = ${releaseId}::uuid GROUP BY "kind"`;
}

/** The release's deleted and changed codes (what can break a course). */
export async function selectBreakingChanges(tx: Tx, releaseId: string): Promise<NoticeChange[]> {
  return tx.$queryRaw<NoticeChange[]>`
    SELECT "code", "kind"::text AS kind, "oldBillable", "newBillable", "oldDescription", "newDescription"
    FROM "CodeSetChange" WHERE "releaseId" = ${releaseId}::uuid AND "kind" <> 'ADDED'`;
}

/**
 * Items written before releases existed (codeSetReleaseId NULL) get the release of their system
 * and code-set year when it is imported, in drafts only (published versions are immutable), and
 * only when the year has exactly this one release. Returns how many items changed.
 */
export async function assignReleaseToDraftItems(tx: Tx, releaseId: string): Promise<number> {
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

/**
 * Every use of the code keys in the draft (and, unless draftOnly, latest published) versions of
 * courses (all, or `courseIds`): CODE_SET quiz keys of the system, and tokens of lesson text
 * matching `tokenPattern` (a PostgreSQL regular expression whose first group is the code).
 */
export async function selectCodeUseRows(
  tx: DbOrTx,
  options: {
    system: CodeSystem;
    keys: string[];
    courseIds?: string[];
    draftOnly?: boolean;
    tokenPattern: string;
  },
): Promise<CodeUse[]> {
  const courseFilter = options.courseIds
    ? Prisma.sql`AND c."id" = ANY(${options.courseIds}::uuid[])`
    : Prisma.empty;
  const versionJoin = options.draftOnly
    ? Prisma.sql`v."id" = c."draftVersionId"`
    : Prisma.sql`v."id" IN (c."draftVersionId", c."latestPublishedVersionId")`;
  return tx.$queryRaw<CodeUse[]>`
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
    CROSS JOIN LATERAL regexp_matches(l."body", ${options.tokenPattern}, 'g') AS t(m)
    JOIN keys k ON k.key = replace(t.m[1], '.', '')
    ORDER BY "courseId", draft DESC, "lessonTitle", "questionPosition" NULLS FIRST`;
}
