import type { Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { isoDay } from './ceu';
import type { LearnerCredentialView } from './learner-credentials';

export interface ListMyCredentialsOptions {
  db: Db;
  viewer: Viewer | null;
}

export async function listMyCredentials(
  options: ListMyCredentialsOptions,
): Promise<LearnerCredentialView[]> {
  const viewer = requireViewer(options.viewer);
  const rows = await options.db.learnerCredential.findMany({
    where: { userId: viewer.id },
    orderBy: [{ body: 'asc' }, { certifiedOn: 'asc' }, { credential: 'asc' }],
    select: { id: true, body: true, credential: true, certifiedOn: true },
  });
  return rows.map((row) => ({ ...row, certifiedOn: isoDay(row.certifiedOn) }));
}
