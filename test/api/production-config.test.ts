import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryOf, exitOf, productionApiEnv, repoRoot, startProcess } from '../support/processes';

// Configuration is checked before anything connects: the database URL need not answer.
const UNREACHABLE_DB = 'postgresql://lms:secret@db.internal.example:5432/lms';

/** Starts a process in production with `env` and waits for it to exit on its own. */
async function refusedStart(command: string[], cwd: string, env: Record<string, string>) {
  const unset = Object.fromEntries(
    Object.entries(env)
      .filter(([, value]) => value === '')
      .map(([key]) => [key, '']),
  );
  const child = startProcess(
    process.execPath,
    command,
    { ...env, ...unset, LOG_LEVEL: 'warn' },
    cwd,
  );
  const timer = setTimeout(() => void child.stop(), 60_000);
  const code = await exitOf(child);
  clearTimeout(timer);
  return { code, output: child.output() };
}

// The fresh build when there is one (as production runs it, and without compiling the sources
// through tsx four times), else the sources.
const apiCommand = entryOf('api');
const apiCwd = path.join(repoRoot, 'api');
const good = productionApiEnv(UNREACHABLE_DB);

// The issue's three kinds of bad setting, each on an otherwise valid production configuration
// ('' = unset). Every setting and value is covered in-process by api/src/env.test.ts.
const badSettings: [string, Record<string, string>, RegExp][] = [
  ['DATABASE_URL missing', { DATABASE_URL: '' }, /DATABASE_URL: is required/],
  [
    'CERTIFICATE_SPONSOR the demo default',
    { CERTIFICATE_SPONSOR: 'CodeCred LMS' },
    /CERTIFICATE_SPONSOR: is still the demo value/,
  ],
  [
    'PUBLIC_WEB_URL on localhost',
    { PUBLIC_WEB_URL: 'https://localhost:3000' },
    /PUBLIC_WEB_URL: must not point at localhost/,
  ],
];

describe('API production start refuses a bad configuration', () => {
  it.each(badSettings)('%s: exits non-zero naming it', async (_name, bad, message) => {
    const { code, output } = await refusedStart(apiCommand, apiCwd, { ...good, ...bad });
    expect(code, output).toBe(1);
    expect(output).toMatch(message);
    expect(output).toContain('Refusing to start the API');
    expect(output).not.toMatch(/\n\s+at /); // a list of problems, not a stack trace
  });

  it('lists every problem at once', async () => {
    const { code, output } = await refusedStart(apiCommand, apiCwd, {
      NODE_ENV: 'production',
      DATABASE_URL: '',
      ISSUER_PRIVATE_JWK: '',
      PUBLIC_WEB_URL: '',
      PUBLIC_API_URL: 'http://localhost:4000',
      CERTIFICATE_SPONSOR: '',
      STRIPE_SECRET_KEY: '',
      STRIPE_WEBHOOK_SECRET: '',
    });
    expect(code, output).toBe(1);
    for (const name of [
      'DATABASE_URL',
      'ISSUER_PRIVATE_JWK',
      'PUBLIC_WEB_URL',
      'PUBLIC_API_URL',
      'CERTIFICATE_SPONSOR',
      'STRIPE_SECRET_KEY',
      'STRIPE_WEBHOOK_SECRET',
    ]) {
      expect(output).toContain(`${name}:`);
    }
  });
});

describe('web production start refuses a bad configuration', () => {
  const webEnv = {
    NODE_ENV: 'production',
    PORT: '0',
    API_URL: 'https://api.learn.example.org/graphql',
  };
  it.each([
    ['SESSION_SECRET missing', { SESSION_SECRET: '' }, /SESSION_SECRET: is required/],
    [
      'SESSION_SECRET too short',
      { SESSION_SECRET: 'short-secret-1234' },
      /SESSION_SECRET: must be at least 32/,
    ],
    ['API_URL missing', { API_URL: '', SESSION_SECRET: 'a'.repeat(40) }, /API_URL: is required/],
  ] as [string, Record<string, string>, RegExp][])(
    '%s: exits non-zero naming it',
    async (_name, bad, message) => {
      const { code, output } = await refusedStart(['web/server.js'], repoRoot, {
        ...webEnv,
        ...bad,
      });
      expect(code, output).not.toBe(0);
      expect(output).toMatch(message);
    },
  );
});
