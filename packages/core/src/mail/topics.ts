/**
 * Notification topics a user can turn off (each a column of EmailPreference). Transactional
 * mail (receipts, certificates, password reset, address verification) has no topic and is
 * always sent.
 */
export const EMAIL_TOPICS = [
  'enrolment',
  'ceuReminders',
  'approvalExpiry',
  'flaggedOrders',
] as const;
export type EmailTopic = (typeof EMAIL_TOPICS)[number];

export const TOPIC_LABELS: Record<EmailTopic, string> = {
  enrolment: 'enrolment confirmation',
  ceuReminders: 'CEU cycle reminder',
  approvalExpiry: 'credit approval expiry',
  flaggedOrders: 'flagged order',
};

export function isEmailTopic(value: unknown): value is EmailTopic {
  return typeof value === 'string' && (EMAIL_TOPICS as readonly string[]).includes(value);
}
