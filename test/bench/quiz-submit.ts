// `pnpm --filter @lms/test bench:quiz`: quiz submission under load, over HTTP against the real
// API process. (1) 200 learners submit a 20-answer post-test at the same moment: all graded?
// p99? deadlocks? (Their names are confirmed, so a pass completes the course and issues its
// certificate with its email, as for a real CE course's final test.) (2) throughput and latency of submitQuizAttempt with 50 concurrent learners,
// against a raw-SQL server doing the same grading reads and writes. Prints figures; asserts
// nothing. BENCH_QUIZ_BEFORE=<dist folder> (relative to the repo root, holding bin/main.js, e.g.
// api/dist-before built from the base commit) adds that compiled build as a second API to
// both parts, in the same run: before and after side by side. During each burst the wait
// events of PostgreSQL's backends are sampled (pg_stat_activity): lock waits or CPU?
// BENCH_PROFILE_DIR=<dir>: the API (the current build) writes a V8 CPU profile there on exit.
// BENCH_BURST_ROUNDS=<n> (default 3): bursts per API, the builds alternating (A B, B A, …); each
// burst prints its latencies and the Node and PostgreSQL CPU per submission, then the medians.
// BENCH_PG_STATEMENTS=1: PostgreSQL loads pg_stat_statements and each burst (of either build)
// prints its costliest statements (calls, planning and execution time per call).
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrismaClient, markVersionPublished, migrate } from '@lms/db';
import { startEmbeddedPostgres } from '@lms/db/embedded';
import pg from 'pg';
import { freePort, type RunningProcess, startProcess, waitForHttp } from '../support/processes';
import { benchApiKind, startBenchApi, startCompiledApi } from './api-process';
import { parseBenchArgs } from './args';
import { interleaved, postgresCpuMs, printResults, processCpuMs } from './compare';
import { seedCatalog } from './fixtures';
import { deadlockCount, drive, type Outcome, percentile, postJson } from './load';

const {
  burst: BURST,
  burstRounds: BURST_ROUNDS,
  connections: CONCURRENCY,
  submissions: PER_RUN,
} = parseBenchArgs({ burst: 200, burstRounds: 3, connections: 50, submissions: 1000 });
const PG_STATEMENTS = process.env.BENCH_PG_STATEMENTS === '1';
const WARM_UP = 100;
const BEFORE = process.env.BENCH_QUIZ_BEFORE;
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR ?? process.env.BENCH_CPU_PROF;
const QUESTIONS = 20;

const SUBMIT = `mutation($attemptId: ID!) { submitQuizAttempt(attemptId: $attemptId) {
  courseCompleted attempt { id status result { scorePercent passed } } } }`;

interface Learner {
  token: string;
  attemptId: string;
}

/** `certified`: the first so many learners have confirmed their certificate name. */
async function buildFixture(databaseUrl: string, learners: number, certified: number) {
  const db = createPrismaClient({ databaseUrl });
  const owner = await db.user.create({
    data: {
      email: 'bench-owner@example.com',
      name: 'Bench Owner',
      passwordHash: '!bench',
      role: 'INSTRUCTOR',
    },
  });
  const course = await db.course.create({
    data: { slug: 'bench-quiz', ownerId: owner.id, status: 'PUBLISHED' },
  });
  const version = await db.courseVersion.create({
    data: {
      courseId: course.id,
      number: 1,
      title: 'Bench post-test course',
      summary: 'Load test.',
      kind: 'CE',
      modules: {
        create: {
          position: 1,
          title: 'Assessment',
          lessons: {
            create: { position: 1, title: 'Post-test', kind: 'QUIZ', estimatedMinutes: 20 },
          },
        },
      },
    },
    include: { modules: { include: { lessons: true } } },
  });
  const lesson = version.modules[0]!.lessons[0]!;
  const quiz = await db.quiz.create({
    data: {
      lessonId: lesson.id,
      mode: 'POST_TEST',
      passPercent: 70,
      timeLimitMinutes: 60,
      questions: {
        create: Array.from({ length: QUESTIONS }, (_, index) =>
          index % 2 === 0
            ? {
                position: index + 1,
                type: 'SINGLE_CHOICE' as const,
                prompt: `Which abbreviation means not elsewhere classifiable? (${index + 1})`,
                options: {
                  create: ['NEC', 'NOS', 'NEC2', 'NA'].map((text, position) => ({
                    text,
                    position: position + 1,
                    correct: position === 0,
                  })),
                },
              }
            : {
                position: index + 1,
                type: 'CODE_SET' as const,
                prompt: `Type 2 diabetes without complications, on insulin (${index + 1}).`,
                codeSystem: 'ICD10CM' as const,
                points: 2,
                answerCodes: ['E11.9', 'Z79.4'],
              },
        ),
      },
    },
    include: {
      questions: {
        orderBy: { position: 'asc' },
        include: { options: { orderBy: { position: 'asc' } } },
      },
    },
  });
  await markVersionPublished(db, [version.id], new Date());
  await db.course.update({
    where: { id: course.id },
    data: { latestPublishedVersionId: version.id },
  });
  await db.$disconnect();

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const result: Learner[] = [];
  const questionIds = quiz.questions.map((q) => q.id);
  for (let offset = 0; offset < learners; offset += 500) {
    const count = Math.min(500, learners - offset);
    const users = Array.from({ length: count }, () => randomUUID());
    const enrollments = Array.from({ length: count }, () => randomUUID());
    const attempts = Array.from({ length: count }, () => randomUUID());
    const tokens = Array.from({ length: count }, () => randomUUID() + randomUUID());
    await client.query(
      // A certified learner has confirmed the name to print: a pass completes the course and
      // issues its certificate (with the certificate email), as for a real CE learner.
      `INSERT INTO "User" (id, email, name, "passwordHash", "certificateName", "certificateNameConfirmedAt")
       SELECT u, 'bench-' || u || '@example.com', 'Bench Learner', '!bench',
              CASE WHEN n <= $2 THEN 'Bench Learner' END, CASE WHEN n <= $2 THEN now() END
         FROM unnest($1::uuid[]) WITH ORDINALITY AS x(u, n)`,
      [users, certified - offset],
    );
    await client.query(
      `INSERT INTO "Session" ("tokenHash", "userId", "expiresAt")
       SELECT h, u, now() + interval '1 day' FROM unnest($1::text[], $2::uuid[]) AS s(h, u)`,
      [tokens.map((token) => createHash('sha256').update(token).digest('hex')), users],
    );
    await client.query(
      `INSERT INTO "Enrollment" (id, "userId", "courseId", "versionId", source)
       SELECT e, u, $3, $4, 'FREE' FROM unnest($1::uuid[], $2::uuid[]) AS x(e, u)`,
      [enrollments, users, course.id, version.id],
    );
    await client.query(
      `INSERT INTO "QuizAttempt" (id, "enrollmentId", "quizId", number, "questionIds", "deadlineAt")
       SELECT a, e, $3, 1, $4::uuid[], now() + interval '1 hour' FROM unnest($1::uuid[], $2::uuid[]) AS x(a, e)`,
      [attempts, enrollments, quiz.id, questionIds],
    );
    // 20 saved answers per attempt; about three learners in four pass.
    const answerAttempts: string[] = [];
    const answerQuestions: string[] = [];
    const responses: string[] = [];
    attempts.forEach((attemptId, learnerIndex) => {
      const strong = learnerIndex % 4 !== 0;
      quiz.questions.forEach((question, index) => {
        const right = strong ? index % 7 !== 3 : index % 2 === 0;
        answerAttempts.push(attemptId);
        answerQuestions.push(question.id);
        responses.push(
          JSON.stringify(
            question.type === 'CODE_SET'
              ? {
                  text: right ? 'e11.9, z79.4' : 'E11.9',
                  codes: right ? ['E11.9', 'Z79.4'] : ['E11.9'],
                }
              : { optionIds: [question.options[right ? 0 : 1]!.id] },
          ),
        );
      });
    });
    await client.query(
      `INSERT INTO "AttemptAnswer" ("attemptId", "questionId", response)
       SELECT a, q, r FROM unnest($1::uuid[], $2::uuid[], $3::jsonb[]) AS x(a, q, r)`,
      [answerAttempts, answerQuestions, responses],
    );
    for (const [index, token] of tokens.entries())
      result.push({ token, attemptId: attempts[index]! });
  }
  await client.query('ANALYZE');
  await client.end();
  return { learners: result, lessonId: lesson.id };
}

function submitOnce(url: string, learner: Learner, raw: boolean): Promise<Outcome> {
  return raw
    ? postJson(url, { attemptId: learner.attemptId })
    : postJson(
        url,
        { query: SUBMIT, variables: { attemptId: learner.attemptId } },
        { authorization: `Bearer ${learner.token}` },
      );
}

/** Submits every learner's attempt with `concurrency` workers; answers latencies and wall time. */
function submitAll(url: string, learners: Learner[], concurrency: number, raw: boolean) {
  return drive(learners, concurrency, (learner) => submitOnce(url, learner, raw));
}

async function submittedCount(databaseUrl: string, attemptIds: string[]) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query(
    `SELECT count(*) FILTER (WHERE status = 'SUBMITTED')::int AS submitted,
            count(*) FILTER (WHERE passed)::int AS passed
       FROM "QuizAttempt" WHERE id = ANY($1::uuid[])`,
    [attemptIds],
  );
  const graded = await client.query(
    'SELECT count(*)::int AS n FROM "AttemptAnswer" WHERE "attemptId" = ANY($1::uuid[]) AND points IS NOT NULL',
    [attemptIds],
  );
  const certificates = await client.query(
    `SELECT count(*)::int AS n FROM "Certificate" c
       JOIN "QuizAttempt" a ON a."enrollmentId" = c."enrollmentId" WHERE a."id" = ANY($1::uuid[])`,
    [attemptIds],
  );
  await client.end();
  return { ...rows[0], gradedAnswers: graded.rows[0].n, certificates: certificates.rows[0].n } as {
    submitted: number;
    passed: number;
    gradedAnswers: number;
    certificates: number;
  };
}

/**
 * Samples pg_stat_activity every 50 ms until stopped: per sample, the client backends of the
 * database by state and wait event (`Lock/transactionid`, `Client/ClientRead`, `CPU` when
 * active and not waiting), summed over the samples.
 */
function sampleWaits(databaseUrl: string) {
  const counts = new Map<string, number>();
  let samples = 0;
  let running = true;
  const client = new pg.Client({ connectionString: databaseUrl });
  const done = (async () => {
    await client.connect();
    while (running) {
      // A named statement: planned once, so the sampling costs PostgreSQL little CPU.
      const { rows } = await client.query<{ what: string; n: number }>({
        name: 'bench-sample-waits',
        text: `SELECT state || ':' || COALESCE(wait_event_type || '/' || wait_event, 'CPU') AS what, count(*)::int AS n
           FROM pg_stat_activity
          WHERE backend_type = 'client backend' AND datname = current_database() AND pid <> pg_backend_pid()
          GROUP BY 1`,
      });
      samples += 1;
      for (const row of rows) counts.set(row.what, (counts.get(row.what) ?? 0) + row.n);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await client.end();
  })();
  return async () => {
    running = false;
    await done;
    return [...counts]
      .sort((a, b) => b[1] - a[1])
      .map(([what, n]) => `${what} ${(n / Math.max(samples, 1)).toFixed(1)}`)
      .join(', ');
  };
}

/** How many client backends of the database started at or after `since` (epoch ms). */
async function backendsStartedSince(databaseUrl: string, since: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE backend_type = 'client backend' AND datname = current_database()
        AND pid <> pg_backend_pid() AND backend_start >= to_timestamp($1::float8 / 1000)`,
    [since],
  );
  await client.end();
  return rows[0]!.n;
}

/** The costliest statements since the last reset (pg_stat_statements), printed. */
async function printStatements(databaseUrl: string, submissions: number) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{
    calls: number;
    plan: number;
    exec: number;
    query: string;
  }>(
    `SELECT calls::int, total_plan_time AS plan, total_exec_time AS exec, query
       FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
      ORDER BY total_plan_time + total_exec_time DESC LIMIT 16`,
  );
  await client.query('SELECT pg_stat_statements_reset()');
  await client.end();
  console.log('statements (calls, ms per submission planning + executing, ms per call, text):');
  for (const row of rows) {
    const text = row.query.replace(/\s+/g, ' ').slice(0, 110);
    console.log(
      `  ${String(row.calls).padStart(5)}  ${(row.plan / submissions).toFixed(2).padStart(5)} + ${(row.exec / submissions).toFixed(2).padStart(5)}  ${((row.plan + row.exec) / row.calls).toFixed(2).padStart(5)}  ${text}`,
    );
  }
}

const median = (values: number[]) => percentile(values, 50);

const dataDir = await mkdtemp(path.join(tmpdir(), 'lms-bench-quiz-'));
const processes: RunningProcess[] = [];
const postgres = await startEmbeddedPostgres({
  dataDir,
  port: await freePort(),
  database: 'lms',
  settings: PG_STATEMENTS
    ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track_planning': 'on' }
    : {},
});
try {
  const databaseUrl = postgres.url('lms');
  await migrate({ databaseUrl });
  if (PG_STATEMENTS) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await client.end();
  }
  const apis = BEFORE ? 2 : 1;
  const total = apis * BURST * BURST_ROUNDS + (apis + 1) * (WARM_UP + PER_RUN);
  const fixtureStart = performance.now();
  // The bursts' and warm-ups' learners are certified (their passes issue certificates); the
  // sustained runs' are not, like the raw baseline, which issues none.
  const certified = apis * (BURST * BURST_ROUNDS + WARM_UP);
  const { learners } = await buildFixture(databaseUrl, total, certified);
  await seedCatalog(databaseUrl);
  console.log(
    `fixture: ${total} learners (${certified} with a confirmed certificate name), each with an open attempt of ${QUESTIONS} saved answers (${((performance.now() - fixtureStart) / 1000).toFixed(1)} s)`,
  );
  let next = 0;
  const take = (count: number) => {
    next += count;
    return learners.slice(next - count, next);
  };
  const burst = take(BURST * BURST_ROUNDS);
  const apiWarm = take(WARM_UP);
  const beforeBurst = BEFORE ? take(BURST * BURST_ROUNDS) : [];
  const beforeWarm = BEFORE ? take(WARM_UP) : [];
  const apiRun = take(PER_RUN);
  const rawWarm = take(WARM_UP);
  const rawRun = take(PER_RUN);
  const beforeRun = BEFORE ? take(PER_RUN) : [];

  // BENCH_PROFILE_DIR=<dir>: the API writes a V8 CPU profile there when it stops (where Node's
  // time per submission goes).
  const api = await startBenchApi(
    databaseUrl,
    {},
    PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [],
  );
  processes.push(api);
  console.log(`API: ${benchApiKind()} (BENCH_API=compiled|tsx)`);
  const before = BEFORE ? await startCompiledApi(databaseUrl, BEFORE) : null;
  if (before) {
    processes.push(before);
    console.log(`before: compiled from ${BEFORE}`);
  }
  const rawPort = await freePort();
  const raw = startProcess(
    process.execPath,
    ['--import', 'tsx', 'bench/raw-quiz-server.ts', databaseUrl, String(rawPort)],
    {},
    path.join(import.meta.dirname, '..'),
  );
  processes.push(raw);
  await waitForHttp(`http://127.0.0.1:${rawPort}/`, raw).catch(() => {});
  const apiUrl = `${api.url}/graphql`;
  const rawUrl = `http://127.0.0.1:${rawPort}/`;

  // Warm the servers (JIT, pools, plans) before measuring.
  await submitAll(apiUrl, apiWarm, 10, false);
  await submitAll(rawUrl, rawWarm, 10, true);
  if (before) await submitAll(`${before.url}/graphql`, beforeWarm, 10, false);

  // (1) Everyone at once, BURST_ROUNDS times per API, the builds alternating.
  const deadlocksBefore = await deadlockCount(databaseUrl);
  const bursts = [
    ...(before
      ? [
          {
            name: `before (${BEFORE})`,
            url: `${before.url}/graphql`,
            pid: before.child.pid!,
            learners: beforeBurst,
          },
        ]
      : []),
    { name: 'API', url: apiUrl, pid: api.child.pid!, learners: burst },
  ].map((run) => ({
    ...run,
    p50: [] as number[],
    p99: [] as number[],
    node: [] as number[],
    pg: [] as number[],
    graded: 0,
    errors: 0,
  }));
  console.log(
    `\n(1) ${BURST} learners submit a ${QUESTIONS}-answer post-test at the same moment (API pool: 10 connections), ${BURST_ROUNDS} rounds`,
  );
  for (let round = 0; round < BURST_ROUNDS; round++) {
    const order = round % 2 === 0 ? bursts : [...bursts].reverse();
    for (const run of order) {
      const learnersOfRound = run.learners.slice(round * BURST, (round + 1) * BURST);
      const deadlocksAtStart = await deadlockCount(databaseUrl);
      if (PG_STATEMENTS) {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        await client.query('SELECT pg_stat_statements_reset()');
        await client.end();
      }
      const stopSampling = sampleWaits(databaseUrl);
      const burstStart = Date.now();
      const nodeAtStart = processCpuMs(run.pid);
      const pgAtStart = postgresCpuMs(dataDir);
      const burstRun = await submitAll(run.url, learnersOfRound, learnersOfRound.length, false);
      const nodeMs = (processCpuMs(run.pid) - nodeAtStart) / BURST;
      const pgMs = (postgresCpuMs(dataDir) - pgAtStart) / BURST;
      const burstEnd = Date.now();
      const waits = await stopSampling();
      const opened = await backendsStartedSince(databaseUrl, burstStart);
      const deadlocksAfter = await deadlockCount(databaseUrl);
      const burstState = await submittedCount(
        databaseUrl,
        learnersOfRound.map((l) => l.attemptId),
      );
      const burstErrors = burstRun.outcomes.filter((o) => !o.ok);
      const latencies = burstRun.outcomes.map((o) => o.ms);
      run.p50.push(percentile(latencies, 50));
      run.p99.push(percentile(latencies, 99));
      run.node.push(nodeMs);
      run.pg.push(pgMs);
      run.graded += burstState.submitted;
      run.errors += burstErrors.length;
      console.log(`\n${run.name}, round ${round + 1}`);
      console.log(
        `graded: ${burstState.submitted}/${BURST} attempts, ${burstState.gradedAnswers}/${BURST * QUESTIONS} answers; passed: ${burstState.passed}; certificates: ${burstState.certificates}`,
      );
      console.log(
        `latency p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms; all done in ${burstRun.seconds.toFixed(2)} s`,
      );
      console.log(
        `CPU per submission: Node ${nodeMs.toFixed(2)} ms, PostgreSQL ${pgMs.toFixed(2)} ms`,
      );
      console.log(
        `errors: ${burstErrors.length}${burstErrors.length ? ` (first: ${burstErrors[0]!.error})` : ''}; deadlocks: ${deadlocksAfter - deadlocksAtStart}`,
      );
      console.log(`backends (mean per sample, state:wait event): ${waits}`);
      // A connection a pool opens during the burst: a cold backend (caches, plans) in its queue.
      console.log(
        `PostgreSQL connections opened during the burst: ${opened}; burst from ${burstStart} to ${burstEnd} (epoch ms, to place it in a CPU profile)`,
      );
      if (PG_STATEMENTS) await printStatements(databaseUrl, BURST);
    }
  }
  console.log(`\n(1) medians over ${BURST_ROUNDS} rounds`);
  for (const run of bursts) {
    console.log(
      `${run.name.padEnd(28)} p50 ${median(run.p50).toFixed(0)} ms, p99 ${median(run.p99).toFixed(0)} ms (rounds: ${run.p99.map((v) => v.toFixed(0)).join(', ')}); graded ${run.graded}/${BURST * BURST_ROUNDS}, errors ${run.errors}; CPU per submission Node ${median(run.node).toFixed(2)} ms, PostgreSQL ${median(run.pg).toFixed(2)} ms`,
    );
  }

  // (2) Sustained: 50 concurrent learners, API vs raw SQL, interleaved rounds.
  const results = await interleaved(
    [
      {
        name: 'raw SQL (pg + node:http)',
        pid: raw.child.pid!,
        items: rawRun,
        work: (learner) => submitOnce(rawUrl, learner, true),
      },
      {
        name: 'GraphQL submitQuizAttempt',
        pid: api.child.pid!,
        items: apiRun,
        work: (learner) => submitOnce(apiUrl, learner, false),
      },
      ...(before
        ? [
            {
              name: `before (${BEFORE})`,
              pid: before.child.pid!,
              items: beforeRun,
              work: (learner: Learner) => submitOnce(`${before.url}/graphql`, learner, false),
            },
          ]
        : []),
    ],
    { rounds: 4, concurrency: CONCURRENCY, postgresDataDir: dataDir },
  );
  printResults(
    `(2) ${PER_RUN} submissions each by ${CONCURRENCY} concurrent learners, 4 interleaved rounds`,
    results,
    'raw SQL (pg + node:http)',
  );
  const apiState = await submittedCount(
    databaseUrl,
    apiRun.map((l) => l.attemptId),
  );
  console.log(
    `\nAPI run: ${apiState.submitted}/${PER_RUN} graded; deadlocks in total: ${(await deadlockCount(databaseUrl)) - deadlocksBefore}`,
  );
} finally {
  await Promise.all(processes.map((child) => child.stop()));
  await postgres.stop();
  await rm(dataDir, { recursive: true, force: true });
}
