import type { Db } from '@lms/db';
import { AppError } from '../errors/app-error';
import { isUniqueViolation } from '../errors/validate';
import { queueAccountEmail } from './account-emails';
import { consumeAccountToken } from './account-token';
import { EMAIL_LINK_INVALID } from './email-verification';

export interface ConfirmedEmail {
  email: string;
  /** True when the link changed the account's address (an email change). */
  changed: boolean;
}

export interface ConfirmEmailOptions {
  db: Db;
  token: string;
  now?: Date;
}

/**
 * Uses an emailed confirmation link. A verification link confirms the address it was sent to
 * (if it is still the account's). An email-change link makes its address the account's sign-in
 * address (refused when another account took it meanwhile), drops the links sent to the old
 * one, and tells the old address.
 */
export async function confirmEmail(options: ConfirmEmailOptions): Promise<ConfirmedEmail> {
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
