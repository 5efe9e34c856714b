-- Course authoring: co-instructors, instructor credentials, audit log, draft pointer and
-- optimistic-concurrency revision, full-text search document, video length.

-- CreateEnum
CREATE TYPE "CourseInstructorRole" AS ENUM ('OWNER', 'INSTRUCTOR');

-- AlterTable
ALTER TABLE "Course" ADD COLUMN "draftVersionId" UUID;

-- AlterTable
ALTER TABLE "CourseVersion" ADD COLUMN "revision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "publishedById" UUID,
ADD COLUMN "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN "searchVector" tsvector;

-- AlterTable
ALTER TABLE "Lesson" ADD COLUMN "videoSeconds" INTEGER,
ADD COLUMN "key" UUID NOT NULL DEFAULT gen_random_uuid();

-- AlterTable
ALTER TABLE "Module" ADD COLUMN "key" UUID NOT NULL DEFAULT gen_random_uuid();

-- AlterTable
ALTER TABLE "CreditApproval" ADD COLUMN "key" UUID NOT NULL DEFAULT gen_random_uuid();

-- CreateTable
CREATE TABLE "InstructorCredential" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "credential" TEXT NOT NULL,
    "awardedYear" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "InstructorCredential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseInstructor" (
    "courseId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "CourseInstructorRole" NOT NULL DEFAULT 'INSTRUCTOR',
    "addedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CourseInstructor_pkey" PRIMARY KEY ("courseId","userId")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InstructorCredential_userId_idx" ON "InstructorCredential"("userId");

-- CreateIndex
CREATE INDEX "CourseInstructor_userId_idx" ON "CourseInstructor"("userId");

-- CreateIndex
CREATE INDEX "AuditLog_targetType_targetId_idx" ON "AuditLog"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Course_draftVersionId_key" ON "Course"("draftVersionId");

-- CreateIndex
CREATE INDEX "CourseVersion_searchVector_idx" ON "CourseVersion" USING GIN ("searchVector");

-- AddForeignKey
ALTER TABLE "InstructorCredential" ADD CONSTRAINT "InstructorCredential_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseInstructor" ADD CONSTRAINT "CourseInstructor_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseInstructor" ADD CONSTRAINT "CourseInstructor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_draftVersionId_fkey" FOREIGN KEY ("draftVersionId") REFERENCES "CourseVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Existing courses: the owner is also the first row of CourseInstructor.
INSERT INTO "CourseInstructor" ("courseId", "userId", "role")
SELECT "id", "ownerId", 'OWNER' FROM "Course"
ON CONFLICT DO NOTHING;

-- Published versions are immutable snapshots (learners and credit approvals rest on them).
-- Guard it in the database too, so no code path can change one by mistake.
CREATE FUNCTION "lms_forbid_published_version_change"() RETURNS trigger AS $$
BEGIN
  IF OLD."publishedAt" IS NOT NULL THEN
    RAISE EXCEPTION 'course version % is published and cannot be changed', OLD."id"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "CourseVersion_published_immutable"
  BEFORE UPDATE OR DELETE ON "CourseVersion"
  FOR EACH ROW EXECUTE FUNCTION "lms_forbid_published_version_change"();

CREATE FUNCTION "lms_forbid_published_content_change"() RETURNS trigger AS $$
DECLARE
  version_id UUID;
BEGIN
  IF TG_TABLE_NAME = 'Lesson' THEN
    SELECT m."versionId" INTO version_id FROM "Module" m WHERE m."id" = OLD."moduleId";
  ELSE
    version_id := OLD."versionId";
  END IF;
  IF EXISTS (SELECT 1 FROM "CourseVersion" v WHERE v."id" = version_id AND v."publishedAt" IS NOT NULL) THEN
    RAISE EXCEPTION '% of published course version % cannot be changed', TG_TABLE_NAME, version_id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Module_published_immutable"
  BEFORE UPDATE OR DELETE ON "Module"
  FOR EACH ROW EXECUTE FUNCTION "lms_forbid_published_content_change"();

CREATE TRIGGER "Lesson_published_immutable"
  BEFORE UPDATE OR DELETE ON "Lesson"
  FOR EACH ROW EXECUTE FUNCTION "lms_forbid_published_content_change"();

CREATE TRIGGER "CreditApproval_published_immutable"
  BEFORE UPDATE OR DELETE ON "CreditApproval"
  FOR EACH ROW EXECUTE FUNCTION "lms_forbid_published_content_change"();

-- The full-text document of a course version: title (weight A), summary (B), syllabus (C).
CREATE FUNCTION "lms_course_version_search_vector"(version_id UUID) RETURNS tsvector AS $$
  SELECT setweight(to_tsvector('english', v."title"), 'A')
      || setweight(to_tsvector('english', v."summary"), 'B')
      || setweight(to_tsvector('english', coalesce((
           SELECT string_agg(m."title" || ' ' || coalesce((
             SELECT string_agg(l."title" || ' ' || l."body", ' ') FROM "Lesson" l WHERE l."moduleId" = m."id"), ''), ' ')
           FROM "Module" m WHERE m."versionId" = v."id"), '')), 'C')
  FROM "CourseVersion" v WHERE v."id" = version_id;
$$ LANGUAGE sql STABLE;

-- Published versions already in the database get their search document.
ALTER TABLE "CourseVersion" DISABLE TRIGGER "CourseVersion_published_immutable";
UPDATE "CourseVersion" SET "searchVector" = "lms_course_version_search_vector"("id")
WHERE "publishedAt" IS NOT NULL;
ALTER TABLE "CourseVersion" ENABLE TRIGGER "CourseVersion_published_immutable";
