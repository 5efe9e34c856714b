import type { Db } from '@lms/db';
import { type Viewer } from '../access/viewer';
import { hashSessionToken } from './session-token';

const LAST_SEEN_EVERY_MS = 5 * 60 * 1000;

/** Resolves a bearer token to its viewer; null for unknown, expired or revoked tokens. */
export async function getViewerByToken(options: {
  db: Db;
  token: string | null | undefined;
  now?: Date;
}): Promise<Viewer | null> {
  const { db, token } = options;
  if (!token || token.length > 100) return null;
  // Every authenticated request runs this: one indexed raw query, no ORM compilation.
  const rows = await db.$queryRaw<
    (Omit<Viewer, 'sessionId'> & { sessionId: string; expiresAt: Date; lastSeenAt: Date })[]
  >`
    SELECT s.id AS "sessionId", s."expiresAt", s."lastSeenAt", u.id, u.name, u.email,
           u.role::text AS role, u."timeZone"
      FROM "Session" s JOIN "User" u ON u.id = s."userId"
     WHERE s."tokenHash" = ${hashSessionToken(token)}`;
  const session = rows[0];
  const now = options.now ?? new Date();
  if (!session || session.expiresAt <= now) return null;
  // "Last seen" for the account's session list, written at most every few minutes.
  if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
    await db.$executeRaw`
      UPDATE "Session" SET "lastSeenAt" = ${now}
       WHERE id = ${session.sessionId}::uuid AND "lastSeenAt" < ${now}`;
  }
  const { expiresAt: _expiresAt, lastSeenAt: _lastSeenAt, ...viewer } = session;
  return viewer;
}
