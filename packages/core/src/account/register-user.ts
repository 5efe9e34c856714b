import type { Db } from '@lms/db';
import { hashPassword } from '@lms/password';
import { z } from 'zod';
import { type Viewer } from '../access/viewer';
import { emailSchema, nameSchema, newPasswordSchema } from '../auth/credentials';
import { type SessionClient, type StartedSession, startSession } from '../auth/start-session';
import { AppError } from '../errors/app-error';
import { isUniqueViolation, parseInputAsync } from '../errors/validate';
import { sendVerificationLink } from './email-verification';

const registerSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});

const EMAIL_TAKEN = 'An account with this email already exists. Sign in instead.';

/**
 * Creates a student account and signs it in. The user, its session and the email with the link
 * confirming the address are written together. The learner may browse and study at once;
 * buying and confirming the certificate name wait for the confirmed address.
 */
export async function registerUser(options: {
  db: Db;
  input: { name: string; email: string; password: string };
  client: SessionClient;
  /** The web app's base URL (links in the email). */
}): Promise<StartedSession & { viewer: Viewer }> {
  const { db, client } = options;
  const input = await parseInputAsync(registerSchema, options.input);

  const taken = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (taken) throw AppError.badInput({ email: [EMAIL_TAKEN] });

  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, passwordHash, role: 'STUDENT' },
        select: { id: true, name: true, email: true, role: true },
      });
      const session = await startSession(tx, user.id, client);
      await sendVerificationLink(tx, user);
      return { ...session, viewer: { ...user, sessionId: session.sessionId } };
    });
  } catch (error) {
    // Two registrations racing for one email: the unique index lets one through.
    if (isUniqueViolation(error)) throw AppError.badInput({ email: [EMAIL_TAKEN] });
    throw error;
  }
}
