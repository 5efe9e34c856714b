-- Evidence an auditor relies on is guarded in the database itself (issue 9, defect 11).

-- 1. Published versions: no new rows under them either (UPDATE and DELETE were already
--    refused). The function now reads NEW on INSERT and OLD otherwise.
CREATE OR REPLACE FUNCTION "lms_forbid_published_content_change"() RETURNS trigger AS $$
DECLARE
  version_id UUID;
  row_data RECORD;
BEGIN
  IF TG_OP = 'INSERT' THEN
    row_data := NEW;
  ELSE
    row_data := OLD;
  END IF;
  IF TG_TABLE_NAME = 'Lesson' THEN
    SELECT m."versionId" INTO version_id FROM "Module" m WHERE m."id" = row_data."moduleId";
  ELSIF TG_TABLE_NAME = 'Quiz' THEN
    SELECT m."versionId" INTO version_id
      FROM "Lesson" l JOIN "Module" m ON m."id" = l."moduleId" WHERE l."id" = row_data."lessonId";
  ELSIF TG_TABLE_NAME = 'Question' THEN
    SELECT m."versionId" INTO version_id
      FROM "Quiz" q JOIN "Lesson" l ON l."id" = q."lessonId" JOIN "Module" m ON m."id" = l."moduleId"
     WHERE q."id" = row_data."quizId";
  ELSIF TG_TABLE_NAME = 'QuestionOption' THEN
    SELECT m."versionId" INTO version_id
      FROM "Question" qu JOIN "Quiz" q ON q."id" = qu."quizId" JOIN "Lesson" l ON l."id" = q."lessonId"
      JOIN "Module" m ON m."id" = l."moduleId"
     WHERE qu."id" = row_data."questionId";
  ELSE
    version_id := row_data."versionId";
  END IF;
  IF EXISTS (SELECT 1 FROM "CourseVersion" v WHERE v."id" = version_id AND v."publishedAt" IS NOT NULL) THEN
    RAISE EXCEPTION '% of published course version % cannot be changed', TG_TABLE_NAME, version_id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Module_published_no_insert"
  BEFORE INSERT ON "Module"
  FOR EACH ROW EXECUTE FUNCTION "lms_forbid_published_content_change"();
CREATE TRIGGER "Lesson_published_no_insert"
  BEFORE INSERT ON "Lesson"
  FOR EACH ROW EXECUTE FUNCTION "lms_forbid_published_content_change"();
CREATE TRIGGER "CreditApproval_published_no_insert"
  BEFORE INSERT ON "CreditApproval"
  FOR EACH ROW EXECUTE FUNCTION "lms_forbid_published_content_change"();
CREATE TRIGGER "Quiz_published_no_insert"
  BEFORE INSERT ON "Quiz"
  FOR EACH ROW EXECUTE FUNCTION "lms_forbid_published_content_change"();
CREATE TRIGGER "Question_published_no_insert"
  BEFORE INSERT ON "Question"
  FOR EACH ROW EXECUTE FUNCTION "lms_forbid_published_content_change"();
CREATE TRIGGER "QuestionOption_published_no_insert"
  BEFORE INSERT ON "QuestionOption"
  FOR EACH ROW EXECUTE FUNCTION "lms_forbid_published_content_change"();

-- 2. A submitted attempt is evidence: no change and no delete once SUBMITTED. Grading writes
--    the answers' points first and marks the attempt SUBMITTED last, in one transaction.
CREATE FUNCTION "lms_forbid_submitted_attempt_change"() RETURNS trigger AS $$
BEGIN
  IF OLD."status" = 'SUBMITTED' THEN
    RAISE EXCEPTION 'quiz attempt % is submitted: it is immutable evidence and cannot be changed or deleted', OLD."id"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "QuizAttempt_submitted_immutable"
  BEFORE UPDATE OR DELETE ON "QuizAttempt"
  FOR EACH ROW EXECUTE FUNCTION "lms_forbid_submitted_attempt_change"();

-- 3. The answers of a submitted attempt: no insert, update or delete.
CREATE FUNCTION "lms_forbid_submitted_answer_change"() RETURNS trigger AS $$
DECLARE
  attempt_id UUID;
BEGIN
  IF TG_OP = 'INSERT' THEN
    attempt_id := NEW."attemptId";
  ELSE
    attempt_id := OLD."attemptId";
  END IF;
  IF EXISTS (SELECT 1 FROM "QuizAttempt" a WHERE a."id" = attempt_id AND a."status" = 'SUBMITTED')
     OR (TG_OP = 'UPDATE' AND NEW."attemptId" IS DISTINCT FROM OLD."attemptId") THEN
    RAISE EXCEPTION 'answers of submitted quiz attempt % are immutable evidence and cannot be changed', attempt_id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AttemptAnswer_submitted_immutable"
  BEFORE INSERT OR UPDATE OR DELETE ON "AttemptAnswer"
  FOR EACH ROW EXECUTE FUNCTION "lms_forbid_submitted_answer_change"();

-- 4. The audit log is append-only. The one update allowed is the foreign key's own
--    ON DELETE SET NULL of the actor (nothing else may differ), so erasing a user stays possible.
CREATE FUNCTION "lms_audit_log_append_only"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."actorId" IS NOT NULL AND NEW."actorId" IS NULL
     AND NEW."id" = OLD."id" AND NEW."action" = OLD."action" AND NEW."targetType" = OLD."targetType"
     AND NEW."targetId" = OLD."targetId" AND NEW."details" = OLD."details"
     AND NEW."createdAt" = OLD."createdAt" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the audit log is append-only: entries cannot be changed or deleted'
    USING ERRCODE = 'check_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "lms_audit_log_append_only"();

-- 5. TRUNCATE skips row triggers: refuse it on every evidence table (Certificate already is).
CREATE TRIGGER "CourseCompletion_no_truncate"
  BEFORE TRUNCATE ON "CourseCompletion"
  FOR EACH STATEMENT EXECUTE FUNCTION "lms_forbid_truncate"();
CREATE TRIGGER "QuizAttempt_no_truncate"
  BEFORE TRUNCATE ON "QuizAttempt"
  FOR EACH STATEMENT EXECUTE FUNCTION "lms_forbid_truncate"();
CREATE TRIGGER "AttemptAnswer_no_truncate"
  BEFORE TRUNCATE ON "AttemptAnswer"
  FOR EACH STATEMENT EXECUTE FUNCTION "lms_forbid_truncate"();
CREATE TRIGGER "AuditLog_no_truncate"
  BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "lms_forbid_truncate"();
