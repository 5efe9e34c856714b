-- Refund, then buy again: a new purchase after a refund starts a new enrolment period (a new
-- Enrollment row with its own progress, attempts, completion and certificates); the refunded
-- period stays as history, marked superseded. One current (not superseded) row per learner and
-- course; periods are numbered from 1.
ALTER TABLE "Enrollment" ADD COLUMN "period" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Enrollment" ADD COLUMN "supersededAt" TIMESTAMPTZ(3);

DROP INDEX "Enrollment_userId_courseId_key";
CREATE UNIQUE INDEX "Enrollment_userId_courseId_period_key" ON "Enrollment"("userId", "courseId", "period");
