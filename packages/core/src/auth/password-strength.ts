import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/**
 * Offline check against zxcvbn-ts's common-passwords list (leaked-password corpora) and its
 * patterns (keyboard walks, repeats, sequences, dates). Score 0–1 means fewer than about a
 * million guesses: refused. Built on first use (loading the dictionaries takes ~0.5 s).
 */
let estimator: ZxcvbnFactory | null = null;

export const MIN_PASSWORD_SCORE = 2;

export const WEAK_PASSWORD_MESSAGE =
  'This password is too common or too easy to guess: it appears in lists of leaked passwords or follows a simple pattern. Try a passphrase of three or four unrelated words.';

function getEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator;
}

/**
 * Loads the dictionaries now (the API calls it at start) rather than in the first registration.
 * A check then costs ~25–150 ms of the main thread; only registration runs it, after its rate
 * limit.
 */
export function warmUpPasswordCheck(): void {
  getEstimator().check('warm-up-passphrase');
}

/** True when the password is common or trivially guessable. */
export function isWeakPassword(password: string, userInputs: string[] = []): boolean {
  return getEstimator().check(password, userInputs).score < MIN_PASSWORD_SCORE;
}
