import type { Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { requireId } from '../db/ids';
import { AppError } from '../errors/app-error';

export interface RemoveSelfReportedCreditOptions {
  db: Db;
  viewer: Viewer | null;
  creditId: string;
}

export async function removeSelfReportedCredit(
  options: RemoveSelfReportedCreditOptions,
): Promise<boolean> {
  const viewer = requireViewer(options.viewer);
  requireId(options.creditId, 'Self-reported credit');
  const removed = await options.db.selfReportedCredit.deleteMany({
    where: { id: options.creditId, userId: viewer.id },
  });
  if (removed.count === 0) throw AppError.notFound('Self-reported credit');
  return true;
}
