import type { Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
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

export interface GetAccountSecurityOptions {
  db: Db;
  viewer: Viewer | null;
  now?: Date;
}

/** The account-security page: address state and the live sessions. */
export async function getAccountSecurity(
  options: GetAccountSecurityOptions,
): Promise<AccountSecurity> {
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
