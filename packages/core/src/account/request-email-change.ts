import type { Db } from '@lms/db';
import { z } from 'zod';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { emailSchema } from '../auth/credentials';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { DEFAULT_RATE_LIMITS } from '../rate-limit/policy';
import { queueAccountEmail } from './account-emails';
import { issueAccountToken } from './account-token';
import { checkCurrentPassword, type PasswordCheckLimits } from './current-password';

const changeEmailSchema = z.object({
  newEmail: emailSchema,
  currentPassword: z.string().max(200),
});

export const EMAIL_TAKEN_BY_OTHER = 'Another account uses this email address. Choose another one.';

export interface RequestEmailChangeOptions {
  db: Db;
  viewer: Viewer | null;
  input: { newEmail: string; currentPassword: string };
  limits?: PasswordCheckLimits;
}

/**
 * Asks to change the sign-in address: nothing changes yet; a confirmation link (valid 24 hours)
 * goes to the new address, and the change happens when it is opened (confirmEmail), which also
 * tells the old address. Needs the current password; the new address must not be taken.
 */
export async function requestEmailChange(
  options: RequestEmailChangeOptions,
): Promise<{ pendingEmail: string }> {
  const viewer = requireViewer(options.viewer);
  const { db } = options;
  const input = parseInput(changeEmailSchema, options.input);
  await checkCurrentPassword(
    db,
    options.limits ?? DEFAULT_RATE_LIMITS,
    viewer.id,
    input.currentPassword,
  );
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({
      where: { id: viewer.id },
      select: { id: true, name: true, email: true },
    });
    if (user.email === input.newEmail) {
      throw AppError.badInput({ newEmail: ['This is already your email address.'] });
    }
    const taken = await tx.user.findUnique({
      where: { email: input.newEmail },
      select: { id: true },
    });
    if (taken) throw AppError.badInput({ newEmail: [EMAIL_TAKEN_BY_OTHER] });
    const { token } = await issueAccountToken(tx, {
      userId: user.id,
      kind: 'EMAIL_CHANGE',
      email: input.newEmail,
    });
    await queueAccountEmail(tx, {
      template: 'email-change',
      to: input.newEmail,
      userId: user.id,
      name: user.name,
      token,
    });
    return { pendingEmail: input.newEmail };
  });
}
