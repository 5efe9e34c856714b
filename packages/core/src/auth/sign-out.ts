import type { Db } from '@lms/db';
import { type Viewer } from '../access/viewer';

/** Revokes the viewer's current session: the token stops working at once, on every process. */
export async function signOut(options: { db: Db; viewer: Viewer | null }): Promise<boolean> {
  if (!options.viewer) return false;
  const { count } = await options.db.session.deleteMany({
    where: { id: options.viewer.sessionId },
  });
  return count > 0;
}
