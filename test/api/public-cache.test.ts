import { seedDemoData } from '@lms/db';
import { createTestDatabase, DEMO_PASSWORD, type TestDatabase } from '@lms/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCertificates } from '../bench/fixtures';
import { postGraphql } from '../support/journey';
import { type RunningProcess, startApiProcess } from '../support/processes';

// Two API processes on one database, each with its own response cache of anonymous public
// reads (on by default): a write through process A empties process B's cache through
// PostgreSQL LISTEN/NOTIFY, so B answers the new state as soon as the notification arrives
// (milliseconds; polled below so that a loaded machine cannot make the test flaky).
let database: TestDatabase;
const processes: RunningProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db);
});
afterAll(async () => {
  await Promise.all(processes.map((process) => process.stop()));
  await database?.drop();
});

const CATALOG = `query Catalog { courses(first: 50) { edges { node { id slug title } } } }`;
const VERIFY = `query Verify($serial: String!) { verifyCertificate(serial: $serial) { status serial certificate { revocationReason } } }`;

async function anonymous(apiUrl: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { cache: response.headers.get('x-cache'), data: body.data ?? {} };
}

const catalogIds = async (apiUrl: string) => {
  const { cache, data } = await anonymous(apiUrl, CATALOG);
  const courses = data.courses as { edges: { node: { id: string } }[] };
  return { cache, ids: courses.edges.map((edge) => edge.node.id) };
};

it('a publish, unpublish or revocation through one API process is seen through the other at once', async () => {
  const [serial] = await buildCertificates(database.url, 1);
  const env = { SEED_DEMO_DATA: 'false' };
  const [first, second] = await Promise.all([
    startApiProcess(database.url, env),
    startApiProcess(database.url, env),
  ]);
  processes.push(first, second);

  const signedIn = await postGraphql<{ signIn: { token: string } }>(
    first.url,
    'mutation ($input: SignInInput!) { signIn(input: $input) { token } }',
    { input: { email: 'admin@example.com', password: DEMO_PASSWORD } },
  );
  const token = signedIn.data?.signIn.token;
  expect(token, JSON.stringify(signedIn)).toBeTruthy();

  // B caches the catalog (its LISTEN starts with the process; poll until it is on).
  await expect.poll(async () => (await catalogIds(second.url)).cache).toBe('HIT');
  const { ids } = await catalogIds(second.url);
  const courseId = ids[0]!;
  expect(ids.length).toBeGreaterThan(1);

  const unpublished = await postGraphql(
    first.url,
    'mutation ($id: ID!) { unpublishCourse(courseId: $id) { id status } }',
    { id: courseId },
    token,
  );
  expect(unpublished.errors).toBeUndefined();
  await expect
    .poll(async () => (await catalogIds(second.url)).ids, { timeout: 2_000, interval: 20 })
    .not.toContain(courseId);

  const relisted = await postGraphql(
    first.url,
    'mutation ($id: ID!) { relistCourse(courseId: $id) { id status } }',
    { id: courseId },
    token,
  );
  expect(relisted.errors).toBeUndefined();
  await expect
    .poll(async () => (await catalogIds(second.url)).ids, { timeout: 2_000, interval: 20 })
    .toContain(courseId);

  // Verification: cached VALID on B, revoked through A, REVOKED on B.
  const verify = () => anonymous(second.url, VERIFY, { serial });
  await verify();
  const cached = await verify();
  expect(cached.cache).toBe('HIT');
  expect(cached.data.verifyCertificate).toMatchObject({ status: 'VALID' });
  const certificate = await database.db.certificate.findUniqueOrThrow({ where: { serial } });
  const revoked = await postGraphql(
    first.url,
    'mutation ($id: ID!, $reason: String!) { revokeCertificate(id: $id, reason: $reason) { status } }',
    { id: certificate.id, reason: 'Issued in error (cache test)' },
    token,
  );
  expect(revoked.errors).toBeUndefined();
  await expect
    .poll(async () => (await verify()).data.verifyCertificate, { timeout: 2_000, interval: 20 })
    .toMatchObject({
      status: 'REVOKED',
      certificate: { revocationReason: 'Issued in error (cache test)' },
    });
}, 180_000);
