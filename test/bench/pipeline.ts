// `pnpm --filter @lms/test bench:pipeline`: the API's per-request cost with no resolver work:
// `{ __typename }` over HTTP (Express, the trusted-documents check, Apollo's request pipeline
// and plugins, the context) beside the same answer from graphql-js behind node:http. Node CPU
// per request of each server process (from /proc), interleaved rounds. Prints figures only.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate } from '@lms/db';
import { startEmbeddedPostgres } from '@lms/db/embedded';
import {
  freePort,
  type RunningProcess,
  repoRoot,
  startApiProcess,
  startProcess,
  waitForHttp,
} from '../support/processes';
import { parseBenchArgs } from './args';
import { interleaved, printResults } from './compare';
import { postJson } from './load';

const { requests: REQUESTS, connections: CONCURRENCY } = parseBenchArgs({
  requests: 6000,
  connections: 20,
});
const BODY = { query: '{ __typename }' };

const dataDir = await mkdtemp(path.join(tmpdir(), 'lms-bench-pipeline-'));
const processes: RunningProcess[] = [];
const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'lms' });
try {
  const databaseUrl = postgres.url('lms');
  await migrate({ databaseUrl });
  // BENCH_PROFILE_DIR: the API writes a V8 CPU profile there on exit (--cpu-prof).
  const api = await startApiProcess(
    databaseUrl,
    { LOG_LEVEL: 'error', SEED_DEMO_DATA: 'false' },
    process.env.BENCH_PROFILE_DIR
      ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE_DIR]
      : [],
  );
  processes.push(api);
  const port = await freePort();
  const plain = startProcess(
    process.execPath,
    ['--import', 'tsx', 'bench/plain-graphql-server.ts', databaseUrl, String(port)],
    {},
    path.join(repoRoot, 'test'),
  );
  processes.push(plain);
  const plainUrl = `http://127.0.0.1:${port}/`;
  await waitForHttp(plainUrl, plain);
  const contenders = [
    {
      name: 'plain graphql-js + node:http',
      pid: plain.child.pid!,
      items: Array.from({ length: REQUESTS }, (_, i) => i),
      work: () => postJson(plainUrl, BODY),
    },
    {
      name: 'GraphQL API',
      pid: api.child.pid!,
      items: Array.from({ length: REQUESTS }, (_, i) => i),
      work: () => postJson(`${api.url}/graphql`, BODY),
    },
  ];
  await interleaved(
    contenders.map((c) => ({ ...c, items: c.items.slice(0, 1000) })),
    { rounds: 1, concurrency: CONCURRENCY, postgresDataDir: dataDir },
  );
  const results = await interleaved(contenders, {
    rounds: 6,
    concurrency: CONCURRENCY,
    postgresDataDir: dataDir,
  });
  printResults(
    `{ __typename }: ${REQUESTS} requests each, ${CONCURRENCY} concurrent`,
    results,
    'plain graphql-js + node:http',
  );
} finally {
  await Promise.all(processes.map((child) => child.stop()));
  await postgres.stop();
  await rm(dataDir, { recursive: true, force: true });
}
