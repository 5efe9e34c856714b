import type { Db } from '@lms/db';
import type { Viewer } from '../viewer';
import { hashSessionToken } from './session-token';

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
    (Omit<Viewer, 'sessionId'> & { sessionId: string; expiresAt: Date })[]
  >`
    SELECT s.id AS "sessionId", s."expiresAt", u.id, u.name, u.email, u.role::text AS role, u."timeZone"
      FROM "Session" s JOIN "User" u ON u.id = s."userId"
     WHERE s."tokenHash" = ${hashSessionToken(token)}`;
  const session = rows[0];
  if (!session || session.expiresAt <= (options.now ?? new Date())) return null;
  const { expiresAt: _expiresAt, ...viewer } = session;
  return viewer;
}
