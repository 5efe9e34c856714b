-- Email outbox: every message is a row written in the same transaction as the event that causes
-- it (a rolled-back transaction sends nothing); the job worker delivers it over SMTP, claiming
-- the row with a conditional UPDATE so two workers never send one message twice.
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED');

CREATE TABLE "EmailMessage" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "attachments" JSONB NOT NULL DEFAULT '[]',
    "template" TEXT NOT NULL,
    "topic" TEXT,
    "userId" UUID,
    "dedupeKey" TEXT,
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "lockedUntil" TIMESTAMPTZ(3),
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "EmailMessage_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "EmailMessage_attempts_check" CHECK ("attempts" >= 0)
);

CREATE UNIQUE INDEX "EmailMessage_dedupeKey_key" ON "EmailMessage"("dedupeKey");
CREATE INDEX "EmailMessage_status_nextAttemptAt_idx" ON "EmailMessage"("status", "nextAttemptAt");
CREATE INDEX "EmailMessage_userId_idx" ON "EmailMessage"("userId");

ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Per-user choices for the notifications that are not transactional (no row: all on). The token
-- is the secret in every List-Unsubscribe link: it can only turn notifications off.
CREATE TABLE "EmailPreference" (
    "userId" UUID NOT NULL,
    "unsubscribeToken" TEXT NOT NULL DEFAULT (replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')),
    "enrolment" BOOLEAN NOT NULL DEFAULT true,
    "ceuReminders" BOOLEAN NOT NULL DEFAULT true,
    "approvalExpiry" BOOLEAN NOT NULL DEFAULT true,
    "flaggedOrders" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailPreference_pkey" PRIMARY KEY ("userId")
);

CREATE UNIQUE INDEX "EmailPreference_unsubscribeToken_key" ON "EmailPreference"("unsubscribeToken");

ALTER TABLE "EmailPreference" ADD CONSTRAINT "EmailPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
