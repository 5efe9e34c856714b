import { formatDateTime } from '@lms/time';
import { certificateSettings } from '../common/certificate-settings';
import { type EmailContent, renderLayout, webUrl } from './layout';
import { type EmailTopic, TOPIC_LABELS } from './topics';

/** A PDF rendered when the message is sent (the outbox stores the reference, not the bytes). */
export type EmailAttachmentRef =
  | { type: 'receipt'; orderId: string }
  | { type: 'certificate'; serial: string };

/** A rendered message, ready for `enqueueEmail`. */
export interface OutgoingEmail {
  template: TemplateName;
  to: string;
  /** The recipient's account (required for notifications: their preferences and token). */
  userId: string | null;
  /** null: transactional (always sent); otherwise the preference that can turn it off. */
  topic: EmailTopic | null;
  subject: string;
  html: string;
  text: string;
  attachments: EmailAttachmentRef[];
  /** Set when a retried event must not queue the same message twice. */
  dedupeKey: string | null;
}

interface Recipient {
  to: string;
  name: string;
  userId?: string | null;
}

const dateFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});
/**
 * Calendar dates (cycle ends, approval ends) are stored as UTC midnights: the same day for every
 * reader. Instants (a payment) are shown in the reader's zone with `formatDateTime`.
 */
export function formatMailDate(value: Date): string {
  return dateFormat.format(value);
}

/** One formatter per currency: building an Intl.NumberFormat costs more than formatting with it. */
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(cents: number, currency: string): string {
  const code = currency.toUpperCase();
  let format = moneyFormats.get(code);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency: code });
    moneyFormats.set(code, format);
  }
  return format.format(cents / 100);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Every template: its parameters and content. Add one here, and it has both parts and the layout. */
const TEMPLATES = {
  'password-reset': {
    topic: null,
    content: (p: Recipient & { resetUrl: string; expiresInMinutes: number }): EmailContent => ({
      subject: 'Reset your password',
      heading: 'Reset your password',
      paragraphs: [
        `Hello ${p.name},`,
        'Someone (we hope you) asked to reset the password of your account. Choose a new password with the link below.',
      ],
      action: { label: 'Choose a new password', url: p.resetUrl },
      notes: [
        `The link works once and expires in ${plural(p.expiresInMinutes, 'minute', 'minutes')}. Using it signs you out everywhere else.`,
        'If you did not ask for this, ignore this email: your password stays as it is.',
      ],
    }),
  },
  'password-reset-unknown': {
    topic: null,
    content: (p: { to: string; userId?: null }): EmailContent => ({
      subject: 'Password reset requested',
      heading: 'Password reset requested',
      paragraphs: [
        `Someone (we hope you) asked to reset the password of an account with this address (${p.to}), but no account uses it.`,
        'If you have an account, it may use another of your addresses: ask for the reset there. Or create an account with this one.',
      ],
      action: { label: 'Create an account', url: webUrl('/register') },
      notes: ['If you did not ask for this, ignore this email.'],
    }),
  },
  'email-verification': {
    topic: null,
    content: (p: Recipient & { verifyUrl: string; expiresInHours: number }): EmailContent => ({
      subject: 'Confirm your email address',
      heading: 'Confirm your email address',
      paragraphs: [
        `Hello ${p.name},`,
        'Confirm that this address is yours to buy courses and to confirm the name on your certificates.',
      ],
      action: { label: 'Confirm my address', url: p.verifyUrl },
      notes: [`The link expires in ${plural(p.expiresInHours, 'hour', 'hours')}.`],
    }),
  },
  'email-change-confirmation': {
    topic: null,
    content: (p: Recipient & { confirmUrl: string; expiresInHours: number }): EmailContent => ({
      subject: 'Confirm your new email address',
      heading: 'Confirm your new email address',
      paragraphs: [
        `Hello ${p.name},`,
        'You asked to use this address for your account. It takes effect once you confirm it.',
      ],
      action: { label: 'Confirm the new address', url: p.confirmUrl },
      notes: [
        `The link expires in ${plural(p.expiresInHours, 'hour', 'hours')}. If you did not ask for this, ignore this email.`,
      ],
    }),
  },
  'email-changed-notice': {
    topic: null,
    content: (p: Recipient & { newEmail: string }): EmailContent => ({
      subject: 'Your account’s email address was changed',
      heading: 'Your email address was changed',
      paragraphs: [
        `Hello ${p.name},`,
        `Your account now uses ${p.newEmail}; this address no longer signs in.`,
        'If you did not make this change, reset your password and contact us right away.',
      ],
      action: { label: 'Reset my password', url: webUrl('/forgot-password') },
    }),
  },
  'password-changed-notice': {
    topic: null,
    content: (p: Recipient): EmailContent => ({
      subject: 'Your password was changed',
      heading: 'Your password was changed',
      paragraphs: [
        `Hello ${p.name},`,
        'The password of your account was just changed, and your other sessions were signed out.',
        'If you did not make this change, reset your password right away.',
      ],
      action: { label: 'Reset my password', url: webUrl('/forgot-password') },
    }),
  },
  'enrolment-confirmation': {
    topic: 'enrolment',
    content: (p: Recipient & { courseTitle: string; courseId: string }): EmailContent => ({
      subject: `You are enrolled: ${p.courseTitle}`,
      heading: 'You are enrolled',
      paragraphs: [
        `Hello ${p.name},`,
        `You are enrolled in “${p.courseTitle}”. Start whenever you like.`,
      ],
      action: { label: 'Start learning', url: webUrl(`/learn/${p.courseId}`) },
    }),
  },
  receipt: {
    topic: null,
    content: (
      p: Recipient & {
        orderNumber: string;
        orderId: string;
        courseTitle: string;
        totalCents: number;
        currency: string;
        paidAt: Date;
        /** The buyer's zone (else the provider's): the payment time is shown in it. */
        timeZone: string;
      },
    ): EmailContent => ({
      subject: `Your receipt ${p.orderNumber}`,
      heading: 'Thank you for your purchase',
      paragraphs: [
        `Hello ${p.name},`,
        `Your payment was received and you are enrolled in “${p.courseTitle}”. The receipt is attached as a PDF.`,
      ],
      details: [
        ['Order', p.orderNumber],
        ['Course', p.courseTitle],
        ['Paid', formatMoney(p.totalCents, p.currency)],
        ['Date', formatDateTime(p.paidAt, { timeZone: p.timeZone })],
      ],
      action: { label: 'Your purchases', url: webUrl('/purchases') },
    }),
  },
  'certificate-issued': {
    topic: null,
    content: (
      p: Recipient & {
        serial: string;
        courseTitle: string;
        ceus: string | null;
        verifyUrl: string;
      },
    ): EmailContent => ({
      subject: `Your certificate: ${p.courseTitle}`,
      heading: 'Your certificate is ready',
      paragraphs: [
        `Hello ${p.name},`,
        `Congratulations on completing “${p.courseTitle}”. Your certificate is attached as a PDF; anyone can check it at its verification page.`,
      ],
      details: [
        ['Certificate', p.serial],
        ...(p.ceus ? ([['CEUs', p.ceus]] as [string, string][]) : []),
      ],
      action: { label: 'Verify this certificate', url: p.verifyUrl },
      notes: [`All your certificates: ${webUrl('/certificates')}`],
    }),
  },
  'ceu-cycle-reminder': {
    topic: 'ceuReminders',
    content: (
      p: Recipient & {
        credentialName: string;
        cycleEndsOn: Date;
        daysLeft: number;
        ceusNeeded: number;
      },
    ): EmailContent => ({
      subject: `${p.credentialName}: ${plural(p.daysLeft, 'day', 'days')} left in your CEU cycle`,
      heading: `Your ${p.credentialName} cycle ends in ${plural(p.daysLeft, 'day', 'days')}`,
      paragraphs: [
        `Hello ${p.name},`,
        `Your ${p.credentialName} renewal cycle ends on ${formatMailDate(p.cycleEndsOn)}. You still need ${p.ceusNeeded} CEUs to renew.`,
      ],
      details: [
        ['Credential', p.credentialName],
        ['Cycle ends', formatMailDate(p.cycleEndsOn)],
        ['CEUs still needed', String(p.ceusNeeded)],
      ],
      action: { label: 'Open your transcript', url: webUrl('/transcript') },
    }),
  },
  'approval-expiring': {
    topic: 'approvalExpiry',
    content: (
      p: Recipient & {
        approvalId: string;
        approvalNumber: string;
        body: string;
        courseTitle: string;
        validUntil: Date;
        daysLeft: number;
      },
    ): EmailContent => ({
      subject: `Credit approval ${p.approvalNumber} expires in ${plural(p.daysLeft, 'day', 'days')}`,
      heading: 'A credit approval is about to expire',
      paragraphs: [
        `Hello ${p.name},`,
        `The ${p.body} approval ${p.approvalNumber} for “${p.courseTitle}” is valid until ${formatMailDate(p.validUntil)}. Completions after that date earn no credit under it; renew it and publish the renewed approval in time.`,
      ],
      details: [
        ['Approval', p.approvalNumber],
        ['Course', p.courseTitle],
        ['Valid until', formatMailDate(p.validUntil)],
      ],
      action: { label: 'Open the approval', url: webUrl(`/teach/approvals/${p.approvalId}`) },
    }),
  },
  'order-flagged': {
    topic: 'flaggedOrders',
    content: (p: Recipient & { orderNumber: string; reason: string }): EmailContent => ({
      subject: `Order ${p.orderNumber} was flagged for review`,
      heading: 'An order needs review',
      paragraphs: [
        `Hello ${p.name},`,
        `Order ${p.orderNumber} was flagged and the buyer was not enrolled. Check the payment in Stripe and resolve the order.`,
      ],
      details: [
        ['Order', p.orderNumber],
        ['Reason', p.reason],
      ],
      action: { label: 'Review orders', url: webUrl('/admin/orders?status=FLAGGED') },
    }),
  },
} as const;

export type TemplateName = keyof typeof TEMPLATES;
export type TemplateParams<T extends TemplateName> = Parameters<
  (typeof TEMPLATES)[T]['content']
>[0];

/**
 * Renders a message in HTML and plain text with the one layout: the sponsor's name, links from
 * PUBLIC_WEB_URL, and, for notifications, an unsubscribe link (filled in by enqueueEmail).
 * `options.dedupeKey`: a retried event queues it once. `options.attachments`: PDFs to attach.
 */
export function renderEmail<T extends TemplateName>(
  template: T,
  params: TemplateParams<T>,
  options: { dedupeKey?: string; attachments?: EmailAttachmentRef[] } = {},
): OutgoingEmail {
  const definition = TEMPLATES[template];
  const topic = definition.topic as EmailTopic | null;
  // Each entry's content() takes its own params type; the map's union is narrowed by T.
  const content = (definition.content as (p: TemplateParams<T>) => EmailContent)(params);
  const { html, text } = renderLayout(
    content,
    topic ? { transactional: false, topicLabel: TOPIC_LABELS[topic] } : { transactional: true },
  );
  return {
    template,
    to: params.to,
    userId: params.userId ?? null,
    topic,
    subject: content.subject,
    html,
    text,
    attachments: options.attachments ?? [],
    dedupeKey: options.dedupeKey ?? null,
  };
}

/** The From header's display name: the sponsor. */
export function mailFromName(): string {
  return certificateSettings().sponsoringOrganization;
}
