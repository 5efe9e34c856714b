import {
  type CertificateCredit,
  type CertificateSnapshot,
  normalizeSerial,
} from '@lms/credentials';
import { type Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { openBadgeUrlFor } from '../common/certificate-settings';
import type { DbOrTx } from '../db/tx';
import { AppError } from '../errors/app-error';
import {
  type CertificateRow,
  selectCertificateForVerification,
  selectCertificateRows,
} from './sql';

export type CertificateStatus = 'VALID' | 'REVOKED' | 'SUPERSEDED';

/** What the holder (or an admin) sees of a certificate: the snapshot plus its status. */
export interface CertificateView {
  id: string;
  serial: string;
  courseId: string;
  creditApprovalId: string | null;
  participantName: string;
  programTitle: string;
  sponsoringOrganization: string;
  /** YYYY-MM-DD */
  completionDate: string;
  issuedAt: Date;
  credits: CertificateCredit[];
  instructionalMinutes: number;
  verifyUrl: string;
  /** The holder's download of the signed Open Badge (absolute API URL; bearer token). */
  openBadgeUrl: string;
  status: CertificateStatus;
  revokedAt: Date | null;
  revocationReason: string | null;
  supersedesSerial: string | null;
  supersededBySerial: string | null;
}

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

function statusOf(row: { revokedAt: Date | null; supersededBySerial: string | null }) {
  if (row.supersededBySerial) return 'SUPERSEDED' as const;
  return row.revokedAt ? ('REVOKED' as const) : ('VALID' as const);
}

export function toCertificateView(row: CertificateRow): CertificateView {
  const s = row.snapshot as CertificateSnapshot;
  return {
    id: row.id,
    serial: row.serial,
    courseId: row.courseId,
    creditApprovalId: row.creditApprovalId,
    participantName: s.participantName,
    programTitle: s.programTitle,
    sponsoringOrganization: s.sponsoringOrganization,
    completionDate: s.completionDate,
    issuedAt: new Date(s.issuedAt),
    credits: s.credits,
    instructionalMinutes: s.instructionalMinutes,
    verifyUrl: s.verifyUrl,
    openBadgeUrl: openBadgeUrlFor(row.serial),
    status: statusOf(row),
    revokedAt: row.revokedAt,
    revocationReason: row.revocationReason,
    supersedesSerial: s.supersedesSerial ?? null,
    supersededBySerial: row.supersededBySerial,
  };
}

/** The viewer's certificates, newest first (revoked and superseded ones included, marked). */
export async function listMyCertificates(options: {
  db: Db;
  viewer: Viewer | null;
}): Promise<CertificateView[]> {
  const viewer = requireViewer(options.viewer);
  const rows = await selectCertificateRows(options.db, { userId: viewer.id });
  return rows.map(toCertificateView);
}

/**
 * A certificate by serial (typed loosely: see normalizeSerial) for its holder or an admin;
 * anyone else gets NOT_FOUND, as for a serial that does not exist.
 */
export async function getCertificate(options: {
  db: DbOrTx;
  viewer: Viewer | null;
  serial: string;
}): Promise<CertificateView> {
  const viewer = requireViewer(options.viewer);
  const serial = normalizeSerial(options.serial);
  if (!serial) throw AppError.notFound('Certificate');
  const [row] = await selectCertificateRows(options.db, { serial });
  if (!row || (row.userId !== viewer.id && viewer.role !== 'ADMIN')) {
    throw AppError.notFound('Certificate');
  }
  return toCertificateView(row);
}

/**
 * Public verification: anyone with the serial learns whether the certificate is VALID,
 * REVOKED (when and why) or SUPERSEDED (by which serial), with the snapshot's fields. Never
 * the holder's email or anything else not printed on the certificate.
 */
export async function verifyCertificate(options: {
  db: DbOrTx;
  serial: string;
}): Promise<CertificateVerification> {
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
