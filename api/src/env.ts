import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** PostgreSQL to use. Unset: an embedded PostgreSQL is started (development only). */
  DATABASE_URL: z.string().url().optional(),
  /** Where the embedded PostgreSQL keeps its data. */
  LMS_DATA_DIR: z.string().default(path.join(repoRoot, '.data')),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** Load demo data into an empty database at start. */
  SEED_DEMO_DATA: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Express "trust proxy" setting: which hops may set X-Forwarded-For (the web server). */
  TRUST_PROXY: z.string().default('loopback'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
});

export type Env = z.infer<typeof envSchema>;

/** The one place in the API that reads process.env. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `  ${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid environment:\n${problems.join('\n')}`);
  }
  if (result.data.NODE_ENV === 'production' && !result.data.DATABASE_URL) {
    throw new Error('DATABASE_URL is required when NODE_ENV=production.');
  }
  return result.data;
}
