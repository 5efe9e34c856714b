// /graphql's node:http listener in front of Express (ARCHITECTURE.md, "GraphQL served in front
// of Express"): what the Express chain did for it, checked over real HTTP. The body errors, the
// trusted documents, the public cache's ETag/304 and CSRF prevention have their own tests
// (error-responses, trusted-documents, public-cache, server).
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../test-support';

const VERIFY = 'query($serial: String!) { verifyCertificate(serial: $serial) { status } }';

function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('the GraphQL listener', () => {
  let api: TestApi;
  const logLines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) {
          logLines.push(JSON.parse(line) as Record<string, unknown>);
        }
        done();
      },
    });
    api = await startTestApi({ log: pino({ level: 'info' }, stream) });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('tags each answer with a request id: the client’s when plain, else a new one', async () => {
    const fresh = await post(api.url, { query: '{ __typename }' });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[\da-f-]{36}$/);
    const kept = await post(api.url, { query: '{ __typename }' }, { 'x-request-id': 'web-42.a_b' });
    expect(kept.headers.get('x-request-id')).toBe('web-42.a_b');
    const replaced = await post(
      api.url,
      { query: '{ nope }' },
      { 'x-request-id': 'not plain <script>' },
    );
    const id = replaced.headers.get('x-request-id');
    expect(id).toMatch(/^[\da-f-]{36}$/);
    const body = (await replaced.json()) as { errors: { extensions: { requestId: string } }[] };
    expect(body.errors[0]?.extensions.requestId).toBe(id);
  });

  it('writes one access-log line per GraphQL request, with its id, URL and status', async () => {
    const response = await post(
      api.url,
      { query: '{ __typename }' },
      { 'x-request-id': 'access-log-probe' },
    );
    await response.text();
    await expect
      .poll(() => logLines.filter((line) => line.requestId === 'access-log-probe'))
      .toEqual([
        expect.objectContaining({
          msg: 'request',
          method: 'POST',
          url: '/graphql',
          status: 200,
          ms: expect.any(Number),
        }),
      ]);
  });

  it('serves /graphql as Express mounted it (any case, a trailing slash); other paths 404', async () => {
    for (const path of ['/graphql', '/GraphQL', '/graphql/', '/graphql?x=1']) {
      const response = await fetch(`${api.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    }
    const elsewhere = await fetch(`${api.url}/graphqlx`, { method: 'POST' });
    expect(elsewhere.status).toBe(404);
    expect(((await elsewhere.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('marks every answer private and varying by credential while the cache is off', async () => {
    const response = await post(api.url, { query: '{ courses(first: 1) { totalCount } }' });
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('vary')).toBe('Cookie, Authorization');
  });
});

describe('the client address under "trust proxy"', () => {
  async function rateKeys(api: TestApi) {
    const rows = await api.database.db.$queryRaw<{ key: string }[]>`
      SELECT "key" FROM "RateLimit" WHERE "key" LIKE 'verifyPerAddress:%' ORDER BY "key"`;
    return rows.map((row) => row.key);
  }

  it('takes X-Forwarded-For from a trusted proxy (loopback, the default)', async () => {
    const api = await startTestApi();
    try {
      for (const ip of ['203.0.113.7', '203.0.113.8']) {
        const response = await post(
          api.url,
          { query: VERIFY, variables: { serial: 'CC-NOPE-1' } },
          { 'x-forwarded-for': ip },
        );
        expect(response.status).toBe(200);
      }
      expect(await rateKeys(api)).toEqual([
        'verifyPerAddress:ip:203.0.113.7',
        'verifyPerAddress:ip:203.0.113.8',
      ]);
    } finally {
      await api.close();
    }
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const api = await startTestApi({
      trustProxy: '10.0.0.0/8',
      rateLimits: { verifyPerAddress: { limit: 2, windowSeconds: 60 } },
    });
    try {
      const codes = [];
      for (const ip of ['203.0.113.7', '203.0.113.8', '203.0.113.9']) {
        const response = await post(
          api.url,
          { query: VERIFY, variables: { serial: 'CC-NOPE-1' } },
          { 'x-forwarded-for': ip },
        );
        const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
        codes.push(body.errors?.[0]?.extensions.code ?? 'OK');
      }
      // One counter, the peer's own address: the third look-up is over the limit of 2.
      expect(codes).toEqual(['OK', 'OK', 'TOO_MANY_REQUESTS']);
      expect(await rateKeys(api)).toEqual(['verifyPerAddress:ip:127.0.0.1']);
    } finally {
      await api.close();
    }
  });
});
