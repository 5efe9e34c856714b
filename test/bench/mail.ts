// `pnpm --filter @lms/test bench:mail`: emails sent per second by ONE worker process from a
// 5,000-message outbox, over real SMTP to a local catcher (smtp-server + mailparser, in this
// process). Baseline, same run: the same 5,000 messages sent straight from this process with the
// same nodemailer transport (pooled, same connections) and no database, which is the SMTP
// ceiling on this machine. Prints figures; asserts nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { enqueueEmail, renderEmail } from '@lms/core';
import { createPrismaClient, migrate } from '@lms/db';
import { startEmbeddedPostgres } from '@lms/db/embedded';
import { createSmtpTransport } from '@lms/mail';
import { startMailCatcher } from '@lms/mail/catcher';
import { createQueueScheduler } from '@lms/worker';
import { pino } from 'pino';
import { freePort, type RunningProcess, startWorkerProcess } from '../support/processes';
import { parseBenchArgs } from './args';

const { messages: MESSAGES, workerConcurrency: CONCURRENCY } = parseBenchArgs({
  messages: 5000,
  workerConcurrency: 4,
});

const message = (i: number) =>
  renderEmail('password-reset', {
    to: `reader-${i}@example.com`,
    name: `Reader ${i}`,
    resetUrl: `http://127.0.0.1:3000/reset-password/token-${i}`,
    expiresInMinutes: 60,
  });

const line = (cells: (string | number)[]) =>
  console.log(cells.map((cell, i) => String(cell).padEnd(i === 0 ? 44 : 14)).join(''));

const dataDir = await mkdtemp(path.join(tmpdir(), 'lms-bench-mail-'));
const processes: RunningProcess[] = [];
const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'lms' });
const catcher = await startMailCatcher();
try {
  const databaseUrl = postgres.url('lms');
  await migrate({ databaseUrl });
  // graphile-worker's schema, as the API creates it at start (enqueueEmail adds a job per row).
  const scheduler = await createQueueScheduler({ databaseUrl, log: pino({ level: 'silent' }) });
  await scheduler.release();
  const db = createPrismaClient({ databaseUrl });

  // Baseline: nodemailer alone, CONCURRENCY messages in flight, like the worker's jobs.
  const transport = createSmtpTransport({
    smtpUrl: catcher.smtpUrl,
    from: 'Bench <bench@example.com>',
  });
  let next = 0;
  const baselineStart = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < MESSAGES) {
        const i = next++;
        const email = message(i);
        await transport.send({
          messageId: `<baseline-${i}@bench.invalid>`,
          to: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
          headers: {},
          attachments: [],
        });
      }
    }),
  );
  const baselineSeconds = (performance.now() - baselineStart) / 1000;
  transport.close();

  // The outbox: MESSAGES rows (and their jobs) queued while no worker runs.
  const enqueueStart = performance.now();
  for (let i = 0; i < MESSAGES; i += 50) {
    await db.$transaction(async (tx) => {
      for (let j = i; j < Math.min(MESSAGES, i + 50); j++) await enqueueEmail(tx, message(j));
    });
  }
  const enqueueSeconds = (performance.now() - enqueueStart) / 1000;
  const received = catcher.messages.length;

  const spawned = performance.now();
  const worker = await startWorkerProcess(databaseUrl, {
    SMTP_URL: catcher.smtpUrl,
    WORKER_CONCURRENCY: String(CONCURRENCY),
    LOG_LEVEL: 'info',
  });
  processes.push(worker);
  let sent = 0;
  while (sent < MESSAGES) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    sent = await db.emailMessage.count({ where: { status: 'SENT' } });
  }
  const wallSeconds = (performance.now() - spawned) / 1000;
  const [span] = await db.$queryRaw<{ seconds: number }[]>`
    SELECT EXTRACT(EPOCH FROM max("sentAt") - min("sentAt"))::float8 AS seconds
    FROM "EmailMessage" WHERE "status" = 'SENT'`;
  const workerSeconds = span?.seconds ?? wallSeconds;
  const delivered = catcher.messages.length - received;
  await db.$disconnect();

  console.log(
    `\n${MESSAGES} messages (HTML + text, ~3 kB), one worker process, WORKER_CONCURRENCY=${CONCURRENCY}, local SMTP catcher\n`,
  );
  line(['', 'emails/s', 'seconds']);
  line([
    'baseline: nodemailer straight to SMTP',
    (MESSAGES / baselineSeconds).toFixed(0),
    baselineSeconds.toFixed(2),
  ]);
  line([
    'worker from the outbox (first→last sentAt)',
    (MESSAGES / workerSeconds).toFixed(0),
    workerSeconds.toFixed(2),
  ]);
  line(['worker incl. process start', (MESSAGES / wallSeconds).toFixed(0), wallSeconds.toFixed(2)]);
  line([
    'queueing: enqueueEmail, 50 per transaction',
    (MESSAGES / enqueueSeconds).toFixed(0),
    enqueueSeconds.toFixed(2),
  ]);
  console.log(
    `\nreceived by the catcher from the worker: ${delivered} (duplicates: ${delivered - MESSAGES})`,
  );
} finally {
  await Promise.all(processes.map((p) => p.stop()));
  await catcher.stop();
  await postgres.stop();
  await rm(dataDir, { recursive: true, force: true });
}
