import { type Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { type CertificateView, toCertificateView } from './certificate-views';
import { selectCertificateRows } from './sql';

export interface ListMyCertificatesOptions {
  db: Db;
  viewer: Viewer | null;
}

/** The viewer's certificates, newest first (revoked and superseded ones included, marked). */
export async function listMyCertificates(
  options: ListMyCertificatesOptions,
): Promise<CertificateView[]> {
  const viewer = requireViewer(options.viewer);
  const rows = await selectCertificateRows(options.db, { userId: viewer.id });
  return rows.map(toCertificateView);
}
