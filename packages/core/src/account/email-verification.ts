import type { Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import type { DbOrTx } from '../db/tx';
import { AppError } from '../errors/app-error';
import { isUniqueViolation } from '../errors/validate';
import { queueAccountEmail } from './account-emails';
import { consumeAccountToken, issueAccountToken } from './account-token';

export const EMAIL_LINK_INVALID =
  'This confirmation link is no longer valid: it was already used, a newer one was sent, or it expired. Sign in and ask for a new link from Account security.';

/** Queues the "confirm your email address" link for the account's current address. */
export async function sendVerificationLink(
  tx: DbOrTx,
  user: { id: string; name: string; email: string },
): Promise<void> {
  const { token } = await issueAccountToken(tx, {
    userId: user.id,
    kind: 'EMAIL_VERIFICATION',
    email: user.email,
  });
  await queueAccountEmail(tx, {
    template: 'email-verification',
    to: user.email,
    userId: user.id,
    name: user.name,
    token,
  });
}

/** "Send me a new link": false when the address is already confirmed (nothing is sent). */
export async function resendVerificationEmail(options: {
  db: Db;
  viewer: Viewer | null;
}): Promise<boolean> {
  const viewer = requireViewer(options.viewer);
  return options.db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({
      where: { id: viewer.id },
      select: { id: true, name: true, email: true, emailVerifiedAt: true },
    });
    if (user.emailVerifiedAt) return false;
    await sendVerificationLink(tx, user);
    return true;
  });
}

export interface ConfirmedEmail {
  email: string;
  /** True when the link changed the account's address (an email change). */
  changed: boolean;
}

/**
 * Uses an emailed confirmation link. A verification link confirms the address it was sent to
 * (if it is still the account's). An email-change link makes its address the account's sign-in
 * address (refused when another account took it meanwhile), drops the links sent to the old
 * one, and tells the old address.
 */
export async function confirmEmail(options: {
  db: Db;
  token: string;
  now?: Date;
}): Promise<ConfirmedEmail> {
  const now = options.now ?? new Date();
  try {
    return await options.db.$transaction(async (tx) => {
      const used = await consumeAccountToken(
        tx,
        options.token,
        ['EMAIL_VERIFICATION', 'EMAIL_CHANGE'],
        now,
      );
      if (!used) throw new AppError('BAD_USER_INPUT', EMAIL_LINK_INVALID);
      const user = await tx.user.findUniqueOrThrow({
        where: { id: used.userId },
        select: { id: true, name: true, email: true },
      });
      if (used.kind === 'EMAIL_VERIFICATION') {
        if (used.email !== user.email) throw new AppError('BAD_USER_INPUT', EMAIL_LINK_INVALID);
        await tx.user.update({
          where: { id: user.id },
          data: { emailVerifiedAt: now },
          select: { id: true },
        });
        return { email: user.email, changed: false };
      }
      await tx.user.update({
        where: { id: user.id },
        data: { email: used.email, emailVerifiedAt: now },
        select: { id: true },
      });
      // Links sent to the old address stop working.
      await tx.accountToken.deleteMany({
        where: { userId: user.id, kind: { in: ['PASSWORD_RESET', 'EMAIL_VERIFICATION'] } },
      });
      await queueAccountEmail(tx, {
        template: 'email-changed',
        to: user.email,
        userId: user.id,
        name: user.name,
        newEmail: used.email,
      });
      return { email: used.email, changed: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        'CONFLICT',
        'Another account now uses that email address, so it cannot become yours. Choose another address.',
      );
    }
    throw error;
  }
}

export const EMAIL_NOT_VERIFIED = (action: string) =>
  `Confirm your email address before ${action}: open the link we emailed you, or ask for a new link.`;

/**
 * Refuses an action (buying, confirming the certificate name) until the account's email address
 * is confirmed: PRECONDITION_FAILED saying what to do.
 */
export async function requireVerifiedEmail(
  tx: DbOrTx,
  userId: string,
  action: string,
): Promise<void> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { emailVerifiedAt: true },
  });
  if (!user?.emailVerifiedAt) throw new AppError('PRECONDITION_FAILED', EMAIL_NOT_VERIFIED(action));
}
