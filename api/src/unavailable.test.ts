import { Prisma } from '@lms/db';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable';

const prismaError = (code: string, message: string) =>
  new Prisma.PrismaClientKnownRequestError(message, {
    code,
    clientVersion: Prisma.prismaVersion.client,
  });

describe('isDatabaseUnavailable', () => {
  // Found by the kill-one-API-mid-load test: with every pooled connection busy, a transaction
  // that could not start within its wait answered 500 instead of 503 + Retry-After.
  it('counts a transaction that could not start in time (pool busy) as unavailable', () => {
    expect(
      isDatabaseUnavailable(
        prismaError(
          'P2028',
          'Transaction API error: Unable to start a transaction in the given time.',
        ),
      ),
    ).toBe(true);
  });

  it('does not count other transaction errors (a bug, not a busy database)', () => {
    expect(
      isDatabaseUnavailable(
        prismaError(
          'P2028',
          'Transaction API error: Transaction already closed: A commit cannot be executed on an expired transaction.',
        ),
      ),
    ).toBe(false);
    expect(isDatabaseUnavailable(prismaError('P2002', 'Unique constraint failed'))).toBe(false);
  });

  it('counts a pool timeout and a refused connection', () => {
    expect(isDatabaseUnavailable(prismaError('P2024', 'Timed out fetching a new connection'))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toBe(true);
  });
});
