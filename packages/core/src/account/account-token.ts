import type { AccountTokenKind } from '@lms/db';
import { createSessionToken, hashSessionToken } from '../auth/session-token';
import type { DbOrTx } from '../db/tx';
import { deleteAccountTokenReturning, upsertAccountToken } from './sql';

/** How long each kind of emailed link works. */
export const ACCOUNT_TOKEN_TTL_MS: Record<AccountTokenKind, number> = {
  PASSWORD_RESET: 60 * 60 * 1000,
  EMAIL_VERIFICATION: 7 * 24 * 60 * 60 * 1000,
  EMAIL_CHANGE: 24 * 60 * 60 * 1000,
};

/**
 * Creates the account's one live link of this kind and returns its raw token (256 random bits,
 * URL-safe; only its SHA-256 hash is stored). One statement: INSERT … ON CONFLICT (userId, kind)
 * DO UPDATE replaces any earlier link, so however many requests race, exactly one token (the
 * last written) stays valid.
 */
export async function issueAccountToken(
  tx: DbOrTx,
  options: { userId: string; kind: AccountTokenKind; email: string; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const now = options.now ?? new Date();
  const token = createSessionToken();
  const expiresAt = new Date(now.getTime() + ACCOUNT_TOKEN_TTL_MS[options.kind]);
  await upsertAccountToken(tx, {
    userId: options.userId,
    kind: options.kind,
    tokenHash: hashSessionToken(token),
    email: options.email,
    expiresAt,
    now,
  });
  return { token, expiresAt };
}

export interface ConsumedToken {
  userId: string;
  kind: AccountTokenKind;
  email: string;
}

/**
 * Uses a link: deletes its row and returns it, in one statement, so two parallel uses of one
 * link cannot both succeed. Null for an unknown, replaced, used or expired token (an expired
 * row is deleted too).
 */
export async function consumeAccountToken(
  tx: DbOrTx,
  token: string,
  kinds: AccountTokenKind[],
  now = new Date(),
): Promise<ConsumedToken | null> {
  if (!looksLikeToken(token)) return null;
  const rows = await deleteAccountTokenReturning(tx, hashSessionToken(token), kinds);
  const row = rows[0];
  if (!row || row.expiresAt <= now) return null;
  return { userId: row.userId, kind: row.kind, email: row.email };
}

/** A live link of one of these kinds, without using it (the reset page checks before asking). */
export async function findAccountToken(
  db: DbOrTx,
  token: string,
  kinds: AccountTokenKind[],
  now = new Date(),
): Promise<ConsumedToken | null> {
  if (!looksLikeToken(token)) return null;
  const row = await db.accountToken.findUnique({
    where: { tokenHash: hashSessionToken(token) },
    select: { userId: true, kind: true, email: true, expiresAt: true },
  });
  if (!row || !kinds.includes(row.kind) || row.expiresAt <= now) return null;
  return { userId: row.userId, kind: row.kind, email: row.email };
}

/** Our tokens are 43 base64url characters; anything else is not looked up. */
function looksLikeToken(token: string): boolean {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(token);
}
