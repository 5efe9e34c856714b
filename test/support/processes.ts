import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningProcess {
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Spawns a child with captured output (shown when a test fails to start it). */
export function startProcess(
  command: string,
  args: string[],
  env: Record<string, string>,
  cwd = repoRoot,
): RunningProcess {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env } });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return {
    child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

export async function waitForHttp(
  url: string,
  process: RunningProcess,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process.child.exitCode !== null) {
      throw new Error(
        `process exited (${process.child.exitCode}) before ${url} answered:\n${process.output()}`,
      );
    }
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${process.output()}`);
}

/**
 * Directories whose sources the API and worker bundles inline (scripts/build-server.mjs), and
 * the build script itself.
 */
const BUNDLED_SOURCES = [
  'api/src',
  'worker/src',
  'prisma/src',
  'packages',
  'scripts/build-server.mjs',
];

function newestMtime(target: string): number {
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

let sourcesMtime: number | undefined;
const freshBuilds = new Map<string, boolean>();

/**
 * How to start the API or the worker: its build (`<name>/dist/bin/main.js`, which `pnpm test`
 * makes first) when it is newer than every source file it bundles, else the source through tsx.
 * The build starts in about half the time (no TypeScript to compile on a busy machine, for every
 * one of the ~25 processes a test run starts); a stale or missing build never runs, so a test
 * after an edit tests the edit.
 */
export function entryOf(name: 'api' | 'worker'): string[] {
  const bundle = path.join(repoRoot, name, 'dist/bin/main.js');
  let fresh = freshBuilds.get(name);
  if (fresh === undefined) {
    sourcesMtime ??= Math.max(
      ...BUNDLED_SOURCES.map((source) => newestMtime(path.join(repoRoot, source))),
    );
    let built = 0;
    try {
      built = statSync(bundle).mtimeMs;
    } catch {
      // not built
    }
    fresh = built > sourcesMtime;
    freshBuilds.set(name, fresh);
  }
  return fresh ? [bundle] : ['--import', 'tsx', 'src/main.ts'];
}

/** Starts the real API process (`api/src/main.ts`, or its fresh build) against a database. */
export async function startApiProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
) {
  // A caller that must know the address before the API answers (see stack.ts) names the port.
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const api = startProcess(
    process.execPath,
    [...nodeArgs, ...entryOf('api')],
    {
      // The bundle cannot find the web app's operations beside its source: name the file.
      TRUSTED_DOCUMENTS_FILE: path.join(
        repoRoot,
        'web/app/graphql/generated/persisted-documents.json',
      ),
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      // No Stripe keys: the API starts the Stripe emulator, on a free port per process.
      STRIPE_EMULATOR_PORT: '0',
      // Every journey's browser comes from 127.0.0.1: raise the per-address request limits
      // (the password-guessing rules keep their production values).
      RATE_LIMITS: JSON.stringify({
        registerPerAddress: { limit: 10_000, windowSeconds: 60 },
        signInPerAddress: { limit: 10_000, windowSeconds: 60 },
        checkoutPerAddress: { limit: 10_000, windowSeconds: 60 },
        checkoutPerAccount: { limit: 10_000, windowSeconds: 60 },
        verifyPerAddress: { limit: 10_000, windowSeconds: 60 },
      }),
      ...env,
    },
    path.join(repoRoot, 'api'),
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/readyz`, api);
  return { ...api, url };
}

/** Starts the built web app (`pnpm --filter @lms/web build` first) against an API. */
export async function startWebProcess(
  apiUrl: string,
  webPort?: number,
  env: Record<string, string> = {},
  /** Polled until it answers 2xx; a static file when the API is meant to be unreachable. */
  readyPath = '/',
) {
  const port = webPort ?? (await freePort());
  const web = startProcess(process.execPath, ['web/server.js'], {
    PORT: String(port),
    HOST: '127.0.0.1',
    API_URL: `${apiUrl}/graphql`,
    NODE_ENV: 'production',
    SESSION_SECRET: 'test-session-secret-test-session-secret',
    ...env,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}${readyPath === '/' ? '' : readyPath}`, web);
  return { ...web, url };
}

/**
 * A complete, valid production configuration for the API (every required setting present and
 * none a demo value). Stripe keys are never used by the tests that start production APIs.
 */
export function productionApiEnv(databaseUrl: string): Record<string, string> {
  const { privateKey } = generateKeyPairSync('ed25519');
  return {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    SEED_DEMO_DATA: 'false',
    PUBLIC_WEB_URL: 'https://learn.example.org',
    PUBLIC_API_URL: 'https://api.learn.example.org',
    CERTIFICATE_SPONSOR: 'Example Coding Academy',
    ISSUER_PRIVATE_JWK: JSON.stringify(privateKey.export({ format: 'jwk' })),
    STRIPE_SECRET_KEY: 'sk_test_production_mode_test_key',
    STRIPE_WEBHOOK_SECRET: 'whsec_production_mode_test_secret',
    // These tests send their own GraphQL documents; refusing them in production is
    // api/src/trusted-documents.test.ts's subject.
    GRAPHQL_ADHOC_DOCUMENTS: 'allow',
  };
}

/** Resolves with the exit code (or signal name) once the process has exited. */
export function exitOf(running: RunningProcess): Promise<number | string> {
  const { child } = running;
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  if (child.signalCode !== null) return Promise.resolve(child.signalCode);
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
}

/** Starts the job worker process (`worker/src/main.ts`, or its fresh build) against a database. */
export async function startWorkerProcess(databaseUrl: string, env: Record<string, string> = {}) {
  const worker = startProcess(
    process.execPath,
    entryOf('worker'),
    { DATABASE_URL: databaseUrl, LOG_LEVEL: 'info', NODE_ENV: 'test', ...env },
    path.join(repoRoot, 'worker'),
  );
  const deadline = Date.now() + 90_000;
  while (!worker.output().includes('worker ready')) {
    if (worker.child.exitCode !== null)
      throw new Error(`worker exited (${worker.child.exitCode}):\n${worker.output()}`);
    if (Date.now() > deadline) throw new Error(`worker did not start:\n${worker.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return worker;
}
