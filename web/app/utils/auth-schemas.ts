import { z } from './zod';

/**
 * The sign-in and register forms' zod schemas (Conform parses the submitted FormData with them,
 * on the server and, with JavaScript, in the browser). They check what the form itself knows
 * (a field left empty); the API stays the judge of the rest (email format, password length,
 * an email already taken) and its messages are shown on the same fields.
 */
/** A required text field: missing or only spaces is the same mistake, with one message. */
const required = (message: string) =>
  z.string({ error: message }).trim().min(1, { error: message });

const email = required('Enter your email address.');

export const SignInSchema = z.object({
  email,
  password: z.string({ error: 'Enter your password.' }),
  redirectTo: z.string().optional(),
});

export const RegisterSchema = z.object({
  name: required('Enter your full name.'),
  email,
  password: z.string({ error: 'Choose a password of at least 10 characters.' }),
  redirectTo: z.string().optional(),
});
