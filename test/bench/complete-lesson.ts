import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrismaClient, migrate, seedDemoData } from '@lms/db';
import { startEmbeddedPostgres } from '@lms/db/embedded';
import { freePort, type RunningProcess, startProcess, waitForHttp } from '../support/processes';
import { benchApiKind, startBenchApi } from './api-process';
import { parseBenchArgs } from './args';
import { interleaved, printResults } from './compare';
import { enrolLearners, seedCatalog } from './fixtures';
import { deadlockCount, drive, postJson } from './load';

const LEARNERS = 200;
const { connections: CONCURRENCY, requests: REQUESTS } = parseBenchArgs({
  connections: 50,
  requests: 2000,
});
const COMPLETE = `mutation($lessonId: ID!) { completeLesson(lessonId: $lessonId) { progress { seatSeconds completedAt } courseCompleted } }`;

interface Call {
  token: string;
  lessonId: string;
}

/** The demo data, then LEARNERS learners enrolled in a free course with their session tokens. */
async function buildFixture(databaseUrl: string) {
  const db = createPrismaClient({ databaseUrl });
  try {
    await seedDemoData(db);
  } finally {
    await db.$disconnect();
  }
  const { tokens, lessons } = await enrolLearners(databaseUrl, LEARNERS);
  const calls: Call[] = Array.from({ length: REQUESTS }, (_, index) => ({
    token: tokens[index % LEARNERS]!,
    lessonId: lessons[Math.floor(index / LEARNERS) % lessons.length]!,
  }));
  return { calls, lessons: lessons.length };
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'lms-bench-lesson-'));
const processes: RunningProcess[] = [];
const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'lms' });
try {
  const databaseUrl = postgres.url('lms');
  await migrate({ databaseUrl });
  const { calls, lessons } = await buildFixture(databaseUrl);
  await seedCatalog(databaseUrl);
  const api = await startBenchApi(databaseUrl);
  console.log(`API: ${benchApiKind()} (BENCH_API=compiled|tsx)`);
  processes.push(api);
  const rawPort = await freePort();
  const raw = startProcess(
    process.execPath,
    ['--import', 'tsx', 'bench/raw-lesson-server.ts', databaseUrl, String(rawPort)],
    {},
    path.join(import.meta.dirname, '..'),
  );
  processes.push(raw);
  const rawUrl = `http://127.0.0.1:${rawPort}/`;
  await waitForHttp(rawUrl, raw).catch(() => {});

  const call = (url: string) => (item: Call) =>
    postJson(
      url,
      { query: COMPLETE, variables: { lessonId: item.lessonId } },
      { authorization: `Bearer ${item.token}` },
    );
  // Warm up both sides (JIT, pools), then measure; the raw side runs first on fresh rows, the
  // API second on the same rows, so both do first completions and repeats alike.
  await drive(calls.slice(0, 100), CONCURRENCY, call(rawUrl));
  await drive(calls.slice(0, 100), CONCURRENCY, call(`${api.url}/graphql`));
  const before = await deadlockCount(databaseUrl);
  const [baseline, graphql] = await interleaved(
    [
      {
        name: 'raw SQL (pg, one transaction)',
        pid: raw.child.pid!,
        items: calls,
        work: call(rawUrl),
      },
      {
        name: 'GraphQL completeLesson (API)',
        pid: api.child.pid!,
        items: calls,
        work: call(`${api.url}/graphql`),
      },
    ],
    { rounds: 4, concurrency: CONCURRENCY, postgresDataDir: dataDir },
  );
  const deadlocks = (await deadlockCount(databaseUrl)) - before;

  console.log(
    `\ncompleteLesson: ${LEARNERS} learners, ${lessons} lessons, ${REQUESTS} requests, ${CONCURRENCY} concurrent\n`,
  );
  printResults('interleaved, 4 rounds', [baseline!, graphql!], baseline!.name);
  console.log(`\ndeadlocks during the runs: ${deadlocks}; target ratio >= 0.5`);
} finally {
  await Promise.all(processes.map((child) => child.stop()));
  await postgres.stop();
  await rm(dataDir, { recursive: true, force: true });
}
