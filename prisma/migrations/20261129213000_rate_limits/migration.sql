-- One counter table for every rate limit (sign-in guessing, registration, checkout, verify
-- look-ups), shared by every API process. Replaces SignInThrottle, which counted failures in a
-- separate statement from the check and so lost under concurrency.

-- DropTable
DROP TABLE "SignInThrottle";

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "hits" INTEGER NOT NULL DEFAULT 0,
    "windowEnd" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "RateLimit_windowEnd_idx" ON "RateLimit"("windowEnd");
