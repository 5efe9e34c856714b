import type { Db } from '@lms/db';
import { AppError } from '../errors/app-error';
import { type EmailTopic, isEmailTopic } from './topics';

export interface UnsubscribeByTokenOptions {
  db: Db;
  token: string;
  topic: string;
}

/**
 * One-click unsubscribe (the List-Unsubscribe link): the token alone names the user and can
 * only turn a topic off. Unknown tokens or topics get NOT_FOUND. Idempotent.
 */
export async function unsubscribeByToken(
  options: UnsubscribeByTokenOptions,
): Promise<{ topic: EmailTopic }> {
  const { db, token, topic } = options;
  if (!isEmailTopic(topic)) {
    throw new AppError('NOT_FOUND', 'This unsubscribe link is not valid (unknown email type).');
  }
  const updated = await db.emailPreference.updateMany({
    where: { unsubscribeToken: token },
    data: { [topic]: false },
  });
  if (updated.count === 0) {
    throw new AppError(
      'NOT_FOUND',
      'This unsubscribe link is not valid. Sign in and change your email preferences in your profile.',
    );
  }
  return { topic };
}
