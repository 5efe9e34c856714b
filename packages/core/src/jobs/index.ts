// The job worker's use cases: they compose several domains, and no domain imports them.

export { deliverDueEmails } from './deliver-due-emails';
export {
  type DeliveryOutcome,
  deliverEmail,
  type MailToSend,
  type MailTransport,
  retryDelaySeconds,
} from './deliver-email';
export {
  APPROVAL_REMINDER_DAYS,
  CEU_REMINDER_DAYS,
  queueApprovalExpiryReminders,
  queueCeuCycleReminders,
  reminderThreshold,
  sendDailyReminders,
} from './reminders';
