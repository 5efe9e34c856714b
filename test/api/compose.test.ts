import { generateKeyPairSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadWorkerConfig } from '@lms/worker';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadEnv } from '../../api/src/env';
import { repoRoot } from '../support/processes';

// No container runtime here: the image runs the very root scripts CI exercises, and this test
// holds compose.yaml to them and to the configuration modules' production rules.
const compose = parse(await readFile(path.join(repoRoot, 'compose.yaml'), 'utf8'), {
  merge: true,
}) as {
  services: Record<string, { command?: string[]; environment?: Record<string, string> }>;
};
const manifest = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};
const dockerfile = await readFile(path.join(repoRoot, 'Dockerfile'), 'utf8');

/** What an operator's .env provides for the ${VAR:?...} placeholders (valid production values). */
const operatorEnv: Record<string, string> = {
  POSTGRES_PASSWORD: 'a-long-database-password',
  PUBLIC_WEB_URL: 'https://learn.example.org',
  PUBLIC_API_URL: 'https://api.learn.example.org',
  CERTIFICATE_SPONSOR: 'Example Coding Academy',
  ISSUER_PRIVATE_JWK: JSON.stringify(
    generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }),
  ),
  STRIPE_SECRET_KEY: 'sk_live_example',
  STRIPE_WEBHOOK_SECRET: 'whsec_example',
  SESSION_SECRET: 'x'.repeat(64),
  SMTP_URL: 'smtps://mailer:secret@smtp.example.org:465',
  MAIL_FROM: 'Example Coding Academy <no-reply@example.org>',
};

/** The service's environment as compose resolves it against the operator's .env. */
function resolved(service: string): Record<string, string> {
  const environment = compose.services[service]?.environment ?? {};
  return Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [
      name,
      String(value).replace(
        /\$\{(\w+)(?::[?-]([^}]*))?\}/g,
        (_match, variable: string, fallback) => {
          const given = operatorEnv[variable];
          if (given !== undefined) return given;
          if (fallback !== undefined && !String(_match).includes(':?')) return fallback;
          throw new Error(`${service}.${name} needs ${variable}, which the test's .env lacks`);
        },
      ),
    ]),
  );
}

describe('compose.yaml', () => {
  const appServices = Object.entries(compose.services).filter(([name]) => name !== 'postgres');

  it('has PostgreSQL, two API replicas, a worker and the web app', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'postgres', 'web', 'worker']);
    expect((compose.services.api as { deploy?: { replicas?: number } }).deploy?.replicas).toBe(2);
  });

  it.each(appServices)('%s runs a root package.json script', (_name, service) => {
    expect(service.command?.[0]).toBe('pnpm');
    const script = service.command?.[1] ?? '';
    expect(Object.keys(manifest.scripts)).toContain(script);
    expect(service.command).toHaveLength(2);
  });

  it("the image's default command is a root script too", () => {
    const command = /^CMD \["pnpm", "([\w:-]+)"\]$/m.exec(dockerfile)?.[1];
    expect(Object.keys(manifest.scripts)).toContain(command);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
  });

  it("api: its environment satisfies the API's production configuration", () => {
    expect(() => loadEnv(resolved('api'))).not.toThrow();
    expect(resolved('api').NODE_ENV).toBe('production');
  });

  it("worker: its environment satisfies the worker's production configuration", () => {
    expect(() => loadWorkerConfig(resolved('worker'))).not.toThrow();
    expect(resolved('worker').NODE_ENV).toBe('production');
  });

  it('web: sets what the web app requires in production', () => {
    const web = resolved('web');
    expect(web.NODE_ENV).toBe('production');
    expect(web.API_URL).toMatch(/^https?:\/\/.+\/graphql$/);
    expect(web.SESSION_SECRET?.length).toBeGreaterThanOrEqual(32);
  });

  it('without the operator secrets the config modules would refuse (the check can fail)', () => {
    const bare = Object.fromEntries(
      Object.entries(compose.services.api?.environment ?? {}).filter(
        ([, value]) => !String(value).includes('${'),
      ),
    );
    expect(() => loadEnv(bare)).toThrow(/DATABASE_URL/);
  });
});
