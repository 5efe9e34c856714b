import { DEFAULT_TIME_ZONE, isTimeZone } from '@lms/time';
import { z } from 'zod';

/**
 * Shared pieces of the processes' configuration modules (api/src/env.ts, worker/src/config.ts).
 * Each process validates its own settings once at start; in production a missing setting or a
 * demo/default value refuses the start, and every problem is listed at once.
 */

/** The development default that must never reach a certificate in production. */
export const DEMO_CERTIFICATE_SPONSOR = 'CodeCred LMS';

export type Source = Record<string, string | undefined>;

/** One line per problem: `NAME: what is wrong and what to do`. */
export class ConfigError extends Error {
  constructor(
    readonly process: string,
    readonly problems: string[],
  ) {
    super(
      `Refusing to start the ${process}: ${problems.length} configuration problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((problem) => `  - ${problem}`).join('\n') +
        '\nSee .env.example and DEPLOY.md.',
    );
    this.name = 'ConfigError';
  }
}

const LOCAL_HOSTS = /^(localhost|.*\.localhost|127(\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\]|::1?)$/i;

/** Why a URL cannot be a production public address (null: fine). */
export function publicUrlProblem(value: string | undefined): string | null {
  if (!value) return 'is required in production (the public https address)';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `is not a URL: "${value}"`;
  }
  if (url.protocol !== 'https:') return `must use https in production (got ${url.protocol}//)`;
  if (LOCAL_HOSTS.test(url.hostname))
    return `must not point at ${url.hostname} in production: it is frozen into every certificate`;
  return null;
}

/** Checks shared by every process that talks to the database in production. */
export function databaseProblems(source: Source): string[] {
  return source.DATABASE_URL
    ? []
    : ['DATABASE_URL: is required in production (no embedded PostgreSQL runs there)'];
}

/** Everything frozen into certificates, badges and their verify links. */
export function certificateProblems(source: Source): string[] {
  const problems: string[] = [];
  for (const name of ['PUBLIC_WEB_URL', 'PUBLIC_API_URL']) {
    const problem = publicUrlProblem(source[name]);
    if (problem) problems.push(`${name}: ${problem}`);
  }
  const sponsor = source.CERTIFICATE_SPONSOR?.trim();
  if (!sponsor) {
    problems.push('CERTIFICATE_SPONSOR: is required in production (your organization’s name)');
  } else if (sponsor.toLowerCase() === DEMO_CERTIFICATE_SPONSOR.toLowerCase()) {
    problems.push(
      `CERTIFICATE_SPONSOR: is still the demo value "${DEMO_CERTIFICATE_SPONSOR}"; set your organization’s name`,
    );
  }
  return problems;
}

/** Formats zod's issues in the same one-line-per-setting form. */
export function schemaProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(settings)'}: ${issue.message}`);
}

/**
 * Parses `source` with `schema`; in production also runs `productionChecks` on the raw values.
 * Throws one ConfigError listing every problem.
 */
export function loadConfig<T extends z.ZodType>(options: {
  process: string;
  schema: T;
  source: Source;
  production: boolean;
  productionChecks?: ((source: Source) => string[])[];
  checks?: ((source: Source) => string[])[];
}): z.infer<T> {
  // Empty strings count as unset (compose files and shells often pass VAR=).
  const source = Object.fromEntries(
    Object.entries(options.source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = options.schema.safeParse(source);
  const problems = result.success ? [] : schemaProblems(result.error);
  for (const check of options.checks ?? []) problems.push(...check(source));
  if (options.production) {
    for (const check of options.productionChecks ?? []) problems.push(...check(source));
  }
  const unique = [...new Set(problems)];
  if (unique.length > 0 || !result.success) throw new ConfigError(options.process, unique);
  return result.data;
}

/** Development's SMTP server: the local mail catcher that `pnpm start` runs. */
export const DEV_SMTP_URL = 'smtp://127.0.0.1:1025';
/** Development's sender; production must name its own (a domain it may send for). */
export const DEV_MAIL_FROM = 'CodeCred LMS <no-reply@codecred.localhost>';

/** The settings every process that sends mail (the worker) shares. */
export const mailSettings = {
  /** SMTP server (smtp:// or smtps://, with credentials if any). Unset: DEV_SMTP_URL. */
  SMTP_URL: z
    .string()
    .url()
    .refine((value) => /^smtps?:\/\//.test(value), 'must start with smtp:// or smtps://')
    .optional(),
  /** The From header, e.g. `Example Training <no-reply@example.org>`. Unset: DEV_MAIL_FROM. */
  MAIL_FROM: z.string().trim().min(3).optional(),
};

/** Production sends real mail: both settings are required and the demo sender refused. */
export function mailProblems(source: Source): string[] {
  const problems: string[] = [];
  if (!source.SMTP_URL) {
    problems.push(
      'SMTP_URL: is required in production (smtp[s]://user:password@host:port of your mail server)',
    );
  }
  const from = source.MAIL_FROM?.trim();
  if (!from) {
    problems.push(
      'MAIL_FROM: is required in production (e.g. "Example Training <no-reply@example.org>")',
    );
  } else if (/\.localhost>?$|@codecred\.localhost/i.test(from)) {
    problems.push(
      `MAIL_FROM: "${from}" is the development sender; use an address your domain sends for`,
    );
  }
  return problems;
}
/**
 * PROVIDER_TIME_ZONE: the IANA zone whose calendar decides credit days (completion and
 * certificate dates, approval validity, renewal cycles) and in which times are shown to anyone
 * who has not chosen a zone. Every process of a deployment must use the same value.
 */
export const providerTimeZoneSchema = z
  .string()
  .trim()
  .default(DEFAULT_TIME_ZONE)
  .refine(isTimeZone, {
    message: 'must be an IANA time-zone name, like America/New_York or America/Los_Angeles',
  });

/**
 * Where uploaded files (course covers, lesson images, captions) are kept. "local" (default): a
 * folder, `<LMS_DATA_DIR>/media` unless STORAGE_DIR names another (every API process of a
 * machine must see the same folder). "s3": an S3-compatible bucket (AWS S3, MinIO, R2, …), the
 * choice for several machines.
 */
export const storageSettings = {
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  /** The folder of the local driver (absolute path). */
  STORAGE_DIR: z.string().optional(),
  /** S3 endpoint URL; unset: AWS S3 of S3_REGION. */
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().trim().min(1).default('us-east-1'),
  S3_BUCKET: z.string().trim().min(3).optional(),
  S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().trim().min(1).optional(),
  /** "true": https://host/bucket/key (MinIO and most S3-compatible services). */
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
};

/** With STORAGE_DRIVER=s3 the bucket and the credentials are required. */
export function storageProblems(source: Source): string[] {
  if (source.STORAGE_DRIVER !== 's3') return [];
  return ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']
    .filter((name) => !source[name])
    .map((name) => `${name}: is required with STORAGE_DRIVER=s3`);
}

/**
 * The API's response cache of anonymous public reads (catalog, course pages, certificate
 * verification), per process, invalidated through PostgreSQL LISTEN/NOTIFY.
 * RESPONSE_CACHE: "on" (default) or "off". RESPONSE_CACHE_MAX_MB: its size limit per process.
 */
export const responseCacheSettings = {
  RESPONSE_CACHE: z
    .enum(['on', 'off'])
    .default('on')
    .transform((value) => value === 'on'),
  RESPONSE_CACHE_MAX_MB: z.coerce.number().int().min(1).max(1024).default(32),
};

/**
 * DATABASE_PREPARED_STATEMENTS: "on" (default) runs the fixed hot reads and the hot-write
 * statements marked `prepared` as named prepared statements (parsed and planned once per
 * connection); "off" behind a connection pooler in
 * transaction mode that does not support protocol-level prepared statements.
 */
export const preparedStatementSettings = {
  DATABASE_PREPARED_STATEMENTS: z
    .enum(['on', 'off'])
    .default('on')
    .transform((value) => value === 'on'),
};
