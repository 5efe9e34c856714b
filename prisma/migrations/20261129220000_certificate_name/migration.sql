-- Name on the certificate: the learner confirms the name to print before the first certificate
-- is issued (completions wait until then); later changes go through an admin as a correction
-- request, whose approval reissues the learner's certificates with the new name.
ALTER TABLE "User" ADD COLUMN "certificateName" TEXT;
ALTER TABLE "User" ADD COLUMN "certificateNameConfirmedAt" TIMESTAMPTZ(3);

CREATE TYPE "NameCorrectionStatus" AS ENUM ('PENDING', 'APPLIED', 'REJECTED');

CREATE TABLE "CertificateNameCorrection" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "currentName" TEXT NOT NULL,
    "requestedName" TEXT NOT NULL,
    "note" TEXT,
    "status" "NameCorrectionStatus" NOT NULL DEFAULT 'PENDING',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolvedById" UUID,
    "resolution" TEXT,

    CONSTRAINT "CertificateNameCorrection_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "CertificateNameCorrection_status_createdAt_idx" ON "CertificateNameCorrection"("status", "createdAt");
CREATE INDEX "CertificateNameCorrection_userId_idx" ON "CertificateNameCorrection"("userId");

ALTER TABLE "CertificateNameCorrection" ADD CONSTRAINT "CertificateNameCorrection_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CertificateNameCorrection" ADD CONSTRAINT "CertificateNameCorrection_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
