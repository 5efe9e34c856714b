import type { Db, Prisma } from '@lms/db';
import { hashPassword } from '@lms/password';
import { z } from 'zod';
import { type Viewer } from '../access/viewer';
import { newPasswordSchema } from '../auth/credentials';
import { type SessionClient, type StartedSession, startSession } from '../auth/start-session';
import { AppError } from '../errors/app-error';
import { parseInputAsync } from '../errors/validate';
import { queueAccountEmail } from './account-emails';
import { consumeAccountToken, findAccountToken } from './account-token';
import { deleteSignInGuessCounters } from './sql';

export const RESET_LINK_INVALID =
  'This password-reset link is no longer valid: it was already used, a newer one was sent, or it is more than an hour old. Ask for a new link.';

export interface ResetPasswordOptions {
  db: Db;
  input: { token: string; password: string };
  client: SessionClient;
  now?: Date;
}

/**
 * Sets a new password through an emailed link: the link is used up (deleted in the same
 * transaction), every session of the account ends, the account's sign-in throttle is lifted
 * (the owner proved they read its mail), the address counts as confirmed, a notice is queued,
 * and a fresh session is returned.
 */
export async function resetPassword(
  options: ResetPasswordOptions,
): Promise<StartedSession & { viewer: Viewer }> {
  const { db, client } = options;
  const now = options.now ?? new Date();
  // Nothing is hashed for a dead link.
  if (!(await findAccountToken(db, options.input.token, ['PASSWORD_RESET'], now))) {
    throw new AppError('BAD_USER_INPUT', RESET_LINK_INVALID);
  }
  const { password } = await parseInputAsync(z.object({ password: newPasswordSchema }), {
    password: options.input.password,
  });
  const passwordHash = await hashPassword(password);

  return db.$transaction(async (tx) => {
    const used = await consumeAccountToken(tx, options.input.token, ['PASSWORD_RESET'], now);
    if (!used) throw new AppError('BAD_USER_INPUT', RESET_LINK_INVALID);
    const user = await tx.user.findUniqueOrThrow({
      where: { id: used.userId },
      select: { id: true, name: true, email: true, role: true, emailVerifiedAt: true },
    });
    await tx.user.update({
      where: { id: user.id },
      data: {
        passwordHash,
        // The link reached this address: it is confirmed.
        ...(user.emailVerifiedAt === null && used.email === user.email
          ? { emailVerifiedAt: now }
          : {}),
      },
      select: { id: true },
    });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await liftSignInThrottle(tx, user.email);
    await queueAccountEmail(tx, {
      template: 'password-changed',
      to: user.email,
      userId: user.id,
      name: user.name,
    });
    const session = await startSession(tx, user.id, client, now);
    const { emailVerifiedAt: _verified, ...profile } = user;
    return { ...session, viewer: { ...profile, sessionId: session.sessionId } };
  });
}

/** Forgets the account's sign-in guess counters (account-wide and per address). */
export async function liftSignInThrottle(
  tx: Db | Prisma.TransactionClient,
  email: string,
): Promise<void> {
  await deleteSignInGuessCounters(tx, email);
}
