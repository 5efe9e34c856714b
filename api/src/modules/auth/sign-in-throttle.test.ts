import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLResponse, startTestApi, type TestApi } from '../../test-support';

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterInput!) { register(input: $input) { token } }
`;
const SIGN_IN = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) { signIn(input: $input) { token viewer { email } } }
`;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

async function register(email: string, password: string) {
  const result = await api.gql(REGISTER, { input: { name: 'Owner', email, password } });
  expect(result.errors).toBeUndefined();
}

const signIn = (email: string, password: string, ip: string) =>
  api.gql<{ signIn?: { token: string } }>(SIGN_IN, { input: { email, password } }, { ip });

/** A password was checked for this answer: it signed in, or said the password was wrong. */
const verified = (result: GraphQLResponse) =>
  !result.errors || result.errors[0]?.extensions?.code === 'BAD_USER_INPUT';

describe('sign-in throttle under concurrency', () => {
  it('verifies at most 5 passwords out of 40 parallel guesses, and the right one stays out', async () => {
    const account = { email: 'burst@example.com', password: 'burst-owner-passphrase' };
    await register(account.email, account.password);
    const ip = '198.51.100.40';

    const guesses = Array.from({ length: 39 }, (_, index) => `wrong-guess-${index}`);
    guesses.push(account.password);
    const results = await Promise.all(
      guesses.map((password) => signIn(account.email, password, ip)),
    );

    const checked = results.filter(verified);
    expect(checked.length).toBeLessThanOrEqual(5);
    // Every other guess was refused by the throttle or, on a saturated machine, shed with 503
    // before any password was read; neither verified a password.
    const outcomes = results.map((r) =>
      verified(r) ? 'checked' : r.errors?.[0]?.extensions?.code,
    );
    const notChecked = outcomes.filter(
      (o) => o === 'TOO_MANY_REQUESTS' || o === 'SERVICE_UNAVAILABLE',
    );
    expect(notChecked.length, `outcomes: ${outcomes.join(', ')}`).toBeGreaterThanOrEqual(35);
    expect(outcomes.filter((o) => o === 'TOO_MANY_REQUESTS').length).toBeGreaterThan(0);
    // The right password came last: if it was checked, five wrong guesses were not.
    const signedIn = results.filter((r) => !r.errors);
    expect(signedIn.length + checked.length).toBeLessThanOrEqual(6);

    // Once the limit is reached, the right password from that address does not get in.
    const after = await signIn(account.email, account.password, ip);
    if (signedIn.length === 0) {
      expect(after.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
      expect(after.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    }
  });
});

describe('one address cannot lock the owner out', () => {
  it('blocks the guessing address but lets the owner in from another address', async () => {
    const owner = { email: 'owner@example.com', password: 'owner-long-passphrase' };
    await register(owner.email, owner.password);

    for (let attempt = 1; attempt <= 8; attempt++) {
      await signIn(owner.email, `attacker-guess-${attempt}`, '203.0.113.66');
    }
    const attacker = await signIn(owner.email, owner.password, '203.0.113.66');
    expect(attacker.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');

    const fromHome = await signIn(owner.email, owner.password, '192.0.2.10');
    expect(fromHome.errors).toBeUndefined();
    expect(fromHome.data?.signIn?.token).toBeTruthy();
  });
});

describe('the account-wide curve spares the owner’s known address', () => {
  let curved: TestApi;
  beforeAll(async () => {
    curved = await startTestApi({
      rateLimits: { signInGuessesPerAccount: { limit: 6, windowSeconds: 3600 } },
    });
  });
  afterAll(async () => {
    await curved?.close();
  });

  it('refuses strangers once many addresses guessed, but the owner’s address gets in', async () => {
    const owner = { email: 'curve@example.com', password: 'curve-owner-passphrase' };
    const registered = await curved.gql(
      REGISTER,
      { input: { name: 'Curve', ...owner } },
      { ip: '192.0.2.50' },
    );
    expect(registered.errors).toBeUndefined();
    const attempt = (password: string, ip: string) =>
      curved.gql(SIGN_IN, { input: { email: owner.email, password } }, { ip });

    for (let n = 1; n <= 6; n++) {
      const guess = await attempt(`spread-guess-${n}`, `203.0.113.${100 + n}`);
      expect(guess.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const stranger = await attempt(owner.password, '203.0.113.120');
    expect(stranger.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');

    const home = await attempt(owner.password, '192.0.2.50');
    expect(home.errors).toBeUndefined();
  });
});
