import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A request's context must die young. On Node 20's V8 an object literal with getters allocates
 * its accessor pairs in the old generation; they kept each request's getter closures, loaders
 * and caches alive past every scavenge, so every request was promoted and full collections came
 * every 2-4 s under load (ARCHITECTURE.md, "No object literals with getters per request").
 * Counted with V8's own figures: the bytes each scavenge promotes while a child process with
 * 1 MB semi-spaces (a scavenge every few hundred contexts) builds and drops contexts.
 */
function promotedBytes(count: number): number {
  const child = spawnSync(
    process.execPath,
    [
      '--trace-gc-nvp',
      '--max-semi-space-size=1',
      '--no-allocation-site-pretenuring',
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'testing/context-churn.ts'),
      String(count),
    ],
    { cwd: path.join(import.meta.dirname, '..'), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  expect(child.stderr).toBe('');
  expect(child.stdout).toContain(`contexts ${count} touched ${count * 2}`);
  const scavenges = child.stdout.split('\n').filter((line) => / gc=s /.test(line));
  expect(scavenges.length).toBeGreaterThan(20);
  return scavenges.reduce((sum, line) => sum + Number(/ promoted=(\d+)/.exec(line)?.[1] ?? 0), 0);
}

describe('request context', () => {
  it('is not promoted to the old generation once its request is over', () => {
    // Two runs, so that what loading the modules promotes cancels out; a million contexts
    // apart, because that varies by megabytes from run to run on a busy machine (12 MB once
    // under CI: 310 bytes a context over 40,000).
    const perContext = (promotedBytes(1_200_000) - promotedBytes(200_000)) / 1_000_000;
    // Measured: about 0 bytes a context with classes, 2.3 KB with getter literals.
    expect(perContext).toBeLessThan(200);
  }, 90_000);
});
