export { getEmailPreferences } from './get-email-preferences';
export { escapeHtml, UNSUBSCRIBE_URL_PLACEHOLDER, webUrl } from './layout';
export {
  type DbOrTx,
  deferEmailJobs,
  type EnqueueResult,
  enqueueEmail,
  forgetJobQueueCheck,
  MAX_EMAIL_ATTEMPTS,
  SEND_EMAIL_TASK,
  unsubscribeUrl,
} from './outbox';
export type { EmailPreferences } from './preferences';
export {
  FAILED_EMAIL_RETENTION_DAYS,
  pruneEmailOutbox,
  SENT_EMAIL_RETENTION_DAYS,
} from './prune-outbox';
export { queueCertificateIssued } from './queue-certificate-issued';
export { queueEnrolmentConfirmation } from './queue-enrolment-confirmation';
export { queueFlaggedOrderAlert } from './queue-flagged-order-alert';
export { queueReceipt } from './queue-receipt';
export {
  type EmailAttachmentRef,
  formatMailDate,
  mailFromName,
  type OutgoingEmail,
  renderEmail,
  type TemplateName,
  type TemplateParams,
} from './templates';
export { EMAIL_TOPICS, type EmailTopic, isEmailTopic, TOPIC_LABELS } from './topics';
export { unsubscribeByToken } from './unsubscribe-by-token';
export { updateEmailPreferences } from './update-email-preferences';
export { wakeEmailSender } from './wake-email-sender';
