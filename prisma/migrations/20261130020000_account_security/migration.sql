-- Account security (issue 12 item 3): email verification, and single-use links for password
-- reset, email verification and email change.

-- When the account's current email address was confirmed (null: not yet). Accounts created
-- before verification existed registered under the old rules and are treated as verified, so a
-- deploy does not suddenly refuse their purchases.
ALTER TABLE "User" ADD COLUMN "emailVerifiedAt" TIMESTAMPTZ(3);
UPDATE "User" SET "emailVerifiedAt" = "createdAt";

CREATE TYPE "AccountTokenKind" AS ENUM ('PASSWORD_RESET', 'EMAIL_VERIFICATION', 'EMAIL_CHANGE');

-- One live link per account and purpose: a new request replaces the row (INSERT ... ON CONFLICT),
-- so concurrent requests leave exactly one valid token. Using a link deletes its row.
CREATE TABLE "AccountToken" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "kind" "AccountTokenKind" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountToken_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "AccountToken_tokenHash_key" ON "AccountToken"("tokenHash");
CREATE UNIQUE INDEX "AccountToken_userId_kind_key" ON "AccountToken"("userId", "kind");
CREATE INDEX "AccountToken_expiresAt_idx" ON "AccountToken"("expiresAt");

ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
