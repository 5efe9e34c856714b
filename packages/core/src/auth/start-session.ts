import type { Db, Prisma } from '@lms/db';
import { createSessionToken, hashSessionToken, SESSION_TTL_MS } from './session-token';

export interface SessionClient {
  ip?: string | null;
  userAgent?: string | null;
}

export interface StartedSession {
  sessionId: string;
  token: string;
  expiresAt: Date;
}

/** Creates a session row for a user and returns the bearer token (shown once, never stored). */
export async function startSession(
  db: Db | Prisma.TransactionClient,
  userId: string,
  client: SessionClient,
  now = new Date(),
): Promise<StartedSession> {
  const token = createSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  const session = await db.session.create({
    data: {
      tokenHash: hashSessionToken(token),
      userId,
      expiresAt,
      ip: client.ip ?? null,
      userAgent: client.userAgent?.slice(0, 500) ?? null,
    },
    select: { id: true },
  });
  return { sessionId: session.id, token, expiresAt };
}
