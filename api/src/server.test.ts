import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { AppError } from '@lms/core';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError, MASKED_MESSAGE } from './errors';
import { printSdl } from './schema';
import { startTestApi, type TestApi } from './test-support';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

describe('HTTP surface', () => {
  it('answers /healthz and /readyz while the database is up', async () => {
    expect(await (await fetch(`${api.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
  });

  it('tags every response with a request id', async () => {
    const response = await fetch(`${api.url}/healthz`);
    expect(response.headers.get('x-request-id')).toMatch(/^[\w-]{36}$/);
  });

  it('answers GraphQL without an ETag (no hash of every answer), as a GET and as a POST', async () => {
    const posted = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ courses(first: 1) { totalCount } }' }),
    });
    expect(posted.status).toBe(200);
    expect(posted.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(posted.headers.get('content-length')).toBe(String((await posted.text()).length));
    expect(posted.headers.get('etag')).toBeNull();
    const search = new URLSearchParams({ query: '{ courses(first: 1) { totalCount } }' });
    const got = await fetch(`${api.url}/graphql?${search}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(got.status).toBe(200);
    expect(((await got.json()) as { data: unknown }).data).toBeTruthy();
    expect(got.headers.get('etag')).toBeNull();
    expect(got.headers.get('cache-control')).toBe('private, no-store');
  });

  it('refuses a simple cross-site POST without a preflight-forcing header (CSRF prevention)', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    });
    expect(response.status).toBe(400);
  });
});

describe('query limits', () => {
  const deepest = `{ courses { edges { node { modules { lessons { id } } instructor { id } } } } }`;

  it('accepts the deepest query the schema allows under the default limits', async () => {
    expect((await api.gql(deepest)).errors).toBeUndefined();
  });

  it('rejects a query deeper than the configured limit with 400', async () => {
    const strict = await startTestApi({ limits: { maxDepth: 4 } });
    try {
      const result = await strict.gql(deepest);
      expect(result.status).toBe(400);
      expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(result.errors?.[0]?.message).toMatch(/depth/i);
      expect((await strict.gql('{ courses { totalCount } }')).errors).toBeUndefined();
    } finally {
      await strict.close();
    }
  });

  it('rejects a query costlier than the limit', async () => {
    const result = await api.gql(
      `{ ${Array.from({ length: 14 }, (_, index) => `c${index}: courses(first: 50) { edges { node { modules { lessons { id title kind estimatedMinutes required } } } } }`).join(' ')} }`,
    );
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.message).toMatch(/cost/i);
  });

  it('rejects too many aliases', async () => {
    const aliases = Array.from({ length: 20 }, (_, index) => `a${index}: viewer { id }`).join(' ');
    const result = await api.gql(`{ ${aliases} }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('answers a syntax error with 400, not 500', async () => {
    const result = await api.gql('{ courses { ');
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('production mode', () => {
  it('turns introspection off', async () => {
    const production = await startTestApi({ production: true, allowAdHocDocuments: true });
    try {
      const result = await production.gql('{ __schema { queryType { name } } }');
      expect(result.errors?.[0]?.message).toMatch(/introspection/i);
    } finally {
      await production.close();
    }
  });
});

describe('error formatting', () => {
  it('maps an AppError to its code and field errors', () => {
    const error = AppError.badInput({ email: ['Bad.'] });
    const formatted = formatError(
      { message: error.message },
      new GraphQLError(error.message, { originalError: error, path: ['register'] }),
    );
    expect(formatted.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: { email: ['Bad.'] },
    });
  });

  it('masks anything else', () => {
    const secret = new Error('connection to 10.0.0.5 failed: password=hunter2');
    const formatted = formatError(
      { message: secret.message, path: ['courses'] },
      new GraphQLError(secret.message, { originalError: secret, path: ['courses'] }),
    );
    expect(formatted).toEqual({
      message: MASKED_MESSAGE,
      path: ['courses'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('stamps the response’s request id on every error', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-abc-123' },
      body: JSON.stringify({ query: '{ courses(first: 0) { totalCount } }' }),
    });
    const body = (await response.json()) as { errors: { extensions: { requestId: string } }[] };
    expect(response.headers.get('x-request-id')).toBe('trace-abc-123');
    expect(body.errors[0]?.extensions.requestId).toBe('trace-abc-123');
  });
});

describe('schema', () => {
  it('matches the committed api/schema.graphql (run `pnpm --filter @lms/api emit-schema`)', async () => {
    const committed = await readFile(new URL('../schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(await printSdl());
  });

  it('describes every type and field', async () => {
    const sdl = await printSdl();
    const undocumented = sdl
      .split('\n')
      .filter(
        (line, index, lines) =>
          /^\s+\w+(\(.*\))?: /.test(line) && !/"""|"$/.test(lines[index - 1] ?? ''),
      );
    expect(undocumented).toEqual([]);
  });
});

describe('graceful shutdown', () => {
  it('finishes an in-flight request before stopping', async () => {
    const local = await startTestApi();
    const port = new URL(local.url).port;
    const body = JSON.stringify({ query: '{ courses(first: 1) { totalCount } }' });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      request.on('error', reject);
      // Half the body now; the request is in flight when shutdown begins.
      request.write(body.slice(0, 10));
      setTimeout(() => request.end(body.slice(10)), 300);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopped = local.server.stop();
    const answer = await response;
    await stopped;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ data: { courses: { totalCount: 0 } } });
    await expect(fetch(`${local.url}/healthz`)).rejects.toThrow();
    await local.database.drop();
  });
});
