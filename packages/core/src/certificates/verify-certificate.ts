import { normalizeSerial } from '@lms/credentials';
import type { DbOrTx } from '../db/tx';
import {
  type CertificateStatus,
  type CertificateView,
  toCertificateView,
} from './certificate-views';
import { selectCertificateForVerification } from './sql';

/** The public answer for a serial: snapshot fields and status, nothing private. */
export interface CertificateVerification {
  status: CertificateStatus | 'NOT_FOUND';
  /** The canonical serial looked up (null when the input cannot be a serial). */
  serial: string | null;
  certificate: Omit<
    CertificateView,
    'id' | 'courseId' | 'creditApprovalId' | 'openBadgeUrl'
  > | null;
}

export interface VerifyCertificateOptions {
  db: DbOrTx;
  serial: string;
}

/**
 * Public verification: anyone with the serial learns whether the certificate is VALID,
 * REVOKED (when and why) or SUPERSEDED (by which serial), with the snapshot's fields. Never
 * the holder's email or anything else not printed on the certificate.
 */
export async function verifyCertificate(
  options: VerifyCertificateOptions,
): Promise<CertificateVerification> {
  const serial = normalizeSerial(options.serial);
  if (!serial) return { status: 'NOT_FOUND', serial: null, certificate: null };
  const [row] = await selectCertificateForVerification(options.db, serial);
  if (!row) return { status: 'NOT_FOUND', serial, certificate: null };
  const {
    id: _id,
    courseId: _course,
    creditApprovalId: _approval,
    openBadgeUrl: _badge,
    ...view
  } = toCertificateView(row);
  return { status: view.status, serial, certificate: view };
}
