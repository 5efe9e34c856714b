import type { DbOrTx } from '../db/tx';
import { AppError } from '../errors/app-error';
import { queueAccountEmail } from './account-emails';
import { issueAccountToken } from './account-token';

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
