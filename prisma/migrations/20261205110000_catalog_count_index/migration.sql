-- Issue 15: the count of a cold catalog page read every "Course" row (a Seq Scan of the whole
-- table, ~1.4-2.5 ms of backend CPU at 10,000 courses: more than the page and all its loaders
-- together). This partial index holds exactly the rows the catalog counts (the conditions of
-- the count statement in packages/core/src/catalog/sql.ts) with their price, so the count, with
-- or without a price filter, is an Index Only Scan of ~10 pages. Its predicate must stay equal
-- to those conditions, or the planner stops using it (catalog-plans.test.ts fails).
CREATE INDEX "Course_catalog_count_idx" ON "Course"("catalogPriceCents")
  WHERE "status" = 'PUBLISHED' AND "publishedAt" IS NOT NULL AND "catalogPriceCents" IS NOT NULL;
