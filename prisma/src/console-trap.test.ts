import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const vitestBin = join(
  dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
  'vitest.mjs',
);
const fixtureConfig = fileURLToPath(
  new URL('./test-fixtures/console-trap/vitest.config.ts', import.meta.url),
);
const setupFile = fileURLToPath(new URL('./console-trap-setup.ts', import.meta.url));

describe('console trap', () => {
  it('fails a test that logs console.error or console.warn unless it said it expects it, in every file of a shared worker', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'console-trap-'));
    try {
      const report = join(dir, 'report.json');
      const child = await run(process.execPath, [
        vitestBin,
        'run',
        '--config',
        fixtureConfig,
        '--reporter=json',
        `--outputFile=${report}`,
      ]).then(
        () => ({ code: 0 }),
        (error: { code: number }) => ({ code: error.code }),
      );
      // Vitest exits non-zero because tests failed.
      expect(child.code).toBe(1);
      const results = JSON.parse(await readFile(report, 'utf8')) as {
        testResults: {
          assertionResults: { title: string; status: string; failureMessages: string[] }[];
        }[];
      };
      const outcomes = Object.fromEntries(
        results.testResults
          .flatMap((file) => file.assertionResults)
          .map((test) => [test.title, test.status]),
      );
      expect(outcomes).toEqual({
        'stray console.error': 'failed',
        'stray console.warn': 'failed',
        'expected console.error': 'passed',
        'expected console.warn': 'passed',
        'expected console.error that never came': 'failed',
        quiet: 'passed',
        'allowed console.warn that came': 'passed',
        'allowed console.warn that never came': 'passed',
        'allowed console.warn, other warning': 'failed',
        'stray console.error in a second file': 'failed',
        'expected console.error in a second file': 'passed',
        'expected console.error in a second file that never came': 'failed',
      });
      // Both files ran in one worker process, one after the other (the case being checked).
      expect(results.testResults).toHaveLength(2);
      const messages = results.testResults
        .flatMap((file) => file.assertionResults)
        .flatMap((test) => test.failureMessages)
        .join('\n');
      expect(messages).toContain('unexpected console.error: something went wrong');
      expect(messages).toContain('expected console.error matching /never logged/');
      expect(messages).toContain('unexpected console.error: second file went wrong');
      expect(messages).toContain('expected console.error matching /second file never logged/');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('is installed in every Vitest project of the repository', async () => {
    const { default: config } = (await import('../../vitest.config')) as {
      default: { test: { projects: unknown[] } };
    };
    const projects = config.test.projects as {
      test?: { name?: string; root?: string; setupFiles?: string[] };
    }[];
    expect(projects.length).toBeGreaterThan(5);
    const without = projects
      .filter((project) => !project.test?.setupFiles?.includes(setupFile))
      .map((project) => project.test?.name ?? project.test?.root ?? JSON.stringify(project));
    expect(without).toEqual([]);
  });
});
