// `pnpm --filter @lms/test bench:verify`: public certificate verification under load, over
// HTTP against the real API process (GraphQL verifyCertificate with random existing serials,
// 50 concurrent clients) versus a raw-SQL baseline (pg + node:http). Prints lookups per
// second, p50/p99 and the ratio; asserts nothing. Target: ≥ 0.6× the baseline, p99 ≤ 10 ms.
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
import { buildCertificates } from './fixtures';
import { drive, postJson, summarise } from './load';

const {
  certificates: CERTIFICATES,
  connections: CONCURRENCY,
  lookups: LOOKUPS,
} = parseBenchArgs({ certificates: 5000, connections: 50, lookups: 5000 });
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
  const graphql = summarise('GraphQL verifyCertificate', await drive(lookups, CONCURRENCY, viaApi));
  const baseline = summarise('raw SQL (pg + node:http)', await drive(lookups, CONCURRENCY, viaRaw));
  const fmt = (n: number) => n.toFixed(1);
  console.log(
    `\nCertificate verification: ${LOOKUPS} lookups of ${CERTIFICATES} certificates, ${CONCURRENCY} concurrent clients`,
  );
  for (const row of [graphql, baseline]) {
    console.log(
      `  ${row.name.padEnd(28)} ${fmt(row.perSecond).padStart(8)} lookups/s   p50 ${fmt(row.p50)} ms   p99 ${fmt(row.p99)} ms   errors ${row.errors}${row.firstError ? ` (${row.firstError})` : ''}`,
    );
  }
  console.log(
    `  ratio ${(graphql.perSecond / baseline.perSecond).toFixed(2)}× the baseline (target ≥ 0.6×); API p99 ${fmt(graphql.p99)} ms (target ≤ 10 ms)`,
  );
} finally {
  await Promise.all(processes.map((child) => child.stop()));
  await postgres.stop();
  await rm(dataDir, { recursive: true, force: true });
}
