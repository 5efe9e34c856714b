import type { Db } from '@lms/db';
import { z } from 'zod';
import { emailSchema } from '../auth/credentials';
import { parseInput } from '../errors/validate';
import type { RateLimitPolicy } from '../rate-limit/policy';
import { DEFAULT_RATE_LIMITS } from '../rate-limit/policy';
import { enforceRateLimits, type RateBucket } from '../rate-limit/rate-limit';
import { queueAccountEmail } from './account-emails';
import { issueAccountToken } from './account-token';

export type PasswordResetLimits = Pick<
  RateLimitPolicy,
  'passwordResetPerAddress' | 'passwordResetPerAccount'
>;

/**
 * "Forgot your password?": emails a reset link (valid 1 hour, single use) when the address has
 * an account, and a "no account here" note when it has none, so that both answers do the same
 * work (a token-or-not transaction and one outbox row) and look and take the same. Throttled per
 * address and per email typed (known or not) before anything is read. The caller always answers
 * the same thing.
 */
export async function requestPasswordReset(options: {
  db: Db;
  input: { email: string };
  client: { ip?: string | null };
  limits?: PasswordResetLimits;
  now?: Date;
}): Promise<void> {
  const { db } = options;
  const { email } = parseInput(z.object({ email: emailSchema }), options.input);
  const limits = options.limits ?? DEFAULT_RATE_LIMITS;
  const buckets: RateBucket[] = [
    { key: `password-reset:account:${email}`, rule: limits.passwordResetPerAccount },
  ];
  if (options.client.ip) {
    buckets.push({
      key: `password-reset:ip:${options.client.ip}`,
      rule: limits.passwordResetPerAddress,
    });
  }
  await enforceRateLimits(db, buckets, 'Too many password-reset requests.');

  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { email },
      select: { id: true, name: true, email: true },
    });
    if (!user) {
      await queueAccountEmail(tx, {
        template: 'password-reset-unknown',
        to: email,
      });
      return;
    }
    const { token } = await issueAccountToken(tx, {
      userId: user.id,
      kind: 'PASSWORD_RESET',
      email: user.email,
      now: options.now,
    });
    await queueAccountEmail(tx, {
      template: 'password-reset',
      to: user.email,
      userId: user.id,
      name: user.name,
      token,
    });
  });
}
