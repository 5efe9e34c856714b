import type { Db } from '@lms/db';
import { findAccountToken } from './account-token';

export interface CheckPasswordResetTokenOptions {
  db: Db;
  token: string;
}

/** Whether a reset link still works (the page asks before showing the form). */
export async function checkPasswordResetToken(
  options: CheckPasswordResetTokenOptions,
): Promise<boolean> {
  return (await findAccountToken(options.db, options.token, ['PASSWORD_RESET'])) !== null;
}
