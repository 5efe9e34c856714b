import type { Db } from '@lms/db';
import { z } from 'zod';
import { requireAdmin } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { recordAudit } from '../audit/record-audit';
import { requireId } from '../db/ids';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import {
  type CertificateNameCorrectionView,
  correctionSelect,
  noteSchema,
  toCorrectionView,
} from './certificate-name';
import { reissueInTransaction } from './reissue-certificate';
import { selectNameCorrectionForUpdate } from './sql';

export interface ResolveCertificateNameCorrectionOptions {
  db: Db;
  viewer: Viewer | null;
  correctionId: string;
  apply: boolean;
  note?: string | null;
  now?: Date;
}

/**
 * Admin: applies or rejects a name correction. Applying sets the learner's certificate name and
 * reissues every live certificate with it: each old one is revoked with the reason "Name
 * corrected from … to …" and superseded by the new one (same credit and dates).
 */
export async function resolveCertificateNameCorrection(
  options: ResolveCertificateNameCorrectionOptions,
): Promise<CertificateNameCorrectionView> {
  const admin = requireAdmin(options.viewer);
  requireId(options.correctionId, 'Correction');
  const { note } = parseInput(z.object({ note: noteSchema }), { note: options.note ?? undefined });
  const now = options.now ?? new Date();
  await options.db.$transaction(async (tx) => {
    const [row] = await selectNameCorrectionForUpdate(tx, options.correctionId);
    if (!row) throw AppError.notFound('Correction');
    if (row.status !== 'PENDING') {
      throw new AppError('CONFLICT', `This request was already ${row.status.toLowerCase()}.`);
    }
    if (options.apply) {
      await tx.user.update({
        where: { id: row.userId },
        data: { certificateName: row.requestedName, certificateNameConfirmedAt: now },
        select: { id: true },
      });
      const live = await tx.certificate.findMany({
        where: { userId: row.userId, revokedAt: null, supersededBy: null },
        orderBy: { issuedAt: 'asc' },
        select: { id: true },
      });
      const reason = `Name corrected from "${row.currentName}" to "${row.requestedName}" at the learner's request`;
      for (const certificate of live) {
        await reissueInTransaction(tx, {
          adminId: admin.id,
          certificateId: certificate.id,
          reason,
          participantName: row.requestedName,
          now,
        });
      }
    }
    await tx.certificateNameCorrection.update({
      where: { id: row.id },
      data: {
        status: options.apply ? 'APPLIED' : 'REJECTED',
        resolvedAt: now,
        resolvedById: admin.id,
        resolution: note ?? null,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: admin.id,
      action: options.apply ? 'certificate.name.correct' : 'certificate.name.reject',
      targetType: 'User',
      targetId: row.userId,
      details: { correctionId: row.id, from: row.currentName, to: row.requestedName },
    });
  });
  return toCorrectionView(
    await options.db.certificateNameCorrection.findUniqueOrThrow({
      where: { id: options.correctionId },
      select: correctionSelect,
    }),
  );
}
