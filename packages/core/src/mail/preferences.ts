import type { Db } from '@lms/db';
import { type Viewer } from '../access/viewer';
import { AppError } from '../errors/app-error';
import { EMAIL_TOPICS, type EmailTopic, isEmailTopic } from './topics';

export type EmailPreferences = Record<EmailTopic, boolean>;

const ALL_ON: EmailPreferences = {
  enrolment: true,
  ceuReminders: true,
  approvalExpiry: true,
  flaggedOrders: true,
};

function pick(row: EmailPreferences | null): EmailPreferences {
  if (!row) return { ...ALL_ON };
  return Object.fromEntries(EMAIL_TOPICS.map((topic) => [topic, row[topic]])) as EmailPreferences;
}

function signedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'Sign in to manage your email preferences.');
  return viewer;
}

/** The viewer's notification choices (no row yet: everything on). */
export async function getEmailPreferences(options: {
  db: Db;
  viewer: Viewer | null;
}): Promise<EmailPreferences> {
  const viewer = signedIn(options.viewer);
  return pick(await options.db.emailPreference.findUnique({ where: { userId: viewer.id } }));
}

/** Sets the viewer's choices; topics left out keep their value. */
export async function updateEmailPreferences(options: {
  db: Db;
  viewer: Viewer | null;
  input: Partial<EmailPreferences>;
}): Promise<EmailPreferences> {
  const viewer = signedIn(options.viewer);
  const data = Object.fromEntries(
    EMAIL_TOPICS.filter((topic) => typeof options.input[topic] === 'boolean').map((topic) => [
      topic,
      options.input[topic] as boolean,
    ]),
  );
  const row = await options.db.emailPreference.upsert({
    where: { userId: viewer.id },
    create: { userId: viewer.id, ...data },
    update: data,
  });
  return pick(row);
}

/**
 * One-click unsubscribe (the List-Unsubscribe link): the token alone names the user and can
 * only turn a topic off. Unknown tokens or topics get NOT_FOUND. Idempotent.
 */
export async function unsubscribeByToken(options: {
  db: Db;
  token: string;
  topic: string;
}): Promise<{ topic: EmailTopic }> {
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
