import type { Db } from '@lms/db';
import { type PaymentGateway, PaymentRequestError } from '@lms/payments';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { requireVerifiedEmail } from '../account/email-verification';
import { creditOfferingsForSale, saleItemName } from '../approvals/credit-offerings';
import { requireId } from '../db/ids';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { type BillToInput, billToColumns, billToSchema } from './bill-to';
import { callProvider, requireGateway } from './gateway';
import { lockCheckout } from './sql';

/** An open session that expires sooner than this is replaced rather than handed out again. */
const REUSE_MARGIN_MS = 10 * 60 * 1000;

export interface StartedCheckout {
  orderId: string;
  /** Where to send the buyer: the hosted checkout page (or the success page if already paid). */
  url: string;
  /** True when an open checkout of the same learner and course was handed out again. */
  reused: boolean;
  /**
   * What the buyer must know about the course's credit (expired credit not included, credit
   * ending before a typical learner could finish); empty when nothing.
   */
  creditNotices: string[];
}

export function checkoutSuccessUrl(webUrl: string): string {
  return `${webUrl.replace(/\/+$/, '')}/checkout/success?session_id={CHECKOUT_SESSION_ID}`;
}

export function checkoutCancelUrl(webUrl: string, slug: string): string {
  return `${webUrl.replace(/\/+$/, '')}/checkout/cancel?${new URLSearchParams({ course: slug })}`;
}

interface PendingOrder {
  id: string;
  stripeCheckoutSessionId: string | null;
  checkoutUrl: string | null;
  checkoutExpiresAt: Date | null;
}

/**
 * "Buy": starts (or reuses) a Stripe Checkout Session for the price of the course's current
 * published version, read here on the server. One PENDING order per learner and course: an
 * open session is handed out again; an expired, nearly expired or outdated one is expired and
 * replaced. Every provider call carries an idempotency key derived from the order, so a retry
 * after an outage or timeout never creates a second session; an outage answers "try again" and
 * leaves at most a clean PENDING order without a session, which the next attempt reuses.
 */
export async function startCheckout(options: {
  db: Db;
  gateway: PaymentGateway | null;
  viewer: Viewer | null;
  courseId: string;
  billTo?: BillToInput | null;
  /** Base URL of the web app (success and cancel pages). */
  webUrl: string;
  now?: () => Date;
}): Promise<StartedCheckout> {
  const learner = requireViewer(options.viewer);
  requireId(options.courseId, 'Course');
  const billTo = options.billTo ? parseInput(billToSchema, options.billTo) : null;
  await requireVerifiedEmail(options.db, learner.id, 'buying a course');
  const gateway = requireGateway(options.gateway);
  const now = options.now ?? (() => new Date());
  const { db, courseId } = options;

  for (let round = 0; round < 4; round += 1) {
    const claim = await db.$transaction(async (tx) => {
      await lockCheckout(tx, learner.id, courseId);
      const course = await tx.course.findUnique({
        where: { id: courseId },
        select: {
          status: true,
          slug: true,
          latestPublishedVersion: {
            select: {
              id: true,
              title: true,
              priceCents: true,
              currency: true,
              instructionalMinutes: true,
              creditApprovals: {
                orderBy: [{ body: 'asc' }, { createdAt: 'asc' }],
                select: { body: true, bodyName: true, validFrom: true, validUntil: true },
              },
            },
          },
          enrollments: {
            where: { userId: learner.id },
            select: { status: true, endedReason: true },
          },
        },
      });
      const version = course?.latestPublishedVersion;
      if (!course || !version || course.status !== 'PUBLISHED') throw AppError.notFound('Course');
      if (version.priceCents <= 0) {
        throw new AppError('FORBIDDEN', 'This course is free: enrol instead of buying it.');
      }
      const enrollment = course.enrollments[0];
      if (enrollment?.status === 'ACTIVE') {
        throw new AppError('CONFLICT', 'You are already enrolled in this course.');
      }
      if (enrollment?.status === 'ENDED' && enrollment.endedReason !== 'refunded') {
        throw new AppError(
          'FORBIDDEN',
          `Your access to this course ended (${enrollment.endedReason ?? 'ended'}). Contact support.`,
        );
      }
      const pending = await tx.order.findFirst({
        where: { userId: learner.id, courseId, status: 'PENDING' },
        orderBy: { createdAt: 'desc' },
        select: {
          id: true,
          versionId: true,
          amountCents: true,
          currency: true,
          stripeCheckoutSessionId: true,
          checkoutUrl: true,
          checkoutExpiresAt: true,
        },
      });
      const samePrice =
        pending &&
        pending.versionId === version.id &&
        pending.amountCents === version.priceCents &&
        pending.currency === version.currency;
      if (pending && !samePrice) {
        return { kind: 'outdated' as const, order: pending, course, version };
      }
      if (pending) {
        if (billTo) {
          await tx.order.update({ where: { id: pending.id }, data: billToColumns(billTo) });
        }
        return { kind: 'pending' as const, order: pending, course, version };
      }
      const created = await tx.order.create({
        data: {
          userId: learner.id,
          courseId,
          versionId: version.id,
          amountCents: version.priceCents,
          currency: version.currency,
          ...(billTo ? billToColumns(billTo) : {}),
        },
        select: {
          id: true,
          stripeCheckoutSessionId: true,
          checkoutUrl: true,
          checkoutExpiresAt: true,
        },
      });
      return { kind: 'pending' as const, order: created, course, version };
    });

    const { order, course, version } = claim;
    // Expired credit is never sold: the course is, under a name that says so (issue 9 defect 2).
    const credit = creditOfferingsForSale(
      version.creditApprovals,
      version.instructionalMinutes,
      now(),
    );
    const creditNotices = credit.flatMap((offering) => (offering.notice ? [offering.notice] : []));
    if (claim.kind === 'outdated') {
      const paid = await retire(order);
      if (paid) return { ...paid, creditNotices };
      continue;
    }

    if (order.stripeCheckoutSessionId) {
      const session = await callProvider(() =>
        gateway.retrieveCheckoutSession(order.stripeCheckoutSessionId as string),
      );
      if (session.status === 'complete') {
        // Paid already (the webhook may still be on its way): the success page settles it.
        return { orderId: order.id, url: successUrlFor(session.id), reused: true, creditNotices };
      }
      const expiresAt = order.checkoutExpiresAt?.getTime() ?? 0;
      if (
        session.status === 'open' &&
        order.checkoutUrl &&
        expiresAt - now().getTime() > REUSE_MARGIN_MS
      ) {
        return { orderId: order.id, url: order.checkoutUrl, reused: true, creditNotices };
      }
      const paid = await retire(order, session.status === 'open');
      if (paid) return { ...paid, creditNotices };
      continue;
    }

    let created: Awaited<ReturnType<PaymentGateway['createCheckoutSession']>>;
    try {
      created = await callProvider(() =>
        gateway.createCheckoutSession({
          orderId: order.id,
          customerEmail: learner.email,
          lineItem: {
            name: saleItemName(version.title, credit),
            amountCents: version.priceCents,
            currency: version.currency,
          },
          successUrl: checkoutSuccessUrl(options.webUrl),
          cancelUrl: checkoutCancelUrl(options.webUrl, course.slug),
          allowPromotionCodes: true,
          metadata: { courseId, userId: learner.id },
          idempotencyKey: `checkout-session:${order.id}`,
        }),
      );
    } catch (error) {
      // The key was first used with other parameters (the email changed since): start afresh.
      if (error instanceof PaymentRequestError && error.type === 'idempotency_error') {
        await retire(order);
        continue;
      }
      throw error;
    }
    const saved = await db.order.updateMany({
      where: {
        id: order.id,
        status: 'PENDING',
        OR: [{ stripeCheckoutSessionId: null }, { stripeCheckoutSessionId: created.id }],
      },
      data: {
        stripeCheckoutSessionId: created.id,
        checkoutUrl: created.url,
        checkoutExpiresAt: created.expiresAt,
      },
    });
    if (saved.count === 1) {
      return { orderId: order.id, url: created.url, reused: false, creditNotices };
    }
  }
  throw new AppError('CONFLICT', 'Checkout changed while it was starting. Please try again.');

  function successUrlFor(sessionId: string): string {
    return checkoutSuccessUrl(options.webUrl).replace('{CHECKOUT_SESSION_ID}', sessionId);
  }

  /**
   * Ends a PENDING order that must not be paid any more: expires its session at the provider
   * first (so the old page cannot take money), then marks it EXPIRED. Answers the success page
   * instead when the session turns out to be paid already.
   */
  async function retire(
    order: PendingOrder,
    open = true,
  ): Promise<Omit<StartedCheckout, 'creditNotices'> | null> {
    const sessionId = order.stripeCheckoutSessionId;
    if (sessionId && open) {
      try {
        await callProvider(() =>
          gateway.expireCheckoutSession(sessionId, {
            idempotencyKey: `expire-checkout-session:${sessionId}`,
          }),
        );
      } catch (error) {
        if (!(error instanceof PaymentRequestError)) throw error;
        const session = await callProvider(() => gateway.retrieveCheckoutSession(sessionId));
        if (session.status === 'complete') {
          return { orderId: order.id, url: successUrlFor(sessionId), reused: true };
        }
      }
    }
    await db.order.updateMany({
      where: { id: order.id, status: 'PENDING' },
      data: { status: 'EXPIRED' },
    });
    return null;
  }
}
