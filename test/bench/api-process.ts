// The API process a benchmark measures. BENCH_API=compiled: the production start, as the root
// `serve:api` script runs it (its node flags, `api/dist/bin/main.js`, NODE_ENV=production;
// `pnpm --filter @lms/api build` first). Otherwise (default, BENCH_API=tsx): the sources under
// tsx in test mode, as the tests start it. Either way the per-address request limits are raised
// (every benchmark client is 127.0.0.1) and the response cache is as `env` says (on unless
// RESPONSE_CACHE=off).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  freePort,
  productionApiEnv,
  repoRoot,
  startApiProcess,
  startProcess,
  waitForHttp,
} from '../support/processes';

export type BenchApiKind = 'compiled' | 'tsx';

export function benchApiKind(): BenchApiKind {
  const kind = process.env.BENCH_API ?? 'tsx';
  if (kind !== 'compiled' && kind !== 'tsx') {
    throw new Error(`BENCH_API must be "compiled" or "tsx", not "${kind}".`);
  }
  return kind;
}

/** The node flags of the root `serve:api` script (`node <flags> api/dist/bin/main.js`). */
export function serveApiFlags(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = manifest.scripts['serve:api']?.split(/\s+/) ?? [];
  if (words[0] !== 'node' || words.at(-1) !== 'api/dist/bin/main.js') {
    throw new Error(`serve:api is not "node [flags] api/dist/bin/main.js": ${words.join(' ')}`);
  }
  return words.slice(1, -1);
}

const BENCH_RATE_LIMITS = JSON.stringify({
  registerPerAddress: { limit: 1_000_000, windowSeconds: 60 },
  signInPerAddress: { limit: 1_000_000, windowSeconds: 60 },
  checkoutPerAddress: { limit: 1_000_000, windowSeconds: 60 },
  checkoutPerAccount: { limit: 1_000_000, windowSeconds: 60 },
  verifyPerAddress: { limit: 1_000_000, windowSeconds: 60 },
});

export async function startBenchApi(
  databaseUrl: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
) {
  if (benchApiKind() === 'tsx') {
    return startApiProcess(databaseUrl, { ...BENCH_SETTINGS, ...env }, nodeArgs);
  }
  return startCompiledApi(databaseUrl, 'api/dist', env, nodeArgs);
}

const BENCH_SETTINGS = {
  LOG_LEVEL: 'error',
  SEED_DEMO_DATA: 'false',
  RATE_LIMITS: BENCH_RATE_LIMITS,
};

/**
 * A compiled API started as `serve:api` starts it, from `dist` (`api/dist`, or another build
 * folder for a same-run A/B of two builds), with the benchmark's settings and `env`.
 */
export async function startCompiledApi(
  databaseUrl: string,
  dist: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
) {
  const main = path.join(repoRoot, dist, 'bin/main.js');
  if (!existsSync(main)) {
    throw new Error(
      `${dist} is missing: run \`pnpm --filter @lms/api build\` (and copy it there).`,
    );
  }
  const port = await freePort();
  const api = startProcess(
    process.execPath,
    [...nodeArgs, ...serveApiFlags(), main],
    {
      ...productionApiEnv(databaseUrl),
      PORT: String(port),
      HOST: '127.0.0.1',
      MALLOC_ARENA_MAX: '2',
      ...BENCH_SETTINGS,
      ...env,
    },
    repoRoot,
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/readyz`, api, 120_000);
  return { ...api, url };
}
