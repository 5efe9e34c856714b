-- Issue 12, items 4 and 6: each user's time zone (IANA name; null: not chosen or detected yet,
-- pages then use the provider's zone) and the erasure of a deleted account (the row stays as
-- an anonymous tombstone because certificates, orders and completion evidence reference it).
ALTER TABLE "User" ADD COLUMN "timeZone" TEXT;
ALTER TABLE "User" ADD COLUMN "deletedAt" TIMESTAMPTZ(3);
