import { normalizeSerial } from '@lms/credentials';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import type { DbOrTx } from '../db/tx';
import { AppError } from '../errors/app-error';
import { type CertificateView, toCertificateView } from './certificate-views';
import { selectCertificateRows } from './sql';

export interface GetCertificateOptions {
  db: DbOrTx;
  viewer: Viewer | null;
  serial: string;
}

/**
 * A certificate by serial (typed loosely: see normalizeSerial) for its holder or an admin;
 * anyone else gets NOT_FOUND, as for a serial that does not exist.
 */
export async function getCertificate(options: GetCertificateOptions): Promise<CertificateView> {
  const viewer = requireViewer(options.viewer);
  const serial = normalizeSerial(options.serial);
  if (!serial) throw AppError.notFound('Certificate');
  const [row] = await selectCertificateRows(options.db, { serial });
  if (!row || (row.userId !== viewer.id && viewer.role !== 'ADMIN')) {
    throw AppError.notFound('Certificate');
  }
  return toCertificateView(row);
}
