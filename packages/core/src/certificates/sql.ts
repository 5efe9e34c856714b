// Every SQL statement of certificates, each a named, typed function (CONTRIBUTING.md, "SQL").
// Run against the migrated database by certificates/sql.test.ts.
import type { CertificateSnapshot } from '@lms/credentials';
import { type CreditBody, type Db, hotReads, type NameCorrectionStatus, Prisma } from '@lms/db';
import type { DbOrTx, SqlTx, Tx } from '../db/tx';

/** What a certificate view is built from (see toCertificateView). */
export interface CertificateRow {
  id: string;
  serial: string;
  courseId: string;
  creditApprovalId: string | null;
  snapshot: unknown;
  revokedAt: Date | null;
  revocationReason: string | null;
  supersededBySerial: string | null;
}

/** Which certificates `selectCertificateRows` reads. */
export type CertificateFilter = { userId: string } | { serial: string } | { completionId: string };

function filterCondition(filter: CertificateFilter): Prisma.Sql {
  if ('userId' in filter) return Prisma.sql`c."userId" = ${filter.userId}::uuid`;
  if ('serial' in filter) return Prisma.sql`c."serial" = ${filter.serial}`;
  return Prisma.sql`c."completionId" = ${filter.completionId}::uuid`;
}

/** The matching certificates with their holder and successor's serial, newest first. */
export async function selectCertificateRows(
  tx: DbOrTx,
  filter: CertificateFilter,
): Promise<(CertificateRow & { userId: string })[]> {
  return tx.$queryRaw<(CertificateRow & { userId: string })[]>(Prisma.sql`
    SELECT c."id", c."serial", c."userId", c."courseId", c."creditApprovalId", c."snapshot",
           c."revokedAt", c."revocationReason", n."serial" AS "supersededBySerial"
      FROM "Certificate" c
      LEFT JOIN "Certificate" n ON n."supersedesId" = c."id"
     WHERE ${filterCondition(filter)}
     ORDER BY c."issuedAt" DESC, c."serial"`);
}

/**
 * The certificate with this (canonical) serial, without its holder: public verification. A hot
 * read (pg on Prisma's pool; a transaction client falls back to Prisma).
 */
export async function selectCertificateForVerification(
  db: DbOrTx,
  serial: string,
): Promise<CertificateRow[]> {
  return hotReads(db as Db).rows<CertificateRow>(Prisma.sql`
    SELECT c."id", c."serial", c."courseId", c."creditApprovalId", c."snapshot",
           c."revokedAt", c."revocationReason", n."serial" AS "supersededBySerial"
      FROM "Certificate" c
      LEFT JOIN "Certificate" n ON n."supersedesId" = c."id"
     WHERE c."serial" = ${serial}`);
}

/**
 * `selectCertificateForVerification` with the look-up's rate-limit charge in the same
 * statement (one round trip per public look-up): `charge` is the rate limiter's upsert of ONE
 * counter (`chargeRateLimitStatement`), run as a data-modifying CTE whose count comes back
 * beside the certificate (whose columns are null when the serial is unknown). The charge
 * commits with the statement whether or not the serial exists, as a charge before the read
 * did. Only what the public answer needs comes back (the serial and the counter's key are the
 * caller's own; the window's end as epoch milliseconds, a number pg reads without parsing a
 * date): each column is work for pg's row parser on every look-up.
 */
export async function selectCertificateForVerificationCharged(
  db: DbOrTx,
  serial: string,
  charge: Prisma.Sql,
): Promise<ChargedVerificationRow | null> {
  const [row] = await hotReads(db as Db).rows<ChargedVerificationRow>(
    Prisma.sql`
    WITH charge AS (${charge})
    SELECT ch."hits" AS "rateHits",
           (extract(epoch FROM ch."windowEnd") * 1000)::float8 AS "rateWindowEndMs",
           c."snapshot", c."revokedAt", c."revocationReason", n."serial" AS "supersededBySerial"
      FROM charge ch
      LEFT JOIN "Certificate" c ON c."serial" = ${serial}
      LEFT JOIN "Certificate" n ON n."supersedesId" = c."id"`,
    // Parsing and planning this text cost PostgreSQL several times its execution.
    { prepare: true },
  );
  return row ?? null;
}

/** A verification's certificate (`snapshot` null: no such certificate) and its counter. */
export interface ChargedVerificationRow extends VerificationRow {
  snapshot: unknown | null;
  rateHits: number;
  /** The end of the counter's window, epoch milliseconds. */
  rateWindowEndMs: number;
}

/** What the public verification answer is built from (see toCertificateRecord). */
export type VerificationRow = Pick<
  CertificateRow,
  'snapshot' | 'revokedAt' | 'revocationReason' | 'supersededBySerial'
>;

export type CertificateSearchRow = CertificateRow & {
  issuedAt: Date;
  holderName: string;
  holderEmail: string;
  revokedByName: string | null;
};

export interface CertificateSearchQuery {
  /** A fragment of the holder's name or email, the printed course title or the serial ('' for all). */
  text: string;
  /** The text as a canonical serial, when it can be one (then matched exactly too). */
  serial: string | null;
  status: 'VALID' | 'REVOKED' | 'SUPERSEDED' | null;
  /** The keyset cursor: the last row's (issuedAt, id). */
  after: { createdAt: Date; id: string } | null;
  first: number;
}

function like(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

function statusCondition(status: CertificateSearchQuery['status']): Prisma.Sql {
  if (status === 'SUPERSEDED') return Prisma.sql`n."id" IS NOT NULL`;
  if (status === 'REVOKED') return Prisma.sql`c."revokedAt" IS NOT NULL AND n."id" IS NULL`;
  if (status === 'VALID') return Prisma.sql`c."revokedAt" IS NULL`;
  return Prisma.sql`TRUE`;
}

/** One page (first + 1 rows) of the admin's certificate search, newest first, and the count. */
export async function selectCertificateSearchPage(
  db: DbOrTx,
  query: CertificateSearchQuery,
): Promise<{ rows: CertificateSearchRow[]; totalCount: number }> {
  const { text, serial } = query;
  const matches = text
    ? Prisma.sql`(u."name" ILIKE ${like(text)} OR u."email" ILIKE ${like(text)}
        OR c."snapshot"->>'programTitle' ILIKE ${like(text)} OR c."serial" ILIKE ${like(text)}
        ${serial ? Prisma.sql`OR c."serial" = ${serial}` : Prisma.empty})`
    : Prisma.sql`TRUE`;
  const scope = Prisma.sql`${matches} AND ${statusCondition(query.status)}`;
  const cursor = query.after;
  const afterCursor = cursor
    ? Prisma.sql`(c."issuedAt", c."id") < (${cursor.createdAt}, ${cursor.id}::uuid)`
    : Prisma.sql`TRUE`;
  const from = Prisma.sql`
      FROM "Certificate" c
      JOIN "User" u ON u."id" = c."userId"
      LEFT JOIN "Certificate" n ON n."supersedesId" = c."id"`;
  const [rows, counted] = await Promise.all([
    db.$queryRaw<CertificateSearchRow[]>(Prisma.sql`
      SELECT c."id", c."serial", c."courseId", c."creditApprovalId", c."snapshot", c."issuedAt",
             c."revokedAt", c."revocationReason", n."serial" AS "supersededBySerial",
             u."name" AS "holderName", u."email" AS "holderEmail", r."name" AS "revokedByName"
        ${from}
        LEFT JOIN "User" r ON r."id" = c."revokedById"
       WHERE ${scope} AND ${afterCursor}
       ORDER BY c."issuedAt" DESC, c."id" DESC
       LIMIT ${query.first + 1}`),
    db.$queryRaw<{ count: number }[]>(Prisma.sql`
      SELECT count(*)::int AS "count" ${from} WHERE ${scope}`),
  ]);
  return { rows, totalCount: counted[0]?.count ?? 0 };
}

/** The largest status-list index in use plus one (`floor` when there is none). */
export async function nextStatusListIndexAfterMax(tx: SqlTx, floor: number): Promise<number> {
  const [row] = await tx.$queryRaw<{ next: number }[]>`
    SELECT (COALESCE(max("statusListIndex"), ${floor - 1}) + 1)::int AS "next"
    FROM "Certificate"`;
  return row!.next;
}

/** The largest status-list index in use (null: no certificate yet). */
export async function maxStatusListIndex(db: DbOrTx): Promise<number | null> {
  const [max] = await db.$queryRaw<
    { max: number | null }[]
  >`SELECT max("statusListIndex") AS "max" FROM "Certificate"`;
  return max?.max ?? null;
}

/** Whose certificate it is, for what, and which issue of it: the columns set at issuance. */
export interface CertificateKey {
  userId: string;
  enrollmentId: string;
  completionId: string;
  courseId: string;
  versionId: string;
  creditApprovalId: string | null;
  creditKey: string;
  generation: number;
}

export interface CertificateInsert extends CertificateKey {
  serial: string;
  snapshot: CertificateSnapshot;
  issuedAt: Date;
  statusListIndex: number;
  supersedesId: string | null;
}

/**
 * Inserts the certificate unless a unique index says no (the same completion, credit and
 * generation; or a taken serial or status-list bit): its id, or null.
 */
export async function insertCertificateRow(
  tx: SqlTx,
  row: CertificateInsert,
): Promise<{ id: string } | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "Certificate" ("serial", "userId", "enrollmentId", "completionId", "courseId", "versionId",
        "creditApprovalId", "creditKey", "generation", "snapshot", "issuedAt", "statusListIndex", "supersedesId")
      VALUES (${row.serial}, ${row.userId}::uuid, ${row.enrollmentId}::uuid, ${row.completionId}::uuid,
        ${row.courseId}::uuid, ${row.versionId}::uuid, ${row.creditApprovalId}::uuid, ${row.creditKey},
        ${row.generation}, ${JSON.stringify(row.snapshot)}::jsonb, ${row.issuedAt},
        ${row.statusListIndex}, ${row.supersedesId}::uuid)
      ON CONFLICT DO NOTHING
      RETURNING "id"`;
  return rows[0] ?? null;
}

/**
 * Whether (completion, creditKey, generation) already has its certificate: raw SQL, so an
 * insert refused on the quiz submission's hot path is checked without leaving it.
 */
export async function certificateKeyTaken(
  tx: SqlTx,
  key: Pick<CertificateKey, 'completionId' | 'creditKey' | 'generation'>,
): Promise<boolean> {
  const rows = await tx.$queryRaw<{ taken: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "Certificate"
                    WHERE "completionId" = ${key.completionId}::uuid AND "creditKey" = ${key.creditKey}
                      AND "generation" = ${key.generation}::int) AS "taken"`;
  return rows[0]!.taken;
}

export interface LockedCertificate extends CertificateKey {
  id: string;
  serial: string;
  snapshot: CertificateSnapshot;
  revokedAt: Date | null;
}

/** Locks the certificate row until the transaction ends and reads it (none: no such row). */
export async function selectCertificateForUpdate(
  tx: Tx,
  certificateId: string,
): Promise<LockedCertificate[]> {
  return tx.$queryRaw<
    LockedCertificate[]
  >`SELECT "id", "serial", "userId", "enrollmentId", "completionId", "courseId", "versionId",
           "creditApprovalId", "creditKey", "generation", "snapshot", "revokedAt"
      FROM "Certificate" WHERE "id" = ${certificateId}::uuid FOR UPDATE`;
}

/** Revokes every live certificate of the enrolment; returns how many. */
export async function revokeLiveCertificatesOfEnrollment(
  tx: DbOrTx,
  revocation: { enrollmentId: string; reason: string; now: Date; actorId: string | null },
): Promise<number> {
  return tx.$executeRaw(Prisma.sql`
    UPDATE "Certificate"
       SET "revokedAt" = ${revocation.now}, "revocationReason" = ${revocation.reason},
           "revokedById" = ${revocation.actorId}::uuid
     WHERE "enrollmentId" = ${revocation.enrollmentId}::uuid AND "revokedAt" IS NULL`);
}

export interface CorrectionRow {
  id: string;
  userId: string;
  status: NameCorrectionStatus;
  currentName: string;
  requestedName: string;
}

/** Locks a name-correction request until the transaction ends and reads it (none: no such row). */
export async function selectNameCorrectionForUpdate(
  tx: Tx,
  correctionId: string,
): Promise<CorrectionRow[]> {
  return tx.$queryRaw<
    CorrectionRow[]
  >`SELECT "id", "userId", "status", "currentName", "requestedName" FROM "CertificateNameCorrection"
       WHERE "id" = ${correctionId}::uuid FOR UPDATE`;
}

/** A stored completion with what issuing its certificates needs (issueCertificatesForCompletion). */
export interface CompletionForIssue {
  id: string;
  completedAt: Date;
  enrollment: {
    id: string;
    userId: string;
    courseId: string;
    /** With the certificate email's recipient (email, name): issuing reads no more. */
    user: {
      email: string;
      name: string;
      certificateName: string | null;
      certificateNameConfirmedAt: Date | null;
    };
  };
  version: {
    id: string;
    title: string;
    instructionalMinutes: number;
    minimumLessonTimePercent: number;
    minimumSeatMinutes: number;
    /** Modules and lessons in syllabus order. */
    modules: {
      lessons: { required: boolean; quiz: { mode: string; passPercent: number } | null }[];
    }[];
    /** Ordered by body, then approval number. */
    creditApprovals: {
      id: string;
      body: CreditBody;
      bodyName: string | null;
      approvalNumber: string;
      approvedTitle: string;
      ceuAmount: string;
      category: string;
      validFrom: Date;
      validUntil: Date;
    }[];
  };
}

export type CompletionForIssueRow = Omit<CompletionForIssue, 'enrollment' | 'version'> & {
  enrollmentId: string;
  userId: string;
  courseId: string;
  email: string;
  name: string;
  certificateName: string | null;
  certificateNameConfirmedAt: Date | null;
  versionId: string;
  title: string;
  instructionalMinutes: number;
  minimumLessonTimePercent: number;
  minimumSeatMinutes: number;
  modules: CompletionForIssue['version']['modules'];
  creditApprovals: (Omit<
    CompletionForIssue['version']['creditApprovals'][number],
    'validFrom' | 'validUntil'
  > & { validFrom: string; validUntil: string })[];
};

/**
 * CompletionForIssue's SELECT over completion rows named `c` (columns "id", "completedAt",
 * "enrollmentId", "versionId"): the stored table (loadCompletionForIssue) or the row a
 * completion's INSERT returns (insertCourseCompletion), so issuing needs no second read.
 * Callers end it with `FOR SHARE OF u`: the learner's row is read under a share lock, so the
 * issuance conflicts with a name confirmation in flight (lockUser, FOR UPDATE). Without it the
 * completion could read the name before the confirmation committed while the confirmation
 * looked for completions before this one committed, and neither issued
 * (issue-certificates.test.ts, "issuance racing the name confirmation"). Lock order: enrolment,
 * then learner; a confirmation locks the learner and no enrolment, account deletion the
 * learner's enrolments before the learner.
 */
export const completionForIssueSelect = (completions: Prisma.Sql) => Prisma.sql`
    SELECT c."id", c."completedAt", e."id" AS "enrollmentId", e."userId", e."courseId",
           u."email", u."name", u."certificateName", u."certificateNameConfirmedAt",
           v."id" AS "versionId", v."title", v."instructionalMinutes", v."minimumLessonTimePercent",
           v."minimumSeatMinutes",
           COALESCE((
             SELECT json_agg(json_build_object('lessons', COALESCE((
                      SELECT json_agg(json_build_object(
                               'required', l."required",
                               'quiz', CASE WHEN q."id" IS NULL THEN NULL ELSE json_build_object(
                                         'mode', q."mode", 'passPercent', q."passPercent") END)
                             ORDER BY l."position")
                        FROM "Lesson" l LEFT JOIN "Quiz" q ON q."lessonId" = l."id"
                       WHERE l."moduleId" = m."id"), '[]'::json)) ORDER BY m."position")
               FROM "Module" m WHERE m."versionId" = v."id"
           ), '[]'::json) AS "modules",
           COALESCE((
             SELECT json_agg(json_build_object(
                      'id', a."id", 'body', a."body", 'bodyName', a."bodyName",
                      'approvalNumber', a."approvalNumber", 'approvedTitle', a."approvedTitle",
                      'ceuAmount', a."ceuAmount"::text, 'category', a."category",
                      'validFrom', to_char(a."validFrom", 'YYYY-MM-DD'),
                      'validUntil', to_char(a."validUntil", 'YYYY-MM-DD'))
                    ORDER BY a."body", a."approvalNumber")
               FROM "CreditApproval" a WHERE a."versionId" = v."id"
           ), '[]'::json) AS "creditApprovals"
      FROM ${completions}
      JOIN "Enrollment" e ON e."id" = c."enrollmentId"
      JOIN "User" u ON u."id" = e."userId"
      JOIN "CourseVersion" v ON v."id" = c."versionId"`;

/**
 * A completion with its enrolment, learner's certificate name, version, syllabus (lesson
 * requirements and quizzes) and credit approvals, in one statement (Prisma's nested select made
 * eight, on every submission or lesson that completes a course). Null when there is none.
 */
export async function loadCompletionForIssue(
  tx: SqlTx,
  completionId: string,
): Promise<CompletionForIssue | null> {
  const [row] = await tx.$queryRaw<CompletionForIssueRow[]>(Prisma.sql`
    ${completionForIssueSelect(Prisma.sql`"CourseCompletion" c`)}
     WHERE c."id" = ${completionId}::uuid
       FOR SHARE OF u`);
  return row ? toCompletionForIssue(row) : null;
}

/** A row of completionForIssueSelect as CompletionForIssue. */
export function toCompletionForIssue(row: CompletionForIssueRow): CompletionForIssue {
  const utcDate = (day: string) => new Date(`${day}T00:00:00.000Z`);
  return {
    id: row.id,
    completedAt: row.completedAt,
    enrollment: {
      id: row.enrollmentId,
      userId: row.userId,
      courseId: row.courseId,
      user: {
        email: row.email,
        name: row.name,
        certificateName: row.certificateName,
        certificateNameConfirmedAt: row.certificateNameConfirmedAt,
      },
    },
    version: {
      id: row.versionId,
      title: row.title,
      instructionalMinutes: row.instructionalMinutes,
      minimumLessonTimePercent: row.minimumLessonTimePercent,
      minimumSeatMinutes: row.minimumSeatMinutes,
      modules: row.modules,
      creditApprovals: row.creditApprovals.map((approval) => ({
        ...approval,
        validFrom: utcDate(approval.validFrom),
        validUntil: utcDate(approval.validUntil),
      })),
    },
  };
}
