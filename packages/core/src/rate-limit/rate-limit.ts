import type { Db } from '@lms/db';
import { AppError } from '../errors/app-error';
import type { RateRule } from './policy';
import {
  chargeRateLimitRows,
  chargeRateLimitStatement,
  deleteExpiredRateLimits,
  deleteRateLimitRows,
  type RateLimitRow,
  refundRateLimitRows,
} from './sql';

/** One counter to charge: `key` names the rule and the subject ("register:ip:203.0.113.7"). */
export interface RateBucket {
  key: string;
  rule: RateRule;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the longest-blocked bucket's window ends (0 when allowed). */
  retryAfterSeconds: number;
  /** Buckets still inside their limit after this hit. */
  within: string[];
  /** Buckets this hit took over their limit. */
  exceeded: string[];
}

/**
 * Charges one hit to every bucket in ONE statement and says whether all stayed within their
 * limits. Each row is locked while it is incremented, so N parallel callers see N distinct
 * counts: at most `limit` of them are allowed, whatever the timing. Keys are taken in sorted
 * order so that two statements never wait on each other's rows (no deadlock).
 */
export async function consumeRateLimits(
  db: Db,
  buckets: RateBucket[],
  now = new Date(),
): Promise<RateDecision> {
  const sorted = sortedBuckets(buckets);
  if (sorted.length === 0) return { allowed: true, retryAfterSeconds: 0, within: [], exceeded: [] };
  const keys = sorted.map((bucket) => bucket.key);
  const windows = sorted.map((bucket) => bucket.rule.windowSeconds);
  const rows = await chargeRateLimitRows(db, keys, windows, now);
  return rateDecision(db, sorted, rows, now);
}

/** The buckets without duplicate keys, in key order (the order their rows are locked in). */
function sortedBuckets(buckets: RateBucket[]): RateBucket[] {
  return [...new Map(buckets.map((bucket) => [bucket.key, bucket])).values()].sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
}

/**
 * The decision on buckets whose counters a statement just charged (`rows`: what the charging
 * upsert returned), and about one call in 200 a batch of long-expired counters deleted.
 */
export async function rateDecision(
  db: Db,
  buckets: RateBucket[],
  rows: RateLimitRow[],
  now: Date,
): Promise<RateDecision> {
  if (Math.random() < CLEANUP_CHANCE) await deleteExpiredRateLimits(db);
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const within: string[] = [];
  const exceeded: string[] = [];
  let retryAfterMs = 0;
  for (const bucket of sortedBuckets(buckets)) {
    const row = byKey.get(bucket.key);
    if (!row) continue;
    if (row.hits <= bucket.rule.limit) {
      within.push(bucket.key);
    } else {
      exceeded.push(bucket.key);
      const left = Math.min(
        row.windowEnd.getTime() - now.getTime(),
        bucket.rule.windowSeconds * 1000,
      );
      retryAfterMs = Math.max(retryAfterMs, left);
    }
  }
  return {
    allowed: exceeded.length === 0,
    retryAfterSeconds: exceeded.length === 0 ? 0 : Math.max(1, Math.ceil(retryAfterMs / 1000)),
    within,
    exceeded,
  };
}

/**
 * One counter charged by the caller's own statement: `chargeRateLimitStatement` for a data-
 * modifying CTE (the hot read and its charge in one round trip), and `enforce` for what it
 * returned: TOO_MANY_REQUESTS when over the limit, exactly as `enforceRateLimits` decides.
 */
export function chargeInStatement(bucket: RateBucket, message: string, now = new Date()) {
  return {
    statement: chargeRateLimitStatement([bucket.key], [bucket.rule.windowSeconds], now),
    async enforce(db: Db, row: RateLimitRow): Promise<void> {
      const decision = await rateDecision(db, [bucket], [row], now);
      if (!decision.allowed) throw tooManyRequests(message, decision.retryAfterSeconds);
    },
  };
}

/** About one call in 200 also deletes a batch of long-expired counters (no scheduler needed). */
const CLEANUP_CHANCE = 1 / 200;

/** Gives back one hit on each key (a refused request, or a sign-in that turned out right). */
export async function refundRateLimits(db: Db, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const sorted = [...new Set(keys)].sort();
  await refundRateLimitRows(db, sorted);
}

/** Forgets keys entirely (a successful sign-in clears its account-and-address counter). */
export async function clearRateLimits(db: Db, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await deleteRateLimitRows(db, keys);
}

export function tooManyRequests(what: string, retryAfterSeconds: number): AppError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const wait =
    retryAfterSeconds < 60
      ? `${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`
      : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return new AppError('TOO_MANY_REQUESTS', `${what} Try again in ${wait}.`, {
    retryAfterSeconds,
  });
}

/**
 * Charges the buckets; when any is over its limit, gives the others their hit back (a refused
 * request should not use up a budget it did not use) and throws TOO_MANY_REQUESTS.
 */
export async function enforceRateLimits(
  db: Db,
  buckets: RateBucket[],
  message = 'Too many requests.',
): Promise<void> {
  const decision = await consumeRateLimits(db, buckets);
  if (decision.allowed) return;
  await refundRateLimits(db, decision.within);
  throw tooManyRequests(message, decision.retryAfterSeconds);
}
