import type { Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { requireId } from '../db/ids';
import { AppError } from '../errors/app-error';

export interface RemoveCredentialOptions {
  db: Db;
  viewer: Viewer | null;
  credentialId: string;
}

export async function removeCredential(options: RemoveCredentialOptions): Promise<boolean> {
  const viewer = requireViewer(options.viewer);
  requireId(options.credentialId, 'Credential');
  const removed = await options.db.learnerCredential.deleteMany({
    where: { id: options.credentialId, userId: viewer.id },
  });
  if (removed.count === 0) throw AppError.notFound('Credential');
  return true;
}
