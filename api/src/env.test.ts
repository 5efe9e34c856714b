import { generateKeyPairSync } from 'node:crypto';
import { DEFAULT_RATE_LIMITS } from '@lms/core';
import { describe, expect, it } from 'vitest';
import { loadEnv } from './env';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const good = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgresql://lms:secret@db.internal.example:5432/lms',
  PUBLIC_WEB_URL: 'https://learn.example.org',
  PUBLIC_API_URL: 'https://api.learn.example.org',
  CERTIFICATE_SPONSOR: 'Example Coding Academy',
  ISSUER_PRIVATE_JWK: JSON.stringify(privateKey.export({ format: 'jwk' })),
  STRIPE_SECRET_KEY: 'sk_live_example',
  STRIPE_WEBHOOK_SECRET: 'whsec_example',
};

function problemsOf(env: Record<string, string | undefined>): string {
  try {
    loadEnv(env);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

describe('API configuration in production', () => {
  it('accepts a complete configuration', () => {
    expect(loadEnv(good).CERTIFICATE_SPONSOR).toBe('Example Coding Academy');
  });

  it('keeps every pooled connection by default (DATABASE_POOL_MIN = DATABASE_POOL_MAX) and refuses a minimum above the maximum', () => {
    expect(loadEnv(good).DATABASE_POOL_MIN).toBe(10);
    expect(loadEnv({ ...good, DATABASE_POOL_MAX: '20' }).DATABASE_POOL_MIN).toBe(20);
    expect(loadEnv({ ...good, DATABASE_POOL_MIN: '0' }).DATABASE_POOL_MIN).toBe(0);
    expect(problemsOf({ ...good, DATABASE_POOL_MIN: '11' })).toContain(
      'DATABASE_POOL_MIN: must be at most DATABASE_POOL_MAX (10)',
    );
  });

  it('takes the provider time zone as an IANA name (default America/New_York) and refuses others', () => {
    expect(loadEnv(good).PROVIDER_TIME_ZONE).toBe('America/New_York');
    expect(loadEnv({ ...good, PROVIDER_TIME_ZONE: 'America/Los_Angeles' }).PROVIDER_TIME_ZONE).toBe(
      'America/Los_Angeles',
    );
    expect(problemsOf({ ...good, PROVIDER_TIME_ZONE: 'Pacific Time' })).toContain(
      'PROVIDER_TIME_ZONE: must be an IANA time-zone name',
    );
  });

  // Each row: one bad setting (undefined or '' = unset), the problem that must name it.
  it.each([
    ['DATABASE_URL', undefined, 'DATABASE_URL: is required'],
    ['ISSUER_PRIVATE_JWK', undefined, 'ISSUER_PRIVATE_JWK: is required'],
    [
      'ISSUER_PRIVATE_JWK',
      JSON.stringify(publicKey.export({ format: 'jwk' })),
      'ISSUER_PRIVATE_JWK: must be an Ed25519 private JWK',
    ],
    ['ISSUER_PRIVATE_JWK', 'not json', 'ISSUER_PRIVATE_JWK: must be an Ed25519 private JWK'],
    ['PUBLIC_WEB_URL', '', 'PUBLIC_WEB_URL: is required'],
    ['PUBLIC_WEB_URL', 'http://127.0.0.1:3000', 'PUBLIC_WEB_URL: must use https'],
    ['PUBLIC_WEB_URL', 'https://localhost', 'PUBLIC_WEB_URL: must not point at localhost'],
    ['PUBLIC_WEB_URL', 'https://app.localhost', 'PUBLIC_WEB_URL: must not point at app.localhost'],
    ['PUBLIC_API_URL', undefined, 'PUBLIC_API_URL: is required'],
    ['PUBLIC_API_URL', 'http://api.learn.example.org', 'PUBLIC_API_URL: must use https'],
    ['PUBLIC_API_URL', 'https://[::1]:4000', 'PUBLIC_API_URL: must not point at [::1]'],
    ['PUBLIC_API_URL', 'https://0.0.0.0', 'PUBLIC_API_URL: must not point at 0.0.0.0'],
    ['CERTIFICATE_SPONSOR', undefined, 'CERTIFICATE_SPONSOR: is required'],
    ['CERTIFICATE_SPONSOR', 'CodeCred LMS', 'CERTIFICATE_SPONSOR: is still the demo value'],
    ['CERTIFICATE_SPONSOR', '  codecred lms ', 'CERTIFICATE_SPONSOR: is still the demo value'],
    ['STRIPE_SECRET_KEY', 'pk_live_publishable', 'STRIPE_SECRET_KEY: must be a Stripe secret key'],
    ['STRIPE_WEBHOOK_SECRET', 'secret', 'STRIPE_WEBHOOK_SECRET: must be a webhook signing secret'],
  ])('%s = %j is refused', (name, value, problem) => {
    expect(problemsOf({ ...good, [name]: value })).toContain(problem);
  });

  it('both Stripe keys missing: both named', () => {
    const message = problemsOf({
      ...good,
      STRIPE_SECRET_KEY: undefined,
      STRIPE_WEBHOOK_SECRET: undefined,
    });
    expect(message).toContain('STRIPE_SECRET_KEY: is required');
    expect(message).toContain('STRIPE_WEBHOOK_SECRET: is required');
  });

  it('lists every problem at once', () => {
    const message = problemsOf({ NODE_ENV: 'production', PORT: 'not-a-port' });
    for (const name of [
      'PORT',
      'DATABASE_URL',
      'ISSUER_PRIVATE_JWK',
      'PUBLIC_WEB_URL',
      'PUBLIC_API_URL',
      'CERTIFICATE_SPONSOR',
      'STRIPE_SECRET_KEY',
      'STRIPE_WEBHOOK_SECRET',
    ]) {
      expect(message).toContain(`${name}:`);
    }
  });

  it('development keeps its defaults (embedded database, demo sponsor, local URLs)', () => {
    const env = loadEnv({ NODE_ENV: 'development' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.CERTIFICATE_SPONSOR).toBe('CodeCred LMS');
    expect(env.PUBLIC_WEB_URL).toBe('http://127.0.0.1:3000');
  });
});

describe('RATE_LIMITS', () => {
  it('defaults to no overrides (the production values apply)', () => {
    expect(loadEnv({}).RATE_LIMITS).toEqual({});
    expect(DEFAULT_RATE_LIMITS.registerPerAddress.limit).toBeLessThan(60);
  });

  it('reads overrides of named rules', () => {
    const env = loadEnv({
      RATE_LIMITS: '{"registerPerAddress":{"limit":1000,"windowSeconds":60}}',
    });
    expect(env.RATE_LIMITS).toEqual({ registerPerAddress: { limit: 1000, windowSeconds: 60 } });
  });

  it.each([
    ['not JSON', 'registerPerAddress=5', /must be JSON/],
    ['an unknown rule', '{"registerPerPlanet":{"limit":1,"windowSeconds":1}}', /RATE_LIMITS/],
    ['a zero limit', '{"registerPerAddress":{"limit":0,"windowSeconds":60}}', /RATE_LIMITS/],
  ])('refuses %s with a message naming the variable', (_what, value, message) => {
    expect(() => loadEnv({ RATE_LIMITS: value })).toThrow(message);
  });
});

describe('object store settings', () => {
  it('defaults to a local folder under the data folder', () => {
    const env = loadEnv({ ...good, LMS_DATA_DIR: '/srv/lms' });
    expect(env.STORAGE_DRIVER).toBe('local');
    expect(env.STORAGE_DIR).toBeUndefined();
  });

  it('with STORAGE_DRIVER=s3 names every missing bucket setting at once', () => {
    const message = problemsOf({ ...good, STORAGE_DRIVER: 's3' });
    expect(message).toContain('S3_BUCKET: is required with STORAGE_DRIVER=s3');
    expect(message).toContain('S3_ACCESS_KEY_ID: is required with STORAGE_DRIVER=s3');
    expect(message).toContain('S3_SECRET_ACCESS_KEY: is required with STORAGE_DRIVER=s3');
    const env = loadEnv({
      ...good,
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: 'https://minio.internal.example:9000',
      S3_BUCKET: 'lms-media',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(env.S3_FORCE_PATH_STYLE).toBe(true);
    expect(env.S3_REGION).toBe('us-east-1');
  });
});
