import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './args';

describe('parseBenchArgs', () => {
  it('reads BENCH_<UPPER_SNAKE> of each setting, else its default', () => {
    expect(
      parseBenchArgs(
        { connections: 50, requests: 2000, openRate: 100 },
        { BENCH_REQUESTS: '300', BENCH_OPEN_RATE: '25', BENCH_CONNECTIONS: '' },
      ),
    ).toEqual({ connections: 50, requests: 300, openRate: 25 });
  });

  it('refuses a value that is not a positive whole number, naming the variable', () => {
    expect(() => parseBenchArgs({ requests: 2000 }, { BENCH_REQUESTS: '2k' })).toThrow(
      'BENCH_REQUESTS must be a positive whole number (got "2k").',
    );
    expect(() => parseBenchArgs({ rounds: 6 }, { BENCH_ROUNDS: '0' })).toThrow(/BENCH_ROUNDS/);
  });
});
