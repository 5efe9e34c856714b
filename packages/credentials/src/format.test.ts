import { describe, expect, it } from 'vitest';
import { formatCeu, formatLongDate, formatMinutes, utcDate } from './format.js';

describe('format helpers', () => {
  it('formats dates without locale or time-zone surprises', () => {
    expect(formatLongDate('2026-11-20')).toBe('20 November 2026');
    expect(formatLongDate('2027-01-05')).toBe('5 January 2027');
    expect(utcDate('2026-11-21T23:30:00-05:00')).toBe('2026-11-22');
    expect(() => formatLongDate('2026-13-01')).toThrow();
    expect(() => formatLongDate('yesterday')).toThrow();
  });

  it('formats instructional minutes as hours and minutes', () => {
    expect(formatMinutes(125)).toBe('2 h 5 min');
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(0)).toBe('0 min');
    expect(() => formatMinutes(1.5)).toThrow();
    expect(() => formatMinutes(-1)).toThrow();
  });

  it('shows approved CEU amounts with two decimals and never rounds them away', () => {
    expect(formatCeu('2')).toBe('2.00');
    expect(formatCeu('0.5')).toBe('0.50');
    expect(formatCeu('1.50')).toBe('1.50');
    expect(formatCeu('1.500')).toBe('1.50');
    expect(formatCeu('1.125')).toBe('1.125');
    expect(formatCeu(2)).toBe('2.00');
    expect(() => formatCeu('-1')).toThrow();
    expect(() => formatCeu('2,00')).toThrow();
  });
});
