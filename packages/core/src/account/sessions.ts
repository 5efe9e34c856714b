import type { Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { requireId } from '../db/ids';
import { AppError } from '../errors/app-error';
import { deviceLabel } from './device-label';

export interface AccountSession {
  id: string;
  /** The session of this request. */
  current: boolean;
  /** Browser and system from the User-Agent ("Firefox on Windows"); null when unknown. */
  device: string | null;
  userAgent: string | null;
  /** The address it signed in from. */
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface AccountSecurity {
  email: string;
  emailVerified: boolean;
  /** A new address waiting for its confirmation link to be opened. */
  pendingEmail: string | null;
  /** Live sessions, this one first, then the most recently seen. */
  sessions: AccountSession[];
}

/** The account-security page: address state and the live sessions. */
export async function getAccountSecurity(options: {
  db: Db;
  viewer: Viewer | null;
  now?: Date;
}): Promise<AccountSecurity> {
  const viewer = requireViewer(options.viewer);
  const now = options.now ?? new Date();
  const user = await options.db.user.findUniqueOrThrow({
    where: { id: viewer.id },
    select: {
      email: true,
      emailVerifiedAt: true,
      accountTokens: {
        where: { kind: 'EMAIL_CHANGE', expiresAt: { gt: now } },
        select: { email: true },
      },
      sessions: {
        where: { expiresAt: { gt: now } },
        orderBy: { lastSeenAt: 'desc' },
        select: {
          id: true,
          userAgent: true,
          ip: true,
          createdAt: true,
          lastSeenAt: true,
          expiresAt: true,
        },
      },
    },
  });
  const sessions = user.sessions
    .map((session) => ({
      ...session,
      current: session.id === viewer.sessionId,
      device: deviceLabel(session.userAgent),
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
  return {
    email: user.email,
    emailVerified: user.emailVerifiedAt !== null,
    pendingEmail: user.accountTokens[0]?.email ?? null,
    sessions,
  };
}

/** Signs out every session of the viewer but this one; returns how many ended. */
export async function signOutOtherSessions(options: {
  db: Db;
  viewer: Viewer | null;
}): Promise<number> {
  const viewer = requireViewer(options.viewer);
  const { count } = await options.db.session.deleteMany({
    where: { userId: viewer.id, id: { not: viewer.sessionId } },
  });
  return count;
}

/** Signs out one of the viewer's own sessions (NOT_FOUND for anyone else's). */
export async function revokeSession(options: {
  db: Db;
  viewer: Viewer | null;
  sessionId: string;
}): Promise<boolean> {
  const viewer = requireViewer(options.viewer);
  requireId(options.sessionId, 'Session');
  const { count } = await options.db.session.deleteMany({
    where: { id: options.sessionId, userId: viewer.id },
  });
  if (count === 0) throw AppError.notFound('Session');
  return true;
}
