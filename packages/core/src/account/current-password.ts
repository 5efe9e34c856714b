import type { Db } from '@lms/db';
import { verifyPassword } from '@lms/password';
import { AppError } from '../errors/app-error';
import type { RateLimitPolicy } from '../rate-limit/policy';
import { consumeRateLimits, refundRateLimits, tooManyRequests } from '../rate-limit/rate-limit';

export type PasswordCheckLimits = Pick<RateLimitPolicy, 'passwordChecksPerAccount'>;

export const WRONG_CURRENT_PASSWORD = 'That is not your current password.';

/**
 * Checks the signed-in user's current password (change password, change email), so a borrowed
 * or stolen session cannot take the account over. Each check is reserved against a per-account
 * limit before anything is hashed, and given back when the password is right.
 */
export async function checkCurrentPassword(
  db: Db,
  limits: PasswordCheckLimits,
  userId: string,
  password: string,
): Promise<void> {
  if (!password) throw AppError.badInput({ currentPassword: ['Enter your current password.'] });
  const key = `password-check:user:${userId}`;
  const decision = await consumeRateLimits(db, [{ key, rule: limits.passwordChecksPerAccount }]);
  if (!decision.allowed)
    throw tooManyRequests('Too many password attempts.', decision.retryAfterSeconds);
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true },
  });
  if (!(await verifyPassword(user.passwordHash, password.slice(0, 128)))) {
    throw AppError.badInput({ currentPassword: [WRONG_CURRENT_PASSWORD] });
  }
  await refundRateLimits(db, [key]);
}
