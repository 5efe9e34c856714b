import type { Db } from '@lms/db';
import { z } from 'zod';
import { requireAdmin } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { recordAudit } from '../audit/record-audit';
import { parseInput } from '../errors/validate';
import { type CertificateView } from './certificate-views';
import { getCertificate } from './get-certificate';
import { lockLiveCertificate, reasonSchema } from './revocation';

export interface RevokeCertificateOptions {
  db: Db;
  viewer: Viewer | null;
  certificateId: string;
  reason: string;
  now?: Date;
}

/** Admin: revokes a certificate with a reason (once; the row keeps everything else). */
export async function revokeCertificate(
  options: RevokeCertificateOptions,
): Promise<CertificateView> {
  const admin = requireAdmin(options.viewer);
  const reason = parseInput(z.object({ reason: reasonSchema }), { reason: options.reason }).reason;
  const now = options.now ?? new Date();
  const serial = await options.db.$transaction(async (tx) => {
    const row = await lockLiveCertificate(tx, options.certificateId);
    await tx.certificate.update({
      where: { id: row.id },
      data: { revokedAt: now, revocationReason: reason, revokedById: admin.id },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: admin.id,
      action: 'certificate.revoke',
      targetType: 'Certificate',
      targetId: row.id,
      details: { serial: row.serial, reason },
    });
    return row.serial;
  });
  return getCertificate({ db: options.db, viewer: options.viewer, serial });
}
