import { describe, expect, it } from 'vitest';
import { aapcLastValidDay, approvalPublicationProblems, utcDay } from './approval-rules';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const approval = (body: string, validFrom: string, validUntil: string) => ({
  body,
  bodyName: null,
  approvalNumber: `${body}-1`,
  approvedTitle: 'T',
  validFrom: day(validFrom),
  validUntil: day(validUntil),
});
const withPostTest = {
  title: 'T',
  kind: 'CE' as const,
  modules: [{ lessons: [{ quiz: { mode: 'POST_TEST' } }] }],
};

describe('AAPC one-year validity', () => {
  it('ends the day before the anniversary', () => {
    expect(utcDay(aapcLastValidDay(day('2026-01-01')))).toBe('2026-12-31');
    expect(utcDay(aapcLastValidDay(day('2026-03-15')))).toBe('2027-03-14');
    expect(utcDay(aapcLastValidDay(day('2028-02-29')))).toBe('2029-02-28');
  });

  it('refuses an approval past that day at publication', () => {
    const today = day('2026-06-01');
    expect(
      approvalPublicationProblems(
        approval('AAPC', '2026-01-01', '2026-12-31'),
        withPostTest,
        today,
      ),
    ).toEqual([]);
    expect(
      approvalPublicationProblems(
        approval('AAPC', '2026-01-01', '2027-12-31'),
        withPostTest,
        today,
      ),
    ).toEqual([expect.stringMatching(/valid for one year: its last day can be 2026-12-31/)]);
    // Other bodies keep their own terms.
    expect(
      approvalPublicationProblems(approval('PMI', '2026-01-01', '2027-12-31'), withPostTest, today),
    ).toEqual([]);
  });
});
