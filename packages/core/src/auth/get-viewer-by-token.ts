import type { Db } from '@lms/db';
import { type Viewer } from '../access/viewer';
import { hashSessionToken } from './session-token';
import { selectSessionByTokenHash, touchSessionLastSeen } from './sql';

const LAST_SEEN_EVERY_MS = 5 * 60 * 1000;

/** Resolves a bearer token to its viewer; null for unknown, expired or revoked tokens. */
export async function getViewerByToken(options: {
  db: Db;
  token: string | null | undefined;
  now?: Date;
}): Promise<Viewer | null> {
  const { db, token } = options;
  if (!token || token.length > 100) return null;
  const rows = await selectSessionByTokenHash(db, hashSessionToken(token));
  const session = rows[0];
  const now = options.now ?? new Date();
  if (!session || session.expiresAt <= now) return null;
  // "Last seen" for the account's session list, written at most every few minutes.
  if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
    await touchSessionLastSeen(db, session.sessionId, now);
  }
  const { expiresAt: _expiresAt, lastSeenAt: _lastSeenAt, ...viewer } = session;
  return viewer;
}
