// `pnpm --filter @lms/test bench:verify`: public certificate verification under load, over
// HTTP against the real API process (GraphQL verifyCertificate with random existing serials,
// 50 concurrent clients) versus a raw-SQL baseline (pg + node:http), interleaved round by round
// (BENCH_ROUNDS, default 4) so a busy machine slows both alike. Prints lookups per second,
// p50/p99, the ratio and Node / PostgreSQL CPU per lookup; asserts nothing. Target: ≥ 0.6× the
// baseline, p99 ≤ 10 ms.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate } from '@lms/db';
import { startEmbeddedPostgres } from '@lms/db/embedded';
import {
  freePort,
  type RunningProcess,
  repoRoot,
  startProcess,
  waitForHttp,
} from '../support/processes';
import { benchApiKind, startBenchApi } from './api-process';
import { parseBenchArgs } from './args';
import { interleaved, printResults } from './compare';
import { buildCertificates } from './fixtures';
import { drive, postJson } from './load';

const {
  certificates: CERTIFICATES,
  connections: CONCURRENCY,
  lookups: LOOKUPS,
  rounds: ROUNDS,
} = parseBenchArgs({ certificates: 5000, connections: 50, lookups: 5000, rounds: 4 });
const WARM_UP = 500;

const VERIFY = `query($serial: String!) { verifyCertificate(serial: $serial) { status serial certificate {
  serial participantName programTitle sponsoringOrganization completionDate issuedAt
  credits { body indexNumber ceuAmount category } verifyUrl status revokedAt revocationReason supersededBySerial } } }`;

const dataDir = await mkdtemp(path.join(tmpdir(), 'lms-bench-verify-'));
const processes: RunningProcess[] = [];
const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'lms' });
try {
  const databaseUrl = postgres.url('lms');
  await migrate({ databaseUrl });
  const serials = await buildCertificates(databaseUrl, CERTIFICATES);
  // The response cache off: every lookup runs the resolver (and the rate limiter).
  const api = await startBenchApi(databaseUrl, { RESPONSE_CACHE: 'off' });
  console.log(`API: ${benchApiKind()} (BENCH_API=compiled|tsx), response cache off`);
  processes.push(api);
  const rawPort = await freePort();
  const raw = startProcess(
    process.execPath,
    ['--import', 'tsx', 'bench/raw-verify-server.ts', databaseUrl, String(rawPort)],
    {},
    path.join(repoRoot, 'test'),
  );
  processes.push(raw);
  await waitForHttp(`http://127.0.0.1:${rawPort}/`, raw);
  const apiUrl = `${api.url}/graphql`;
  const rawUrl = `http://127.0.0.1:${rawPort}/`;
  const pick = () => serials[Math.floor(Math.random() * serials.length)]!;
  const headers = { 'apollo-require-preflight': 'true' };
  const viaApi = (s: string) =>
    postJson(apiUrl, { query: VERIFY, variables: { serial: s } }, headers);
  const viaRaw = (s: string) => postJson(rawUrl, { serial: s });

  const warm = Array.from({ length: WARM_UP }, pick);
  await drive(warm, CONCURRENCY, viaApi);
  await drive(warm, CONCURRENCY, viaRaw);

  const lookups = Array.from({ length: LOOKUPS }, pick);
  const results = await interleaved(
    [
      { name: 'GraphQL verifyCertificate', pid: api.child.pid!, items: lookups, work: viaApi },
      { name: 'raw SQL (pg + node:http)', pid: raw.child.pid!, items: lookups, work: viaRaw },
    ],
    { rounds: ROUNDS, concurrency: CONCURRENCY, postgresDataDir: dataDir },
  );
  printResults(
    `Certificate verification: ${LOOKUPS} lookups of ${CERTIFICATES} certificates, ${CONCURRENCY} concurrent clients, ${ROUNDS} interleaved rounds`,
    results,
    'raw SQL (pg + node:http)',
  );
  const [graphql, baseline] = results as [(typeof results)[0], (typeof results)[0]];
  console.log(
    `ratio ${(graphql.perSecond / baseline.perSecond).toFixed(2)}× the baseline (target ≥ 0.6×); API p99 ${graphql.p99.toFixed(1)} ms (target ≤ 10 ms); Node CPU per lookup ${graphql.nodeCpuMsPerRequest.toFixed(2)} ms vs ${baseline.nodeCpuMsPerRequest.toFixed(2)} ms raw`,
  );
} finally {
  await Promise.all(processes.map((child) => child.stop()));
  await postgres.stop();
  await rm(dataDir, { recursive: true, force: true });
}
