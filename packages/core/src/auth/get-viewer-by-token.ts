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
  const session = await db.session.findUnique({
    where: { tokenHash: hashSessionToken(token) },
    select: {
      id: true,
      expiresAt: true,
      user: { select: { id: true, name: true, email: true, role: true } },
    },
  });
  if (!session || session.expiresAt <= (options.now ?? new Date())) return null;
  return { ...session.user, sessionId: session.id };
}
