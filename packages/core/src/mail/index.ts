export { escapeHtml, UNSUBSCRIBE_URL_PLACEHOLDER, webUrl } from './layout';
export {
  queueCertificateIssued,
  queueEnrolmentConfirmation,
  queueFlaggedOrderAlert,
  queueReceipt,
} from './notifications';
export {
  type DbOrTx,
  type EnqueueResult,
  enqueueEmail,
  MAX_EMAIL_ATTEMPTS,
  SEND_EMAIL_TASK,
  unsubscribeUrl,
} from './outbox';
export {
  type EmailPreferences,
  getEmailPreferences,
  unsubscribeByToken,
  updateEmailPreferences,
} from './preferences';
export {
  FAILED_EMAIL_RETENTION_DAYS,
  pruneEmailOutbox,
  SENT_EMAIL_RETENTION_DAYS,
} from './prune-outbox';
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
