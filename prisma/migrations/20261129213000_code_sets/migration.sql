-- Code-set releases (ICD-10-CM, ICD-10-PCS, HCPCS Level II) imported from the official files,
-- their codes, the diff against the previous release of the same system, import jobs with
-- progress, change notices for courses, and the release each CODE_SET question is written for.

-- CreateEnum
CREATE TYPE "CodeSetChangeKind" AS ENUM ('ADDED', 'DELETED', 'CHANGED');

-- CreateEnum
CREATE TYPE "CodeSetImportStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "CodeSetRelease" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "system" "CodeSystem" NOT NULL,
    "name" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "effectiveOn" DATE NOT NULL,
    "sourceSha256" TEXT NOT NULL,
    "codeCount" INTEGER NOT NULL DEFAULT 0,
    "billableCount" INTEGER NOT NULL DEFAULT 0,
    "previousReleaseId" UUID,
    "addedCount" INTEGER NOT NULL DEFAULT 0,
    "deletedCount" INTEGER NOT NULL DEFAULT 0,
    "changedCount" INTEGER NOT NULL DEFAULT 0,
    "importedById" UUID,
    "importedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CodeSetRelease_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CodeSetCode" (
    "releaseId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "billable" BOOLEAN NOT NULL,
    "shortDescription" TEXT NOT NULL,
    "longDescription" TEXT NOT NULL,
    "searchVector" tsvector,

    CONSTRAINT "CodeSetCode_pkey" PRIMARY KEY ("releaseId", "code")
);

-- CreateTable
CREATE TABLE "CodeSetChange" (
    "releaseId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "CodeSetChangeKind" NOT NULL,
    "oldBillable" BOOLEAN,
    "newBillable" BOOLEAN,
    "oldDescription" TEXT,
    "newDescription" TEXT,

    CONSTRAINT "CodeSetChange_pkey" PRIMARY KEY ("releaseId", "code")
);

-- CreateTable
CREATE TABLE "CodeSetImport" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "system" "CodeSystem" NOT NULL,
    "name" TEXT NOT NULL,
    "effectiveOn" DATE NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileBytes" INTEGER NOT NULL,
    "totalLines" INTEGER NOT NULL,
    "processedLines" INTEGER NOT NULL DEFAULT 0,
    "status" "CodeSetImportStatus" NOT NULL DEFAULT 'RUNNING',
    "message" TEXT,
    "errorLine" INTEGER,
    "releaseId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CodeSetImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CodeSetNotice" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "courseId" UUID NOT NULL,
    "releaseId" UUID NOT NULL,
    "changes" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clearedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CodeSetNotice_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "Question" ADD COLUMN "codeSetReleaseId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "CodeSetRelease_system_name_key" ON "CodeSetRelease"("system", "name");

-- CreateIndex
CREATE UNIQUE INDEX "CodeSetRelease_system_sourceSha256_key" ON "CodeSetRelease"("system", "sourceSha256");

-- CreateIndex
CREATE INDEX "CodeSetRelease_system_effectiveOn_idx" ON "CodeSetRelease"("system", "effectiveOn");

-- CreateIndex: prefix look-up (code LIKE 'E11%') whatever the database collation.
CREATE INDEX "CodeSetCode_releaseId_code_prefix_idx" ON "CodeSetCode"("releaseId", "code" text_pattern_ops);

-- CreateIndex: full text on the long description.
CREATE INDEX "CodeSetCode_searchVector_idx" ON "CodeSetCode" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "CodeSetImport_createdAt_idx" ON "CodeSetImport"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CodeSetNotice_courseId_releaseId_key" ON "CodeSetNotice"("courseId", "releaseId");

-- CreateIndex
CREATE INDEX "Question_codeSetReleaseId_idx" ON "Question"("codeSetReleaseId");

-- AddForeignKey
ALTER TABLE "CodeSetRelease" ADD CONSTRAINT "CodeSetRelease_previousReleaseId_fkey" FOREIGN KEY ("previousReleaseId") REFERENCES "CodeSetRelease"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodeSetCode" ADD CONSTRAINT "CodeSetCode_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "CodeSetRelease"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodeSetChange" ADD CONSTRAINT "CodeSetChange_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "CodeSetRelease"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodeSetImport" ADD CONSTRAINT "CodeSetImport_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "CodeSetRelease"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodeSetNotice" ADD CONSTRAINT "CodeSetNotice_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodeSetNotice" ADD CONSTRAINT "CodeSetNotice_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "CodeSetRelease"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_codeSetReleaseId_fkey" FOREIGN KEY ("codeSetReleaseId") REFERENCES "CodeSetRelease"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Existing CODE_SET questions: no release can be loaded before this migration, so none can be
-- assigned one here. They keep codeSetReleaseId NULL, which the quiz builder shows as a flag
-- ("choose the release this item is written for"); importing a release assigns it to draft
-- items of its system written for its year (see docs in ARCHITECTURE.md).
