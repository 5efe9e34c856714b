import type { Db } from '@lms/db';
import { type Viewer } from '../access/viewer';
import { type EmailPreferences, pick, signedIn } from './preferences';

export interface GetEmailPreferencesOptions {
  db: Db;
  viewer: Viewer | null;
}

/** The viewer's notification choices (no row yet: everything on). */
export async function getEmailPreferences(
  options: GetEmailPreferencesOptions,
): Promise<EmailPreferences> {
  const viewer = signedIn(options.viewer);
  return pick(await options.db.emailPreference.findUnique({ where: { userId: viewer.id } }));
}
