import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PUBLIC_CACHE_CHANNEL } from '../server';
import { createCourse, startTestApi, type TestApi } from '../test-support';
import { type Actor, registerActor } from '../testing/actors';

// The response cache of anonymous public reads on a real API over real HTTP, with its LISTEN
// connection on the test database (the two-process case is test/api/public-cache.test.ts).
const CATALOG = `query Catalog($first: Int) { courses(first: $first) { totalCount edges { node { id title } } } }`;
const COURSE = `query Course($slug: String!) { course(slug: $slug) { id title enrolled: viewerEnrollment { status } } }`;

interface Sent {
  status: number;
  headers: Headers;
  text: string;
}

async function post(
  api: TestApi,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Sent> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function get(
  api: TestApi,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Sent> {
  const search = new URLSearchParams({ query, variables: JSON.stringify(variables) });
  // fetch adds `cache-control: no-cache` to a conditional request unless told otherwise (which
  // forbids a 304); a browser revalidating sends max-age=0.
  const response = await fetch(`${api.url}/graphql?${search}`, {
    headers: { 'apollo-require-preflight': 'true', 'cache-control': 'max-age=0', ...headers },
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Hooks cannot use expect.poll: wait until the cache's LISTEN is in effect. */
async function listening(api: TestApi) {
  const deadline = Date.now() + 15_000;
  while (!api.server.publicCache?.active) {
    if (Date.now() > deadline) throw new Error('the public cache never started listening');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Wait until the cache has applied the notifications of every write committed so far. A set-up's
 * writes notify asynchronously: applied after a test's first read, one would evict what that read
 * stored. PostgreSQL delivers a listener's notifications in commit order, so once a probe sent
 * now has reached the cache, the earlier ones have too.
 */
async function settled(api: TestApi) {
  const cache = api.server.publicCache;
  if (!cache) throw new Error('the public cache is off');
  const probe = `settle-${randomUUID()}`;
  const applied = vi.spyOn(cache, 'invalidate');
  try {
    await api.database.db.$executeRaw`SELECT pg_notify(${PUBLIC_CACHE_CHANNEL}, ${probe})`;
    await vi.waitFor(() => expect(applied).toHaveBeenCalledWith(probe), { timeout: 5_000 });
  } finally {
    applied.mockRestore();
  }
}

const titles = (sent: Sent) =>
  (
    JSON.parse(sent.text) as { data: { courses: { edges: { node: { title: string } }[] } } }
  ).data.courses.edges.map((edge) => edge.node.title);

describe('public response cache', () => {
  let api: TestApi;
  let learner: Actor;
  let slug: string;
  let courseId: string;

  beforeAll(async () => {
    api = await startTestApi({ publicCache: {} });
    const { course } = await createCourse(api.database.db, { title: 'Cached Course A' });
    slug = course.slug;
    courseId = course.id;
    learner = await registerActor(api, 'STUDENT');
    await listening(api);
    await settled(api);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers an anonymous catalog read from the cache the second time, byte for byte, with public revalidation headers', async () => {
    const first = await post(api, CATALOG, { first: 11 });
    const second = await post(api, CATALOG, { first: 11 });
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.text).toBe(first.text);
    expect(titles(second)).toContain('Cached Course A');
    for (const sent of [first, second]) {
      expect(sent.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
      expect(sent.headers.get('vary')).toBe('Cookie, Authorization');
      expect(sent.headers.get('etag')).toMatch(/^"[\w-]{27}"$/);
    }
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
  });

  it('keys by normalized document and variables: other whitespace and key order hit, other variables miss', async () => {
    const spaced = CATALOG.replace('{ courses', '{\n    courses');
    await post(api, CATALOG, { first: 12 });
    expect((await post(api, spaced, { first: 12 })).headers.get('x-cache')).toBe('HIT');
    expect((await post(api, CATALOG, { first: 13 })).headers.get('x-cache')).toBe('MISS');
  });

  it('answers a GET with a matching If-None-Match with 304 and no body; a POST always gets the body', async () => {
    const first = await get(api, CATALOG, { first: 14 });
    const etag = first.headers.get('etag');
    expect(first.status).toBe(200);
    expect(etag).toBeTruthy();
    const revalidated = await get(api, CATALOG, { first: 14 }, { 'if-none-match': etag! });
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe('');
    const changedTag = await get(api, CATALOG, { first: 14 }, { 'if-none-match': '"other"' });
    expect(changedTag.status).toBe(200);
    expect(changedTag.text).toBe(first.text);
    const posted = await post(api, CATALOG, { first: 14 }, { 'if-none-match': etag! });
    expect(posted.status).toBe(200);
    expect(posted.text).toBe(first.text);
  });

  it('never serves a signed-in request from the cache nor stores its answer, and marks it private, no-store', async () => {
    // The anonymous answer is cached…
    await post(api, COURSE, { slug });
    expect((await post(api, COURSE, { slug })).headers.get('x-cache')).toBe('HIT');
    await api.must(
      'mutation($id: ID!) { enrollInCourse(courseId: $id) { id } }',
      {
        id: courseId,
      },
      learner,
    );
    // …and the writes above did not touch the course: the anonymous entry is still there, but
    // the learner gets their own answer, computed for them.
    const signedIn = await post(
      api,
      COURSE,
      { slug },
      { authorization: `Bearer ${learner.token}` },
    );
    expect(signedIn.headers.get('x-cache')).toBeNull();
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
    expect(signedIn.headers.get('vary')).toBe('Cookie, Authorization');
    expect(JSON.parse(signedIn.text).data.course.enrolled).toEqual({ status: 'ACTIVE' });
    const anonymous = await post(api, COURSE, { slug });
    expect(anonymous.headers.get('x-cache')).toBe('HIT');
    expect(JSON.parse(anonymous.text).data.course.enrolled).toBeNull();

    // A signed-in answer is never stored: an anonymous read of a new key after it still misses.
    const other = { first: 15 };
    const personal = await post(api, CATALOG, other, {
      authorization: `Bearer ${learner.token}`,
    });
    expect(personal.headers.get('cache-control')).toBe('private, no-store');
    expect((await post(api, CATALOG, other)).headers.get('x-cache')).toBe('MISS');

    // Any cookie counts as a credential too.
    const withCookie = await post(api, CATALOG, other, { cookie: '__session=abc' });
    expect(withCookie.headers.get('x-cache')).toBeNull();
    expect(withCookie.headers.get('cache-control')).toBe('private, no-store');
  });

  it('does not cache what is not a public read: other root fields, mutations, errors', async () => {
    const viewer = await post(api, '{ viewer { id } }', {});
    expect(viewer.headers.get('x-cache')).toBeNull();
    expect(viewer.headers.get('cache-control')).toBe('private, no-store');
    const mixed = await post(api, `{ viewer { id } courses(first: 1) { totalCount } }`, {});
    expect(mixed.headers.get('x-cache')).toBeNull();
    const bad = `query($first: Int) { courses(first: $first) { totalCount } }`;
    const failed = await post(api, bad, { first: 500 });
    expect(failed.text).toContain('"errors"');
    expect(failed.headers.get('cache-control')).toBe('private, no-store');
    expect((await post(api, bad, { first: 500 })).headers.get('x-cache')).toBe('MISS');
  });

  it('drops the catalog entries when a committed write changes a course (NOTIFY from the trigger)', async () => {
    const before = await post(api, CATALOG, { first: 20 });
    expect(titles(before)).toContain('Cached Course A');
    expect((await post(api, CATALOG, { first: 20 })).headers.get('x-cache')).toBe('HIT');
    await api.database.db.$transaction(async (tx) => {
      await tx.course.update({ where: { id: courseId }, data: { status: 'UNPUBLISHED' } });
      // Not before commit: the notification is delivered only when the transaction commits.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await post(api, CATALOG, { first: 20 })).headers.get('x-cache')).toBe('HIT');
    });
    await expect
      .poll(async () => titles(await post(api, CATALOG, { first: 20 })), { timeout: 5_000 })
      .not.toContain('Cached Course A');
    await api.database.db.course.update({ where: { id: courseId }, data: { status: 'PUBLISHED' } });
    await expect
      .poll(async () => titles(await post(api, CATALOG, { first: 20 })), { timeout: 5_000 })
      .toContain('Cached Course A');
  });
});

describe('public response cache without its LISTEN connection', () => {
  let api: TestApi;

  beforeAll(async () => {
    // A long reconnection delay: the test sees the cache while it is off.
    api = await startTestApi({ publicCache: { retryMs: 3_000 } });
    await createCourse(api.database.db, { title: 'Listened Course' });
    await listening(api);
    await settled(api);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('empties itself, serves nothing and stores nothing until it listens again, then caches again', async () => {
    expect(titles(await post(api, CATALOG, { first: 5 }))).toEqual(['Listened Course']);
    expect((await post(api, CATALOG, { first: 5 })).headers.get('x-cache')).toBe('HIT');

    const { db } = api.database;
    const terminated = await db.$queryRaw<{ done: boolean }[]>`
      SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
       WHERE application_name = 'lms-public-cache' AND datname = current_database()`;
    expect(terminated).toEqual([{ done: true }]);
    await expect.poll(() => api.server.publicCache?.active, { timeout: 5_000 }).toBe(false);
    expect(api.server.publicCache?.stats().entries).toBe(0);
    // A write while nobody listens: its notification is lost for good.
    await db.course.updateMany({ data: { status: 'UNPUBLISHED' } });
    const whileOff = await post(api, CATALOG, { first: 5 });
    expect(whileOff.headers.get('x-cache')).toBeNull();
    expect(whileOff.headers.get('cache-control')).toBe('private, no-store');
    expect(titles(whileOff)).toEqual([]);
    expect(api.server.publicCache?.stats().entries).toBe(0);

    await expect.poll(() => api.server.publicCache?.active, { timeout: 10_000 }).toBe(true);
    const back = await post(api, CATALOG, { first: 5 });
    expect(back.headers.get('x-cache')).toBe('MISS');
    expect(titles(back)).toEqual([]);
    expect((await post(api, CATALOG, { first: 5 })).headers.get('x-cache')).toBe('HIT');
  });
});
