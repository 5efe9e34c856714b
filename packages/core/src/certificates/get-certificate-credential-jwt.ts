import {
  buildOpenBadgeCredential,
  type IssuerKey,
  learnerSubjectId,
  signCredentialJwt,
} from '@lms/credentials';
import type { Db } from '@lms/db';
import { type Viewer } from '../access/viewer';
import { issuerInfo, statusListUrl } from '../common/certificate-settings';
import { ownCertificate, refuseRevoked } from './documents';

export interface GetCertificateCredentialJwtOptions {
  db: Db;
  viewer: Viewer | null;
  serial: string;
  key: IssuerKey;
}

/**
 * The certificate as a signed Open Badges 3.0 `OpenBadgeCredential` (VC-JWT, EdDSA), with its
 * revocation status entry. Holder or admin only.
 */
export async function getCertificateCredentialJwt(
  options: GetCertificateCredentialJwtOptions,
): Promise<{ filename: string; jwt: string }> {
  const row = await ownCertificate(options.db, options.viewer, options.serial);
  refuseRevoked(row);
  const issuer = issuerInfo();
  const credential = buildOpenBadgeCredential(
    row.snapshot,
    issuer,
    { url: statusListUrl(), index: row.snapshot.statusListIndex },
    { subjectId: learnerSubjectId(issuer.id, row.userId) },
  );
  const jwt = await signCredentialJwt(credential, options.key, {
    issuedAt: new Date(row.snapshot.issuedAt),
  });
  return { filename: `certificate-${row.serial}.jwt`, jwt };
}
