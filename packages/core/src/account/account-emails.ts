import type { Db, Prisma } from '@lms/db';

type Tx = Db | Prisma.TransactionClient;

/** Every email the account-security flows send; all are transactional (no preference). */
export type AccountEmail =
  | { template: 'password-reset'; to: string; userId: string; name: string; link: string }
  | { template: 'password-reset-unknown'; to: string; link: string }
  | { template: 'email-verification'; to: string; userId: string; name: string; link: string }
  | { template: 'email-change'; to: string; userId: string; name: string; link: string }
  | {
      template: 'email-changed';
      to: string;
      userId: string;
      name: string;
      newEmail: string;
      link: string;
    }
  | { template: 'password-changed'; to: string; userId: string; name: string; link: string };

/** A link into the web app. */
export function webLink(webUrl: string, path: string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `${webUrl.replace(/\/+$/, '')}${path}${query ? `?${query}` : ''}`;
}

/** Queues an account email in the caller's transaction (the outbox sends it after commit). */
export async function queueAccountEmail(_tx: Tx, _email: AccountEmail): Promise<void> {
  // Wired to the outbox once it exists.
}
