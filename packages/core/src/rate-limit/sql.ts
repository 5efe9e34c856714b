// Every SQL statement of the rate limiter, each a named, typed function (CONTRIBUTING.md, "SQL").
import { type Db, hotReads, Prisma } from '@lms/db';

export interface RateLimitRow {
  key: string;
  hits: number;
  windowEnd: Date;
}

/**
 * One hit on each key in ONE statement: a new counter starts at 1, an expired window restarts,
 * a live one counts up. `keys` must be sorted (rows are locked in that order: no deadlock);
 * `windowSeconds[i]` is the window of `keys[i]`. On the hot path of every limited request: run
 * through `hotReads` (pg on Prisma's pool, no query-engine runtime) on an UNLOGGED table
 * (migration 20261201100100).
 */
export async function chargeRateLimitRows(
  db: Db,
  keys: string[],
  windowSeconds: number[],
  now: Date,
): Promise<RateLimitRow[]> {
  return hotReads(db).rows<RateLimitRow>(chargeRateLimitStatement(keys, windowSeconds, now));
}

/**
 * The charging upsert of `chargeRateLimitRows` as a statement (`INSERT … RETURNING "key",
 * "hits", "windowEnd"`), for a hot read that charges its counter in the same round trip as a
 * data-modifying CTE (`WITH charge AS (…)`). The one place the counting rule is written.
 */
export function chargeRateLimitStatement(
  keys: string[],
  windowSeconds: number[],
  now: Date,
): Prisma.Sql {
  // ISO text, cast by PostgreSQL: the same instant, without pg's slower local-time Date
  // formatting (three times a statement on every verification).
  const at = now.toISOString();
  return Prisma.sql`
    INSERT INTO "RateLimit" ("key", "hits", "windowEnd")
    SELECT t.key, 1, ${at}::timestamptz + make_interval(secs => t.seconds)
      FROM unnest(${keys}::text[], ${windowSeconds}::int[]) WITH ORDINALITY AS t(key, seconds, n)
     ORDER BY t.n
    ON CONFLICT ("key") DO UPDATE SET
      "hits" = CASE WHEN "RateLimit"."windowEnd" <= ${at}::timestamptz THEN 1
                    ELSE "RateLimit"."hits" + 1 END,
      "windowEnd" = CASE WHEN "RateLimit"."windowEnd" <= ${at}::timestamptz THEN EXCLUDED."windowEnd"
                         ELSE "RateLimit"."windowEnd" END
    RETURNING "key", "hits", "windowEnd"`;
}

/** Deletes a batch (at most 1,000) of counters whose window ended over an hour ago. */
export async function deleteExpiredRateLimits(db: Db): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "RateLimit" WHERE "key" IN (
      SELECT "key" FROM "RateLimit" WHERE "windowEnd" < now() - interval '1 hour' LIMIT 1000)`;
}

/** Takes one hit off each key (never below 0); `keys` sorted, as for charging. */
export async function refundRateLimitRows(db: Db, keys: string[]): Promise<number> {
  return db.$executeRaw`
    UPDATE "RateLimit" SET "hits" = GREATEST("hits" - 1, 0)
     WHERE "key" = ANY(${keys}::text[])`;
}

/** Deletes the counters of these keys. */
export async function deleteRateLimitRows(db: Db, keys: string[]): Promise<number> {
  return db.$executeRaw`DELETE FROM "RateLimit" WHERE "key" = ANY(${keys}::text[])`;
}
