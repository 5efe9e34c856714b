import type { Db, Prisma } from '@lms/db';
import { z } from 'zod';
import { requireAdmin } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { type CertificateView } from './certificate-views';
import { getCertificate } from './get-certificate';
import { insertCertificate } from './issue-certificates';
import { lockLiveCertificate, reasonSchema } from './revocation';

export interface ReissueCertificateOptions {
  db: Db;
  viewer: Viewer | null;
  certificateId: string;
  reason: string;
  /** A corrected name to print (default: the name the old certificate printed). */
  participantName?: string | null;
  now?: Date;
}

const reissueSchema = z.object({
  reason: reasonSchema,
  participantName: z
    .string()
    .trim()
    .min(1, 'Enter the name to print.')
    .max(200, 'Keep the name under 200 characters.')
    .optional(),
});

/**
 * Admin: corrects a certificate. The old one is revoked with the reason; a new one (fresh serial,
 * next generation, the same credit and dates, optionally a corrected name) supersedes it, so the
 * old serial then verifies as SUPERSEDED. Concurrent reissues of one certificate: one wins, the
 * other gets CONFLICT.
 */
export async function reissueCertificate(
  options: ReissueCertificateOptions,
): Promise<CertificateView> {
  const admin = requireAdmin(options.viewer);
  const input = parseInput(reissueSchema, {
    reason: options.reason,
    participantName: options.participantName ?? undefined,
  });
  const now = options.now ?? new Date();
  const serial = await options.db.$transaction((tx) =>
    reissueInTransaction(tx, {
      adminId: admin.id,
      certificateId: options.certificateId,
      reason: input.reason,
      participantName: input.participantName,
      now,
    }),
  );
  return getCertificate({ db: options.db, viewer: options.viewer, serial });
}

/**
 * The reissue itself, in the caller's transaction (also used when an admin applies a learner's
 * name correction): revokes the live certificate with the reason and inserts its successor.
 * Returns the new serial; CONFLICT when it was already reissued.
 */
export async function reissueInTransaction(
  tx: Prisma.TransactionClient,
  options: {
    adminId: string;
    certificateId: string;
    reason: string;
    participantName?: string;
    now: Date;
  },
): Promise<string> {
  const { now } = options;
  const old = await lockLiveCertificate(tx, options.certificateId);
  const {
    serial: _serial,
    verifyUrl: _url,
    statusListIndex: _index,
    supersedesSerial: _previous,
    ...rest
  } = old.snapshot;
  const created = await insertCertificate(tx, {
    userId: old.userId,
    enrollmentId: old.enrollmentId,
    completionId: old.completionId,
    courseId: old.courseId,
    versionId: old.versionId,
    creditApprovalId: old.creditApprovalId,
    creditKey: old.creditKey,
    generation: old.generation + 1,
    supersedesId: old.id,
    snapshot: {
      ...rest,
      participantName: options.participantName ?? rest.participantName,
      issuedAt: now.toISOString(),
      supersedesSerial: old.serial,
    },
  });
  if (!created) throw new AppError('CONFLICT', `Certificate ${old.serial} was already reissued.`);
  await tx.certificate.update({
    where: { id: old.id },
    data: { revokedAt: now, revocationReason: options.reason, revokedById: options.adminId },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId: options.adminId,
    action: 'certificate.reissue',
    targetType: 'Certificate',
    targetId: old.id,
    details: { serial: old.serial, newSerial: created.serial, reason: options.reason },
  });
  return created.serial;
}
