import { type CertificateCredit, type CertificateSnapshot } from '@lms/credentials';
import { openBadgeUrlFor } from '../common/certificate-settings';
import { type CertificateRow } from './sql';

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
