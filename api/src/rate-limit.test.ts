import { DEFAULT_RATE_LIMITS } from '@lms/core';
import { generateSerial } from '@lms/credentials';
import { createPrismaClient } from '@lms/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from './logger';
import { type ApiServer, createApiServer } from './server';
import { type GraphQLResponse, startTestApi, type TestApi } from './test-support';

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterInput!) { register(input: $input) { token } }
`;
const VERIFY = /* GraphQL */ `
  query Verify($serial: String!) { verifyCertificate(serial: $serial) { status } }
`;

// Production values for the limits under test (the test API raises them by default).
let api: TestApi;
/** Every SQL statement the first API sends while `recording` is on. */
let recording = false;
let statements: string[] = [];
let second: { server: ApiServer; url: string; disconnect: () => Promise<void> };
beforeAll(async () => {
  api = await startTestApi({
    onQuery: (sql) => {
      if (recording) statements.push(sql);
    },
    rateLimits: {
      registerPerAddress: DEFAULT_RATE_LIMITS.registerPerAddress,
      verifyPerAddress: DEFAULT_RATE_LIMITS.verifyPerAddress,
    },
  });
  // A second API process's worth of server and connection pool on the same database.
  const db = createPrismaClient({ databaseUrl: api.database.url });
  const server = await createApiServer({
    db,
    log: createLogger('silent'),
    rateLimits: { registerPerAddress: DEFAULT_RATE_LIMITS.registerPerAddress },
  });
  const { url } = await server.listen(0);
  second = { server, url, disconnect: () => db.$disconnect() };
});
afterAll(async () => {
  await second?.server.stop();
  await second?.disconnect();
  await api?.close();
});

async function post(url: string, query: string, variables: object, ip: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) } as GraphQLResponse;
}

describe('registration rate limit', () => {
  it('refuses registrations from one address after the limit, across two API servers', async () => {
    const ip = '203.0.113.90';
    const limit = DEFAULT_RATE_LIMITS.registerPerAddress.limit;
    // 60 sign-ups in waves of 10 parallel requests (a wave per ~second on this machine), sent
    // alternately to two servers: the count is shared through PostgreSQL.
    const results: GraphQLResponse[] = [];
    for (let wave = 0; wave < 6; wave++) {
      results.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, offset) => {
            const index = wave * 10 + offset;
            return post(
              index % 2 === 0 ? api.url : second.url,
              REGISTER,
              {
                input: {
                  name: `Bulk ${index}`,
                  email: `bulk-${index}@example.com`,
                  password: 'a sturdy passphrase here',
                },
              },
              ip,
            );
          }),
        )),
      );
    }
    const created = results.filter((result) => !result.errors);
    const refused = results.filter(
      (result) => result.errors?.[0]?.extensions?.code === 'TOO_MANY_REQUESTS',
    );
    expect(created).toHaveLength(limit);
    expect(refused).toHaveLength(60 - limit);
    const retry = refused[0]?.errors?.[0]?.extensions?.retryAfterSeconds ?? 0;
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(DEFAULT_RATE_LIMITS.registerPerAddress.windowSeconds);
    expect(refused[0]?.errors?.[0]?.message).toMatch(/Try again in/);
    expect(await api.database.db.user.count({ where: { email: { startsWith: 'bulk-' } } })).toBe(
      limit,
    );

    // Another address is not affected.
    const other = await post(
      api.url,
      REGISTER,
      {
        input: { name: 'Other', email: 'other@example.com', password: 'a sturdy passphrase here' },
      },
      '203.0.113.91',
    );
    expect(other.errors).toBeUndefined();
  });
});

describe('certificate verify look-ups', () => {
  it('refuses look-ups from one address after the limit', async () => {
    const ip = '198.51.100.200';
    const limit = DEFAULT_RATE_LIMITS.verifyPerAddress.limit;
    const results = await Promise.all(
      Array.from({ length: limit + 10 }, (_, index) =>
        post(api.url, VERIFY, { serial: `CC-NOPE-${index}` }, ip),
      ),
    );
    const answered = results.filter((result) => !result.errors);
    expect(answered).toHaveLength(limit);
    expect(
      results.filter((result) => result.errors?.[0]?.extensions?.code === 'TOO_MANY_REQUESTS'),
    ).toHaveLength(10);
  });

  it('charges well-formed serials in the look-up statement, one limit across two API processes', async () => {
    const ip = '198.51.100.201';
    const limit = DEFAULT_RATE_LIMITS.verifyPerAddress.limit;
    const results = await Promise.all(
      Array.from({ length: limit + 10 }, (_, index) =>
        post(index % 2 === 0 ? api.url : second.url, VERIFY, { serial: generateSerial() }, ip),
      ),
    );
    expect(results.filter((result) => !result.errors)).toHaveLength(limit);
    expect(
      results.filter((result) => result.errors?.[0]?.extensions?.code === 'TOO_MANY_REQUESTS'),
    ).toHaveLength(10);
    expect(results.every((result) => result.errors || result.data)).toBe(true);
  });

  it('answers a look-up in one statement: the charge and the read together', async () => {
    statements = [];
    recording = true;
    let result: GraphQLResponse;
    try {
      result = await post(api.url, VERIFY, { serial: generateSerial() }, '198.51.100.202');
    } finally {
      recording = false;
    }
    expect(result.data).toEqual({ verifyCertificate: { status: 'NOT_FOUND' } });
    // About one look-up in 200 also deletes long-expired counters: not counted.
    const counted = statements.filter((sql) => !sql.includes('DELETE FROM "RateLimit"'));
    expect(counted.map((sql) => sql.trim().slice(0, 30))).toHaveLength(1);
  });
});
