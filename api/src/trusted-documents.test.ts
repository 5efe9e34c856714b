import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLResponse, startTestApi, type TestApi } from './test-support';

// The web app's generated operations: the allow-list production enforces.
const manifestPath = fileURLToPath(
  new URL('../../web/app/graphql/generated/persisted-documents.json', import.meta.url),
);
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, string>;
const viewerId = Object.keys(manifest).find((id) => /query Viewer\b/.test(manifest[id]!))!;

async function post(api: TestApi, body: unknown) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as object) } as GraphQLResponse;
}

describe('production: trusted documents only', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ production: true });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('has every web app operation in its allow-list', () => {
    const generated = readFileSync(
      fileURLToPath(new URL('../../web/app/graphql/generated/graphql.ts', import.meta.url)),
      'utf8',
    );
    const ids = [...generated.matchAll(/"__meta__":\{"hash":"([^"]+)"\}/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids) expect(manifest[id], id).toBeTypeOf('string');
    expect(viewerId).toBeTruthy();
  });

  it('runs a web app operation sent by its document id', async () => {
    const result = await post(api, { documentId: viewerId, variables: {} });
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ viewer: null });
  });

  it('runs the exact text of a web app operation', async () => {
    const result = await post(api, { query: manifest[viewerId], variables: {} });
    expect(result.errors).toBeUndefined();
  });

  it('refuses an ad-hoc document with a clear error', async () => {
    const result = await post(api, { query: '{ viewer { id email } }' });
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
    expect(result.errors?.[0]?.message).toMatch(/documentId/);
  });

  it('refuses an unknown document id', async () => {
    const result = await post(api, { documentId: 'sha256:0000', variables: {} });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('does not run automatic persisted queries (APQ is off)', async () => {
    const result = await post(api, {
      extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
  });
});

describe('production with GRAPHQL_ADHOC_DOCUMENTS=allow', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ production: true, allowAdHocDocuments: true });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('runs ad-hoc documents', async () => {
    const result = await post(api, { query: '{ viewer { id } }' });
    expect(result.errors).toBeUndefined();
  });

  it('hides "Did you mean" suggestions that would reveal the schema', async () => {
    const result = await post(api, { query: '{ viewr { id } }' });
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toMatch(/Cannot query field "viewr"/);
    expect(result.errors?.[0]?.message).not.toMatch(/Did you mean|viewer/);
  });

  it('does not run automatic persisted queries either', async () => {
    const result = await post(api, {
      query: '{ viewer { id } }',
      extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
  });
});

describe('development', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('runs ad-hoc documents and document ids, and keeps suggestions', async () => {
    expect((await post(api, { query: '{ viewer { id } }' })).errors).toBeUndefined();
    expect((await post(api, { documentId: viewerId })).errors).toBeUndefined();
    const typo = await post(api, { query: '{ viewr { id } }' });
    expect(typo.errors?.[0]?.message).toMatch(/Did you mean "viewer"/);
  });
});
