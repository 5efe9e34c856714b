-- Issue 15: every catalog sort reads only the page. The sort keys that live on the version
-- (lower(title), price) are copied onto the course when its latest published version changes
-- (published versions never change), so one index per sort on "Course" matches the keyset
-- order, and the unfiltered count is an index-only scan without joining "CourseVersion".
-- NULL keys: the course has no published latest version (not in the catalog).
ALTER TABLE "Course" ADD COLUMN "catalogTitleKey" TEXT;
ALTER TABLE "Course" ADD COLUMN "catalogPriceCents" INTEGER;

CREATE FUNCTION "lms_course_catalog_keys"() RETURNS trigger AS $$
BEGIN
  NEW."catalogTitleKey" := NULL;
  NEW."catalogPriceCents" := NULL;
  IF NEW."latestPublishedVersionId" IS NOT NULL THEN
    SELECT lower(v."title"), v."priceCents" INTO NEW."catalogTitleKey", NEW."catalogPriceCents"
      FROM "CourseVersion" v
     WHERE v."id" = NEW."latestPublishedVersionId" AND v."publishedAt" IS NOT NULL;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- Also on writes of the keys themselves: nobody can set them out of step with the version.
CREATE TRIGGER "Course_catalog_keys"
  BEFORE INSERT OR UPDATE OF "latestPublishedVersionId", "catalogTitleKey", "catalogPriceCents"
  ON "Course" FOR EACH ROW EXECUTE FUNCTION "lms_course_catalog_keys"();

-- A version published after a course already points at it (fixtures do this): refresh the keys.
CREATE FUNCTION "lms_course_catalog_keys_on_publish"() RETURNS trigger AS $$
BEGIN
  UPDATE "Course" SET "latestPublishedVersionId" = "latestPublishedVersionId"
   WHERE "latestPublishedVersionId" = NEW."id";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "CourseVersion_catalog_keys"
  AFTER UPDATE OF "publishedAt" ON "CourseVersion"
  FOR EACH ROW WHEN (OLD."publishedAt" IS NULL AND NEW."publishedAt" IS NOT NULL)
  EXECUTE FUNCTION "lms_course_catalog_keys_on_publish"();

UPDATE "Course" SET "latestPublishedVersionId" = "latestPublishedVersionId"
 WHERE "latestPublishedVersionId" IS NOT NULL;

-- NEWEST: publishedAt DESC, id DESC (replaces the (status, publishedAt) index it extends).
DROP INDEX "Course_status_publishedAt_idx";
CREATE INDEX "Course_status_publishedAt_id_idx" ON "Course"("status", "publishedAt" DESC, "id" DESC);
-- TITLE: lower(title) ASC, id ASC.
CREATE INDEX "Course_status_catalogTitleKey_id_idx" ON "Course"("status", "catalogTitleKey", "id");
-- PRICE_LOW_TO_HIGH: price ASC, publishedAt DESC, id DESC; the count reads it index-only.
CREATE INDEX "Course_catalog_price_asc_idx" ON "Course"("status", "catalogPriceCents", "publishedAt" DESC, "id" DESC);
-- PRICE_HIGH_TO_LOW: price DESC, publishedAt DESC, id DESC.
CREATE INDEX "Course_catalog_price_desc_idx" ON "Course"("status", "catalogPriceCents" DESC, "publishedAt" DESC, "id" DESC);
