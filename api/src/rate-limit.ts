import { enforceRateLimits, type RateBucket, type RateLimitName } from '@lms/core';
import type { MiddlewareFn } from 'type-graphql';
import type { Context } from './context';

/**
 * A resolver middleware charging the named rules before the resolver runs: rules ending in
 * "PerAccount" count per signed-in user, the others per client address (as forwarded by the web
 * server). Over the limit: TOO_MANY_REQUESTS with retryAfterSeconds, and the resolver never runs.
 */
export function rateLimited(message: string, ...rules: RateLimitName[]): MiddlewareFn<Context> {
  return async ({ context }, next) => {
    await enforceRateLimits(context.db, rateBuckets(context, rules), message);
    return next();
  };
}

/**
 * The counters a request charges for these rules: "PerAccount" rules per signed-in user, the
 * others per client address (none when the request has no such subject).
 */
export function rateBuckets(context: Context, rules: RateLimitName[]): RateBucket[] {
  const buckets: RateBucket[] = [];
  for (const name of rules) {
    const subject = name.endsWith('PerAccount')
      ? context.viewer && `user:${context.viewer.id}`
      : context.client.ip && `ip:${context.client.ip}`;
    if (subject) buckets.push({ key: `${name}:${subject}`, rule: context.rateLimits[name] });
  }
  return buckets;
}
