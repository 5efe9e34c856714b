import type { Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import {
  type SelfReportedCreditView,
  selfReportedSelect,
  selfReportedView,
} from './learner-credentials';

export interface ListSelfReportedCreditsOptions {
  db: Db;
  viewer: Viewer | null;
}

export async function listSelfReportedCredits(
  options: ListSelfReportedCreditsOptions,
): Promise<SelfReportedCreditView[]> {
  const viewer = requireViewer(options.viewer);
  const rows = await options.db.selfReportedCredit.findMany({
    where: { userId: viewer.id },
    orderBy: [{ completedOn: 'desc' }, { createdAt: 'desc' }],
    select: selfReportedSelect,
  });
  return rows.map(selfReportedView);
}
