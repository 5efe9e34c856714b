import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatDateTime,
  formatTime,
  isTimeZone,
  localDay,
  localDayAsDate,
  startOfLocalDay,
  timeZoneNames,
} from './index';

describe('time zones', () => {
  it('knows IANA names and refuses anything else', () => {
    expect(isTimeZone('America/Los_Angeles')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(timeZoneNames()).toContain('UTC');
    expect(timeZoneNames()).toContain('America/New_York');
  });

  it('gives the local day of an instant, not the UTC one', () => {
    // 23:30 in New York on 30 November (EST, UTC-5) is already 1 December in UTC.
    const evening = new Date('2026-12-01T04:30:00Z');
    expect(localDay(evening, 'America/New_York')).toBe('2026-11-30');
    expect(localDay(evening, 'UTC')).toBe('2026-12-01');
    expect(localDayAsDate(evening, 'America/New_York').toISOString()).toBe(
      '2026-11-30T00:00:00.000Z',
    );
    // Summer time: 23:30 EDT (UTC-4).
    expect(localDay(new Date('2026-07-01T03:30:00Z'), 'America/New_York')).toBe('2026-06-30');
  });

  it('gives the next day from the first millisecond after local midnight, however often asked', () => {
    const lastOfDay = new Date('2026-12-01T04:59:59.999Z'); // 23:59:59.999 in New York
    const firstOfNext = new Date('2026-12-01T05:00:00.000Z');
    for (let i = 0; i < 3; i++) {
      expect(localDay(lastOfDay, 'America/New_York')).toBe('2026-11-30');
      expect(localDay(firstOfNext, 'America/New_York')).toBe('2026-12-01');
      expect(localDay(new Date('2026-12-01T05:00:00.500Z'), 'America/New_York')).toBe('2026-12-01');
      expect(localDay(lastOfDay, 'UTC')).toBe('2026-12-01');
    }
    // A zone of its own: the answer for another zone in the same second is not reused.
    expect(localDay(firstOfNext, 'Pacific/Kiritimati')).toBe('2026-12-01');
    expect(localDay(firstOfNext, 'Pacific/Pago_Pago')).toBe('2026-11-30');
    expect(() => localDay(new Date(Number.NaN), 'UTC')).toThrow('Not a valid instant');
  });

  it('formats instants in the reader zone with its abbreviation', () => {
    const deadline = new Date('2026-11-30T21:32:00Z');
    expect(formatTime(deadline, { timeZone: 'America/New_York' })).toBe('4:32 PM EST');
    expect(formatTime(deadline, { timeZone: 'America/Los_Angeles' })).toBe('1:32 PM PST');
    expect(formatDateTime(deadline, { timeZone: 'America/New_York' })).toBe(
      'Nov 30, 2026, 4:32 PM EST',
    );
    expect(formatCalendarDate('2026-11-30')).toBe('Nov 30, 2026');
  });
});

describe('startOfLocalDay', () => {
  it('is the instant local midnight happens, across offsets and clock changes', () => {
    expect(startOfLocalDay('2026-11-30', 'UTC').toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(startOfLocalDay('2026-11-30', 'America/New_York').toISOString()).toBe(
      '2026-11-30T05:00:00.000Z',
    );
    expect(startOfLocalDay('2026-07-01', 'America/New_York').toISOString()).toBe(
      '2026-07-01T04:00:00.000Z',
    );
    expect(startOfLocalDay('2026-11-30', 'Asia/Kolkata').toISOString()).toBe(
      '2026-11-29T18:30:00.000Z',
    );
    expect(startOfLocalDay('2026-11-30', 'Pacific/Kiritimati').toISOString()).toBe(
      '2026-11-29T10:00:00.000Z',
    );
    // The days the clocks change in New York: midnight itself exists on both.
    expect(startOfLocalDay('2026-03-08', 'America/New_York').toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
    expect(startOfLocalDay('2026-11-01', 'America/New_York').toISOString()).toBe(
      '2026-11-01T04:00:00.000Z',
    );
    // Santiago springs forward at midnight: 2026-09-06 starts at 01:00 local (04:00 UTC).
    expect(startOfLocalDay('2026-09-06', 'America/Santiago').toISOString()).toBe(
      '2026-09-06T04:00:00.000Z',
    );
    expect(() => startOfLocalDay('not a day', 'UTC')).toThrow(/Not a calendar day/);
  });
});
