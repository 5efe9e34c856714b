import { DEFAULT_RATE_LIMITS } from '@lms/core';
import { describe, expect, it } from 'vitest';
import { loadEnv } from './env';

describe('RATE_LIMITS', () => {
  it('defaults to no overrides (the production values apply)', () => {
    expect(loadEnv({}).RATE_LIMITS).toEqual({});
    expect(DEFAULT_RATE_LIMITS.registerPerAddress.limit).toBeLessThan(60);
  });

  it('reads overrides of named rules', () => {
    const env = loadEnv({
      RATE_LIMITS: '{"registerPerAddress":{"limit":1000,"windowSeconds":60}}',
    });
    expect(env.RATE_LIMITS).toEqual({ registerPerAddress: { limit: 1000, windowSeconds: 60 } });
  });

  it.each([
    ['not JSON', 'registerPerAddress=5', /must be JSON/],
    ['an unknown rule', '{"registerPerPlanet":{"limit":1,"windowSeconds":1}}', /RATE_LIMITS/],
    ['a zero limit', '{"registerPerAddress":{"limit":0,"windowSeconds":60}}', /RATE_LIMITS/],
  ])('refuses %s with a message naming the variable', (_what, value, message) => {
    expect(() => loadEnv({ RATE_LIMITS: value })).toThrow(message);
  });
});
