import { type CertificateCredit, type CertificateSnapshot } from '@lms/credentials';
import { openBadgeUrlFor } from '../common/certificate-settings';
import type { CertificateRow, VerificationRow } from './sql';

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
  return {
    id: row.id,
    courseId: row.courseId,
    creditApprovalId: row.creditApprovalId,
    openBadgeUrl: openBadgeUrlFor(row.serial),
    ...toCertificateRecord(row.serial, row),
  };
}

/** What anyone with the serial may see of a certificate: the public verification's record. */
export type CertificateRecordView = Omit<
  CertificateView,
  'id' | 'courseId' | 'creditApprovalId' | 'openBadgeUrl'
>;

/** The snapshot's printed fields and the status: the public record of a certificate. */
export function toCertificateRecord(serial: string, row: VerificationRow): CertificateRecordView {
  const s = row.snapshot as CertificateSnapshot;
  return {
    serial,
    participantName: s.participantName,
    programTitle: s.programTitle,
    sponsoringOrganization: s.sponsoringOrganization,
    completionDate: s.completionDate,
    issuedAt: new Date(s.issuedAt),
    credits: s.credits,
    instructionalMinutes: s.instructionalMinutes,
    verifyUrl: s.verifyUrl,
    status: statusOf(row),
    revokedAt: row.revokedAt,
    revocationReason: row.revocationReason,
    supersedesSerial: s.supersedesSerial ?? null,
    supersededBySerial: row.supersededBySerial,
  };
}
