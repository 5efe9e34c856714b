import type { Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';

export interface CancelEmailChangeOptions {
  db: Db;
  viewer: Viewer | null;
}

/** Drops a pending email change (its link stops working). */
export async function cancelEmailChange(options: CancelEmailChangeOptions): Promise<boolean> {
  const viewer = requireViewer(options.viewer);
  const { count } = await options.db.accountToken.deleteMany({
    where: { userId: viewer.id, kind: 'EMAIL_CHANGE' },
  });
  return count > 0;
}
