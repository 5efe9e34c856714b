// `pnpm bench`: throughput and latency of the API against a raw-SQL baseline, over HTTP, with
// 50 concurrent clients. Prints figures; asserts nothing (targets are in the issues).
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrismaClient, migrate, seedDemoData, seedManyCourses } from '@lms/db';
import { startEmbeddedPostgres } from '@lms/db/embedded';
import autocannon from 'autocannon';
import {
  freePort,
  type RunningProcess,
  startApiProcess,
  startProcess,
  waitForHttp,
} from '../support/processes';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CATALOG_COURSES = 1000;

const CATALOG_QUERY = `query Catalog($first: Int, $search: String, $filter: CourseFilter) {
  courses(first: $first, search: $search, filter: $filter) { totalCount
  pageInfo { hasNextPage endCursor }
  edges { cursor node { id slug title summary kind level instructionalMinutes publishedAt
    price { amountCents currency } isFree instructor { name bio }
    credits { body ceuAmount category validUntil } modules { title lessons { title kind estimatedMinutes } } } } } }`;

interface Measured {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(name: string, url: string, body: string): Promise<Measured> {
  const options = {
    url,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body,
    connections: CONNECTIONS,
  };
  await autocannon({ ...options, duration: 2 }); // warm-up: JIT, pools, caches
  const result = await autocannon({ ...options, duration: DURATION_S });
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

function rssSampler(pid: number) {
  let peakKb = 0;
  const read = () => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peakKb = Math.max(peakKb, hwm);
    } catch {
      // process gone
    }
  };
  const timer = setInterval(read, 250);
  return {
    stop() {
      read();
      clearInterval(timer);
      return peakKb / 1024;
    },
  };
}

function table(rows: Measured[], baseline: Measured) {
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(i === 0 ? 34 : 12)).join('');
  console.log(line(['scenario', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'vs raw SQL']));
  for (const row of rows) {
    console.log(
      line([
        row.name,
        row.requestsPerSecond.toFixed(0),
        String(row.p50),
        String(row.p99),
        String(row.errors + row.non2xx),
        (row.requestsPerSecond / baseline.requestsPerSecond).toFixed(2),
      ]),
    );
  }
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'lms-bench-'));
const processes: RunningProcess[] = [];
const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'lms' });
try {
  const databaseUrl = postgres.url('lms');
  await migrate({ databaseUrl });
  const db = createPrismaClient({ databaseUrl });
  await seedDemoData(db);
  await seedManyCourses(db, CATALOG_COURSES);
  await db.$disconnect();
  await postgresAnalyze(databaseUrl);

  const api = await startApiProcess(databaseUrl, { LOG_LEVEL: 'error', SEED_DEMO_DATA: 'false' });
  processes.push(api);
  const rawPort = await freePort();
  const raw = startProcess(
    process.execPath,
    ['--import', 'tsx', 'bench/raw-catalog-server.ts', databaseUrl, String(rawPort)],
    {},
    path.join(import.meta.dirname, '..'),
  );
  processes.push(raw);
  await waitForHttp(`http://127.0.0.1:${rawPort}/`, raw).catch(() => {});

  const rss = rssSampler(api.child.pid!);
  const scenarios: { title: string; variables: Record<string, unknown> }[] = [
    { title: 'catalog, first page', variables: { first: 12 } },
    {
      title: 'catalog search "diabetes coding"',
      variables: { first: 12, search: 'diabetes coding' },
    },
    {
      title: 'catalog search + filters (CE, paid, intermediate)',
      variables: {
        first: 12,
        search: 'coding',
        filter: { kind: 'CE', price: 'PAID', level: 'INTERMEDIATE' },
      },
    },
  ];
  const ratios: string[] = [];
  let worstP99 = 0;
  for (const scenario of scenarios) {
    const body = JSON.stringify({ query: CATALOG_QUERY, variables: scenario.variables });
    const [rawCheck, apiCheck] = await Promise.all([
      postJson(`http://127.0.0.1:${rawPort}/`, body),
      postJson(`${api.url}/graphql`, body),
    ]);
    console.log(
      `\n${scenario.title}: ${apiCheck.data.courses.totalCount} matches of ${CATALOG_COURSES + 4} published courses (raw SQL finds ${rawCheck.data.totalCount}); page of 12 with every field, ${CONNECTIONS} connections, ${DURATION_S} s each\n`,
    );
    const baseline = await load('raw SQL (pg + JSON)', `http://127.0.0.1:${rawPort}/`, body);
    const measured = await load('GraphQL API', `${api.url}/graphql`, body);
    table([baseline, measured], baseline);
    ratios.push(
      `${scenario.title}: ${(measured.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)}`,
    );
    worstP99 = Math.max(worstP99, measured.p99);
  }
  const peakRssMb = rss.stop();
  console.log(`\nAPI peak RSS: ${peakRssMb.toFixed(0)} MB`);
  console.log(
    `Targets: ratio >= 0.5 (${ratios.join('; ')}), p99 <= 20 ms (worst ${worstP99}), RSS <= 300 MB (${peakRssMb.toFixed(0)})`,
  );
} finally {
  await Promise.all(processes.map((child) => child.stop()));
  await postgres.stop();
  await rm(dataDir, { recursive: true, force: true });
}

// biome-ignore lint/suspicious/noExplicitAny: a sanity check of two JSON answers
async function postJson(url: string, body: string): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const json = (await response.json()) as { errors?: unknown };
  if (json.errors) throw new Error(`${url} answered errors: ${JSON.stringify(json.errors)}`);
  return json;
}

async function postgresAnalyze(databaseUrl: string) {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('ANALYZE');
  await client.end();
}
