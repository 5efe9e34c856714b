import { createServer } from 'node:net';
import {
  deferEmailJobs,
  enqueueEmail,
  handlePaymentEvent,
  renderEmail,
  wakeEmailSender,
} from '@lms/core';
import { createPrismaClient } from '@lms/db';
import { createCourse, createOrder, createUser, type TestDatabase } from '@lms/db/testing';
import { type MailCatcher, startMailCatcher } from '@lms/mail/catcher';
import {
  createQueueScheduler,
  type JobRunner,
  type QueueScheduler,
  startJobRunner,
} from '@lms/worker';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exitOf, type RunningProcess, startWorkerProcess } from '../support/processes';
import { createSeededDatabase } from '../support/seeded-database';

let database: TestDatabase;
let scheduler: QueueScheduler;
const catchers: MailCatcher[] = [];
const runners: JobRunner[] = [];
const workers: RunningProcess[] = [];
const silent = pino({ level: 'silent' });

beforeAll(async () => {
  database = await createSeededDatabase();
  // As the API does at start: graphile-worker's schema exists before any mail is queued.
  scheduler = await createQueueScheduler({ databaseUrl: database.url, log: silent });
});
afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  for (const runner of runners) await runner.stop();
  await Promise.all(catchers.map((catcher) => catcher.stop()));
  await scheduler?.release();
  await database?.drop();
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 60_000) {
  const giveUp = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < giveUp) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

function resetMail(to: string, tag: string) {
  return renderEmail('password-reset', {
    to,
    name: `Reader ${tag}`,
    resetUrl: `http://127.0.0.1:3000/reset-password/${tag}`,
    expiresInMinutes: 60,
  });
}

const jobsFor = async (id: string) =>
  (
    await database.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ${`email:${id}`}`
  )[0]?.n ?? 0;

it('a rolled-back transaction queues nothing; a committed one queues the row and its job', async () => {
  const { db } = database;
  await expect(
    db.$transaction(async (tx) => {
      const result = await enqueueEmail(tx, resetMail('rollback@example.com', 'rollback'));
      expect(result.queued).toBe(true);
      throw new Error('the event failed');
    }),
  ).rejects.toThrow('the event failed');
  expect(await db.emailMessage.count({ where: { toAddress: 'rollback@example.com' } })).toBe(0);
  const jobs = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'send-email'`;
  expect(jobs[0]?.n).toBe(0);

  const committed = await db.$transaction((tx) =>
    enqueueEmail(tx, resetMail('commit@example.com', 'commit')),
  );
  if (!committed.queued) throw new Error('not queued');
  const row = await db.emailMessage.findUniqueOrThrow({ where: { id: committed.id } });
  expect(row.status).toBe('PENDING');
  expect(row.topic).toBeNull();
  expect(row.text).toContain('http://127.0.0.1:3000/reset-password/commit');
  expect(await jobsFor(committed.id)).toBe(1);
});

it('a paid webhook adds its receipt job after the payment commits, not inside its transaction', async () => {
  // A job added inside the transaction NOTIFYs at commit, and PostgreSQL serialises the
  // commits of notifying transactions: every payment would queue behind the others' flushes.
  const statements: string[] = [];
  const db = createPrismaClient({
    databaseUrl: database.url,
    onQuery: (sql) => statements.push(sql),
  });
  try {
    const owner = await createUser(database.db, { role: 'INSTRUCTOR' });
    const { course } = await createCourse(database.db, { ownerId: owner.id, priceCents: 4900 });
    const buyer = await createUser(database.db, { emailVerifiedAt: true });
    const sessionId = 'cs_test_wake_after_commit';
    const order = await createOrder(database.db, {
      userId: buyer.id,
      courseId: course.id,
      amountCents: 4900,
      status: 'PENDING',
      stripeCheckoutSessionId: sessionId,
    });
    const paymentIntentId = `pi_${sessionId}`;
    const result = await handlePaymentEvent({
      db,
      rawBody: '{}',
      livemode: false,
      event: {
        id: 'evt_wake_after_commit',
        type: 'checkout.session.completed',
        livemode: false,
        checkoutSessionId: sessionId,
        paymentIntentId,
        kind: 'checkout-paid',
        session: {
          id: sessionId,
          status: 'complete',
          paymentStatus: 'paid',
          amountTotal: 4900,
          amountSubtotal: 4900,
          currency: 'usd',
          paymentIntentId,
          orderId: order.id,
          metadata: { orderId: order.id },
        },
      },
    });
    expect(result.outcome).toBe('paid: enrolled');

    const commit = statements.indexOf('COMMIT');
    expect(commit).toBeGreaterThan(0);
    const inTransaction = statements.slice(statements.indexOf('BEGIN'), commit);
    // (The queue check, `to_regprocedure('graphile_worker.add_job(…)')`, only names it.)
    const addsJob = (sql: string) => sql.includes('add_job') && !sql.includes('to_regprocedure');
    expect(inTransaction.filter(addsJob)).toEqual([]);
    expect(statements.slice(commit).filter((sql) => sql.includes('add_jobs'))).toHaveLength(1);
    const receipt = await database.db.emailMessage.findFirstOrThrow({
      where: { dedupeKey: `receipt:${order.id}` },
    });
    // The job exists when the delivery is answered.
    expect(await jobsFor(receipt.id)).toBe(1);
  } finally {
    await db.$disconnect();
  }
});

it('a transaction that defers its email jobs commits rows without jobs; a burst of wakes then costs two statements, and every row gets its job', async () => {
  const statements: string[] = [];
  const db = createPrismaClient({
    databaseUrl: database.url,
    onQuery: (sql) => statements.push(sql),
  });
  try {
    const ids: string[] = [];
    await database.db.$transaction(async (tx) => {
      deferEmailJobs(tx, ids);
      for (let i = 0; i < 10; i += 1) {
        const result = await enqueueEmail(tx, resetMail(`wake${i}@example.com`, `wake${i}`));
        expect(result.queued).toBe(true);
      }
    });
    expect(ids).toHaveLength(10);
    for (const id of ids) expect(await jobsFor(id)).toBe(0);

    await Promise.all(ids.map((id) => wakeEmailSender(db, [id])));

    // The first wake's statement goes at once; the nine made meanwhile share the next one.
    expect(statements.filter((sql) => sql.includes('add_jobs'))).toHaveLength(2);
    for (const id of ids) expect(await jobsFor(id)).toBe(1);
  } finally {
    await db.$disconnect();
  }
});

it('a dedupe key queues a message once, however often the event is retried', async () => {
  const { db } = database;
  const email = renderEmail(
    'password-reset',
    { to: 'dedupe@example.com', name: 'D', resetUrl: 'http://x.test/r', expiresInMinutes: 60 },
    { dedupeKey: 'test:dedupe' },
  );
  const results = await Promise.all([1, 2, 3, 4].map(() => enqueueEmail(db, email)));
  expect(results.filter((result) => result.queued)).toHaveLength(1);
  expect(results.filter((result) => !result.queued && result.reason === 'duplicate')).toHaveLength(
    3,
  );
  expect(await db.emailMessage.count({ where: { toAddress: 'dedupe@example.com' } })).toBe(1);
});

it('SMTP down, then up: nothing is lost and the mail arrives exactly once', async () => {
  const { db } = database;
  const port = await freePort();
  // Nothing listens on the port: every attempt fails until the catcher starts there.
  const runner = await startJobRunner({
    databaseUrl: database.url,
    db,
    log: silent,
    concurrency: 2,
    smtpUrl: `smtp://127.0.0.1:${port}`,
  });
  runners.push(runner);
  const queued = await db.$transaction((tx) =>
    enqueueEmail(tx, resetMail('outage@example.com', 'outage')),
  );
  if (!queued.queued) throw new Error('not queued');
  const failed = await waitUntil(
    () => db.emailMessage.findUniqueOrThrow({ where: { id: queued.id } }),
    (row) => row.attempts >= 1 && row.status === 'PENDING' && row.lastError !== null,
  );
  expect(failed.status).toBe('PENDING');
  expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
  expect(failed.sentAt).toBeNull();

  const catcher = await startMailCatcher({ smtpPort: port });
  catchers.push(catcher);
  const mail = await catcher.waitFor((m) => m.envelopeTo.includes('outage@example.com'), 60_000);
  expect(mail.parsed.subject).toBe('Reset your password');
  expect(mail.parsed.text).toContain('http://127.0.0.1:3000/reset-password/outage');
  const sent = await waitUntil(
    () => db.emailMessage.findUniqueOrThrow({ where: { id: queued.id } }),
    (row) => row.status === 'SENT',
  );
  expect(sent.status).toBe('SENT');
  expect(sent.sentAt).not.toBeNull();
  expect(sent.attempts).toBeGreaterThanOrEqual(2);
  // The job's retries and the sweep both ran meanwhile: still one delivery.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect(catcher.messages.filter((m) => m.envelopeTo.includes('outage@example.com'))).toHaveLength(
    1,
  );
  expect(await jobsFor(queued.id)).toBe(0);
  await runner.stop();
  runners.splice(runners.indexOf(runner), 1);
}, 120_000);

it('two worker processes, 60 messages: each is delivered exactly once', async () => {
  const { db } = database;
  const catcher = await startMailCatcher();
  catchers.push(catcher);
  const env = { SMTP_URL: catcher.smtpUrl, WORKER_CONCURRENCY: '4', LOG_LEVEL: 'debug' };
  workers.push(
    ...(await Promise.all([
      startWorkerProcess(database.url, env),
      startWorkerProcess(database.url, env),
    ])),
  );
  const ids: string[] = [];
  for (let i = 0; i < 60; i++) {
    const result = await db.$transaction((tx) =>
      enqueueEmail(tx, resetMail(`pair-${i}@example.com`, `pair-${i}`)),
    );
    if (result.queued) ids.push(result.id);
  }
  expect(ids).toHaveLength(60);
  // The sweep may take rows before their job does: claims keep it to one send anyway.
  await db.$executeRaw`UPDATE "EmailMessage" SET "nextAttemptAt" = now() - interval '1 minute'`;
  const rows = await waitUntil(
    () => db.emailMessage.findMany({ where: { id: { in: ids } } }),
    (list) => list.every((row) => row.status === 'SENT'),
    90_000,
  );
  expect(rows.every((row) => row.status === 'SENT')).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const received = catcher.messages.filter((m) => m.envelopeTo[0]?.startsWith('pair-'));
  const byMessageId = new Map<string, number>();
  for (const mail of received) {
    const key = mail.parsed.messageId ?? '';
    byMessageId.set(key, (byMessageId.get(key) ?? 0) + 1);
  }
  expect(received).toHaveLength(60);
  expect([...byMessageId.values()].every((count) => count === 1)).toBe(true);
  expect(new Set(ids.map((id) => `<${id}@codecred.invalid>`))).toEqual(new Set(byMessageId.keys()));
  // Both workers took part (the queue is shared, not owned by one process).
  const logs = workers.map((worker) => worker.output());
  expect(logs.every((log) => log.includes('email sent') || log.includes('outbox sweep'))).toBe(
    true,
  );

  const exits = workers.map((worker) => exitOf(worker));
  for (const worker of workers) worker.child.kill('SIGTERM');
  expect(await Promise.all(exits)).toEqual([0, 0]);
  workers.length = 0;
}, 180_000);

it('production refuses to start a worker without SMTP_URL, or with the development sender', async () => {
  const { loadWorkerConfig } = await import('@lms/worker');
  const production = {
    NODE_ENV: 'production',
    DATABASE_URL: 'postgresql://lms:pw@db.example.org:5432/lms',
    PUBLIC_WEB_URL: 'https://learn.example.org',
    PUBLIC_API_URL: 'https://api.learn.example.org',
    CERTIFICATE_SPONSOR: 'Example Coding Academy',
  };
  expect(() => loadWorkerConfig(production)).toThrow(/SMTP_URL: is required in production/);
  expect(() => loadWorkerConfig(production)).toThrow(/MAIL_FROM: is required in production/);
  expect(() =>
    loadWorkerConfig({
      ...production,
      SMTP_URL: 'smtp://127.0.0.1:1025',
      MAIL_FROM: 'CodeCred LMS <no-reply@codecred.localhost>',
    }),
  ).toThrow(/MAIL_FROM: .* is the development sender/);
  expect(() => loadWorkerConfig({ ...production, SMTP_URL: 'http://mail.example.org' })).toThrow(
    /SMTP_URL: must start with smtp:\/\/ or smtps:\/\//,
  );
  const ok = loadWorkerConfig({
    ...production,
    SMTP_URL: 'smtps://mailer:secret@smtp.example.org:465',
    MAIL_FROM: 'Example Coding Academy <no-reply@example.org>',
  });
  expect(ok.SMTP_URL).toBe('smtps://mailer:secret@smtp.example.org:465');
});

it('the outbox keeps sent rows 30 days and failed ones 90; pending ones always', async () => {
  const { pruneEmailOutbox } = await import('@lms/core');
  const { db } = database;
  const day = 86_400_000;
  const now = new Date();
  const make = async (tag: string, data: Record<string, unknown>) => {
    const result = await enqueueEmail(db, resetMail(`prune-${tag}@example.com`, tag));
    if (!result.queued) throw new Error('not queued');
    await db.emailMessage.update({ where: { id: result.id }, data });
    return result.id;
  };
  const oldSent = await make('old-sent', { status: 'SENT', sentAt: new Date(+now - 31 * day) });
  const newSent = await make('new-sent', { status: 'SENT', sentAt: new Date(+now - 29 * day) });
  const oldFailed = await make('old-failed', {
    status: 'FAILED',
    createdAt: new Date(+now - 91 * day),
  });
  const newFailed = await make('new-failed', {
    status: 'FAILED',
    createdAt: new Date(+now - 89 * day),
  });
  const oldPending = await make('old-pending', {
    status: 'PENDING',
    createdAt: new Date(+now - 400 * day),
    nextAttemptAt: new Date(+now + 3600_000),
  });
  const pruned = await pruneEmailOutbox({ db, now });
  expect(pruned).toEqual({ sent: 1, failed: 1 });
  const left = await db.emailMessage.findMany({
    where: { id: { in: [oldSent, newSent, oldFailed, newFailed, oldPending] } },
    select: { id: true },
  });
  expect(new Set(left.map((row) => row.id))).toEqual(new Set([newSent, newFailed, oldPending]));
});
