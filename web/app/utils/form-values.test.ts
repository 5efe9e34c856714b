import { describe, expect, it } from 'vitest';
import {
  centsToDollars,
  formatDuration,
  parseDollarsToCents,
  parseDuration,
  parseWholeNumber,
} from './form-values';

describe('form values', () => {
  it('reads dollars as exact cents, and refuses what is not a price', () => {
    expect(parseDollarsToCents('49')).toEqual({ ok: true, value: 4900 });
    expect(parseDollarsToCents('$1,249.5')).toEqual({ ok: true, value: 124950 });
    expect(parseDollarsToCents('0.07')).toEqual({ ok: true, value: 7 });
    expect(parseDollarsToCents('')).toEqual({ ok: true, value: 0 });
    for (const bad of ['-5', '4.999', 'ten', '.']) {
      expect(parseDollarsToCents(bad)).toMatchObject({ ok: false });
    }
    expect(parseDollarsToCents('123456789')).toEqual({
      ok: false,
      error: 'That price is too large.',
    });
    expect(centsToDollars(124950)).toBe('1249.50');
    expect(centsToDollars(5)).toBe('0.05');
  });

  it('reads a video length as minutes:seconds, hours too, or whole minutes', () => {
    expect(parseDuration('12:30')).toEqual({ ok: true, value: 750 });
    expect(parseDuration('1:02:03')).toEqual({ ok: true, value: 3723 });
    expect(parseDuration('12')).toEqual({ ok: true, value: 720 });
    expect(parseDuration(' ')).toEqual({ ok: true, value: null });
    for (const bad of ['12:60', '1:60:00', '1:2:3:4', 'abc']) {
      expect(parseDuration(bad)).toMatchObject({ ok: false });
    }
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(750)).toBe('12:30');
  });

  it('reads whole numbers only', () => {
    expect(parseWholeNumber(' 42 ')).toBe(42);
    expect(parseWholeNumber('4.2')).toBeNull();
    expect(parseWholeNumber('-1')).toBeNull();
  });
});
