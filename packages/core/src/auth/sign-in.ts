import type { Db } from '@lms/db';
import { verifyPassword } from '@lms/password';
import { z } from 'zod';
import { type Viewer } from '../access/viewer';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { DEFAULT_RATE_LIMITS } from '../rate-limit/policy';
import { emailSchema } from './credentials';
import { releaseSignInAttempt, reserveSignInAttempt, type SignInLimits } from './sign-in-throttle';
import { type SessionClient, type StartedSession, startSession } from './start-session';

const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(128),
});

/** One answer for an unknown email and a wrong password (no account enumeration). */
export const SIGN_IN_FAILED =
  'That email and password do not match an account. Check both and try again.';

/**
 * An argon2id hash (same parameters as real ones) of a random secret nobody knows: an unknown
 * email is checked against it, so it costs the same time as a wrong password.
 */
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$YDJKwZAUM6CrxdGu+LjvKw$raeZtACm1Y7jaMOMIA1BRpob2FCUmFwf7ryUer7H6GQ';

/**
 * Checks a password and opens a session. The attempt is reserved against the throttle before
 * anything is hashed; an unknown email and a wrong password get the same message and cost.
 */
export async function signIn(options: {
  db: Db;
  input: { email: string; password: string };
  client: SessionClient;
  limits?: SignInLimits;
}): Promise<StartedSession & { viewer: Viewer }> {
  const { db, client } = options;
  const input = parseInput(signInSchema, options.input);
  const reservation = await reserveSignInAttempt(
    db,
    options.limits ?? DEFAULT_RATE_LIMITS,
    input.email,
    client.ip,
  );

  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, name: true, email: true, role: true, passwordHash: true },
  });
  const matches = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  if (!user || !matches) throw new AppError('BAD_USER_INPUT', SIGN_IN_FAILED);

  await releaseSignInAttempt(db, reservation);
  const session = await startSession(db, user.id, client);
  const { passwordHash: _hash, ...profile } = user;
  return { ...session, viewer: { ...profile, sessionId: session.sessionId } };
}
