import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import {
  IDLE_MS,
  isWeakPassword,
  passwordCheckRunning,
  passwordScore,
  stopPasswordCheck,
} from './password-strength';

afterEach(() => {
  vi.useRealTimers();
});
afterAll(() => stopPasswordCheck());

describe('password strength (in a worker thread)', () => {
  it('refuses common and patterned passwords and accepts a passphrase', async () => {
    expect(await isWeakPassword('password123')).toBe(true);
    expect(await isWeakPassword('qwertyuiop')).toBe(true);
    expect(await isWeakPassword('1111111111')).toBe(true);
    expect(await isWeakPassword('violet-harbour-gravel-lantern')).toBe(false);
    // Words the caller names (the user's own details) count as guessable.
    expect(await isWeakPassword('whitfieldgalveston')).toBe(false);
    expect(await isWeakPassword('whitfieldgalveston', ['whitfield', 'galveston'])).toBe(true);
  });

  it('answers each of many simultaneous checks with its own score', async () => {
    const passwords = Array.from({ length: 24 }, (_, index) =>
      index % 2 === 0 ? `password${index}` : `violet-harbour-gravel-lantern-${index}`,
    );
    const weak = await Promise.all(passwords.map((password) => isWeakPassword(password)));
    expect(weak).toEqual(passwords.map((_, index) => index % 2 === 0));
  });

  it('stops its thread after IDLE_MS without a check and starts it again for the next', async () => {
    await passwordScore('warm the thread up');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await passwordScore('violet-harbour-gravel-lantern');
    expect(passwordCheckRunning()).toBe(true);
    vi.advanceTimersByTime(IDLE_MS - 1);
    expect(passwordCheckRunning()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(passwordCheckRunning()).toBe(false);
    vi.useRealTimers();
    expect(await isWeakPassword('password123')).toBe(true);
    expect(passwordCheckRunning()).toBe(true);
  });

  it('fails the checks pending when its thread dies, and the next check starts a new one', async () => {
    await stopPasswordCheck();
    // A new thread is still loading its dictionaries when it is stopped.
    const pending = passwordScore('violet-harbour-gravel-lantern');
    await stopPasswordCheck();
    await expect(pending).rejects.toThrow('The password-strength thread stopped');
    expect(await passwordScore('violet-harbour-gravel-lantern')).toBeGreaterThanOrEqual(2);
  });
});
