// `pnpm --filter @lms/test bench:verify`: public certificate verification under load, over
// HTTP against the real API process (GraphQL verifyCertificate with random existing serials,
// 50 concurrent clients) versus a raw-SQL baseline (pg + node:http), interleaved round by round
// (BENCH_ROUNDS, default 4) so a busy machine slows both alike. Prints lookups per second,
// p50/p99, the ratio and Node / PostgreSQL CPU per lookup; asserts nothing. Target: ≥ 0.6× the
// baseline, p99 ≤ 10 ms.
// Each lookup comes from one of BENCH_ADDRESSES client addresses (default 1,000; 1 for every
// lookup from one address), sent as X-Forwarded-For as the web server forwards its visitors'
// addresses (the API trusts its loopback peer): the per-address rate-limit counters are charged
// as in production, where visitors do not all share one counter row. The raw baseline gets the
// same requests and headers (ARCHITECTURE.md, "Certificate verify bench: many client addresses").
// BENCH_VERIFY_BEFORE=<folder> (a compiled build copied from api/dist before a change, e.g.
// api/dist-before): that build runs as a third contender, interleaved with the other two, so a
// change is measured against its own baseline in the same run.
// BENCH_PG_STATEMENTS=1: PostgreSQL loads pg_stat_statements; prints each statement's calls,
// execution and planning time per call over the measured rounds.
// BENCH_PROFILE_DIR=<dir>: the API (the current build) writes a V8 CPU profile there on exit.
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
import { benchApiKind, startBenchApi, startCompiledApi } from './api-process';
import { parseBenchArgs } from './args';
import { interleaved, printResults } from './compare';
import { buildCertificates } from './fixtures';
import { drive, postJson } from './load';
import { pgStatementSettings, printStatementStats, resetStatementStats } from './pg-statements';

const {
  addresses: ADDRESSES,
  certificates: CERTIFICATES,
  connections: CONCURRENCY,
  lookups: LOOKUPS,
  rounds: ROUNDS,
} = parseBenchArgs({
  addresses: 1000,
  certificates: 5000,
  connections: 50,
  lookups: 5000,
  rounds: 4,
});
const WARM_UP = 500;
const BEFORE = process.env.BENCH_VERIFY_BEFORE;
const PG_STATEMENTS = process.env.BENCH_PG_STATEMENTS === '1';
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;

const VERIFY = `query($serial: String!) { verifyCertificate(serial: $serial) { status serial certificate {
  serial participantName programTitle sponsoringOrganization completionDate issuedAt
  credits { body indexNumber ceuAmount category } verifyUrl status revokedAt revocationReason supersededBySerial } } }`;

const dataDir = await mkdtemp(path.join(tmpdir(), 'lms-bench-verify-'));
const processes: RunningProcess[] = [];
const postgres = await startEmbeddedPostgres({
  dataDir,
  port: await freePort(),
  database: 'lms',
  settings: PG_STATEMENTS ? pgStatementSettings : {},
});
try {
  const databaseUrl = postgres.url('lms');
  await migrate({ databaseUrl });
  const serials = await buildCertificates(databaseUrl, CERTIFICATES);
  // The response cache off: every lookup runs the resolver (and the rate limiter).
  const api = await startBenchApi(
    databaseUrl,
    { RESPONSE_CACHE: 'off' },
    PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [],
  );
  console.log(`API: ${benchApiKind()} (BENCH_API=compiled|tsx), response cache off`);
  processes.push(api);
  const before = BEFORE
    ? await startCompiledApi(databaseUrl, BEFORE, { RESPONSE_CACHE: 'off' })
    : null;
  if (before) {
    processes.push(before);
    console.log(`before: ${BEFORE}/bin/main.js (compiled), response cache off`);
  }
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
  interface Lookup {
    serial: string;
    address: string;
  }
  const pick = (): Lookup => {
    const n = Math.floor(Math.random() * ADDRESSES);
    return {
      serial: serials[Math.floor(Math.random() * serials.length)]!,
      address: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
    };
  };
  const headers = (l: Lookup) => ({
    'apollo-require-preflight': 'true',
    'x-forwarded-for': l.address,
  });
  const viaApi = (l: Lookup) =>
    postJson(apiUrl, { query: VERIFY, variables: { serial: l.serial } }, headers(l));
  const viaRaw = (l: Lookup) => postJson(rawUrl, { serial: l.serial }, headers(l));
  const beforeUrl = before ? `${before.url}/graphql` : '';
  const viaBefore = (l: Lookup) =>
    postJson(beforeUrl, { query: VERIFY, variables: { serial: l.serial } }, headers(l));

  const warm = Array.from({ length: WARM_UP }, pick);
  await drive(warm, CONCURRENCY, viaApi);
  await drive(warm, CONCURRENCY, viaRaw);
  if (before) await drive(warm, CONCURRENCY, viaBefore);
  if (PG_STATEMENTS) await resetStatementStats(databaseUrl);

  const lookups = Array.from({ length: LOOKUPS }, pick);
  const results = await interleaved(
    [
      { name: 'GraphQL verifyCertificate', pid: api.child.pid!, items: lookups, work: viaApi },
      { name: 'raw SQL (pg + node:http)', pid: raw.child.pid!, items: lookups, work: viaRaw },
      ...(before
        ? [{ name: `before (${BEFORE})`, pid: before.child.pid!, items: lookups, work: viaBefore }]
        : []),
    ],
    { rounds: ROUNDS, concurrency: CONCURRENCY, postgresDataDir: dataDir },
  );
  printResults(
    `Certificate verification: ${LOOKUPS} lookups of ${CERTIFICATES} certificates from ${ADDRESSES} client addresses, ${CONCURRENCY} concurrent clients, ${ROUNDS} interleaved rounds`,
    results,
    'raw SQL (pg + node:http)',
  );
  const [graphql, baseline, earlier] = results as [
    (typeof results)[0],
    (typeof results)[0],
    (typeof results)[0] | undefined,
  ];
  console.log(
    `ratio ${(graphql.perSecond / baseline.perSecond).toFixed(2)}× the baseline (target ≥ 0.6×); API p99 ${graphql.p99.toFixed(1)} ms (target ≤ 10 ms); Node CPU per lookup ${graphql.nodeCpuMsPerRequest.toFixed(2)} ms vs ${baseline.nodeCpuMsPerRequest.toFixed(2)} ms raw`,
  );
  if (earlier) {
    console.log(
      `before: ratio ${(earlier.perSecond / baseline.perSecond).toFixed(2)}× the baseline; Node CPU per lookup ${earlier.nodeCpuMsPerRequest.toFixed(2)} ms, PostgreSQL ${earlier.postgresCpuMsPerRequest.toFixed(2)} ms`,
    );
  }
  if (PG_STATEMENTS) await printStatementStats(databaseUrl, LOOKUPS / 2);
} finally {
  await Promise.all(processes.map((child) => child.stop()));
  await postgres.stop();
  await rm(dataDir, { recursive: true, force: true });
}
