import type { Db } from '@lms/db';
import { verifyPassword } from '@lms/password';
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import type { Viewer } from '../viewer';
import { emailSchema } from './credentials';
import {
  assertNotThrottled,
  clearAccountFailures,
  recordFailure,
  throttleKeys,
} from './sign-in-throttle';
import { type SessionClient, type StartedSession, startSession } from './start-session';

const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(128),
});

/**
 * Checks a password and opens a session. The messages name the field at fault: registration
 * already reveals whether an email has an account, and the throttle bounds guessing.
 */
export async function signIn(options: {
  db: Db;
  input: { email: string; password: string };
  client: SessionClient;
}): Promise<StartedSession & { viewer: Viewer }> {
  const { db, client } = options;
  const input = parseInput(signInSchema, options.input);
  const keys = throttleKeys(input.email, client.ip);

  await assertNotThrottled(
    db,
    keys.map((entry) => entry.key),
  );

  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, name: true, email: true, role: true, passwordHash: true },
  });
  if (!user) {
    await recordFailure(db, keys);
    throw AppError.badInput({ email: ['No account uses this email address.'] });
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordFailure(db, keys);
    throw AppError.badInput({ password: ['That password is not correct.'] });
  }

  await clearAccountFailures(db, input.email);
  const session = await startSession(db, user.id, client);
  const { passwordHash: _hash, ...profile } = user;
  return { ...session, viewer: { ...profile, sessionId: session.sessionId } };
}
