import type { Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import {
  type CertificateNameState,
  correctionSelect,
  pendingCompletionIds,
  toCorrectionView,
} from './certificate-name';

export interface GetMyCertificateNameOptions {
  db: Db;
  viewer: Viewer | null;
}

/** The viewer's certificate name: confirmed or not, what waits for it, any open correction. */
export async function getMyCertificateName(
  options: GetMyCertificateNameOptions,
): Promise<CertificateNameState> {
  const viewer = requireViewer(options.viewer);
  const [user, pending, correction] = await Promise.all([
    options.db.user.findUniqueOrThrow({
      where: { id: viewer.id },
      select: { name: true, certificateName: true, certificateNameConfirmedAt: true },
    }),
    pendingCompletionIds(options.db, viewer.id),
    options.db.certificateNameCorrection.findFirst({
      where: { userId: viewer.id, status: 'PENDING' },
      select: correctionSelect,
    }),
  ]);
  const confirmed = Boolean(user.certificateNameConfirmedAt && user.certificateName);
  return {
    name: (confirmed ? user.certificateName : null) ?? user.name,
    confirmed,
    confirmedAt: user.certificateNameConfirmedAt,
    pendingCompletions: pending.length,
    pendingCorrection: correction ? toCorrectionView(correction) : null,
  };
}
