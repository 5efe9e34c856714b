import { ConfigError } from '@lms/config';
import { configureCertificates, configureProviderTimeZone } from '@lms/core';
import { createPrismaClient, migrate } from '@lms/db';
import { pino } from 'pino';
import { loadWorkerConfig, type WorkerConfig } from './config';
import { startJobRunner } from './runner';

/** `pnpm worker`: the job worker as its own process (any number of them per database). */
function loadConfigOrExit(): WorkerConfig {
  try {
    return loadWorkerConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

const config = loadConfigOrExit();
const log = pino({ level: config.LOG_LEVEL, base: { service: 'worker' } });
/** Running jobs get this long to finish after SIGTERM; then the process exits 1. */
const SHUTDOWN_LIMIT_MS = 30_000;
// Development without DATABASE_URL: the embedded PostgreSQL that `pnpm start` runs.
const databaseUrl =
  config.DATABASE_URL ??
  `postgresql://postgres:postgres@127.0.0.1:${config.EMBEDDED_POSTGRES_PORT}/lms`;
const cleanups: (() => Promise<void>)[] = [];

async function main() {
  // Migrations run under an advisory lock: whichever process starts first applies them.
  await migrate({ databaseUrl });
  const db = createPrismaClient({ databaseUrl, poolMax: config.DATABASE_POOL_MAX });
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

let stopping = false;
async function shutdown(signal: string, exitCode = 0) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down: finishing running jobs');
  setTimeout(() => {
    log.error({ signal }, `shutdown did not finish within ${SHUTDOWN_LIMIT_MS} ms; exiting`);
    process.exit(1);
  }, SHUTDOWN_LIMIT_MS).unref();
  for (const cleanup of cleanups) {
    try {
      await cleanup();
    } catch (error) {
      log.error({ err: error }, 'error during shutdown');
    }
  }
  log.info('stopped');
  process.exit(exitCode);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

main().catch(async (error: unknown) => {
  log.fatal({ err: error }, 'worker failed to start');
  await shutdown('startup-failure', 1);
});
