import type { DbOrTx } from '../db/tx';
import { webUrl } from '../mail/layout';
import { enqueueEmail } from '../mail/outbox';
import { renderEmail } from '../mail/templates';
import { ACCOUNT_TOKEN_TTL_MS } from './account-token';

const HOUR_MS = 60 * 60 * 1000;

/** Every email the account-security flows send; all are transactional (no preference). */
export type AccountEmail =
  | { template: 'password-reset'; to: string; userId: string; name: string; token: string }
  | { template: 'password-reset-unknown'; to: string }
  | { template: 'email-verification'; to: string; userId: string; name: string; token: string }
  | { template: 'email-change'; to: string; userId: string; name: string; token: string }
  | { template: 'email-changed'; to: string; userId: string; name: string; newEmail: string }
  | { template: 'password-changed'; to: string; userId: string; name: string };

/** A link into the web app carrying a token. */
function tokenLink(path: string, token: string): string {
  return webUrl(`${path}?${new URLSearchParams({ token })}`);
}

/**
 * Queues an account email in the caller's transaction through the outbox (a rolled-back change
 * sends nothing; the job worker delivers a committed one).
 */
export async function queueAccountEmail(tx: DbOrTx, email: AccountEmail): Promise<void> {
  switch (email.template) {
    case 'password-reset':
      await enqueueEmail(
        tx,
        renderEmail('password-reset', {
          to: email.to,
          userId: email.userId,
          name: email.name,
          resetUrl: tokenLink('/reset-password', email.token),
          expiresInMinutes: ACCOUNT_TOKEN_TTL_MS.PASSWORD_RESET / 60_000,
        }),
      );
      return;
    case 'password-reset-unknown':
      await enqueueEmail(tx, renderEmail('password-reset-unknown', { to: email.to }));
      return;
    case 'email-verification':
      await enqueueEmail(
        tx,
        renderEmail('email-verification', {
          to: email.to,
          userId: email.userId,
          name: email.name,
          verifyUrl: tokenLink('/verify-email', email.token),
          expiresInHours: ACCOUNT_TOKEN_TTL_MS.EMAIL_VERIFICATION / HOUR_MS,
        }),
      );
      return;
    case 'email-change':
      await enqueueEmail(
        tx,
        renderEmail('email-change-confirmation', {
          to: email.to,
          userId: email.userId,
          name: email.name,
          confirmUrl: tokenLink('/verify-email', email.token),
          expiresInHours: ACCOUNT_TOKEN_TTL_MS.EMAIL_CHANGE / HOUR_MS,
        }),
      );
      return;
    case 'email-changed':
      await enqueueEmail(
        tx,
        renderEmail('email-changed-notice', {
          to: email.to,
          userId: email.userId,
          name: email.name,
          newEmail: email.newEmail,
        }),
      );
      return;
    case 'password-changed':
      await enqueueEmail(
        tx,
        renderEmail('password-changed-notice', {
          to: email.to,
          userId: email.userId,
          name: email.name,
        }),
      );
      return;
  }
}
