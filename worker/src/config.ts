import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  certificateProblems,
  DEMO_CERTIFICATE_SPONSOR,
  databaseProblems,
  loadConfig,
  mailProblems,
  mailSettings,
  preparedStatementSettings,
  providerTimeZoneSchema,
} from '@lms/config';
import { z } from 'zod';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The worker grades attempts, and a passed post-test issues certificates: same settings. */
const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** Unset (development only): the embedded PostgreSQL that `pnpm start` runs in LMS_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  LMS_DATA_DIR: z.string().default(path.join(repoRoot, '.data')),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  ...preparedStatementSettings,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Jobs run at once by this worker process. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  PUBLIC_WEB_URL: z.string().url().default('http://127.0.0.1:3000'),
  PUBLIC_API_URL: z.string().url().default('http://127.0.0.1:4000'),
  CERTIFICATE_SPONSOR: z.string().trim().min(1).default(DEMO_CERTIFICATE_SPONSOR),
  ...mailSettings,
  /** The provider's IANA time zone: credit days follow its calendar (same value as the API). */
  PROVIDER_TIME_ZONE: providerTimeZoneSchema,
});

export type WorkerConfig = z.infer<typeof configSchema>;

/** The one place in the worker that reads process.env; throws a ConfigError listing all problems. */
export function loadWorkerConfig(source: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return loadConfig({
    process: 'worker',
    schema: configSchema,
    source,
    production: source.NODE_ENV === 'production',
    productionChecks: [databaseProblems, certificateProblems, mailProblems],
  });
}
