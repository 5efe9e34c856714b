import type { Db } from '@lms/db';
import { type Viewer } from '../access/viewer';
import { type EmailPreferences, pick, signedIn } from './preferences';
import { EMAIL_TOPICS } from './topics';

export interface UpdateEmailPreferencesOptions {
  db: Db;
  viewer: Viewer | null;
  input: Partial<EmailPreferences>;
}

/** Sets the viewer's choices; topics left out keep their value. */
export async function updateEmailPreferences(
  options: UpdateEmailPreferencesOptions,
): Promise<EmailPreferences> {
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
