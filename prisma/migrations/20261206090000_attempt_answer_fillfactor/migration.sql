-- Issue 15: grading a submission updates every answer of the attempt once (its points and
-- mark). With full pages (the default fillfactor of 100) none of those updates could stay on
-- its page: each wrote its new row version elsewhere and a new entry in both indexes, and the
-- answers' UPDATE was most of the grading statement's cost. Neither column is indexed, so with
-- room left on the page the update is HOT (heap-only: no index entry). Pages written from now
-- on keep 30 % free; rows already stored are not moved.
ALTER TABLE "AttemptAnswer" SET (fillfactor = 70);
