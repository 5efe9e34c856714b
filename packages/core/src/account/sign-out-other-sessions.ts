import type { Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';

export interface SignOutOtherSessionsOptions {
  db: Db;
  viewer: Viewer | null;
}

/** Signs out every session of the viewer but this one; returns how many ended. */
export async function signOutOtherSessions(options: SignOutOtherSessionsOptions): Promise<number> {
  const viewer = requireViewer(options.viewer);
  const { count } = await options.db.session.deleteMany({
    where: { userId: viewer.id, id: { not: viewer.sessionId } },
  });
  return count;
}
