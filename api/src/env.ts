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
  /** Public base URL of the web app (certificate verify links point at it). */
  PUBLIC_WEB_URL: z.string().url().default('http://127.0.0.1:3000'),
  /** Public base URL of this API (the issuer profile and status list live under it). */
  PUBLIC_API_URL: z.string().url().default('http://127.0.0.1:4000'),
  /** Sponsoring organization printed on certificates; also the issuer's name. */
  CERTIFICATE_SPONSOR: z.string().trim().min(1).default('CodeCred LMS'),
  /** Ed25519 private JWK (JSON) that signs credentials. Required in production. */
  ISSUER_PRIVATE_JWK: z.string().optional(),
  /**
   * Public JWKs (JSON array, each with its kid) of keys that signed credentials before a
   * rotation: the issuer profile keeps publishing them so those credentials still verify.
   */
  ISSUER_RETIRED_PUBLIC_JWKS: z.string().optional(),
  /** Stripe secret key (sk_live_… / sk_test_…). Unset (with the webhook secret): local emulator. */
  STRIPE_SECRET_KEY: z.string().trim().min(1).optional(),
  /** Signing secret (whsec_…) of the Stripe webhook endpoint pointing at /webhooks/stripe. */
  STRIPE_WEBHOOK_SECRET: z.string().trim().min(1).optional(),
  /** Port of the local Stripe emulator (no keys, not production); 0: any free port. */
  STRIPE_EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
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
  if (Boolean(result.data.STRIPE_SECRET_KEY) !== Boolean(result.data.STRIPE_WEBHOOK_SECRET)) {
    throw new Error('Set both STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET, or neither.');
  }
  if (result.data.NODE_ENV === 'production' && !result.data.STRIPE_SECRET_KEY) {
    throw new Error(
      'STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are required when NODE_ENV=production (the local Stripe emulator never runs in production).',
    );
  }
  if (result.data.NODE_ENV === 'production' && !result.data.ISSUER_PRIVATE_JWK) {
    throw new Error('ISSUER_PRIVATE_JWK is required when NODE_ENV=production.');
  }
  return result.data;
}
