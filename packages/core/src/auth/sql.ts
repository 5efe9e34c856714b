// Every SQL statement of auth, each a named, typed function (CONTRIBUTING.md, "SQL").
import { type Db, hotReads, Prisma } from '@lms/db';
import type { Viewer } from '../access/viewer';

export type SessionRow = Omit<Viewer, 'sessionId'> & {
  sessionId: string;
  expiresAt: Date;
  lastSeenAt: Date;
};

/**
 * The session with this token hash and its user (at most one row). Every authenticated request
 * runs this: one indexed query, a hot read (pg on Prisma's pool, no query-engine runtime).
 */
export async function selectSessionByTokenHash(db: Db, tokenHash: string): Promise<SessionRow[]> {
  return hotReads(db).rows<SessionRow>(
    Prisma.sql`
    SELECT s.id AS "sessionId", s."expiresAt", s."lastSeenAt", u.id, u.name, u.email,
           u.role::text AS role, u."timeZone"
      FROM "Session" s JOIN "User" u ON u.id = s."userId"
     WHERE s."tokenHash" = ${tokenHash}`,
    // Prepared: run on every signed-in request, fixed text, a unique-key look-up.
    { prepare: true },
  );
}

/** Moves the session's "last seen" forward to `now` (never back). */
export async function touchSessionLastSeen(db: Db, sessionId: string, now: Date): Promise<number> {
  return db.$executeRaw`
      UPDATE "Session" SET "lastSeenAt" = ${now}
       WHERE id = ${sessionId}::uuid AND "lastSeenAt" < ${now}`;
}

/** Whether the account with this email has a live session from this IP address. */
export async function hasLiveSessionFrom(db: Db, email: string, ip: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ known: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "Session" s JOIN "User" u ON u.id = s."userId"
       WHERE u.email = ${email} AND s.ip = ${ip} AND s."expiresAt" > now()
    ) AS known`;
  return rows[0]?.known === true;
}
