import type { Db, NameCorrectionStatus } from '@lms/db';
import { requireAdmin } from '../access/roles';
import { type Viewer } from '../access/viewer';
import {
  type CertificateNameCorrectionView,
  correctionSelect,
  toCorrectionView,
} from './certificate-name';

export interface ListCertificateNameCorrectionsOptions {
  db: Db;
  viewer: Viewer | null;
  status?: NameCorrectionStatus | null;
}

/** Admin: the correction requests with a status (default PENDING), oldest first, at most 200. */
export async function listCertificateNameCorrections(
  options: ListCertificateNameCorrectionsOptions,
): Promise<CertificateNameCorrectionView[]> {
  requireAdmin(options.viewer);
  const rows = await options.db.certificateNameCorrection.findMany({
    where: { status: options.status ?? 'PENDING' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: 200,
    select: correctionSelect,
  });
  return rows.map(toCorrectionView);
}
