// Every SQL statement of account, each a named, typed function (CONTRIBUTING.md, "SQL").
import type { AccountTokenKind } from '@lms/db';
import type { DbOrTx } from '../db/tx';

export interface AccountTokenRow {
  userId: string;
  kind: AccountTokenKind;
  email: string;
  expiresAt: Date;
}

/**
 * Stores the account's one live link of this kind in one statement: INSERT … ON CONFLICT
 * (userId, kind) DO UPDATE replaces any earlier link, so racing requests leave exactly one.
 */
export async function upsertAccountToken(
  tx: DbOrTx,
  row: {
    userId: string;
    kind: AccountTokenKind;
    tokenHash: string;
    email: string;
    expiresAt: Date;
    now: Date;
  },
): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "AccountToken" ("userId", "kind", "tokenHash", "email", "expiresAt", "createdAt")
    VALUES (${row.userId}::uuid, ${row.kind}::"AccountTokenKind", ${row.tokenHash},
            ${row.email}, ${row.expiresAt}, ${row.now})
    ON CONFLICT ("userId", "kind") DO UPDATE SET
      "tokenHash" = EXCLUDED."tokenHash", "email" = EXCLUDED."email",
      "expiresAt" = EXCLUDED."expiresAt", "createdAt" = EXCLUDED."createdAt"`;
}

/**
 * Deletes the link with this hash (of one of these kinds) and returns it, in one statement, so
 * two parallel uses of one link cannot both get it. Expired rows are returned too (and deleted).
 */
export async function deleteAccountTokenReturning(
  tx: DbOrTx,
  tokenHash: string,
  kinds: AccountTokenKind[],
): Promise<AccountTokenRow[]> {
  return tx.$queryRaw<AccountTokenRow[]>`
    DELETE FROM "AccountToken"
     WHERE "tokenHash" = ${tokenHash} AND "kind"::text = ANY(${kinds}::text[])
    RETURNING "userId", "kind"::text AS "kind", "email", "expiresAt"`;
}

/** Deletes the account's sign-in guess counters (account-wide and per address). */
export async function deleteSignInGuessCounters(tx: DbOrTx, email: string): Promise<number> {
  return tx.$executeRaw`
    DELETE FROM "RateLimit"
     WHERE "key" = ${`signin-guess:account:${email}`}
        OR starts_with("key", ${`signin-guess:pair:${email}|`})`;
}
