import type { CertificateSnapshot } from '@lms/credentials';
import type { SqlTx } from '@lms/db';
import { type EnqueueResult, enqueueTransactionalEmail } from './outbox';
import { selectRecipient } from './sql';
import { renderEmail } from './templates';

// A mail an event causes: queued in the event's own transaction (`tx`) with a dedupe key, so a
// retried webhook or a second caller never queues it twice.

/**
 * A new certificate, with its PDF and verify link (transactional: always sent). `recipient`:
 * the holder's address and name when the caller read them already (issuance reads them with
 * the completion), else read here.
 */
export async function queueCertificateIssued(
  tx: SqlTx,
  certificate: { id: string; serial: string; userId: string; snapshot: CertificateSnapshot },
  recipient?: { email: string; name: string },
): Promise<EnqueueResult> {
  const user = recipient
    ? { id: certificate.userId, ...recipient }
    : await selectRecipient(tx, certificate.userId);
  if (!user) throw new Error(`User ${certificate.userId} not found`);
  const { snapshot } = certificate;
  const ceus = snapshot.credits.length
    ? snapshot.credits.map((credit) => `${credit.ceuAmount} (${credit.bodyName})`).join(', ')
    : null;
  return enqueueTransactionalEmail(
    tx,
    renderEmail(
      'certificate-issued',
      {
        to: user.email,
        name: user.name,
        userId: user.id,
        serial: certificate.serial,
        courseTitle: snapshot.programTitle,
        ceus,
        verifyUrl: snapshot.verifyUrl,
      },
      {
        dedupeKey: `certificate:${certificate.id}`,
        attachments: [{ type: 'certificate', serial: certificate.serial }],
      },
    ),
  );
}
