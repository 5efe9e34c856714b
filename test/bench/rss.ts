// `pnpm bench:rss` (printed, never asserted): resident memory of one API process in production
// mode, idle and at its peak under the catalog load, beside each other in the same run:
//   - compiled: the production start exactly as `pnpm serve:api` runs it (the root script's
//     node flags), from a `pnpm --filter @lms/api --prod deploy` folder (production
//     dependencies only, as in the image);
//   - the same with RESPONSE_CACHE=off (the first one runs with the response cache on, its
//     default, so the repeated anonymous page is served from memory);
//   - compiled, no V8 flags: the same bundle with plain `node` (what the flags buy);
//   - tsx: the sources under tsx, as `pnpm start` runs the API.
// `pnpm build` first. Without DATABASE_URL it starts its own PostgreSQL with the demo data and
// 1,000 extra published courses. Targets (issues 11 and 15): idle ≤ 150 MB, under load ≤ 300 MB,
// with the throughput kept (req/s printed beside).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createPrismaClient, migrate, seedDemoData, seedManyCourses } from '@lms/db';
import autocannon from 'autocannon';
import {
  freePort,
  productionApiEnv,
  repoRoot,
  startProcess,
  waitForHttp,
} from '../support/processes';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const IDLE_WAIT_MS = 5_000;
const CATALOG_COURSES = 1000;
/** The catalog benchmark's document: a page of 12 with every field. */
const CATALOG_QUERY = `query Catalog($first: Int) {
  courses(first: $first) { totalCount
  pageInfo { hasNextPage endCursor }
  edges { cursor node { id slug title summary kind level instructionalMinutes publishedAt
    price { amountCents currency } isFree instructor { name bio }
    credits { body ceuAmount category validUntil } modules { title lessons { title kind estimatedMinutes } } } } } }`;

if (!existsSync(path.join(repoRoot, 'api/dist/bin/main.js'))) {
  throw new Error('api/dist is missing: run `pnpm build` first.');
}

/** User + system CPU time of a process so far, in ms (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0; // process gone
  }
}

/** The node flags of the root `serve:api` script (`node <flags> api/dist/bin/main.js`). */
async function serveApiFlags(): Promise<string[]> {
  const manifest = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = manifest.scripts['serve:api']?.split(/\s+/) ?? [];
  if (words[0] !== 'node' || words.at(-1) !== 'api/dist/bin/main.js') {
    throw new Error(`serve:api is not "node [flags] api/dist/bin/main.js": ${words.join(' ')}`);
  }
  return words.slice(1, -1);
}

interface Variant {
  label: string;
  args: string[];
  cwd: string;
  env?: Record<string, string>;
}

interface Row {
  label: string;
  idle: number;
  peak: number;
  requestsPerSecond: number;
  cpuPerRequest: number;
  p99: number;
  failed: number;
}

async function measure(variant: Variant, databaseUrl: string): Promise<Row> {
  const port = await freePort();
  const api = startProcess(
    process.execPath,
    variant.args,
    {
      ...productionApiEnv(databaseUrl),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      MALLOC_ARENA_MAX: '',
      ...variant.env,
    },
    variant.cwd,
  );
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/readyz`, api, 120_000);
    await new Promise((resolve) => setTimeout(resolve, IDLE_WAIT_MS));
    const pid = api.child.pid as number;
    const idle = rssMb(pid);
    let peak = idle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMb(pid));
    }, 100);
    const options = {
      url: `${url}/graphql`,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: CATALOG_QUERY, variables: { first: 12 } }),
      connections: CONNECTIONS,
    };
    await autocannon({ ...options, duration: 2 }); // warm-up: JIT, pools, caches
    const cpuBefore = cpuMs(pid);
    const result = await autocannon({ ...options, duration: DURATION_S });
    const cpu = cpuMs(pid) - cpuBefore;
    clearInterval(sampler);
    peak = Math.max(peak, rssMb(pid));
    return {
      label: variant.label,
      idle,
      peak,
      requestsPerSecond: result.requests.average,
      cpuPerRequest: cpu / Math.max(1, result.requests.total),
      p99: result.latency.p99,
      failed: result.errors + result.timeouts + result.non2xx,
    };
  } finally {
    await api.stop();
  }
}

async function seededDatabase(): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const { startEmbeddedPostgres } = await import('@lms/db/embedded');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'lms-bench-rss-'));
  const postgres = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    database: 'lms',
  });
  const url = postgres.url('lms');
  await migrate({ databaseUrl: url });
  const db = createPrismaClient({ databaseUrl: url });
  await seedDemoData(db);
  await seedManyCourses(db, CATALOG_COURSES);
  await db.$executeRawUnsafe('ANALYZE');
  await db.$disconnect();
  return {
    url,
    async stop() {
      await postgres.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const database = await seededDatabase();
const deployed = await mkdtemp(path.join(tmpdir(), 'lms-bench-rss-api-'));
try {
  await promisify(execFile)(
    'pnpm',
    ['--filter', '@lms/api', '--prod', 'deploy', '--offline', deployed],
    { cwd: repoRoot },
  );
  const flags = await serveApiFlags();
  const bundle = path.join(deployed, 'dist/bin/main.js');
  const variants: Variant[] = [
    {
      // As the image and `pnpm serve` run it: the script's flags and MALLOC_ARENA_MAX=2.
      label: `compiled: node ${flags.join(' ')}, MALLOC_ARENA_MAX=2`,
      args: [...flags, bundle],
      cwd: deployed,
      env: { MALLOC_ARENA_MAX: '2' },
    },
    {
      // The same with the response cache off: every catalog request computed (the cache on,
      // above, answers the repeated anonymous page from memory after the first request).
      label: 'compiled, as above, RESPONSE_CACHE=off',
      args: [...flags, bundle],
      cwd: deployed,
      env: { MALLOC_ARENA_MAX: '2', RESPONSE_CACHE: 'off' },
    },
    { label: 'compiled, no V8 flags', args: [bundle], cwd: deployed },
    {
      label: 'tsx (as pnpm start)',
      args: ['--import', 'tsx', 'src/main.ts'],
      cwd: path.join(repoRoot, 'api'),
    },
    // BENCH_RSS_FLAGS="--a --b;--c": more compiled variants, to try other V8 flags (with
    // MALLOC_ARENA_MAX=2, as the production start runs, so they compare with the first row).
    ...(process.env.BENCH_RSS_FLAGS ?? '')
      .split(';')
      .filter((set) => set.trim())
      .map((set) => ({
        label: `compiled, node ${set.trim()}, MALLOC_ARENA_MAX=2`,
        args: [...set.trim().split(/\s+/), bundle],
        cwd: deployed,
        env: { MALLOC_ARENA_MAX: '2' },
      })),
  ];
  const rows: Row[] = [];
  for (const variant of variants) rows.push(await measure(variant, database.url));

  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(62) : cell.padStart(11))).join('');
  console.log(
    `\nAPI process, NODE_ENV=production; catalog page of 12 with every field, ${CONNECTIONS} connections, ${DURATION_S} s after a 2 s warm-up\n`,
  );
  console.log(line(['variant', 'idle MB', 'peak MB', 'req/s', 'CPU ms/req', 'p99 ms', 'failed']));
  for (const row of rows) {
    console.log(
      line([
        row.label,
        row.idle.toFixed(0),
        row.peak.toFixed(0),
        row.requestsPerSecond.toFixed(0),
        row.cpuPerRequest.toFixed(2),
        String(row.p99),
        String(row.failed),
      ]),
    );
  }
  console.log(
    "\nTargets: compiled idle ≤ 150 MB, peak under load ≤ 300 MB, throughput kept. CPU ms/req is the API process's own CPU time per request (steadier than req/s on a shared machine).",
  );
} finally {
  await rm(deployed, { recursive: true, force: true });
  await database.stop();
}
