import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatDateTime,
  formatTime,
  isTimeZone,
  localDay,
  localDayAsDate,
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
