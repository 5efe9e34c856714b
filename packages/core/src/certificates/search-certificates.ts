import { normalizeSerial } from '@lms/credentials';
import { type Db, Prisma } from '@lms/db';
import { z } from 'zod';
import { requireAdmin } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { parseInput } from '../errors/validate';
import {
  decodeTimeCursor,
  encodeTimeCursor,
  type Page,
  pageArgsSchema,
} from '../pagination/keyset';
import {
  type CertificateStatus,
  type CertificateView,
  toCertificateView,
} from './certificate-views';

/** A certificate in the admin's search: what it says, its status, whose it is, who revoked it. */
export interface CertificateSearchHit {
  certificate: CertificateView;
  holderName: string;
  holderEmail: string;
  revokedByName: string | null;
}

const searchSchema = pageArgsSchema.extend({
  search: z.string().trim().max(200, 'Keep the search under 200 characters.').nullish(),
  status: z.enum(['VALID', 'REVOKED', 'SUPERSEDED']).nullish(),
});

function like(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

function statusCondition(status: CertificateStatus | null | undefined): Prisma.Sql {
  if (status === 'SUPERSEDED') return Prisma.sql`n."id" IS NOT NULL`;
  if (status === 'REVOKED') return Prisma.sql`c."revokedAt" IS NOT NULL AND n."id" IS NULL`;
  if (status === 'VALID') return Prisma.sql`c."revokedAt" IS NULL`;
  return Prisma.sql`TRUE`;
}

/**
 * Admin: certificates whose learner (name or email), course title (as printed) or serial
 * matches `search` (a serial typed loosely matches exactly; anything else as a fragment,
 * case-insensitive), optionally of one status; newest first, a page at a time.
 */
export async function searchCertificates(options: {
  db: Db;
  viewer: Viewer | null;
  first: number;
  after?: string | null;
  search?: string | null;
  status?: CertificateStatus | null;
}): Promise<Page<CertificateSearchHit>> {
  requireAdmin(options.viewer);
  const input = parseInput(searchSchema, {
    first: options.first,
    after: options.after,
    search: options.search,
    status: options.status,
  });
  const text = input.search ?? '';
  const serial = text ? normalizeSerial(text) : null;
  const matches = text
    ? Prisma.sql`(u."name" ILIKE ${like(text)} OR u."email" ILIKE ${like(text)}
        OR c."snapshot"->>'programTitle' ILIKE ${like(text)} OR c."serial" ILIKE ${like(text)}
        ${serial ? Prisma.sql`OR c."serial" = ${serial}` : Prisma.empty})`
    : Prisma.sql`TRUE`;
  const scope = Prisma.sql`${matches} AND ${statusCondition(input.status)}`;
  const cursor = input.after ? decodeTimeCursor(input.after) : null;
  const afterCursor = cursor
    ? Prisma.sql`(c."issuedAt", c."id") < (${cursor.createdAt}, ${cursor.id}::uuid)`
    : Prisma.sql`TRUE`;
  const from = Prisma.sql`
      FROM "Certificate" c
      JOIN "User" u ON u."id" = c."userId"
      LEFT JOIN "Certificate" n ON n."supersedesId" = c."id"`;
  const [rows, counted] = await Promise.all([
    options.db.$queryRaw<
      (Parameters<typeof toCertificateView>[0] & {
        issuedAt: Date;
        holderName: string;
        holderEmail: string;
        revokedByName: string | null;
      })[]
    >(Prisma.sql`
      SELECT c."id", c."serial", c."courseId", c."creditApprovalId", c."snapshot", c."issuedAt",
             c."revokedAt", c."revocationReason", n."serial" AS "supersededBySerial",
             u."name" AS "holderName", u."email" AS "holderEmail", r."name" AS "revokedByName"
        ${from}
        LEFT JOIN "User" r ON r."id" = c."revokedById"
       WHERE ${scope} AND ${afterCursor}
       ORDER BY c."issuedAt" DESC, c."id" DESC
       LIMIT ${input.first + 1}`),
    options.db.$queryRaw<{ count: number }[]>(Prisma.sql`
      SELECT count(*)::int AS "count" ${from} WHERE ${scope}`),
  ]);
  return {
    edges: rows.slice(0, input.first).map((row) => ({
      cursor: encodeTimeCursor(row.issuedAt, row.id),
      node: {
        certificate: toCertificateView(row),
        holderName: row.holderName,
        holderEmail: row.holderEmail,
        revokedByName: row.revokedByName,
      },
    })),
    hasNextPage: rows.length > input.first,
    hasPreviousPage: Boolean(input.after),
    totalCount: counted[0]?.count ?? 0,
  };
}
