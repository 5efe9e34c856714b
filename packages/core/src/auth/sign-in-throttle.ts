import type { Db } from '@lms/db';
import type { RateLimitPolicy } from '../rate-limit/policy';
import {
  clearRateLimits,
  consumeRateLimits,
  type RateBucket,
  refundRateLimits,
  tooManyRequests,
} from '../rate-limit/rate-limit';
import { hasLiveSessionFrom } from './sql';

export type SignInLimits = Pick<
  RateLimitPolicy,
  | 'signInGuessesPerAccountAndAddress'
  | 'signInGuessesPerAccount'
  | 'signInGuessesPerAddress'
  | 'signInPerAddress'
>;

/** The counters one sign-in attempt draws on, and what to give back if the password is right. */
export interface SignInReservation {
  /** Cleared when the password is right: the owner got in from this address. */
  pairKey: string;
  /** Refunded when the password is right: only wrong guesses use up these budgets. */
  guessKeys: string[];
}

/**
 * Reserves one password check BEFORE the hash is computed, in one statement (see
 * consumeRateLimits): N parallel guesses get N distinct counts, so at most the limit of them
 * reach the hash. Guesses are counted per account-and-address pair, per address, and per account
 * from addresses that have no session of the account (a known address is exempt from that
 * account-wide curve, so strangers cannot lock the owner out). Throws TOO_MANY_REQUESTS.
 */
export async function reserveSignInAttempt(
  db: Db,
  limits: SignInLimits,
  email: string,
  ip: string | null | undefined,
): Promise<SignInReservation> {
  const address = ip || 'unknown';
  const pairKey = `signin-guess:pair:${email}|${address}`;
  const buckets: RateBucket[] = [{ key: pairKey, rule: limits.signInGuessesPerAccountAndAddress }];
  if (ip) {
    buckets.push({ key: `signin-guess:ip:${ip}`, rule: limits.signInGuessesPerAddress });
    buckets.push({ key: `signin:ip:${ip}`, rule: limits.signInPerAddress });
  }
  if (!(ip && (await isKnownAddress(db, email, ip)))) {
    buckets.push({ key: `signin-guess:account:${email}`, rule: limits.signInGuessesPerAccount });
  }
  const decision = await consumeRateLimits(db, buckets);
  if (!decision.allowed) {
    await refundRateLimits(db, decision.within);
    throw tooManyRequests('Too many sign-in attempts.', decision.retryAfterSeconds);
  }
  const guessKeys = buckets
    .map((bucket) => bucket.key)
    .filter((key) => key.startsWith('signin-guess:') && key !== pairKey);
  return { pairKey, guessKeys };
}

/** The password was right: the guess budgets get this attempt back. */
export async function releaseSignInAttempt(db: Db, reservation: SignInReservation): Promise<void> {
  await clearRateLimits(db, [reservation.pairKey]);
  await refundRateLimits(db, reservation.guessKeys);
}

/** An address the account has a live session from (the owner's device or network). */
async function isKnownAddress(db: Db, email: string, ip: string): Promise<boolean> {
  return hasLiveSessionFrom(db, email, ip);
}
