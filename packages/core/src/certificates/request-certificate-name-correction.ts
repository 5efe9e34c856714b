import type { Db } from '@lms/db';
import { z } from 'zod';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { lockUser } from '../db/locks';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import {
  type CertificateNameCorrectionView,
  correctionSelect,
  nameSchema,
  noteSchema,
  toCorrectionView,
} from './certificate-name';

export interface RequestCertificateNameCorrectionOptions {
  db: Db;
  viewer: Viewer | null;
  name: string;
  note?: string | null;
}

/** A learner asks an admin to change the name on their certificates (one open request at a time). */
export async function requestCertificateNameCorrection(
  options: RequestCertificateNameCorrectionOptions,
): Promise<CertificateNameCorrectionView> {
  const viewer = requireViewer(options.viewer);
  const input = parseInput(z.object({ name: nameSchema, note: noteSchema }), {
    name: options.name,
    note: options.note ?? undefined,
  });
  const id = await options.db.$transaction(async (tx) => {
    await lockUser(tx, viewer.id);
    const user = await tx.user.findUniqueOrThrow({
      where: { id: viewer.id },
      select: { certificateName: true, certificateNameConfirmedAt: true },
    });
    if (!user.certificateNameConfirmedAt || !user.certificateName) {
      throw new AppError(
        'PRECONDITION_FAILED',
        'Confirm the name to print first; you can change it freely until a certificate is issued.',
      );
    }
    if (user.certificateName === input.name) {
      throw new AppError('BAD_USER_INPUT', 'That is already the name on your certificates.', {
        fieldErrors: { name: ['That is already the name on your certificates.'] },
      });
    }
    const open = await tx.certificateNameCorrection.findFirst({
      where: { userId: viewer.id, status: 'PENDING' },
      select: { id: true },
    });
    if (open) throw new AppError('CONFLICT', 'You already have a correction waiting for an admin.');
    const created = await tx.certificateNameCorrection.create({
      data: {
        userId: viewer.id,
        currentName: user.certificateName,
        requestedName: input.name,
        note: input.note ?? null,
      },
      select: { id: true },
    });
    return created.id;
  });
  return toCorrectionView(
    await options.db.certificateNameCorrection.findUniqueOrThrow({
      where: { id },
      select: correctionSelect,
    }),
  );
}
