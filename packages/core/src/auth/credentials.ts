import { z } from 'zod';
import { isWeakPassword, WEAK_PASSWORD_MESSAGE } from './password-strength';

/** Emails are compared and stored trimmed and lower-cased. */
export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .min(1, 'Enter your email address.')
  .max(254, 'Email addresses are at most 254 characters.')
  .pipe(z.email({ error: 'Enter a valid email address, like name@example.com.' }))
  .transform((email) => email.toLowerCase());

export const PASSWORD_MIN_LENGTH = 10;

export const newPasswordSchema = z
  .string({ error: 'Choose a password.' })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters for your password.`)
  .max(128, 'Passwords are at most 128 characters.')
  // Only a password of an acceptable length is scored (the other checks report the rest). The
  // score comes from a worker thread, so a schema holding this one is parsed with parseInputAsync.
  .refine(
    async (password) =>
      password.length < PASSWORD_MIN_LENGTH ||
      password.length > 128 ||
      !(await isWeakPassword(password)),
    WEAK_PASSWORD_MESSAGE,
  );

export const nameSchema = z
  .string({ error: 'Enter your name.' })
  .trim()
  .min(1, 'Enter your name.')
  .max(100, 'Names are at most 100 characters.');
