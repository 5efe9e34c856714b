import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support';

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterInput!) {
    register(input: $input) { token expiresAt viewer { id name email role } }
  }
`;
const SIGN_IN = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) { token viewer { id email } }
  }
`;
const VIEWER = /* GraphQL */ `query { viewer { id name email role } }`;
const SIGN_OUT = /* GraphQL */ `mutation { signOut }`;

type AuthData = { register?: { token: string; viewer: { id: string; email: string } } };
type SignInData = { signIn?: { token: string; viewer: { id: string; email: string } } };
type ViewerData = { viewer: { id: string; email: string; role: string } | null };

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

const userCount = () => api.database.db.user.count();

describe('register', () => {
  it('creates a student, returns a working session token, stores the email lower-cased', async () => {
    const result = await api.gql<AuthData>(REGISTER, {
      input: {
        name: 'Dana Reyes',
        email: '  Dana.Reyes@Example.com ',
        password: 'correct horse battery',
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.register?.viewer).toMatchObject({
      email: 'dana.reyes@example.com',
      role: 'STUDENT',
    });

    const viewer = await api.gql<ViewerData>(VIEWER, {}, { token: result.data?.register?.token });
    expect(viewer.data?.viewer?.email).toBe('dana.reyes@example.com');

    const stored = await api.database.db.user.findUniqueOrThrow({
      where: { email: 'dana.reyes@example.com' },
      select: { passwordHash: true },
    });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    const session = await api.database.db.session.findFirstOrThrow({ select: { tokenHash: true } });
    expect(session.tokenHash).not.toContain(result.data?.register?.token);
  });

  it.each([
    [
      'email',
      { name: 'A', email: 'not-an-email', password: 'long enough password' },
      /valid email/,
    ],
    ['password', { name: 'A', email: 'short@example.com', password: 'short' }, /at least 10/],
    [
      'name',
      { name: '   ', email: 'noname@example.com', password: 'long enough password' },
      /Enter your name/,
    ],
  ])(
    'rejects a bad %s with a message on that field and saves nothing',
    async (field, input, message) => {
      const before = await userCount();
      const result = await api.gql(REGISTER, { input });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.fieldErrors?.[field]?.[0]).toMatch(message);
      expect(result.data).toBeNull();
      expect(await userCount()).toBe(before);
    },
  );

  it.each(['password123', 'password1234', 'qwertyuiop', '1234567890', 'aaaaaaaaaaaa'])(
    'refuses the common or trivially guessed password %s with advice',
    async (password) => {
      const before = await userCount();
      const result = await api.gql(REGISTER, {
        input: { name: 'Weak', email: 'weak@example.com', password },
      });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const message = result.errors?.[0]?.extensions?.fieldErrors?.password?.[0];
      expect(message).toMatch(/common|guess/);
      expect(message).toMatch(/unrelated words/);
      expect(await userCount()).toBe(before);
    },
  );

  it('reports every invalid field at once', async () => {
    const result = await api.gql(REGISTER, { input: { name: '', email: 'x', password: 'y' } });
    expect(Object.keys(result.errors?.[0]?.extensions?.fieldErrors ?? {}).sort()).toEqual([
      'email',
      'name',
      'password',
    ]);
  });

  it('refuses an email already taken, whatever its case', async () => {
    const input = { name: 'First', email: 'taken@example.com', password: 'long enough password' };
    expect((await api.gql(REGISTER, { input })).errors).toBeUndefined();
    const again = await api.gql(REGISTER, { input: { ...input, email: 'TAKEN@example.com' } });
    expect(again.errors?.[0]?.extensions?.fieldErrors?.email?.[0]).toMatch(/already exists/);
    expect(await api.database.db.user.count({ where: { email: 'taken@example.com' } })).toBe(1);
  });

  it('leaves one user row when two registrations race for one email', async () => {
    const input = { name: 'Racer', email: 'race@example.com', password: 'long enough password' };
    const results = await Promise.all([
      api.gql(REGISTER, { input }),
      api.gql(REGISTER, { input }),
      api.gql(REGISTER, { input }),
    ]);
    const succeeded = results.filter((result) => !result.errors);
    const refused = results.filter((result) => result.errors);
    expect(succeeded).toHaveLength(1);
    for (const result of refused) {
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.fieldErrors?.email?.[0]).toMatch(/already exists/);
    }
    expect(await api.database.db.user.count({ where: { email: 'race@example.com' } })).toBe(1);
    const user = await api.database.db.user.findUniqueOrThrow({
      where: { email: 'race@example.com' },
    });
    expect(await api.database.db.session.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe('sign in and out', () => {
  const account = { email: 'sam@example.com', password: 'sam-password-123' };
  beforeAll(async () => {
    await api.gql(REGISTER, { input: { ...account, name: 'Sam Okafor' } });
  });

  it('signs in with the right password, case-insensitively on email', async () => {
    const result = await api.gql<SignInData>(SIGN_IN, {
      input: { email: 'SAM@example.com', password: account.password },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.signIn?.viewer.email).toBe('sam@example.com');
  });

  it('gives one message, naming no field, for an unknown email and a wrong password', async () => {
    const unknown = await api.gql(
      SIGN_IN,
      { input: { email: 'nobody@example.com', password: 'whatever-123' } },
      { ip: '203.0.113.1' },
    );
    const wrong = await api.gql(
      SIGN_IN,
      { input: { email: account.email, password: 'not-the-password' } },
      { ip: '203.0.113.1' },
    );
    for (const result of [unknown, wrong]) {
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.fieldErrors).toBeUndefined();
    }
    expect(unknown.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
    expect(unknown.errors?.[0]?.message).toMatch(/email and password do not match/);
  });

  it('takes as long for an unknown email as for a wrong password (a password hash each)', async () => {
    // The API runs in this process: its CPU time per request (the hash runs on libuv's pool,
    // counted too). CPU time, not wall time: a busy machine stretches the wall time of every
    // request by its waits for a core, which once made the wall-clock version of this fail.
    const cpuMs = async (email: string, ip: string) => {
      const before = process.cpuUsage();
      const result = await api.gql(
        SIGN_IN,
        { input: { email, password: 'timing-guess-1' } },
        { ip },
      );
      const used = process.cpuUsage(before);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      return (used.user + used.system) / 1000;
    };
    const unknown: number[] = [];
    const wrong: number[] = [];
    // The floor: a malformed email is refused before the throttle, the look-up and the hash.
    const floor: number[] = [];
    for (let round = 0; round < 6; round++) {
      unknown.push(await cpuMs(`ghost-${round}@example.com`, `198.18.0.${round}`));
      wrong.push(await cpuMs(account.email, `198.18.1.${round}`));
      floor.push(await cpuMs(`not-an-email-${round}`, `198.18.2.${round}`));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
    // Above the floor both do the same work, a hash included (ratio ~1). Without a hash for
    // unknown emails only the throttle and the look-up are left (ratio ~0.1-0.3).
    const base = median(floor);
    expect(median(wrong) - base).toBeGreaterThan(5);
    expect(median(unknown) - base).toBeGreaterThan(0.5 * (median(wrong) - base));
  });

  it('revokes the session on sign-out: the token stops working', async () => {
    const signIn = await api.gql<SignInData>(SIGN_IN, { input: account });
    const token = signIn.data?.signIn?.token;
    expect((await api.gql<ViewerData>(VIEWER, {}, { token })).data?.viewer?.email).toBe(
      account.email,
    );
    expect((await api.gql(SIGN_OUT, {}, { token })).data).toEqual({ signOut: true });
    expect((await api.gql<ViewerData>(VIEWER, {}, { token })).data?.viewer).toBeNull();
    expect((await api.gql(SIGN_OUT, {}, { token })).data).toEqual({ signOut: false });
  });

  it('treats an expired session as anonymous', async () => {
    const signIn = await api.gql<SignInData>(SIGN_IN, { input: account });
    const token = signIn.data?.signIn?.token;
    await api.database.db.session.updateMany({
      where: { user: { email: account.email } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await api.gql<ViewerData>(VIEWER, {}, { token })).data?.viewer).toBeNull();
  });

  it('ignores garbage bearer tokens', async () => {
    const result = await api.gql<ViewerData>(VIEWER, {}, { token: 'x'.repeat(43) });
    expect(result.data?.viewer).toBeNull();
  });
});

describe('sign-in throttling', () => {
  const victim = { email: 'victim@example.com', password: 'victim-password-1' };
  beforeAll(async () => {
    await api.gql(REGISTER, { input: { ...victim, name: 'Throttled' } });
  });

  it('blocks an account at an address after 5 failures there, even for the right password, with a retry time', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const result = await api.gql(
        SIGN_IN,
        { input: { email: victim.email, password: `wrong-guess-${attempt}` } },
        { ip: '198.51.100.1' },
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const blocked = await api.gql(SIGN_IN, { input: victim }, { ip: '198.51.100.1' });
    expect(blocked.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(blocked.errors?.[0]?.message).toMatch(/Try again in 15 minutes/);
    const retry = blocked.errors?.[0]?.extensions?.retryAfterSeconds ?? 0;
    expect(retry).toBeGreaterThan(14 * 60);
    expect(retry).toBeLessThanOrEqual(15 * 60);
  });

  it('lets the account in at that address once the window has passed, and clears its counter', async () => {
    const pairKey = `signin-guess:pair:${victim.email}|198.51.100.1`;
    await api.database.db.rateLimit.update({
      where: { key: pairKey },
      data: { windowEnd: new Date(Date.now() - 1000) },
    });
    const result = await api.gql<SignInData>(SIGN_IN, { input: victim }, { ip: '198.51.100.1' });
    expect(result.errors).toBeUndefined();
    expect(await api.database.db.rateLimit.count({ where: { key: pairKey } })).toBe(0);
  });

  it('blocks one address spraying many accounts, and not other addresses', async () => {
    const ip = '192.0.2.77';
    let lastCode: string | undefined;
    for (let attempt = 1; attempt <= 31; attempt++) {
      const result = await api.gql(
        SIGN_IN,
        { input: { email: `spray-${attempt}@example.com`, password: 'guess-password' } },
        { ip },
      );
      lastCode = result.errors?.[0]?.extensions?.code;
    }
    expect(lastCode).toBe('TOO_MANY_REQUESTS');
    const other = await api.gql<SignInData>(SIGN_IN, { input: victim }, { ip: '192.0.2.78' });
    expect(other.errors).toBeUndefined();
  });
});
