import { Worker } from 'node:worker_threads';

/**
 * Offline check against zxcvbn-ts's common-passwords list (leaked-password corpora) and its
 * patterns (keyboard walks, repeats, sequences, dates). Score 0–1 means fewer than about a
 * million guesses: refused.
 *
 * The estimator runs in a worker thread (password-strength-worker.js), started by the first
 * check and stopped after `IDLE_MS` without one: its dictionaries stay out of the API's heap
 * (fewer objects for every mark-compact to visit, ~20 MB less idle RSS), and a check's 25–150 ms
 * of CPU does not hold up the requests the event loop is serving. The first check after a quiet
 * spell waits ~0.5 s for the thread to load the dictionaries (ARCHITECTURE.md, "Password
 * strength in a worker thread").
 */
export const MIN_PASSWORD_SCORE = 2;

export const WEAK_PASSWORD_MESSAGE =
  'This password is too common or too easy to guess: it appears in lists of leaked passwords or follows a simple pattern. Try a passphrase of three or four unrelated words.';

/** How long the thread stays after its last check (registrations and resets come in spells). */
export const IDLE_MS = 60_000;

interface Check {
  resolve(score: number): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  checks: Map<number, Check>;
  idle?: NodeJS.Timeout;
}

let thread: Thread | null = null;
let nextId = 0;

function startThread(): Thread {
  const worker = new Worker(new URL('./password-strength-worker.js', import.meta.url));
  // A thread that is only waiting must not keep the process alive.
  worker.unref();
  const started: Thread = { worker, checks: new Map() };
  worker.on('message', (answer: { id: number; score?: number; error?: string }) => {
    const check = started.checks.get(answer.id);
    started.checks.delete(answer.id);
    if (answer.error !== undefined) check?.reject(new Error(answer.error));
    else check?.resolve(answer.score!);
    if (started.checks.size === 0) stopWhenIdle(started);
  });
  worker.on('error', (error) => fail(started, error));
  worker.on('exit', (code) =>
    fail(started, new Error(`The password-strength thread stopped (exit code ${code}).`)),
  );
  return started;
}

function stopWhenIdle(idle: Thread) {
  clearTimeout(idle.idle);
  idle.idle = setTimeout(() => {
    if (idle.checks.size > 0) return;
    if (thread === idle) thread = null;
    void idle.worker.terminate();
  }, IDLE_MS);
  idle.idle.unref();
}

/** The thread died: its pending checks fail (the caller's request errors), the next starts anew. */
function fail(dead: Thread, error: Error) {
  if (thread === dead) thread = null;
  clearTimeout(dead.idle);
  for (const check of dead.checks.values()) check.reject(error);
  dead.checks.clear();
}

/** zxcvbn's score, 0 (trivially guessable) to 4, computed in the password-strength thread. */
export function passwordScore(password: string, userInputs: string[] = []): Promise<number> {
  thread ??= startThread();
  const current = thread;
  clearTimeout(current.idle);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    current.checks.set(id, { resolve, reject });
    current.worker.postMessage({ id, password, userInputs });
  });
}

/** True when the password is common or trivially guessable. */
export async function isWeakPassword(password: string, userInputs: string[] = []) {
  return (await passwordScore(password, userInputs)) < MIN_PASSWORD_SCORE;
}

/** Whether the password-strength thread is running now. */
export function passwordCheckRunning(): boolean {
  return thread !== null;
}

/** Stops the thread now (shutdown); a later check starts it again. */
export async function stopPasswordCheck(): Promise<void> {
  const running = thread;
  if (!running) return;
  thread = null;
  clearTimeout(running.idle);
  await running.worker.terminate();
}
