/** At most `limit` hits per subject inside a fixed window of `windowSeconds`. */
export interface RateRule {
  limit: number;
  windowSeconds: number;
}

/**
 * Every rate limit the product applies. Counters live in PostgreSQL (table RateLimit), so a
 * limit holds across API processes. The API reads overrides from its environment (RATE_LIMITS);
 * these defaults are the production values.
 */
export interface RateLimitPolicy {
  /** Password guesses at one account from one address (the main brute-force bound). */
  signInGuessesPerAccountAndAddress: RateRule;
  /**
   * Password guesses at one account from addresses it has never signed in from: a slower,
   * account-wide curve against guessing from many addresses. Addresses with a session of the
   * account are exempt, so the owner still gets in while strangers are refused.
   */
  signInGuessesPerAccount: RateRule;
  /** Password guesses from one address at any accounts (credential spraying). */
  signInGuessesPerAddress: RateRule;
  /** Every sign-in request from one address, right or wrong. */
  signInPerAddress: RateRule;
  /** New accounts from one address. */
  registerPerAddress: RateRule;
  /** Password-reset emails asked for from one address, and for one email address typed. */
  passwordResetPerAddress: RateRule;
  passwordResetPerAccount: RateRule;
  /** Emails a signed-in account asks for (a new verification link, an email change). */
  accountEmailsPerAccount: RateRule;
  /** Current-password checks by a signed-in account (change password, change email). */
  passwordChecksPerAccount: RateRule;
  /** Checkout sessions started by one account, and from one address. */
  checkoutPerAccount: RateRule;
  checkoutPerAddress: RateRule;
  /** Certificate verify look-ups from one address. */
  verifyPerAddress: RateRule;
}

export type RateLimitName = keyof RateLimitPolicy;

const MINUTE = 60;
const HOUR = 60 * MINUTE;

export const DEFAULT_RATE_LIMITS: RateLimitPolicy = {
  signInGuessesPerAccountAndAddress: { limit: 5, windowSeconds: 15 * MINUTE },
  signInGuessesPerAccount: { limit: 50, windowSeconds: HOUR },
  signInGuessesPerAddress: { limit: 30, windowSeconds: 15 * MINUTE },
  signInPerAddress: { limit: 100, windowSeconds: 15 * MINUTE },
  registerPerAddress: { limit: 10, windowSeconds: HOUR },
  passwordResetPerAddress: { limit: 10, windowSeconds: HOUR },
  passwordResetPerAccount: { limit: 3, windowSeconds: HOUR },
  accountEmailsPerAccount: { limit: 5, windowSeconds: HOUR },
  passwordChecksPerAccount: { limit: 10, windowSeconds: 15 * MINUTE },
  checkoutPerAccount: { limit: 20, windowSeconds: HOUR },
  checkoutPerAddress: { limit: 60, windowSeconds: HOUR },
  verifyPerAddress: { limit: 120, windowSeconds: MINUTE },
};

/** The defaults with some rules replaced. */
export function rateLimitPolicy(overrides: Partial<RateLimitPolicy> = {}): RateLimitPolicy {
  return { ...DEFAULT_RATE_LIMITS, ...overrides };
}
