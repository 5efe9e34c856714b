-- Certificates (immutable snapshots with revocation), CEU renewal rules, learners' credentials
-- and self-reported credit for the CEU transcript.

-- CreateEnum
CREATE TYPE "CycleAnchor" AS ENUM ('CERTIFICATION_DATE', 'CALENDAR_YEAR');

-- CreateTable
CREATE TABLE "Certificate" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "serial" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "enrollmentId" UUID NOT NULL,
    "completionId" UUID NOT NULL,
    "courseId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "creditApprovalId" UUID,
    "creditKey" TEXT NOT NULL,
    "generation" INTEGER NOT NULL DEFAULT 0,
    "snapshot" JSONB NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "statusListIndex" SERIAL NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "revocationReason" TEXT,
    "revokedById" UUID,
    "supersedesId" UUID,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CeuRequirement" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "body" "CreditBody" NOT NULL,
    "credential" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "cycleMonths" INTEGER NOT NULL,
    "cycleAnchor" "CycleAnchor" NOT NULL,
    "baseCeus" DECIMAL(6,2) NOT NULL,
    "additionalCeus" DECIMAL(6,2) NOT NULL DEFAULT 0,
    "maxAdditional" INTEGER,
    "coreMinimum" DECIMAL(6,2),
    "coreCategory" TEXT NOT NULL DEFAULT 'core',
    "note" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" UUID,

    CONSTRAINT "CeuRequirement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LearnerCredential" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "body" "CreditBody" NOT NULL,
    "credential" TEXT NOT NULL,
    "certifiedOn" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LearnerCredential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SelfReportedCredit" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "body" "CreditBody" NOT NULL,
    "title" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "completedOn" DATE NOT NULL,
    "ceuAmount" DECIMAL(6,2) NOT NULL,
    "category" TEXT NOT NULL DEFAULT 'core',
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SelfReportedCredit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_serial_key" ON "Certificate"("serial");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_statusListIndex_key" ON "Certificate"("statusListIndex");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_supersedesId_key" ON "Certificate"("supersedesId");

-- CreateIndex
CREATE INDEX "Certificate_userId_issuedAt_idx" ON "Certificate"("userId", "issuedAt");

-- CreateIndex
CREATE INDEX "Certificate_enrollmentId_idx" ON "Certificate"("enrollmentId");

-- CreateIndex
CREATE INDEX "Certificate_creditApprovalId_idx" ON "Certificate"("creditApprovalId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_completionId_creditKey_generation_key" ON "Certificate"("completionId", "creditKey", "generation");

-- CreateIndex
CREATE UNIQUE INDEX "CeuRequirement_body_credential_effectiveFrom_key" ON "CeuRequirement"("body", "credential", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "LearnerCredential_userId_body_credential_key" ON "LearnerCredential"("userId", "body", "credential");

-- CreateIndex
CREATE INDEX "SelfReportedCredit_userId_completedOn_idx" ON "SelfReportedCredit"("userId", "completedOn");

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_completionId_fkey" FOREIGN KEY ("completionId") REFERENCES "CourseCompletion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "CourseVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_creditApprovalId_fkey" FOREIGN KEY ("creditApprovalId") REFERENCES "CreditApproval"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "Certificate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearnerCredential" ADD CONSTRAINT "LearnerCredential_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfReportedCredit" ADD CONSTRAINT "SelfReportedCredit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A certificate is an immutable snapshot kept for good: no DELETE, and no UPDATE except setting
-- the revocation columns (revokedAt, revocationReason, revokedById) once, on a live certificate.
CREATE FUNCTION "lms_certificate_guard"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'Certificate rows are kept for audits and cannot be deleted'
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."id" IS DISTINCT FROM OLD."id"
     OR NEW."serial" IS DISTINCT FROM OLD."serial"
     OR NEW."userId" IS DISTINCT FROM OLD."userId"
     OR NEW."enrollmentId" IS DISTINCT FROM OLD."enrollmentId"
     OR NEW."completionId" IS DISTINCT FROM OLD."completionId"
     OR NEW."courseId" IS DISTINCT FROM OLD."courseId"
     OR NEW."versionId" IS DISTINCT FROM OLD."versionId"
     OR NEW."creditApprovalId" IS DISTINCT FROM OLD."creditApprovalId"
     OR NEW."creditKey" IS DISTINCT FROM OLD."creditKey"
     OR NEW."generation" IS DISTINCT FROM OLD."generation"
     OR NEW."snapshot" IS DISTINCT FROM OLD."snapshot"
     OR NEW."issuedAt" IS DISTINCT FROM OLD."issuedAt"
     OR NEW."statusListIndex" IS DISTINCT FROM OLD."statusListIndex"
     OR NEW."supersedesId" IS DISTINCT FROM OLD."supersedesId" THEN
    RAISE EXCEPTION 'Certificate % is an immutable snapshot: only its revocation can be recorded', OLD."serial"
      USING ERRCODE = 'check_violation';
  END IF;
  IF OLD."revokedAt" IS NOT NULL THEN
    RAISE EXCEPTION 'Certificate % is already revoked', OLD."serial"
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."revokedAt" IS NULL OR NEW."revocationReason" IS NULL OR btrim(NEW."revocationReason") = '' THEN
    RAISE EXCEPTION 'Revoking certificate % needs a time and a reason', OLD."serial"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Certificate_immutable"
  BEFORE UPDATE OR DELETE ON "Certificate"
  FOR EACH ROW EXECUTE FUNCTION "lms_certificate_guard"();

-- TRUNCATE skips row triggers: forbid it too.
CREATE FUNCTION "lms_forbid_truncate"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% rows are kept for audits and cannot be truncated', TG_TABLE_NAME
    USING ERRCODE = 'check_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Certificate_no_truncate"
  BEFORE TRUNCATE ON "Certificate"
  FOR EACH STATEMENT EXECUTE FUNCTION "lms_forbid_truncate"();

-- Renewal rules from DOMAIN.md (the bodies' public pages), effective from 2000-01-01. Admins
-- edit them or add dated rows; a cycle uses the newest rule in effect when it starts.
INSERT INTO "CeuRequirement" ("body", "credential", "effectiveFrom", "cycleMonths", "cycleAnchor", "baseCeus", "additionalCeus", "maxAdditional", "coreMinimum", "note") VALUES
  ('AAPC', '*', '2000-01-01', 24, 'CERTIFICATION_DATE', 36, 4, 4, NULL, 'AAPC: 36 CEUs per 2-year cycle for one credential; 40/44/48/52 for 2/3/4/5+ credentials.'),
  ('AHIMA', '*', '2000-01-01', 24, 'CERTIFICATION_DATE', 20, 10, NULL, NULL, 'AHIMA: 2-year cycle from the exam date; +10 CEUs per extra credential. Exam-review courses do not count.'),
  ('AHIMA', 'CCS', '2000-01-01', 24, 'CERTIFICATION_DATE', 20, 10, NULL, NULL, 'AHIMA CCS: 20 CEUs per 2-year cycle.'),
  ('AHIMA', 'RHIA', '2000-01-01', 24, 'CERTIFICATION_DATE', 30, 10, NULL, NULL, 'AHIMA RHIA: 30 CEUs per 2-year cycle.'),
  ('PMI', 'CMC', '2000-01-01', 12, 'CALENDAR_YEAR', 12, 0, NULL, 9, 'PMI CMC: 12 CEUs every calendar year, at least 9 on core topics.');
