-- Learning: enrolments, lesson progress and seat time, quizzes (practice, post-test, mock
-- exam), attempts with saved answers, and immutable course completions.

-- CreateEnum
CREATE TYPE "EnrollmentSource" AS ENUM ('FREE', 'PURCHASE', 'GRANT');

-- CreateEnum
CREATE TYPE "EnrollmentStatus" AS ENUM ('ACTIVE', 'UNENROLLED', 'ENDED');

-- CreateEnum
CREATE TYPE "QuizMode" AS ENUM ('PRACTICE', 'POST_TEST', 'MOCK_EXAM');

-- CreateEnum
CREATE TYPE "QuestionType" AS ENUM ('SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TRUE_FALSE', 'SHORT_TEXT', 'CODE_SET');

-- CreateEnum
CREATE TYPE "CodeSystem" AS ENUM ('ICD10CM', 'ICD10PCS', 'HCPCS');

-- CreateEnum
CREATE TYPE "ExamArea" AS ENUM ('GENERAL', 'EVALUATION_AND_MANAGEMENT', 'ANESTHESIA', 'SURGERY', 'RADIOLOGY', 'PATHOLOGY_AND_LABORATORY', 'MEDICINE', 'MEDICAL_TERMINOLOGY', 'ANATOMY', 'ICD10CM_GUIDELINES', 'HCPCS_LEVEL_II', 'COMPLIANCE_AND_REGULATORY');

-- CreateEnum
CREATE TYPE "AttemptStatus" AS ENUM ('IN_PROGRESS', 'SUBMITTED');

-- AlterTable
ALTER TABLE "CourseVersion" ADD COLUMN "minimumLessonTimePercent" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "minimumSeatMinutes" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Enrollment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "courseId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "source" "EnrollmentSource" NOT NULL,
    "status" "EnrollmentStatus" NOT NULL DEFAULT 'ACTIVE',
    "enrolledAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),
    "endedReason" TEXT,
    "lastActivityAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Enrollment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LessonProgress" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "enrollmentId" UUID NOT NULL,
    "lessonId" UUID NOT NULL,
    "firstOpenedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seatSeconds" INTEGER NOT NULL DEFAULT 0,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "LessonProgress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Quiz" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "lessonId" UUID NOT NULL,
    "mode" "QuizMode" NOT NULL DEFAULT 'PRACTICE',
    "passPercent" INTEGER NOT NULL DEFAULT 70,
    "timeLimitMinutes" INTEGER,
    "maxAttempts" INTEGER,
    "questionsPerAttempt" INTEGER,
    "shuffleQuestions" BOOLEAN NOT NULL DEFAULT true,
    "shuffleOptions" BOOLEAN NOT NULL DEFAULT true,
    "allowReview" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Quiz_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Question" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "key" UUID NOT NULL DEFAULT gen_random_uuid(),
    "quizId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "type" "QuestionType" NOT NULL,
    "prompt" TEXT NOT NULL,
    "rationale" TEXT NOT NULL DEFAULT '',
    "area" "ExamArea" NOT NULL DEFAULT 'GENERAL',
    "codeSetYear" INTEGER,
    "codeSystem" "CodeSystem",
    "points" INTEGER NOT NULL DEFAULT 1,
    "acceptedAnswers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "answerCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "Question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuestionOption" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "questionId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "QuestionOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuizAttempt" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "enrollmentId" UUID NOT NULL,
    "quizId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "AttemptStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "questionIds" UUID[],
    "optionOrder" JSONB NOT NULL DEFAULT '{}',
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadlineAt" TIMESTAMPTZ(3),
    "submittedAt" TIMESTAMPTZ(3),
    "scorePoints" DECIMAL(8,3),
    "maxPoints" INTEGER,
    "scorePercent" DECIMAL(5,2),
    "passed" BOOLEAN,

    CONSTRAINT "QuizAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttemptAnswer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "attemptId" UUID NOT NULL,
    "questionId" UUID NOT NULL,
    "response" JSONB NOT NULL,
    "savedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "points" DECIMAL(8,3),
    "correct" BOOLEAN,

    CONSTRAINT "AttemptAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseCompletion" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "enrollmentId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "completedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seatMinutes" INTEGER NOT NULL,
    "passedAttemptId" UUID,
    "evidence" JSONB NOT NULL,

    CONSTRAINT "CourseCompletion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Enrollment_courseId_idx" ON "Enrollment"("courseId");

-- CreateIndex
CREATE INDEX "Enrollment_versionId_idx" ON "Enrollment"("versionId");

-- CreateIndex
CREATE UNIQUE INDEX "Enrollment_userId_courseId_key" ON "Enrollment"("userId", "courseId");

-- CreateIndex
CREATE INDEX "LessonProgress_lessonId_idx" ON "LessonProgress"("lessonId");

-- CreateIndex
CREATE UNIQUE INDEX "LessonProgress_enrollmentId_lessonId_key" ON "LessonProgress"("enrollmentId", "lessonId");

-- CreateIndex
CREATE UNIQUE INDEX "Quiz_lessonId_key" ON "Quiz"("lessonId");

-- CreateIndex
CREATE INDEX "Question_quizId_position_idx" ON "Question"("quizId", "position");

-- CreateIndex
CREATE INDEX "QuestionOption_questionId_position_idx" ON "QuestionOption"("questionId", "position");

-- CreateIndex
CREATE INDEX "QuizAttempt_quizId_idx" ON "QuizAttempt"("quizId");

-- CreateIndex
CREATE UNIQUE INDEX "QuizAttempt_enrollmentId_quizId_number_key" ON "QuizAttempt"("enrollmentId", "quizId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "AttemptAnswer_attemptId_questionId_key" ON "AttemptAnswer"("attemptId", "questionId");

-- CreateIndex
CREATE UNIQUE INDEX "CourseCompletion_enrollmentId_key" ON "CourseCompletion"("enrollmentId");

-- CreateIndex
CREATE INDEX "CourseCompletion_versionId_idx" ON "CourseCompletion"("versionId");

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "CourseVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonProgress" ADD CONSTRAINT "LessonProgress_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonProgress" ADD CONSTRAINT "LessonProgress_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quiz" ADD CONSTRAINT "Quiz_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionOption" ADD CONSTRAINT "QuestionOption_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizAttempt" ADD CONSTRAINT "QuizAttempt_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizAttempt" ADD CONSTRAINT "QuizAttempt_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttemptAnswer" ADD CONSTRAINT "AttemptAnswer_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "QuizAttempt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseCompletion" ADD CONSTRAINT "CourseCompletion_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseCompletion" ADD CONSTRAINT "CourseCompletion_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "CourseVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Quizzes of a published version are part of its immutable snapshot.
CREATE OR REPLACE FUNCTION "lms_forbid_published_content_change"() RETURNS trigger AS $$
DECLARE
  version_id UUID;
BEGIN
  IF TG_TABLE_NAME = 'Lesson' THEN
    SELECT m."versionId" INTO version_id FROM "Module" m WHERE m."id" = OLD."moduleId";
  ELSIF TG_TABLE_NAME = 'Quiz' THEN
    SELECT m."versionId" INTO version_id
      FROM "Lesson" l JOIN "Module" m ON m."id" = l."moduleId" WHERE l."id" = OLD."lessonId";
  ELSIF TG_TABLE_NAME = 'Question' THEN
    SELECT m."versionId" INTO version_id
      FROM "Quiz" q JOIN "Lesson" l ON l."id" = q."lessonId" JOIN "Module" m ON m."id" = l."moduleId"
     WHERE q."id" = OLD."quizId";
  ELSIF TG_TABLE_NAME = 'QuestionOption' THEN
    SELECT m."versionId" INTO version_id
      FROM "Question" qu JOIN "Quiz" q ON q."id" = qu."quizId" JOIN "Lesson" l ON l."id" = q."lessonId"
      JOIN "Module" m ON m."id" = l."moduleId"
     WHERE qu."id" = OLD."questionId";
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

CREATE TRIGGER "Quiz_published_immutable"
  BEFORE UPDATE OR DELETE ON "Quiz"
  FOR EACH ROW EXECUTE FUNCTION "lms_forbid_published_content_change"();

CREATE TRIGGER "Question_published_immutable"
  BEFORE UPDATE OR DELETE ON "Question"
  FOR EACH ROW EXECUTE FUNCTION "lms_forbid_published_content_change"();

CREATE TRIGGER "QuestionOption_published_immutable"
  BEFORE UPDATE OR DELETE ON "QuestionOption"
  FOR EACH ROW EXECUTE FUNCTION "lms_forbid_published_content_change"();

-- A completion is evidence: written once, never changed or removed.
CREATE FUNCTION "lms_forbid_change"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% rows are immutable evidence and cannot be changed or deleted', TG_TABLE_NAME
    USING ERRCODE = 'check_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "CourseCompletion_immutable"
  BEFORE UPDATE OR DELETE ON "CourseCompletion"
  FOR EACH ROW EXECUTE FUNCTION "lms_forbid_change"();
