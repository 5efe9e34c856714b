import type { CertificateSnapshot } from '@lms/credentials';
import { providerTimeZone } from '../time/provider-day';
import { type DbOrTx, type EnqueueResult, enqueueEmail } from './outbox';
import { renderEmail } from './templates';

/**
 * The mails that events cause, each queued in the event's own transaction (`tx`) with a dedupe
 * key, so a retried webhook or a second caller never queues it twice.
 */

/** Enrolment confirmation (a notification: the learner can turn it off). */
export async function queueEnrolmentConfirmation(
  tx: DbOrTx,
  enrollmentId: string,
): Promise<EnqueueResult> {
  const enrollment = await tx.enrollment.findUniqueOrThrow({
    where: { id: enrollmentId },
    select: {
      courseId: true,
      user: { select: { id: true, email: true, name: true } },
      version: { select: { title: true } },
    },
  });
  const { user } = enrollment;
  return enqueueEmail(
    tx,
    renderEmail(
      'enrolment-confirmation',
      {
        to: user.email,
        name: user.name,
        userId: user.id,
        courseTitle: enrollment.version.title,
        courseId: enrollment.courseId,
      },
      { dedupeKey: `enrolment:${enrollmentId}` },
    ),
  );
}

/** The receipt of a paid order, with its PDF (transactional: always sent). */
export async function queueReceipt(tx: DbOrTx, orderId: string): Promise<EnqueueResult> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      orderNumber: true,
      currency: true,
      amountPaidCents: true,
      amountCents: true,
      paidAt: true,
      user: { select: { id: true, email: true, name: true, timeZone: true } },
      version: { select: { title: true } },
    },
  });
  return enqueueEmail(
    tx,
    renderEmail(
      'receipt',
      {
        to: order.user.email,
        name: order.user.name,
        userId: order.user.id,
        orderId: order.id,
        orderNumber: order.orderNumber,
        courseTitle: order.version.title,
        totalCents: order.amountPaidCents ?? order.amountCents,
        currency: order.currency,
        paidAt: order.paidAt ?? new Date(),
        timeZone: order.user.timeZone ?? providerTimeZone(),
      },
      { dedupeKey: `receipt:${order.id}`, attachments: [{ type: 'receipt', orderId: order.id }] },
    ),
  );
}

/** A new certificate, with its PDF and verify link (transactional: always sent). */
export async function queueCertificateIssued(
  tx: DbOrTx,
  certificate: { id: string; serial: string; userId: string; snapshot: CertificateSnapshot },
): Promise<EnqueueResult> {
  const user = await tx.user.findUniqueOrThrow({
    where: { id: certificate.userId },
    select: { id: true, email: true, name: true },
  });
  const { snapshot } = certificate;
  const ceus = snapshot.credits.length
    ? snapshot.credits.map((credit) => `${credit.ceuAmount} (${credit.bodyName})`).join(', ')
    : null;
  return enqueueEmail(
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

/** Every admin hears of a flagged order (a notification each admin can turn off). */
export async function queueFlaggedOrderAlert(
  tx: DbOrTx,
  order: { id: string; orderNumber: string; reason: string },
): Promise<number> {
  const admins = await tx.user.findMany({
    where: { role: 'ADMIN' },
    select: { id: true, email: true, name: true },
  });
  let queued = 0;
  for (const admin of admins) {
    const result = await enqueueEmail(
      tx,
      renderEmail(
        'order-flagged',
        {
          to: admin.email,
          name: admin.name,
          userId: admin.id,
          orderNumber: order.orderNumber,
          reason: order.reason,
        },
        { dedupeKey: `order-flagged:${order.id}:${admin.id}` },
      ),
    );
    if (result.queued) queued++;
  }
  return queued;
}
