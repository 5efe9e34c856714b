// What revoking and reissuing share (revoke-certificate.ts, reissue-certificate.ts), and the
// revocation of an enrolment's certificates that a refund runs in its own transaction.
import type { Prisma } from '@lms/db';
import { z } from 'zod';
import { requireId } from '../db/ids';
import type { DbOrTx } from '../db/tx';
import { AppError } from '../errors/app-error';
import { revokeLiveCertificatesOfEnrollment, selectCertificateForUpdate } from './sql';

export const reasonSchema = z
  .string()
  .trim()
  .min(3, 'Give a reason (at least 3 characters).')
  .max(500, 'Keep the reason under 500 characters.');

/** Locks a live certificate for revocation: NOT_FOUND when there is none, CONFLICT when revoked. */
export async function lockLiveCertificate(tx: Prisma.TransactionClient, certificateId: string) {
  requireId(certificateId, 'Certificate');
  const [row] = await selectCertificateForUpdate(tx, certificateId);
  if (!row) throw AppError.notFound('Certificate');
  if (row.revokedAt)
    throw new AppError('CONFLICT', `Certificate ${row.serial} is already revoked.`);
  return row;
}

/**
 * Revokes every live certificate of an enrolment (a refund ends access and the credit with
 * it), in the caller's transaction. Returns how many were revoked.
 */
export async function revokeEnrollmentCertificates(
  tx: DbOrTx,
  options: { enrollmentId: string; reason: string; now?: Date; actorId?: string | null },
): Promise<number> {
  return revokeLiveCertificatesOfEnrollment(tx, {
    enrollmentId: options.enrollmentId,
    reason: options.reason,
    now: options.now ?? new Date(),
    actorId: options.actorId ?? null,
  });
}
