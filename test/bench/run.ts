// `pnpm bench`: the hot read paths of the API (catalog page, catalog search, lesson view,
// certificate verification) on a database of 10,000 published courses, each beside its raw-SQL
// baseline (pg + node:http) in the same run, interleaved round by round; the catalog also
// beside a plain graphql-js + DataLoader server issuing the product's catalog SQL. For each:
// requests per second and latency at 50 concurrent clients (closed loop), Node CPU and
// PostgreSQL CPU per request, then open-loop latency at a fixed 100 requests per second.
// The API runs twice: "GraphQL API" with RESPONSE_CACHE=off (every request computed: the cold
// figure, comparable with the baselines) and "GraphQL API, cache warm" with the response cache on
// (anonymous reads after the first are hits). BENCH_API=compiled measures the production build
// (test/bench/api-process.ts). Prints figures; asserts nothing (targets are in issue 15).
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrismaClient, migrate, seedDemoData, seedManyCourses } from '@lms/db';
import { startEmbeddedPostgres } from '@lms/db/embedded';
import pg from 'pg';
import {
  freePort,
  type RunningProcess,
  repoRoot,
  startProcess,
  waitForHttp,
} from '../support/processes';
import { benchApiKind, startBenchApi } from './api-process';
import { parseBenchArgs } from './args';
import { type Contender, interleaved, openLoop, printResults, type Result } from './compare';
import { buildCertificates, enrolLearners } from './fixtures';
import { postJson } from './load';
import type { HttpCall } from './open-loop';

const {
  connections: CONCURRENCY,
  requests: REQUESTS,
  rounds: ROUNDS,
  courses: COURSES,
  openRate: OPEN_RATE,
  openSeconds: OPEN_SECONDS,
} = parseBenchArgs({
  connections: 50,
  requests: 3000,
  rounds: 6,
  courses: 10_000,
  openRate: 100,
  openSeconds: 10,
});
/** Only these scenarios (comma-separated titles' first words), e.g. BENCH_ONLY=catalog. */
const ONLY = process.env.BENCH_ONLY?.split(',');

const CATALOG_QUERY = `query Catalog($first: Int, $search: String, $filter: CourseFilter) {
  courses(first: $first, search: $search, filter: $filter) { totalCount
  pageInfo { hasNextPage endCursor }
  edges { cursor node { id slug title summary kind level instructionalMinutes publishedAt
    price { amountCents currency } isFree instructor { name bio }
    credits { body ceuAmount category validUntil } modules { title lessons { title kind estimatedMinutes } } } } } }`;

const LESSON_QUERY = `query LearnerLesson($lessonId: ID!) { learnerLesson(lessonId: $lessonId) {
  id courseId title moduleTitle kind bodyHtml video { provider src } videoSeconds estimatedMinutes
  required previousLessonId nextLessonId seatSeconds requiredSeconds completedAt heartbeatIntervalSeconds } }`;

const VERIFY_QUERY = `query($serial: String!) { verifyCertificate(serial: $serial) { status serial certificate {
  serial participantName programTitle sponsoringOrganization completionDate issuedAt
  credits { body indexNumber ceuAmount category } verifyUrl status revokedAt revocationReason supersededBySerial } } }`;

/** Apollo's CSRF prevention wants this header on anything but a JSON POST; harmless here. */
const PREFLIGHT = { 'apollo-require-preflight': 'true' };

interface Server {
  process: RunningProcess;
  url: string;
}

function startTestServer(script: string, databaseUrl: string, port: number): Server {
  const child = startProcess(
    process.execPath,
    ['--import', 'tsx', `bench/${script}`, databaseUrl, String(port)],
    {},
    path.join(repoRoot, 'test'),
  );
  return { process: child, url: `http://127.0.0.1:${port}/` };
}

function rssSampler(pid: number) {
  let peakKb = 0;
  const read = () => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
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

const repeat = <T>(make: (index: number) => T, count = REQUESTS) =>
  Array.from({ length: count }, (_, index) => make(index));

const dataDir = await mkdtemp(path.join(tmpdir(), 'lms-bench-'));
const processes: RunningProcess[] = [];
const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'lms' });
try {
  const databaseUrl = postgres.url('lms');
  const fixtureStart = performance.now();
  await migrate({ databaseUrl });
  const db = createPrismaClient({ databaseUrl });
  await seedDemoData(db);
  // Learners first: they enrol in the first free demo course (several lessons).
  const learners = await enrolLearners(databaseUrl, 200);
  await seedManyCourses(db, COURSES);
  await db.$disconnect();
  const serials = await buildCertificates(databaseUrl, 5000);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('VACUUM ANALYZE');
  const published = (
    await client.query(`SELECT count(*)::int AS n FROM "Course" WHERE status = 'PUBLISHED'`)
  ).rows[0].n;
  await client.end();
  console.log(
    `fixture: ${published} published courses, 200 enrolled learners, 5,000 certificates (${((performance.now() - fixtureStart) / 1000).toFixed(0)} s)`,
  );

  // BENCH_PROFILE_DIR: the cache-off API writes a V8 CPU profile there on exit (--cpu-prof).
  const api = await startBenchApi(
    databaseUrl,
    { RESPONSE_CACHE: 'off' },
    process.env.BENCH_PROFILE_DIR
      ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE_DIR]
      : [],
  );
  processes.push(api);
  const cached = await startBenchApi(databaseUrl, { RESPONSE_CACHE: 'on' });
  processes.push(cached);
  console.log(`API: ${benchApiKind()} (BENCH_API=compiled|tsx)`);
  const servers = {
    catalog: startTestServer('raw-catalog-server.ts', databaseUrl, await freePort()),
    plain: startTestServer('plain-graphql-server.ts', databaseUrl, await freePort()),
    lesson: startTestServer('raw-lesson-view-server.ts', databaseUrl, await freePort()),
    verify: startTestServer('raw-verify-server.ts', databaseUrl, await freePort()),
  };
  for (const server of Object.values(servers)) {
    processes.push(server.process);
    await waitForHttp(server.url, server.process);
  }
  const apiUrl = `${api.url}/graphql`;
  const cachedUrl = `${cached.url}/graphql`;
  const rss = rssSampler(api.child.pid!);
  const cachedRss = rssSampler(cached.child.pid!);
  /** The same request to the API with its response cache on (pid: that process). */
  const warm = (call: (index: number) => HttpCall) => ({
    name: 'GraphQL API, cache warm',
    server: { process: cached, url: cachedUrl },
    call,
  });

  const catalog = (variables: Record<string, unknown>) => {
    const body = { query: CATALOG_QUERY, variables };
    return [
      {
        name: 'raw SQL (pg + node:http)',
        server: servers.catalog,
        call: () => ({ url: servers.catalog.url, body }),
      },
      {
        name: 'plain graphql-js + DataLoader',
        server: servers.plain,
        call: () => ({ url: servers.plain.url, body }),
      },
      {
        name: 'GraphQL API',
        server: null,
        call: () => ({ url: apiUrl, body, headers: PREFLIGHT }),
      },
      warm(() => ({ url: cachedUrl, body, headers: PREFLIGHT })),
    ];
  };
  const lessonCall = (index: number) => ({
    token: learners.tokens[index % learners.tokens.length]!,
    lessonId: learners.lessons[index % learners.lessons.length]!,
  });
  const serialAt = (index: number) => serials[(index * 7919) % serials.length]!;
  const scenarios: {
    title: string;
    contenders: {
      name: string;
      server: Server | null;
      call: (index: number) => HttpCall;
    }[];
    openLoop: boolean;
  }[] = [
    {
      title: 'catalog page of 12, every field',
      contenders: catalog({ first: 12 }),
      openLoop: true,
    },
    {
      title: 'catalog search "diabetes coding"',
      contenders: catalog({ first: 12, search: 'diabetes coding' }),
      openLoop: false,
    },
    {
      title: 'catalog search + filters (CE, paid, intermediate)',
      contenders: catalog({
        first: 12,
        search: 'coding',
        filter: { kind: 'CE', price: 'PAID', level: 'INTERMEDIATE' },
      }),
      openLoop: false,
    },
    {
      title: 'lesson view (enrolled learner)',
      contenders: [
        {
          name: 'raw SQL (pg + node:http)',
          server: servers.lesson,
          call: (index) => {
            const call = lessonCall(index);
            return {
              url: servers.lesson.url,
              body: { lessonId: call.lessonId },
              headers: { authorization: `Bearer ${call.token}` },
            };
          },
        },
        {
          name: 'GraphQL API',
          server: null,
          call: (index) => {
            const call = lessonCall(index);
            return {
              url: apiUrl,
              body: { query: LESSON_QUERY, variables: { lessonId: call.lessonId } },
              headers: { authorization: `Bearer ${call.token}`, ...PREFLIGHT },
            };
          },
        },
      ],
      openLoop: true,
    },
    {
      title: 'certificate verify',
      contenders: [
        {
          name: 'raw SQL (pg + node:http)',
          server: servers.verify,
          call: (index) => ({ url: servers.verify.url, body: { serial: serialAt(index) } }),
        },
        {
          name: 'GraphQL API',
          server: null,
          call: (index) => ({
            url: apiUrl,
            body: { query: VERIFY_QUERY, variables: { serial: serialAt(index) } },
            headers: PREFLIGHT,
          }),
        },
        warm((index) => ({
          url: cachedUrl,
          body: { query: VERIFY_QUERY, variables: { serial: serialAt(index) } },
          headers: PREFLIGHT,
        })),
      ],
      openLoop: true,
    },
  ];

  const summary: { title: string; results: Result[] }[] = [];
  const open: string[] = [];
  for (const scenario of scenarios) {
    if (ONLY && !ONLY.some((word) => scenario.title.startsWith(word))) continue;
    const contenders: Contender<number>[] = scenario.contenders.map((contender) => ({
      name: contender.name,
      pid: (contender.server?.process ?? api).child.pid!,
      items: repeat((index) => index),
      work: (index) => {
        const call = contender.call(index);
        return postJson(call.url, call.body, call.headers);
      },
    }));
    // Warm-up: JIT, pools, plans and the API's document cache.
    await interleaved(
      // The cached API sees every request once first: its measured rounds are all hits.
      contenders.map((c) => ({
        ...c,
        items: c.name.endsWith('cache warm') ? c.items : c.items.slice(0, 300),
      })),
      { rounds: 1, concurrency: CONCURRENCY, postgresDataDir: dataDir },
    );
    const results = await interleaved(contenders, {
      rounds: ROUNDS,
      concurrency: CONCURRENCY,
      postgresDataDir: dataDir,
    });
    printResults(
      `${scenario.title}: ${REQUESTS} requests each, ${CONCURRENCY} concurrent, ${ROUNDS} interleaved rounds`,
      results,
      'raw SQL (pg + node:http)',
    );
    summary.push({ title: scenario.title, results });
    if (scenario.openLoop) {
      for (const contender of scenario.contenders) {
        const measured = await openLoop(
          repeat(contender.call, OPEN_RATE * OPEN_SECONDS),
          OPEN_RATE,
          OPEN_SECONDS,
        );
        const pressure =
          measured.cpuPressure === null
            ? ''
            : `; CPU pressure ${(measured.cpuPressure * 100).toFixed(0)} %`;
        const line = `${scenario.title}, ${contender.name}: open loop ${OPEN_RATE} req/s for ${OPEN_SECONDS} s: p50 ${measured.p50.toFixed(1)} ms, p99 ${measured.p99.toFixed(1)} ms, max ${measured.max.toFixed(1)} ms, errors ${measured.errors}; p99 per second [${measured.perSecondP99.map((p) => p.toFixed(0)).join(' ')}]${pressure}; client GC pause max ${measured.clientGcPauseMaxMs.toFixed(1)} ms, start lag max ${measured.clientStartLagMaxMs.toFixed(1)} ms${measured.firstError ? `; first error: ${measured.firstError}` : ''}`;
        console.log(line);
        open.push(line);
      }
    }
  }
  const peakRssMb = rss.stop();
  const cachedPeakRssMb = cachedRss.stop();

  console.log('\nSummary (API / raw SQL throughput; API / plain graphql-js for the catalog)');
  for (const { title, results } of summary) {
    const raw = results.find((r) => r.name.startsWith('raw'))!;
    const plain = results.find((r) => r.name.startsWith('plain'));
    const apiResult = results.find((r) => r.name === 'GraphQL API')!;
    const warmResult = results.find((r) => r.name === 'GraphQL API, cache warm');
    console.log(
      `  ${title}: API (cold, cache off) ${apiResult.perSecond.toFixed(0)} req/s, raw ${raw.perSecond.toFixed(0)}, ratio ${(apiResult.perSecond / raw.perSecond).toFixed(2)}${plain ? `; plain graphql-js ${plain.perSecond.toFixed(0)}, API/plain ${(apiResult.perSecond / plain.perSecond).toFixed(2)}` : ''}; CPU per request API node ${apiResult.nodeCpuMsPerRequest.toFixed(2)} ms + pg ${apiResult.postgresCpuMsPerRequest.toFixed(2)} ms, raw node ${raw.nodeCpuMsPerRequest.toFixed(2)} + pg ${raw.postgresCpuMsPerRequest.toFixed(2)}`,
    );
    if (warmResult) {
      console.log(
        `    cache warm: ${warmResult.perSecond.toFixed(0)} req/s, ratio ${(warmResult.perSecond / raw.perSecond).toFixed(2)} the raw baseline; node ${warmResult.nodeCpuMsPerRequest.toFixed(2)} ms + pg ${warmResult.postgresCpuMsPerRequest.toFixed(2)} ms per request`,
      );
    }
  }
  for (const line of open) console.log(`  ${line}`);
  console.log(
    `  API peak RSS (${benchApiKind()}): ${peakRssMb.toFixed(0)} MB cache off, ${cachedPeakRssMb.toFixed(0)} MB cache on`,
  );
} finally {
  await Promise.all(processes.map((child) => child.stop()));
  await postgres.stop();
  await rm(dataDir, { recursive: true, force: true });
}
