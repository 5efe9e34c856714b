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
  services: Record<string, Service>;
};
interface Service {
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  profiles?: string[];
}
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
function resolved(
  service: string,
  env: Record<string, string> = operatorEnv,
  environment: Record<string, string> = compose.services[service]?.environment ?? {},
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [
      name,
      String(value).replace(
        /\$\{(\w+)(?::[?-]([^}]*))?\}/g,
        (_match, variable: string, fallback) => {
          const given = env[variable];
          if (given !== undefined) return given;
          if (fallback !== undefined && !String(_match).includes(':?')) return fallback;
          throw new Error(`${service}.${name} needs ${variable}, which the test's .env lacks`);
        },
      ),
    ]),
  );
}

/** Problems of the mail catcher service: what `pnpm mail-catcher` needs in a container. */
function mailCatcherProblems(environment: Record<string, string>, ports: string[]): string[] {
  const problems: string[] = [];
  // Its default host is 127.0.0.1: unreachable from the other containers.
  if (environment.MAIL_CATCHER_HOST !== '0.0.0.0') problems.push('MAIL_CATCHER_HOST: 0.0.0.0');
  for (const name of ['MAIL_CATCHER_SMTP_PORT', 'MAIL_CATCHER_PORT']) {
    if (!/^\d+$/.test(environment[name] ?? '')) problems.push(`${name}: a port number`);
  }
  if (!ports.some((port) => port.endsWith(`:${environment.MAIL_CATCHER_PORT}`))) {
    problems.push('ports: must publish the web inbox (MAIL_CATCHER_PORT)');
  }
  return problems;
}

/** Everything wrong with one service: its command, then the variables it needs. */
function serviceProblems(name: string, service: Service): string[] {
  const problems: string[] = [];
  const command = service.command ?? [];
  if (
    command.length !== 2 ||
    command[0] !== 'pnpm' ||
    !Object.keys(manifest.scripts).includes(command[1] ?? '')
  ) {
    problems.push(`command: ${JSON.stringify(command)} is not ["pnpm", <root script>]`);
  }
  const check = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      problems.push((error as Error).message);
    }
  };
  check(() => {
    const env = resolved(name, operatorEnv, service.environment ?? {});
    if (name === 'api') loadEnv(env);
    else if (name === 'worker') loadWorkerConfig(env);
    else if (name === 'web') {
      if (env.NODE_ENV !== 'production') problems.push('NODE_ENV: production');
      if (!/^https?:\/\/.+\/graphql$/.test(env.API_URL ?? '')) problems.push('API_URL');
      if ((env.SESSION_SECRET?.length ?? 0) < 32) problems.push('SESSION_SECRET');
    } else if (name === 'mail') problems.push(...mailCatcherProblems(env, service.ports ?? []));
    else problems.push(`${name}: a service this test does not know`);
  });
  return problems;
}

describe('compose.yaml', () => {
  const appServices = Object.entries(compose.services).filter(([name]) => name !== 'postgres');

  it('has PostgreSQL, two API replicas, a worker, the web app and the demo mail catcher', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'api',
      'mail',
      'postgres',
      'web',
      'worker',
    ]);
    expect((compose.services.api as { deploy?: { replicas?: number } }).deploy?.replicas).toBe(2);
    // The catcher is for staging and demos: it starts only with `--profile demo`.
    expect(compose.services.mail?.profiles).toEqual(['demo']);
  });

  it.each(appServices)(
    '%s runs a root package.json script and sets what it needs',
    (name, service) => {
      expect(serviceProblems(name, service)).toEqual([]);
    },
  );

  it.each(appServices)(
    '%s: without its command, or without any one of its variables, the check fails',
    (name, service) => {
      expect(serviceProblems(name, { ...service, command: undefined })).not.toEqual([]);
      expect(serviceProblems(name, { ...service, command: ['node', 'main.js'] })).not.toEqual([]);
      // Variables with a fallback (${X:-default}) or a default in the config module may go.
      const required = Object.keys(service.environment ?? {}).filter((variable) => {
        const { [variable]: _dropped, ...rest } = service.environment ?? {};
        return serviceProblems(name, { ...service, environment: rest }).length > 0;
      });
      expect(required.length, `${name} needs none of its variables?`).toBeGreaterThan(0);
    },
  );

  it('api and worker send mail through the catcher unless the operator names an SMTP relay', () => {
    const { SMTP_URL: _relay, ...withoutRelay } = operatorEnv;
    const mail = compose.services.mail?.environment ?? {};
    for (const service of ['api', 'worker']) {
      const smtp = new URL(resolved(service, withoutRelay).SMTP_URL ?? '');
      expect(smtp.hostname).toBe('mail');
      expect(smtp.port).toBe(mail.MAIL_CATCHER_SMTP_PORT);
      expect(resolved(service).SMTP_URL).toBe(operatorEnv.SMTP_URL);
    }
    expect(() => loadWorkerConfig(resolved('worker', withoutRelay))).not.toThrow();
  });

  it('the image holds the mail catcher that `pnpm mail-catcher` runs', () => {
    expect(manifest.scripts['mail-catcher']).toBe('node scripts/mail-catcher.mjs');
    expect(dockerfile).toMatch(/--filter @lms\/mail --prod deploy \/out\/mail/);
    expect(dockerfile).toMatch(/^COPY --from=build \/out\/mail \/app\/packages\/mail$/m);
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
