import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './test-support';

// What a client sees when its request is broken before or while GraphQL reads it: JSON (the
// GraphQL error shape on /graphql), never Express's HTML page with a stack and install paths,
// and never its own input (a password!) echoed back.

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

async function post(path: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type') ?? '', text };
}

function expectNoLeak(text: string) {
  expect(text).not.toMatch(/<html|<pre|node_modules|\/work\/|at [\w.]+ \(/i);
}

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token } }`;

describe('broken request bodies', () => {
  it('malformed JSON to /graphql answers a GraphQL-shaped JSON 400', async () => {
    const response = await post('/graphql', '{"query": "{ viewer { id } }", ');
    expect(response.status).toBe(400);
    expect(response.type).toMatch(/json/);
    expectNoLeak(response.text);
    const body = JSON.parse(response.text) as {
      errors: { message: string; extensions: { code: string; requestId: string } }[];
    };
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0]?.message).toMatch(/JSON/);
    expect(body.errors[0]?.extensions.requestId).toMatch(/^[\w-]{36}$/);
  });

  it('an oversized body to /graphql answers a GraphQL-shaped JSON 413', async () => {
    const huge = JSON.stringify({ query: '{ viewer { id } }', variables: { x: 'a'.repeat(2e6) } });
    const response = await post('/graphql', huge);
    expect(response.status).toBe(413);
    expectNoLeak(response.text);
    const body = JSON.parse(response.text) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('an unknown path answers JSON 404, and a broken URL JSON 400', async () => {
    const missing = await fetch(`${api.url}/nowhere`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/json/);
    const broken = await fetch(`${api.url}/certificates/%E0%A4%A/pdf`);
    expect(broken.status).toBeLessThan(500);
    const text = await broken.text();
    expectNoLeak(text);
    expect(broken.headers.get('content-type')).toMatch(/json/);
  });
});

describe('invalid variables', () => {
  it('name the field and the problem but never echo the values', async () => {
    const password = 'Sup3r-secret-passw0rd';
    const result = await api.gql(REGISTER, {
      input: { email: 'someone@example.com', password, name: 42, extra: 'x' },
    });
    expect(result.status).toBe(400);
    const messages = JSON.stringify(result.errors);
    expect(messages).not.toContain(password);
    expect(messages).not.toContain('someone@example.com');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/\$input/);
  });

  it('a wrongly typed scalar names the field without its value', async () => {
    const result = await api.gql(REGISTER, {
      input: { email: 'someone@example.com', password: 12345678901234, name: 'A Name' },
    });
    expect(result.status).toBe(400);
    const messages = JSON.stringify(result.errors);
    expect(messages).not.toContain('12345678901234');
    expect(messages).toMatch(/input\.password/);
  });
});

describe('NUL bytes in text input', () => {
  it('are refused with a field error, not a masked 500, and nothing is saved', async () => {
    const result = await api.gql(REGISTER, {
      input: { email: 'nul@example.com', password: 'a-long-password-1', name: 'Nul\u0000Byte' },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.fieldErrors).toEqual({
      name: [expect.stringMatching(/invisible control character/)],
    });
    expect(await api.database.db.user.count({ where: { email: 'nul@example.com' } })).toBe(0);
  });

  it('are found in nested lists and scalar arguments too', async () => {
    const nested = await api.gql(
      `query($q: String) { courses(first: 5, search: $q) { totalCount } }`,
      { q: 'icd\u0000' },
    );
    expect(nested.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(nested.errors?.[0]?.extensions?.fieldErrors).toHaveProperty('q');
  });
});
