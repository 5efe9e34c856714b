import { describe, expect, it } from 'vitest';
import {
  approvalStatus,
  creditSaleTerms,
  daysLeft,
  typicalCompletionDays,
} from './approval-status';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const approval = (validFrom: string, validUntil: string) => ({
  validFrom: day(validFrom),
  validUntil: day(validUntil),
});

describe('approval status', () => {
  const today = new Date('2026-11-29T23:30:00Z');
  it('is VALID beyond 60 days, EXPIRING within, EXPIRED after the last day, NOT_YET_VALID before the first', () => {
    expect(approvalStatus(approval('2026-01-01', '2027-01-28'), today)).toBe('VALID'); // 61 days
    expect(approvalStatus(approval('2026-01-01', '2027-01-27'), today)).toBe('EXPIRING'); // 60 days
    expect(approvalStatus(approval('2026-01-01', '2026-11-29'), today)).toBe('EXPIRING'); // last day
    expect(approvalStatus(approval('2026-01-01', '2026-11-28'), today)).toBe('EXPIRED');
    expect(approvalStatus(approval('2026-11-30', '2027-11-29'), today)).toBe('NOT_YET_VALID');
  });

  it('counts today and the last valid day', () => {
    expect(daysLeft(approval('2026-01-01', '2026-11-29'), today)).toBe(1);
    expect(daysLeft(approval('2026-01-01', '2026-12-08'), today)).toBe(10);
    expect(daysLeft(approval('2026-01-01', '2026-11-01'), today)).toBe(0);
  });

  it('expects one instructional hour a week, at least a week', () => {
    expect(typicalCompletionDays(0)).toBe(7);
    expect(typicalCompletionDays(30)).toBe(7);
    expect(typicalCompletionDays(61)).toBe(14);
    expect(typicalCompletionDays(40 * 60)).toBe(280);
  });

  it('sells expired credit as not included and warns about a short runway', () => {
    const expired = creditSaleTerms(
      { ...approval('2026-01-01', '2026-11-01'), body: 'AAPC', bodyName: null },
      120,
      today,
    );
    expect(expired).toMatchObject({ status: 'EXPIRED', available: false });
    const short = creditSaleTerms(
      { ...approval('2026-01-01', '2026-12-08'), body: 'PMI', bodyName: null },
      120,
      today,
    );
    expect(short).toMatchObject({
      available: true,
      endsBeforeTypicalCompletion: true,
      daysLeft: 10,
    });
    expect(short.notice).toContain('2026-12-08');
  });
});

describe('approval status on the provider’s calendar day (America/New_York)', () => {
  // 23:30 in New York on 30 November 2026 (EST) is 04:30 UTC on 1 December.
  const lateOnLastDay = new Date('2026-12-01T04:30:00Z');
  const justAfterMidnight = new Date('2026-12-01T05:05:00Z');
  const lastDay30Nov = approval('2026-01-01', '2026-11-30');

  it('is still valid at 23:30 local on the last valid day', () => {
    expect(approvalStatus(lastDay30Nov, lateOnLastDay)).toBe('EXPIRING');
    expect(daysLeft(lastDay30Nov, lateOnLastDay)).toBe(1);
  });

  it('is expired just after local midnight', () => {
    expect(approvalStatus(lastDay30Nov, justAfterMidnight)).toBe('EXPIRED');
    expect(daysLeft(lastDay30Nov, justAfterMidnight)).toBe(0);
  });

  it('is not yet valid at 23:30 local on the day before the first day', () => {
    expect(approvalStatus(approval('2026-12-01', '2027-11-30'), lateOnLastDay)).toBe(
      'NOT_YET_VALID',
    );
  });
});
