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
  responseCacheSettings,
  type Source,
  storageProblems,
  storageSettings,
} from '@lms/config';
import { DEFAULT_RATE_LIMITS, type RateLimitName } from '@lms/core';
import { z } from 'zod';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const rateRuleSchema = z.object({
  limit: z.number().int().min(1),
  windowSeconds: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 3600),
});
const rateLimitsSchema = z.partialRecord(
  z.enum(Object.keys(DEFAULT_RATE_LIMITS) as [RateLimitName, ...RateLimitName[]]),
  rateRuleSchema,
);

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
  /**
   * Pooled connections kept open however long they stay idle (default: DATABASE_POOL_MAX, a
   * fixed-size pool); the others close after 30 s idle.
   */
  DATABASE_POOL_MIN: z.coerce.number().int().min(0).max(200).optional(),
  ...preparedStatementSettings,
  /** Public base URL of the web app (certificate verify links point at it). */
  PUBLIC_WEB_URL: z.string().url().default('http://127.0.0.1:3000'),
  /** Public base URL of this API (the issuer profile and status list live under it). */
  PUBLIC_API_URL: z.string().url().default('http://127.0.0.1:4000'),
  /** Sponsoring organization printed on certificates; also the issuer's name. */
  CERTIFICATE_SPONSOR: z.string().trim().min(1).default(DEMO_CERTIFICATE_SPONSOR),
  /**
   * The provider's IANA time zone: the calendar of credit days (completion and certificate
   * dates, approval validity, renewal cycles) and the zone shown to people who chose none.
   */
  PROVIDER_TIME_ZONE: providerTimeZoneSchema,
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
  /** Run the job worker inside this process (default: in development only, i.e. `pnpm start`). */
  WORKER_IN_PROCESS: z.enum(['true', 'false']).optional(),
  /** Jobs run at once by the in-process worker. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(2),
  /** SMTP server and sender of the in-process worker (SMTP_URL, MAIL_FROM). */
  ...mailSettings,
  /** The response cache of anonymous public reads (RESPONSE_CACHE, RESPONSE_CACHE_MAX_MB). */
  ...responseCacheSettings,
  /** The object store of uploaded files (STORAGE_DRIVER, STORAGE_DIR, S3_*). */
  ...storageSettings,
  /** Port of the local Stripe emulator (no keys, not production); 0: any free port. */
  STRIPE_EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  /**
   * GraphQL documents outside the web app's allow-list (trusted documents): "refuse" (default in
   * production) or "allow" (default otherwise; for third-party clients of a deployment).
   */
  GRAPHQL_ADHOC_DOCUMENTS: z.enum(['allow', 'refuse']).optional(),
  /** The allow-list: codegen's persisted-documents.json (default: the web app's, in this repo). */
  TRUSTED_DOCUMENTS_FILE: z.string().optional(),
  /**
   * Rate limits to change from the production defaults, as JSON: rule name → { limit,
   * windowSeconds }, e.g. {"registerPerAddress":{"limit":1000,"windowSeconds":3600}}. Rule names:
   * RateLimitPolicy in packages/core/src/rate-limit/policy.ts.
   */
  RATE_LIMITS: z
    .string()
    .default('{}')
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({
          code: 'custom',
          message: 'must be JSON, like {"registerPerAddress":{"limit":1000,"windowSeconds":3600}}',
        });
        return z.NEVER;
      }
    })
    .pipe(rateLimitsSchema),
});

export type Env = Omit<z.infer<typeof envSchema>, 'DATABASE_POOL_MIN'> & {
  DATABASE_POOL_MIN: number;
};

function poolProblems(source: Source): string[] {
  const max = Number(source.DATABASE_POOL_MAX ?? 10);
  const min = source.DATABASE_POOL_MIN;
  if (min === undefined || min === '' || !Number.isInteger(max)) return [];
  return Number(min) > max ? [`DATABASE_POOL_MIN: must be at most DATABASE_POOL_MAX (${max})`] : [];
}

function issuerKeyProblems(source: Source): string[] {
  const jwk = source.ISSUER_PRIVATE_JWK;
  if (!jwk) {
    return [
      'ISSUER_PRIVATE_JWK: is required in production (the Ed25519 private JWK from your secret store; never rotate it silently)',
    ];
  }
  try {
    const parsed = JSON.parse(jwk) as { kty?: string; crv?: string; d?: string };
    if (parsed.kty === 'OKP' && parsed.crv === 'Ed25519' && typeof parsed.d === 'string') return [];
  } catch {
    // reported below
  }
  return ['ISSUER_PRIVATE_JWK: must be an Ed25519 private JWK as JSON (kty OKP, crv Ed25519, d)'];
}

function stripeProblems(source: Source): string[] {
  const problems: string[] = [];
  if (!source.STRIPE_SECRET_KEY) {
    problems.push(
      'STRIPE_SECRET_KEY: is required in production (the local Stripe emulator never runs there)',
    );
  } else if (!/^(sk|rk)_(live|test)_/.test(source.STRIPE_SECRET_KEY)) {
    problems.push('STRIPE_SECRET_KEY: must be a Stripe secret key (sk_live_… or sk_test_…)');
  }
  if (!source.STRIPE_WEBHOOK_SECRET) {
    problems.push(
      'STRIPE_WEBHOOK_SECRET: is required in production (the signing secret of the /webhooks/stripe endpoint)',
    );
  } else if (!source.STRIPE_WEBHOOK_SECRET.startsWith('whsec_')) {
    problems.push('STRIPE_WEBHOOK_SECRET: must be a webhook signing secret (whsec_…)');
  }
  return problems;
}

function stripePairProblems(source: Source): string[] {
  return Boolean(source.STRIPE_SECRET_KEY) === Boolean(source.STRIPE_WEBHOOK_SECRET)
    ? []
    : ['STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET: set both, or neither (local emulator)'];
}

/**
 * The one place in the API that reads process.env. Throws a ConfigError listing every problem
 * at once; in production also every missing setting and every demo/default value.
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const env = loadConfig({
    process: 'API',
    schema: envSchema,
    source,
    production: source.NODE_ENV === 'production',
    checks: [stripePairProblems, storageProblems, poolProblems],
    productionChecks: [
      databaseProblems,
      certificateProblems,
      issuerKeyProblems,
      stripeProblems,
      // A production API sends mail only when it runs the worker in its own process.
      (raw) => (raw.WORKER_IN_PROCESS === 'true' ? mailProblems(raw) : []),
    ],
  });
  return { ...env, DATABASE_POOL_MIN: env.DATABASE_POOL_MIN ?? env.DATABASE_POOL_MAX };
}
