import { configureCertificates, configureProviderTimeZone } from '@lms/core';
import { createPrismaClient, migrate } from '@lms/db';
import { type Cleanup, loadConfigOrExit, stopOnSignals } from '@lms/process';
import { pino } from 'pino';
import { loadWorkerConfig, type WorkerConfig } from './config';
import { startJobRunner } from './runner';

/** `pnpm worker`: the job worker as its own process (any number of them per database). */
const config: WorkerConfig = loadConfigOrExit(loadWorkerConfig);
const log = pino({ level: config.LOG_LEVEL, base: { service: 'worker' } });
// Development without DATABASE_URL: the embedded PostgreSQL that `pnpm start` runs.
const databaseUrl =
  config.DATABASE_URL ??
  `postgresql://postgres:postgres@127.0.0.1:${config.EMBEDDED_POSTGRES_PORT}/lms`;
const cleanups: Cleanup[] = [];

async function main() {
  // Migrations run under an advisory lock: whichever process starts first applies them.
  await migrate({ databaseUrl });
  const db = createPrismaClient({
    databaseUrl,
    poolMax: config.DATABASE_POOL_MAX,
    preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
  });
  cleanups.push(() => db.$disconnect());
  configureCertificates({
    sponsoringOrganization: config.CERTIFICATE_SPONSOR,
    publicWebUrl: config.PUBLIC_WEB_URL,
    publicApiUrl: config.PUBLIC_API_URL,
  });
  configureProviderTimeZone(config.PROVIDER_TIME_ZONE);
  const runner = await startJobRunner({
    databaseUrl,
    db,
    log,
    concurrency: config.WORKER_CONCURRENCY,
    smtpUrl: config.SMTP_URL,
    mailFrom: config.MAIL_FROM,
  });
  cleanups.unshift(() => runner.stop());
  log.info({ concurrency: config.WORKER_CONCURRENCY }, 'worker ready');
}

// Running jobs get 30 s to finish after SIGTERM; then the process exits 1.
const shutdown = stopOnSignals({ log, cleanups, finishing: 'finishing running jobs' });

main().catch(async (error: unknown) => {
  log.fatal({ err: error }, 'worker failed to start');
  await shutdown('startup-failure', 1);
});
