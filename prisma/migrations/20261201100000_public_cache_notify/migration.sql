-- Issue 15: the API caches the answers to anonymous public reads (catalog, course page,
-- certificate verification) per process. Every write to a table those answers read sends
-- pg_notify('public_cache', scope) from the writing transaction: PostgreSQL delivers it only
-- on commit, to every listening API process, which then drops that scope's entries.
-- Statement-level triggers: one notification per statement (and PostgreSQL folds identical
-- notifications of one transaction into one), whatever the number of rows.
-- Scopes: 'catalog' (catalog pages and course pages), 'certificates' (verification).
CREATE FUNCTION "lms_public_cache_notify"() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('public_cache', TG_ARGV[0]);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- What a catalog or course page shows: the course and its published version, instructors and
-- their credentials, credit approvals, the syllabus and the code-set years its questions teach.
-- Draft edits notify too (same tables): rare next to reads, and never stale.
CREATE TRIGGER "Course_public_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON "Course" FOR EACH STATEMENT EXECUTE FUNCTION "lms_public_cache_notify"('catalog');
CREATE TRIGGER "CourseVersion_public_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON "CourseVersion" FOR EACH STATEMENT EXECUTE FUNCTION "lms_public_cache_notify"('catalog');
CREATE TRIGGER "CourseInstructor_public_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON "CourseInstructor" FOR EACH STATEMENT EXECUTE FUNCTION "lms_public_cache_notify"('catalog');
CREATE TRIGGER "InstructorCredential_public_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON "InstructorCredential" FOR EACH STATEMENT EXECUTE FUNCTION "lms_public_cache_notify"('catalog');
CREATE TRIGGER "CreditApproval_public_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON "CreditApproval" FOR EACH STATEMENT EXECUTE FUNCTION "lms_public_cache_notify"('catalog');
CREATE TRIGGER "Module_public_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON "Module" FOR EACH STATEMENT EXECUTE FUNCTION "lms_public_cache_notify"('catalog');
CREATE TRIGGER "Lesson_public_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON "Lesson" FOR EACH STATEMENT EXECUTE FUNCTION "lms_public_cache_notify"('catalog');
CREATE TRIGGER "Quiz_public_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON "Quiz" FOR EACH STATEMENT EXECUTE FUNCTION "lms_public_cache_notify"('catalog');
CREATE TRIGGER "Question_public_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON "Question" FOR EACH STATEMENT EXECUTE FUNCTION "lms_public_cache_notify"('catalog');
CREATE TRIGGER "CodeSetRelease_public_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON "CodeSetRelease" FOR EACH STATEMENT EXECUTE FUNCTION "lms_public_cache_notify"('catalog');
-- People: only the columns an instructor card shows (sign-ins and the rest do not notify).
CREATE TRIGGER "User_public_cache" AFTER UPDATE OF "name", "bio" OR DELETE OR TRUNCATE
  ON "User" FOR EACH STATEMENT EXECUTE FUNCTION "lms_public_cache_notify"('catalog');

-- Verification: issue (a serial answered NOT_FOUND before), revoke, reissue (supersede).
CREATE TRIGGER "Certificate_public_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON "Certificate" FOR EACH STATEMENT EXECUTE FUNCTION "lms_public_cache_notify"('certificates');
