// `pnpm --filter @lms/test bench:webhook`: Stripe webhook handling over HTTP. Signed
// checkout.session.completed events, one per order (distinct learners), are POSTed to the real
// API process's /webhooks/stripe, and the same events to a raw-SQL baseline that does the same
// writes with pg. Prints throughput and latency; asserts nothing. BENCH_WEBHOOK_AB=name=folder
// (a compiled API build, e.g. `before=api/dist-before`, copied from api/dist before a change)
// adds that build as a third contender, interleaved with the other two: an A/B of two builds
// beside the raw baseline in one run. BENCH_PG_STATEMENTS=1 loads pg_stat_statements and prints
// each statement's calls and PostgreSQL time per call over the measured rounds (every contender's
// statements, told apart by their text; timing adds a little overhead to every contender).
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrismaClient, markVersionPublished, migrate } from '@lms/db';
import { startEmbeddedPostgres } from '@lms/db/embedded';
import { signWebhookPayload } from '@lms/payments';
import pg from 'pg';
import { freePort, type RunningProcess, startProcess, waitForHttp } from '../support/processes';
import { benchApiKind, startBenchApi, startCompiledApi } from './api-process';
import { parseBenchArgs } from './args';
import { interleaved, printResults } from './compare';
import { seedCatalog } from './fixtures';
import { deadlockCount, drive, type Outcome } from './load';
import { pgStatementSettings, printStatementStats, resetStatementStats } from './pg-statements';

const {
  connections: CONCURRENCY,
  requests: PER_RUN,
  enrolments: ENROLMENTS,
} = parseBenchArgs({
  connections: 20,
  requests: 2000,
  enrolments: 20_000,
});
const WARM_UP = 200;
const [abName, abDist] = (process.env.BENCH_WEBHOOK_AB ?? '').split('=');
if (process.env.BENCH_WEBHOOK_AB && (!abName || !abDist)) {
  throw new Error(
    'BENCH_WEBHOOK_AB must be name=folder (a compiled API build, e.g. before=api/dist-before).',
  );
}
const contenders = abDist ? 3 : 2;
const WEBHOOK_SECRET = 'whsec_bench_webhooks';

interface Delivery {
  orderId: string;
  payload: string;
}

async function buildFixture(databaseUrl: string, orders: number): Promise<Delivery[]> {
  const db = createPrismaClient({ databaseUrl });
  const owner = await db.user.create({
    data: {
      email: 'bench-owner@example.com',
      name: 'Owner',
      passwordHash: '!',
      role: 'INSTRUCTOR',
    },
  });
  const course = await db.course.create({
    data: { slug: 'bench-paid', ownerId: owner.id, status: 'PUBLISHED' },
  });
  const version = await db.courseVersion.create({
    data: {
      courseId: course.id,
      number: 1,
      title: 'Bench paid course',
      summary: 'x',
      kind: 'CE',
      priceCents: 4900,
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
  const deliveries: Delivery[] = [];
  for (let offset = 0; offset < orders; offset += 1000) {
    const count = Math.min(1000, orders - offset);
    const users = Array.from({ length: count }, () => randomUUID());
    const orderIds = Array.from({ length: count }, () => randomUUID());
    const sessions = orderIds.map(
      (id) => `cs_test_bench_${createHash('sha1').update(id).digest('hex')}`,
    );
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash")
       SELECT u, 'buyer-' || u || '@example.com', 'Bench Buyer', '!' FROM unnest($1::uuid[]) AS u`,
      [users],
    );
    await client.query(
      `INSERT INTO "Order" (id, "userId", "courseId", "versionId", "amountCents", currency, "stripeCheckoutSessionId", "checkoutUrl")
       SELECT o, u, $3, $4, 4900, 'usd', s, 'http://stripe.test/' || s
         FROM unnest($1::uuid[], $2::uuid[], $5::text[]) AS x(o, u, s)`,
      [orderIds, users, course.id, version.id, sessions],
    );
    orderIds.forEach((orderId, index) => {
      const session = {
        id: sessions[index],
        object: 'checkout.session',
        status: 'complete',
        payment_status: 'paid',
        amount_subtotal: 4900,
        amount_total: 4900,
        currency: 'usd',
        payment_intent: `pi_bench_${orderId.replaceAll('-', '')}`,
        client_reference_id: orderId,
        metadata: { orderId, courseId: course.id, userId: users[index] },
        total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
      };
      const event = {
        id: `evt_bench_${orderId.replaceAll('-', '')}`,
        object: 'event',
        api_version: '2025-01-01',
        created: Math.floor(Date.now() / 1000),
        data: { object: session },
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        type: 'checkout.session.completed',
      };
      deliveries.push({ orderId, payload: JSON.stringify(event, null, 2) });
    });
  }
  await client.query('ANALYZE');
  await client.end();
  return deliveries;
}

async function deliver(url: string, delivery: Delivery): Promise<Outcome> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'stripe-signature': signWebhookPayload(delivery.payload, WEBHOOK_SECRET),
      },
      body: delivery.payload,
    });
    await response.arrayBuffer();
    return {
      ms: performance.now() - started,
      ok: response.ok,
      error: response.ok ? undefined : `HTTP ${response.status}`,
    };
  } catch (error) {
    return { ms: performance.now() - started, ok: false, error: String(error) };
  }
}

async function paidCount(databaseUrl: string, orderIds: string[]) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query(
    `SELECT count(*) FILTER (WHERE o.status = 'PAID')::int AS paid,
            count(e.id) FILTER (WHERE e.status = 'ACTIVE')::int AS enrolled
       FROM "Order" o LEFT JOIN "Enrollment" e ON e."userId" = o."userId" AND e."courseId" = o."courseId"
      WHERE o.id = ANY($1::uuid[])`,
    [orderIds],
  );
  await client.end();
  return rows[0] as { paid: number; enrolled: number };
}

/**
 * Learners already enrolled across the catalog, as on any provider's database: PostgreSQL plans
 * the webhook's statements against an Enrollment table of a realistic size, not one that grows
 * from a few rows to thousands within the run (a plan cached for a few rows, a sequential scan,
 * stays until autovacuum's next ANALYZE; ARCHITECTURE.md, "The enrolment grant is prepared").
 */
async function enrolExistingLearners(databaseUrl: string, count: number) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `WITH learners AS (
         INSERT INTO "User" (id, email, name, "passwordHash")
         SELECT gen_random_uuid(), 'enrolled-' || g || '@example.com', 'Enrolled Learner', '!'
           FROM generate_series(1, $1::int) AS g
         RETURNING id
       ), numbered AS (SELECT id, row_number() OVER () AS n FROM learners),
       courses AS (
         SELECT id, "latestPublishedVersionId" AS "versionId",
                row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total
           FROM "Course" WHERE "latestPublishedVersionId" IS NOT NULL
       )
       INSERT INTO "Enrollment" ("userId", "courseId", "versionId", source, status)
       SELECT l.id, c.id, c."versionId", 'FREE', 'ACTIVE'
         FROM numbered l JOIN courses c ON c.n = l.n % c.total`,
      [count],
    );
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'lms-bench-webhook-'));
const processes: RunningProcess[] = [];
const statementStats = process.env.BENCH_PG_STATEMENTS === '1';
const postgres = await startEmbeddedPostgres({
  dataDir,
  port: await freePort(),
  database: 'lms',
  settings: statementStats ? pgStatementSettings : {},
});
try {
  const databaseUrl = postgres.url('lms');
  await migrate({ databaseUrl });
  const total = contenders * (WARM_UP + PER_RUN);
  const deliveries = await buildFixture(databaseUrl, total);
  await seedCatalog(databaseUrl);
  await enrolExistingLearners(databaseUrl, ENROLMENTS);
  console.log(
    `fixture: ${total} PENDING orders of distinct learners, one signed checkout.session.completed each; ${ENROLMENTS} learners already enrolled across the catalog`,
  );
  const apiWarm = deliveries.slice(0, WARM_UP);
  const apiRun = deliveries.slice(WARM_UP, WARM_UP + PER_RUN);
  const rawWarm = deliveries.slice(WARM_UP + PER_RUN, 2 * WARM_UP + PER_RUN);
  const rawRun = deliveries.slice(2 * WARM_UP + PER_RUN, 2 * (WARM_UP + PER_RUN));
  const abWarm = deliveries.slice(2 * (WARM_UP + PER_RUN), 2 * (WARM_UP + PER_RUN) + WARM_UP);
  const abRun = deliveries.slice(2 * (WARM_UP + PER_RUN) + WARM_UP);

  // Real-Stripe mode (keys set): no emulator, and webhooks never call Stripe.
  const apiEnv = {
    STRIPE_SECRET_KEY: 'sk_test_bench',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    ...(process.env.BENCH_API_POOL ? { DATABASE_POOL_MAX: process.env.BENCH_API_POOL } : {}),
  };
  const api = await startBenchApi(
    databaseUrl,
    apiEnv,
    process.env.BENCH_PROFILE_DIR
      ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE_DIR]
      : [],
  );
  processes.push(api);
  console.log(`API: ${benchApiKind()} (BENCH_API=compiled|tsx)`);
  const rawPort = await freePort();
  const raw = startProcess(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/raw-webhook-server.ts',
      databaseUrl,
      String(rawPort),
      WEBHOOK_SECRET,
    ],
    {},
    path.join(import.meta.dirname, '..'),
  );
  processes.push(raw);
  await waitForHttp(`http://127.0.0.1:${rawPort}/`, raw);
  let abUrl = '';
  let abPid = 0;
  if (abDist) {
    const other = await startCompiledApi(databaseUrl, abDist, apiEnv);
    processes.push(other);
    abUrl = `${other.url}/webhooks/stripe`;
    abPid = other.child.pid!;
    console.log(`A/B: ${abName} = ${abDist}/bin/main.js`);
  }
  const apiUrl = `${api.url}/webhooks/stripe`;
  const rawUrl = `http://127.0.0.1:${rawPort}/`;

  await drive(apiWarm, 10, (d) => deliver(apiUrl, d));
  await drive(rawWarm, 10, (d) => deliver(rawUrl, d));
  if (abDist) await drive(abWarm, 10, (d) => deliver(abUrl, d));

  if (statementStats) await resetStatementStats(databaseUrl);
  const deadlocksBefore = await deadlockCount(databaseUrl);
  console.log(
    `\n${PER_RUN} checkout.session.completed webhooks, ${CONCURRENCY} concurrent deliveries (pool: 10 connections each)\n`,
  );
  const [rawResult, apiResult, abResult] = await interleaved(
    [
      {
        name: 'raw SQL (pg + node:http)',
        pid: raw.child.pid!,
        items: rawRun,
        work: (d: Delivery) => deliver(rawUrl, d),
      },
      {
        name: 'API /webhooks/stripe',
        pid: api.child.pid!,
        items: apiRun,
        work: (d: Delivery) => deliver(apiUrl, d),
      },
      ...(abDist
        ? [
            {
              name: `API ${abName} (${abDist})`,
              pid: abPid,
              items: abRun,
              work: (d: Delivery) => deliver(abUrl, d),
            },
          ]
        : []),
    ],
    { rounds: 4, concurrency: CONCURRENCY, postgresDataDir: dataDir },
  );
  printResults(
    'interleaved, 4 rounds',
    [rawResult!, apiResult!, ...(abResult ? [abResult] : [])],
    'raw SQL (pg + node:http)',
  );
  const apiState = await paidCount(
    databaseUrl,
    apiRun.map((d) => d.orderId),
  );
  const rawState = await paidCount(
    databaseUrl,
    rawRun.map((d) => d.orderId),
  );
  console.log(
    `\nAPI: ${apiState.paid}/${PER_RUN} orders PAID, ${apiState.enrolled} enrolled; raw: ${rawState.paid}/${PER_RUN} PAID, ${rawState.enrolled} enrolled; deadlocks: ${(await deadlockCount(databaseUrl)) - deadlocksBefore}`,
  );
  console.log(
    `throughput ratio API / raw SQL: ${(apiResult!.perSecond / rawResult!.perSecond).toFixed(2)} (target ≥ 0.6)`,
  );
  if (abResult) {
    const abState = await paidCount(
      databaseUrl,
      abRun.map((d) => d.orderId),
    );
    console.log(
      `${abName}: ${abState.paid}/${PER_RUN} PAID, ${abState.enrolled} enrolled; ratio ${abName} / raw SQL: ${(abResult.perSecond / rawResult!.perSecond).toFixed(2)}`,
    );
  }
  if (statementStats) await printStatementStats(databaseUrl, PER_RUN / 4);
} finally {
  await Promise.all(processes.map((child) => child.stop()));
  await postgres.stop();
  await rm(dataDir, { recursive: true, force: true });
}
