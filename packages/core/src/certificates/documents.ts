import {
  type CertificateSnapshot,
  type IssuerKey,
  type IssuerPublicJwk,
  issuerProfile,
  normalizeSerial,
} from '@lms/credentials';
import type { Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { issuerInfo } from '../common/certificate-settings';
import { AppError } from '../errors/app-error';

/** The holder's (or an admin's) certificate row with its snapshot; others get NOT_FOUND. */
export async function ownCertificate(db: Db, viewer: Viewer | null, serialInput: string) {
  const actor = requireViewer(viewer);
  const serial = normalizeSerial(serialInput);
  if (!serial) throw AppError.notFound('Certificate');
  const row = await db.certificate.findUnique({
    where: { serial },
    select: { userId: true, serial: true, snapshot: true, revokedAt: true, revocationReason: true },
  });
  if (!row || (row.userId !== actor.id && actor.role !== 'ADMIN')) {
    throw AppError.notFound('Certificate');
  }
  return {
    ...row,
    snapshot: row.snapshot as unknown as CertificateSnapshot,
    admin: actor.role === 'ADMIN',
  };
}

export function refuseRevoked(row: {
  serial: string;
  revokedAt: Date | null;
  revocationReason: string | null;
  admin: boolean;
}) {
  if (row.revokedAt && !row.admin) {
    throw new AppError(
      'PRECONDITION_FAILED',
      `Certificate ${row.serial} was revoked (${row.revocationReason ?? 'no reason given'}); it can no longer be downloaded.`,
    );
  }
}

/**
 * The issuer profile with its Ed25519 public keys (served at issuerInfo().id): the signing key
 * and every retired one, so credentials signed before a rotation still verify.
 */
export function getIssuerProfile(key: IssuerKey, retired: readonly IssuerPublicJwk[] = []) {
  return issuerProfile(issuerInfo(), key.publicJwk, retired);
}
