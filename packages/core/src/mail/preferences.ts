import { type Viewer } from '../access/viewer';
import { AppError } from '../errors/app-error';
import { EMAIL_TOPICS, type EmailTopic } from './topics';

export type EmailPreferences = Record<EmailTopic, boolean>;

const ALL_ON: EmailPreferences = {
  enrolment: true,
  ceuReminders: true,
  approvalExpiry: true,
  flaggedOrders: true,
};

export function pick(row: EmailPreferences | null): EmailPreferences {
  if (!row) return { ...ALL_ON };
  return Object.fromEntries(EMAIL_TOPICS.map((topic) => [topic, row[topic]])) as EmailPreferences;
}

export function signedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'Sign in to manage your email preferences.');
  return viewer;
}
