import { DEMO_PASSWORD, type TestDatabase } from '@lms/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postGraphql } from '../support/journey';
import { startApiProcess } from '../support/processes';
import { createSeededDatabase } from '../support/seeded-database';

// Stateless API processes: a session lives in PostgreSQL, not in the process that created it.
let database: TestDatabase;
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  database = await createSeededDatabase();
});
afterAll(async () => {
  await Promise.all(stops.map((stop) => stop()));
  await database?.drop();
});

const graphql = postGraphql;

it('two API processes share sessions: sign in on one, use and end the session on the other', async () => {
  const env = { SEED_DEMO_DATA: 'false' };
  const [first, second] = await Promise.all([
    startApiProcess(database.url, env),
    startApiProcess(database.url, env),
  ]);
  stops.push(first.stop, second.stop);

  const signedIn = await graphql(
    first.url,
    'mutation ($input: SignInInput!) { signIn(input: $input) { token } }',
    { input: { email: 'priya.shah@example.com', password: DEMO_PASSWORD } },
  );
  const token = (signedIn.data?.signIn as { token: string } | undefined)?.token;
  expect(token, JSON.stringify(signedIn)).toBeTruthy();

  const viewer = await graphql(second.url, '{ viewer { email } }', {}, token);
  expect(viewer.data?.viewer).toEqual({ email: 'priya.shah@example.com' });

  await graphql(second.url, 'mutation { signOut }', {}, token);
  const afterSignOut = await graphql(first.url, '{ viewer { email } }', {}, token);
  expect(afterSignOut.data?.viewer).toBeNull();
}, 120_000);
