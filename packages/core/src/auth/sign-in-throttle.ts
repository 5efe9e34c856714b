import type { Db } from '@lms/db';
import { AppError } from '../errors/app-error';

/**
 * Failed sign-in counters live in PostgreSQL (table SignInThrottle) so every API process
 * shares them. Each key counts failures inside a window; reaching the limit blocks the key.
 * Checked before the password hash is computed, so a flood costs us one indexed read.
 */
export interface ThrottleRule {
  limit: number;
  windowSeconds: number;
  blockSeconds: number;
}

export const ACCOUNT_RULE: ThrottleRule = {
  limit: 5,
  windowSeconds: 15 * 60,
  blockSeconds: 15 * 60,
};
export const IP_RULE: ThrottleRule = { limit: 30, windowSeconds: 15 * 60, blockSeconds: 15 * 60 };

export function throttleKeys(email: string, ip: string | null | undefined) {
  const keys = [{ key: `account:${email}`, rule: ACCOUNT_RULE }];
  if (ip) keys.push({ key: `ip:${ip}`, rule: IP_RULE });
  return keys;
}

/** Throws TOO_MANY_REQUESTS when any key is blocked. */
export async function assertNotThrottled(db: Db, keys: string[], now = new Date()): Promise<void> {
  const blocked = await db.signInThrottle.findMany({
    where: { key: { in: keys }, blockedUntil: { gt: now } },
    select: { blockedUntil: true },
  });
  if (blocked.length === 0) return;
  const until = Math.max(...blocked.map((row) => row.blockedUntil!.getTime()));
  const retryAfterSeconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  throw new AppError(
    'TOO_MANY_REQUESTS',
    `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    { retryAfterSeconds },
  );
}

/** Counts one failure per key, atomically (one upsert each), starting a new window when due. */
export async function recordFailure(
  db: Db,
  entries: { key: string; rule: ThrottleRule }[],
): Promise<void> {
  for (const { key, rule } of entries) {
    await db.$executeRaw`
      INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "blockedUntil")
      VALUES (${key}, 1, now(), CASE WHEN ${rule.limit} <= 1 THEN now() + make_interval(secs => ${rule.blockSeconds}) END)
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE
          WHEN "SignInThrottle"."windowStart" < now() - make_interval(secs => ${rule.windowSeconds}) THEN 1
          ELSE "SignInThrottle"."failures" + 1 END,
        "windowStart" = CASE
          WHEN "SignInThrottle"."windowStart" < now() - make_interval(secs => ${rule.windowSeconds}) THEN now()
          ELSE "SignInThrottle"."windowStart" END,
        "blockedUntil" = CASE
          WHEN "SignInThrottle"."windowStart" >= now() - make_interval(secs => ${rule.windowSeconds})
           AND "SignInThrottle"."failures" + 1 >= ${rule.limit}
          THEN now() + make_interval(secs => ${rule.blockSeconds})
          ELSE "SignInThrottle"."blockedUntil" END`;
  }
}

/** A successful sign-in clears the account's counter (not the address's). */
export async function clearAccountFailures(db: Db, email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: `account:${email}` } });
}
