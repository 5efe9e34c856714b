import type { Db } from '@lms/db';
import { hashPassword } from '@lms/password';
import { z } from 'zod';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { newPasswordSchema } from '../auth/credentials';
import { AppError } from '../errors/app-error';
import { parseInputAsync } from '../errors/validate';
import { DEFAULT_RATE_LIMITS } from '../rate-limit/policy';
import { queueAccountEmail } from './account-emails';
import { checkCurrentPassword, type PasswordCheckLimits } from './current-password';

const changePasswordSchema = z.object({
  currentPassword: z.string().max(200),
  newPassword: newPasswordSchema,
});

/**
 * Changes the password of the signed-in user: the current one is required; every other session
 * ends (this one stays signed in); a notice goes to the account's address. Returns how many
 * other sessions were signed out.
 */
export async function changePassword(options: {
  db: Db;
  viewer: Viewer | null;
  input: { currentPassword: string; newPassword: string };
  limits?: PasswordCheckLimits;
}): Promise<number> {
  const viewer = requireViewer(options.viewer);
  const { db } = options;
  const input = await parseInputAsync(changePasswordSchema, options.input);
  if (input.currentPassword === input.newPassword) {
    throw AppError.badInput({
      newPassword: ['Choose a password different from your current one.'],
    });
  }
  await checkCurrentPassword(
    db,
    options.limits ?? DEFAULT_RATE_LIMITS,
    viewer.id,
    input.currentPassword,
  );
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: viewer.id },
      data: { passwordHash },
      select: { id: true, name: true, email: true },
    });
    const ended = await tx.session.deleteMany({
      where: { userId: viewer.id, id: { not: viewer.sessionId } },
    });
    // A reset link sent earlier would undo this change: it stops working.
    await tx.accountToken.deleteMany({ where: { userId: viewer.id, kind: 'PASSWORD_RESET' } });
    await queueAccountEmail(tx, {
      template: 'password-changed',
      to: user.email,
      userId: user.id,
      name: user.name,
    });
    return ended.count;
  });
}
