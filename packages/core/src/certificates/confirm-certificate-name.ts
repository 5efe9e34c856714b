import type { Db } from '@lms/db';
import { z } from 'zod';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { requireVerifiedEmail } from '../account/email-verification';
import { lockUser } from '../db/locks';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { type CertificateNameState, nameSchema, pendingCompletionIds } from './certificate-name';
import { getMyCertificateName } from './get-my-certificate-name';
import { issueCertificatesForCompletion } from './issue-certificates';

export interface ConfirmCertificateNameOptions {
  db: Db;
  viewer: Viewer | null;
  name: string;
  now?: Date;
}

/**
 * The learner confirms the name to print. Allowed until a certificate carries it; after that a
 * change is a correction request (an admin reissues). Certificates waiting for the confirmation
 * are issued now, in the same transaction, each dated with its own completion date.
 */
export async function confirmCertificateName(
  options: ConfirmCertificateNameOptions,
): Promise<CertificateNameState> {
  const viewer = requireViewer(options.viewer);
  const { name } = parseInput(z.object({ name: nameSchema }), { name: options.name });
  const now = options.now ?? new Date();
  await options.db.$transaction(async (tx) => {
    // Serialises confirmations (and completions' issuance reads) of this learner.
    await lockUser(tx, viewer.id);
    await requireVerifiedEmail(tx, viewer.id, 'confirming the name for your certificates');
    const issued = await tx.certificate.count({ where: { userId: viewer.id } });
    const user = await tx.user.findUniqueOrThrow({
      where: { id: viewer.id },
      select: { certificateName: true, certificateNameConfirmedAt: true },
    });
    if (issued > 0 && user.certificateNameConfirmedAt) {
      if (user.certificateName === name) return;
      throw new AppError(
        'CONFLICT',
        'Your certificates already carry your confirmed name: request a correction instead.',
      );
    }
    await tx.user.update({
      where: { id: viewer.id },
      data: { certificateName: name, certificateNameConfirmedAt: now },
      select: { id: true },
    });
    for (const completionId of await pendingCompletionIds(tx, viewer.id)) {
      await issueCertificatesForCompletion(tx, completionId, now);
    }
  });
  return getMyCertificateName({ db: options.db, viewer: options.viewer });
}
