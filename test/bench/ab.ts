// `pnpm --filter @lms/test bench:ab`: compiled API builds (or node flags) side by side on one
// database of 10,000 courses, interleaved round by round, with Node and PostgreSQL CPU per
// request: how a pipeline change is measured step by step on a busy machine. BENCH_AB lists
// the variants, `;`-separated, each `name=dist folder[|node flags]` (the folder relative to the
// repo root, holding bin/main.js; flags space-separated, default the serve:api flags), e.g.
// BENCH_AB='before=api/dist-before;after=api/dist'. BENCH_AB_QUERY=catalog|verify|lesson|pipeline
// (lesson: the lesson player's query by 200 enrolled learners). BENCH_AB_OPEN=1 adds open loops
// (BENCH_OPEN_RATE req/s for BENCH_OPEN_SECONDS, BENCH_OPEN_ROUNDS times per variant, the
// variants in turn), for changes that move latency more than throughput (GC settings).
// Prints figures; asserts nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrismaClient, migrate, seedDemoData, seedManyCourses } from '@lms/db';
import { startEmbeddedPostgres } from '@lms/db/embedded';
import pg from 'pg';
import {
  freePort,
  productionApiEnv,
  type RunningProcess,
  repoRoot,
  startProcess,
  waitForHttp,
} from '../support/processes';
import { serveApiFlags } from './api-process';
import { parseBenchArgs } from './args';
import { interleaved, openLoop, printResults } from './compare';
import { buildCertificates, enrolLearners } from './fixtures';
import { postJson } from './load';

const {
  connections: CONCURRENCY,
  requests: REQUESTS,
  rounds: ROUNDS,
  courses: COURSES,
  openRate: OPEN_RATE,
  openSeconds: OPEN_SECONDS,
  openRounds: OPEN_ROUNDS,
} = parseBenchArgs({
  connections: 20,
  requests: 2000,
  rounds: 4,
  courses: 10_000,
  openRate: 100,
  openSeconds: 10,
  openRounds: 3,
});

const spec = process.env.BENCH_AB ?? 'current=api/dist';
const variants = spec.split(';').map((part) => {
  const at = part.indexOf('=');
  const name = part.slice(0, Math.max(at, 0));
  const [dist, flags] = part.slice(at + 1).split('|');
  if (!name || !dist) throw new Error(`BENCH_AB part "${part}" is not name=dist[|flags].`);
  return {
    name,
    dist,
    flags: flags === undefined ? serveApiFlags() : flags.split(' ').filter(Boolean),
  };
});
const kind = process.env.BENCH_AB_QUERY ?? 'catalog';

const CATALOG = {
  query: `query Catalog($first: Int, $search: String, $filter: CourseFilter) {
  courses(first: $first, search: $search, filter: $filter) { totalCount
  pageInfo { hasNextPage endCursor }
  edges { cursor node { id slug title summary kind level instructionalMinutes publishedAt
    price { amountCents currency } isFree instructor { name bio }
    credits { body ceuAmount category validUntil } modules { title lessons { title kind estimatedMinutes } } } } } }`,
  variables: { first: 12 },
};
const VERIFY_QUERY = `query($serial: String!) { verifyCertificate(serial: $serial) { status serial certificate {
  serial participantName programTitle sponsoringOrganization completionDate issuedAt
  credits { body indexNumber ceuAmount category } verifyUrl status revokedAt revocationReason supersededBySerial } } }`;
const LESSON_QUERY = `query LearnerLesson($lessonId: ID!) { learnerLesson(lessonId: $lessonId) {
  id courseId title moduleTitle kind bodyHtml video { provider src } videoSeconds estimatedMinutes
  required previousLessonId nextLessonId seatSeconds requiredSeconds completedAt heartbeatIntervalSeconds } }`;
const RATE_LIMITS = JSON.stringify({
  verifyPerAddress: { limit: 1_000_000, windowSeconds: 60 },
});

const dataDir = await mkdtemp(path.join(tmpdir(), 'lms-bench-ab-'));
const processes: RunningProcess[] = [];
const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'lms' });
try {
  const databaseUrl = postgres.url('lms');
  await migrate({ databaseUrl });
  const db = createPrismaClient({ databaseUrl });
  await seedDemoData(db);
  const learners = kind === 'lesson' ? await enrolLearners(databaseUrl, 200) : null;
  if (kind === 'catalog') await seedManyCourses(db, COURSES);
  await db.$disconnect();
  const serials = kind === 'verify' ? await buildCertificates(databaseUrl, 2000) : [];
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('VACUUM ANALYZE');
  await client.end();
  const started = [];
  for (const variant of variants) {
    const port = await freePort();
    const api = startProcess(
      process.execPath,
      [...variant.flags, path.join(repoRoot, variant.dist, 'bin/main.js')],
      {
        ...productionApiEnv(databaseUrl),
        PORT: String(port),
        HOST: '127.0.0.1',
        MALLOC_ARENA_MAX: '2',
        LOG_LEVEL: 'error',
        RESPONSE_CACHE: 'off',
        RATE_LIMITS,
      },
      repoRoot,
    );
    processes.push(api);
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/readyz`, api, 120_000);
    started.push({ ...variant, api, url: `${url}/graphql` });
  }
  const headers = (index: number): Record<string, string> =>
    learners
      ? {
          'apollo-require-preflight': 'true',
          authorization: `Bearer ${learners.tokens[index % learners.tokens.length]}`,
        }
      : { 'apollo-require-preflight': 'true' };
  const body = (index: number) =>
    kind === 'verify'
      ? { query: VERIFY_QUERY, variables: { serial: serials[(index * 7919) % serials.length] } }
      : kind === 'lesson' && learners
        ? {
            query: LESSON_QUERY,
            variables: { lessonId: learners.lessons[index % learners.lessons.length] },
          }
        : kind === 'pipeline'
          ? { query: '{ __typename }' }
          : CATALOG;
  const call = (url: string, index: number) => ({
    url,
    body: body(index),
    headers: headers(index),
  });
  const contenders = started.map((variant) => ({
    name: variant.name,
    pid: variant.api.child.pid!,
    items: Array.from({ length: REQUESTS }, (_, i) => i),
    work: (index: number) => {
      const { url, body, headers } = call(variant.url, index);
      return postJson(url, body, headers);
    },
  }));
  await interleaved(
    contenders.map((c) => ({ ...c, items: c.items.slice(0, 300) })),
    { rounds: 1, concurrency: CONCURRENCY, postgresDataDir: dataDir },
  );
  const results = await interleaved(contenders, {
    rounds: ROUNDS,
    concurrency: CONCURRENCY,
    postgresDataDir: dataDir,
  });
  printResults(
    `${kind}: ${REQUESTS} requests each, ${CONCURRENCY} concurrent, ${ROUNDS} interleaved rounds`,
    results,
    variants[0]!.name,
  );
  if (process.env.BENCH_AB_OPEN === '1') {
    const p99s = new Map<string, number[]>(started.map((variant) => [variant.name, []]));
    for (let round = 0; round < OPEN_ROUNDS; round++) {
      const order = round % 2 === 0 ? started : [...started].reverse();
      for (const variant of order) {
        const calls = Array.from({ length: OPEN_RATE * OPEN_SECONDS }, (_, index) =>
          call(variant.url, index),
        );
        const measured = await openLoop(calls, OPEN_RATE, OPEN_SECONDS);
        p99s.get(variant.name)!.push(measured.p99);
        console.log(
          `open loop ${OPEN_RATE} req/s for ${OPEN_SECONDS} s, ${variant.name}: p50 ${measured.p50.toFixed(1)} ms, p99 ${measured.p99.toFixed(1)} ms, max ${measured.max.toFixed(1)} ms, errors ${measured.errors}; p99 per second [${measured.perSecondP99.map((p) => p.toFixed(0)).join(' ')}]; client GC pause max ${measured.clientGcPauseMaxMs.toFixed(1)} ms`,
        );
      }
    }
    for (const [name, values] of p99s) {
      const sorted = [...values].sort((a, b) => a - b);
      console.log(
        `open loop p99, ${name}: ${values.map((v) => v.toFixed(1)).join(', ')} ms (median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)})`,
      );
    }
  }
} finally {
  await Promise.all(processes.map((child) => child.stop()));
  await postgres.stop();
  await rm(dataDir, { recursive: true, force: true });
}
