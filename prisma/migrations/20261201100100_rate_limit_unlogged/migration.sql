-- Issue 15: every rate-limited request (certificate verification on each lookup) updates one
-- "RateLimit" row, and with every client behind one address the requests queue on that row's
-- lock for as long as each commit waits for its WAL flush. The counters are short-lived
-- (windows of minutes) and worthless after a crash, so the table is UNLOGGED: no WAL, no flush
-- at commit. Consequences: a PostgreSQL crash (not a clean restart) empties it, and replicas do
-- not have it; after a fail-over the counters start from zero. Limits still hold across API
-- processes: every process counts in the same row.
ALTER TABLE "RateLimit" SET UNLOGGED;
