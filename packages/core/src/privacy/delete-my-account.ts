import { randomBytes } from 'node:crypto';
import type { Db } from '@lms/db';
import { hashPassword, verifyPassword } from '@lms/password';
import { z } from 'zod';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { DEFAULT_RATE_LIMITS } from '../rate-limit/policy';
import { enforceRateLimits } from '../rate-limit/rate-limit';
import { ERASURE_PLAN, type ErasureSubject } from './erasure-plan';
import { lockEnrollmentsForDeletion, lockUserForDeletion } from './sql';

/** What the person types to confirm (case and surrounding spaces do not matter). */
export const DELETE_CONFIRMATION = 'delete my account';

const deleteSchema = z.object({
  password: z
    .string({ error: 'Enter your current password.' })
    .min(1, 'Enter your current password.')
    .max(128),
  confirmation: z
    .string({ error: `Type “${DELETE_CONFIRMATION}” to confirm.` })
    .transform((text) => text.trim().toLowerCase())
    .refine((text) => text === DELETE_CONFIRMATION, `Type “${DELETE_CONFIRMATION}” to confirm.`),
});

/**
 * Deletes the viewer's account (docs/domain.md, "Deleting an account"): needs the current
 * password and the typed confirmation; then, in one transaction, runs every step of
 * ERASURE_PLAN (personal data erased or anonymised, evidence kept), records the act in the audit
 * log and ends every session. Password guesses are throttled like sign-in guesses.
 */
export async function deleteMyAccount(options: {
  db: Db;
  viewer: Viewer | null;
  input: { password: string; confirmation: string };
  now?: Date;
}): Promise<{ deleted: true }> {
  const viewer = requireViewer(options.viewer);
  const input = parseInput(deleteSchema, options.input);
  const { db } = options;
  await enforceRateLimits(
    db,
    [
      {
        key: `delete-account:user:${viewer.id}`,
        rule: DEFAULT_RATE_LIMITS.signInGuessesPerAccountAndAddress,
      },
    ],
    'Too many wrong passwords.',
  );
  const user = await db.user.findUnique({
    where: { id: viewer.id },
    select: { email: true, passwordHash: true, deletedAt: true },
  });
  if (!user || user.deletedAt) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    throw AppError.badInput({ password: ['That is not your current password.'] });
  }
  const subject: ErasureSubject = {
    userId: viewer.id,
    email: user.email.toLowerCase(),
    tombstoneEmail: `deleted-${viewer.id}@deleted.invalid`,
    unusablePasswordHash: await hashPassword(randomBytes(32).toString('base64url')),
    now: options.now ?? new Date(),
  };
  await db.$transaction(async (tx) => {
    // The enrolments first (lock order: enrolment, then learner), then the person: two deletions
    // racing, the row lock makes the second see deletedAt and stop.
    await lockEnrollmentsForDeletion(tx, viewer.id);
    const [locked] = await lockUserForDeletion(tx, viewer.id);
    if (!locked || locked.deletedAt) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
    for (const step of ERASURE_PLAN) await step.run?.(tx, subject);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'user.deleted',
      targetType: 'User',
      targetId: viewer.id,
      details: {},
    });
  });
  return { deleted: true };
}
