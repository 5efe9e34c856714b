import type { Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { requireId } from '../db/ids';
import { AppError } from '../errors/app-error';

export interface RevokeSessionOptions {
  db: Db;
  viewer: Viewer | null;
  sessionId: string;
}

/** Signs out one of the viewer's own sessions (NOT_FOUND for anyone else's). */
export async function revokeSession(options: RevokeSessionOptions): Promise<boolean> {
  const viewer = requireViewer(options.viewer);
  requireId(options.sessionId, 'Session');
  const { count } = await options.db.session.deleteMany({
    where: { id: options.sessionId, userId: viewer.id },
  });
  if (count === 0) throw AppError.notFound('Session');
  return true;
}
