import {
  buildOpenBadgeCredential,
  buildStatusListCredential,
  type CertificateSnapshot,
  encodeStatusList,
  type IssuerKey,
  type IssuerPublicJwk,
  issuerProfile,
  learnerSubjectId,
  MIN_STATUS_LIST_LENGTH,
  normalizeSerial,
  type PageSize,
  renderCertificatePdf,
  signCredentialJwt,
} from '@lms/credentials';
import type { Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { issuerInfo, statusListUrl } from '../common/certificate-settings';
import { AppError } from '../errors/app-error';
import { providerTimeZone } from '../time/provider-day';
import { maxStatusListIndex } from './sql';

/** The holder's (or an admin's) certificate row with its snapshot; others get NOT_FOUND. */
async function ownCertificate(db: Db, viewer: Viewer | null, serialInput: string) {
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

function refuseRevoked(row: {
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
 * The certificate as a PDF (A4 or US Letter), rendered from the stored snapshot, so a download
 * years later is identical. Holder or admin only (it shows the name); a revoked certificate is
 * refused to the holder.
 */
export async function getCertificatePdf(options: {
  db: Db;
  viewer: Viewer | null;
  serial: string;
  pageSize: PageSize;
}): Promise<{ filename: string; pdf: Buffer }> {
  const row = await ownCertificate(options.db, options.viewer, options.serial);
  refuseRevoked(row);
  const pdf = await renderCertificatePdf(row.snapshot, {
    pageSize: options.pageSize,
    timeZone: providerTimeZone(),
  });
  return { filename: `certificate-${row.serial}-${options.pageSize.toLowerCase()}.pdf`, pdf };
}

/**
 * The certificate as a signed Open Badges 3.0 `OpenBadgeCredential` (VC-JWT, EdDSA), with its
 * revocation status entry. Holder or admin only.
 */
export async function getCertificateCredentialJwt(options: {
  db: Db;
  viewer: Viewer | null;
  serial: string;
  key: IssuerKey;
}): Promise<{ filename: string; jwt: string }> {
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

/**
 * The issuer profile with its Ed25519 public keys (served at issuerInfo().id): the signing key
 * and every retired one, so credentials signed before a rotation still verify.
 */
export function getIssuerProfile(key: IssuerKey, retired: readonly IssuerPublicJwk[] = []) {
  return issuerProfile(issuerInfo(), key.publicJwk, retired);
}

/**
 * The signed BitstringStatusListCredential: one bit per certificate (its statusListIndex), set
 * for every revoked one. Built from the database on each request, so every API process serves
 * the same list. Grows past the 131,072-bit minimum in whole bytes when needed.
 */
export async function getStatusListCredentialJwt(options: {
  db: Db;
  key: IssuerKey;
  now?: Date;
}): Promise<string> {
  const now = options.now ?? new Date();
  const [revoked, max] = await Promise.all([
    options.db.certificate.findMany({
      where: { revokedAt: { not: null } },
      select: { statusListIndex: true },
    }),
    maxStatusListIndex(options.db),
  ]);
  const needed = Math.ceil(((max ?? 0) + 1) / 8) * 8;
  const length = Math.max(MIN_STATUS_LIST_LENGTH, needed);
  const url = statusListUrl();
  const credential = buildStatusListCredential({
    id: url,
    issuer: issuerInfo().id,
    encodedList: encodeStatusList(
      revoked.map((row) => row.statusListIndex),
      length,
    ),
    validFrom: now.toISOString(),
  });
  return signCredentialJwt(credential, options.key, { issuedAt: now });
}
