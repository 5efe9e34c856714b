import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support';

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterInput!) { register(input: $input) { token viewer { id } } }
`;
const SIGN_IN = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) { signIn(input: $input) { token } }
`;
const VIEWER = /* GraphQL */ `query { viewer { id email } }`;
const REQUEST_RESET = /* GraphQL */ `
  mutation($email: String!) { requestPasswordReset(email: $email) }
`;
const RESET_VALID = /* GraphQL */ `query($token: String!) { passwordResetTokenValid(token: $token) }`;
const RESET = /* GraphQL */ `
  mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { token viewer { email } } }
`;
const CONFIRM_EMAIL = /* GraphQL */ `
  mutation($token: String!) { confirmEmail(token: $token) { email changed } }
`;
const RESEND = /* GraphQL */ `mutation { resendVerificationEmail }`;
const SECURITY = /* GraphQL */ `
  query { accountSecurity { email emailVerified pendingEmail
    sessions { id current device ip lastSeenAt createdAt } } }
`;
const CHANGE_PASSWORD = /* GraphQL */ `
  mutation($input: ChangePasswordInput!) { changePassword(input: $input) }
`;
const CHANGE_EMAIL = /* GraphQL */ `
  mutation($input: ChangeEmailInput!) { requestEmailChange(input: $input) }
`;
const SIGN_OUT_OTHERS = /* GraphQL */ `mutation { signOutOtherSessions }`;
const REVOKE = /* GraphQL */ `mutation($id: ID!) { revokeSession(id: $id) }`;
const START_CHECKOUT = /* GraphQL */ `
  mutation($courseId: ID!) { startCheckout(courseId: $courseId) { url } }
`;
const CONFIRM_NAME = /* GraphQL */ `
  mutation($name: String!) { confirmCertificateName(name: $name) { confirmed } }
`;

const PASSWORD = 'lantern-orchard-basalt';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

let counter = 0;
async function register(name = 'Rosa Lindqvist') {
  counter += 1;
  const email = `account-${counter}-${Date.now()}@example.com`;
  const result = await api.gql<{ register: { token: string; viewer: { id: string } } }>(REGISTER, {
    input: { name, email, password: PASSWORD },
  });
  if (!result.data?.register) throw new Error(JSON.stringify(result.errors));
  return { email, token: result.data.register.token, id: result.data.register.viewer.id };
}

/** The newest queued email of a template to an address (the outbox row the worker sends). */
async function lastEmail(to: string, template: string) {
  return api.database.db.emailMessage.findFirst({
    where: { toAddress: to, template },
    orderBy: { createdAt: 'desc' },
  });
}

/** The token in the newest email of a template to an address. */
async function linkToken(to: string, template: string): Promise<string> {
  const email = await lastEmail(to, template);
  const token = /[?&]token=([A-Za-z0-9_-]+)/.exec(email?.text ?? '')?.[1];
  if (!token) throw new Error(`no ${template} link to ${to}`);
  return token;
}

const signIn = (email: string, password: string, ip?: string) =>
  api.gql<{ signIn: { token: string } }>(SIGN_IN, { input: { email, password } }, { ip });

describe('email verification', () => {
  it('emails a link at registration; until it is opened, buying and confirming the name are refused with what to do', async () => {
    const user = await register();
    const mail = await lastEmail(user.email, 'email-verification');
    expect(mail?.subject).toBe('Confirm your email address');
    expect(mail?.text).toMatch(/http:\/\/127\.0\.0\.1:3000\/verify-email\?token=/);
    const stored = await api.database.db.accountToken.findFirstOrThrow({
      where: { userId: user.id },
    });
    // Only the hash is stored.
    expect(mail?.text).not.toContain(stored.tokenHash);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const checkout = await api.gql(
      START_CHECKOUT,
      { courseId: '00000000-0000-4000-8000-000000000001' },
      { token: user.token },
    );
    expect(checkout.errors?.[0]?.extensions?.code).toBe('PRECONDITION_FAILED');
    expect(checkout.errors?.[0]?.message).toMatch(
      /Confirm your email address before buying a course: open the link we emailed you, or ask for a new link/,
    );
    const name = await api.gql(CONFIRM_NAME, { name: 'Rosa Lindqvist' }, { token: user.token });
    expect(name.errors?.[0]?.extensions?.code).toBe('PRECONDITION_FAILED');
    expect(name.errors?.[0]?.message).toMatch(/before confirming the name/);
    const security = await api.gql<{ accountSecurity: { emailVerified: boolean } }>(
      SECURITY,
      {},
      { token: user.token },
    );
    expect(security.data?.accountSecurity.emailVerified).toBe(false);

    const confirmed = await api.gql(CONFIRM_EMAIL, {
      token: await linkToken(user.email, 'email-verification'),
    });
    expect(confirmed.data).toEqual({ confirmEmail: { email: user.email, changed: false } });
    const again = await api.gql(CONFIRM_NAME, { name: 'Rosa Lindqvist' }, { token: user.token });
    expect(again.errors).toBeUndefined();
    const checkoutAgain = await api.gql(
      START_CHECKOUT,
      { courseId: '00000000-0000-4000-8000-000000000001' },
      { token: user.token },
    );
    expect(checkoutAgain.errors?.[0]?.extensions?.code).not.toBe('PRECONDITION_FAILED');
  });

  it('a resent link replaces the old one; a used link does not work twice', async () => {
    const user = await register();
    const first = await linkToken(user.email, 'email-verification');
    const resent = await api.gql(RESEND, {}, { token: user.token });
    expect(resent.data).toEqual({ resendVerificationEmail: true });
    const second = await linkToken(user.email, 'email-verification');
    expect(second).not.toBe(first);

    const old = await api.gql(CONFIRM_EMAIL, { token: first });
    expect(old.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(old.errors?.[0]?.message).toMatch(/no longer valid/);
    expect((await api.gql(CONFIRM_EMAIL, { token: second })).errors).toBeUndefined();
    const reused = await api.gql(CONFIRM_EMAIL, { token: second });
    expect(reused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await api.gql(RESEND, {}, { token: user.token })).data).toEqual({
      resendVerificationEmail: false,
    });
  });
});

describe('password reset', () => {
  it('resets through the emailed link: all sessions end, the new password signs in, the link works once', async () => {
    const user = await register();
    const other = await signIn(user.email, PASSWORD);
    const otherToken = other.data?.signIn.token;

    const requested = await api.gql(REQUEST_RESET, { email: user.email.toUpperCase() });
    expect(requested.data).toEqual({ requestPasswordReset: true });
    const mail = await lastEmail(user.email, 'password-reset');
    expect(mail?.text).toMatch(/\/reset-password\?token=[A-Za-z0-9_-]{43}/);
    expect(mail?.text).toMatch(/expires in 60 minutes/);
    const token = await linkToken(user.email, 'password-reset');
    expect((await api.gql(RESET_VALID, { token })).data).toEqual({
      passwordResetTokenValid: true,
    });

    const weak = await api.gql(RESET, { input: { token, password: 'password123' } });
    expect(weak.errors?.[0]?.extensions?.fieldErrors?.password?.[0]).toMatch(/common/);

    const reset = await api.gql<{ resetPassword: { token: string; viewer: { email: string } } }>(
      RESET,
      { input: { token, password: 'quartz-meadow-lantern' } },
    );
    expect(reset.errors).toBeUndefined();
    expect(reset.data?.resetPassword.viewer.email).toBe(user.email);

    // Every earlier session is gone; the fresh one works.
    for (const old of [user.token, otherToken]) {
      expect((await api.gql<{ viewer: unknown }>(VIEWER, {}, { token: old })).data?.viewer).toBe(
        null,
      );
    }
    const fresh = await api.gql<{ viewer: { email: string } }>(
      VIEWER,
      {},
      { token: reset.data?.resetPassword.token },
    );
    expect(fresh.data?.viewer.email).toBe(user.email);
    expect(await api.database.db.session.count({ where: { userId: user.id } })).toBe(1);
    expect((await signIn(user.email, PASSWORD)).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await signIn(user.email, 'quartz-meadow-lantern')).errors).toBeUndefined();
    expect((await lastEmail(user.email, 'password-changed-notice'))?.subject).toBe(
      'Your password was changed',
    );

    // Reuse: refused, and nothing changes.
    const reused = await api.gql(RESET, { input: { token, password: 'another-fine-passphrase' } });
    expect(reused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(reused.errors?.[0]?.message).toMatch(/already used/);
    expect((await api.gql(RESET_VALID, { token })).data).toEqual({
      passwordResetTokenValid: false,
    });
    expect((await signIn(user.email, 'quartz-meadow-lantern')).errors).toBeUndefined();
  });

  it('refuses a link more than an hour old', async () => {
    const user = await register();
    await api.gql(REQUEST_RESET, { email: user.email });
    const token = await linkToken(user.email, 'password-reset');
    const row = await api.database.db.accountToken.findFirstOrThrow({
      where: { userId: user.id, kind: 'PASSWORD_RESET' },
    });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(60 * 60 * 1000);
    await api.database.db.accountToken.update({
      where: { id: row.id },
      data: {
        createdAt: new Date(Date.now() - 61 * 60_000),
        expiresAt: new Date(Date.now() - 60_000),
      },
    });
    expect((await api.gql(RESET_VALID, { token })).data).toEqual({
      passwordResetTokenValid: false,
    });
    const expired = await api.gql(RESET, { input: { token, password: 'quartz-meadow-lantern' } });
    expect(expired.errors?.[0]?.message).toMatch(/more than an hour old/);
    expect((await signIn(user.email, PASSWORD)).errors).toBeUndefined();
  });

  it('gives the same status and body for a known and an unknown email, in comparable time', async () => {
    const user = await register();
    const post = async (email: string) => {
      const started = performance.now();
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: REQUEST_RESET, variables: { email } }),
      });
      const body = await response.text();
      return { status: response.status, body, ms: performance.now() - started };
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < 12; round++) {
      const a = await post(user.email);
      const b = await post(`nobody-${round}-${Date.now()}@example.com`);
      expect(b.status).toBe(a.status);
      expect(b.body).toBe(a.body);
      known.push(a.ms);
      unknown.push(b.ms);
    }
    expect(JSON.parse((await post(user.email)).body)).toEqual({
      data: { requestPasswordReset: true },
    });
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[values.length >> 1]!;
    const ratio = median(unknown) / median(known);
    console.log(
      `reset request median: known ${median(known).toFixed(1)} ms, unknown ${median(unknown).toFixed(1)} ms (ratio ${ratio.toFixed(2)})`,
    );
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1 / 0.6);
    // Both wrote one outbox row: a reset link for the account, a "no account" note otherwise.
    expect(
      await api.database.db.emailMessage.count({ where: { template: 'password-reset-unknown' } }),
    ).toBeGreaterThanOrEqual(12);
  });

  it('20 concurrent requests for one account leave exactly one valid link', async () => {
    const user = await register();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => api.gql(REQUEST_RESET, { email: user.email })),
    );
    expect(results.every((result) => result.data?.requestPasswordReset === true)).toBe(true);
    expect(
      await api.database.db.accountToken.count({
        where: { userId: user.id, kind: 'PASSWORD_RESET' },
      }),
    ).toBe(1);
    const mails = await api.database.db.emailMessage.findMany({
      where: { toAddress: user.email, template: 'password-reset' },
    });
    expect(mails).toHaveLength(20);
    const tokens = mails.map((mail) => /[?&]token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1] ?? '');
    const valid = await Promise.all(
      tokens.map(async (token) => {
        const result = await api.gql<{ passwordResetTokenValid: boolean }>(RESET_VALID, { token });
        return result.data?.passwordResetTokenValid;
      }),
    );
    expect(valid.filter(Boolean)).toHaveLength(1);
    // Two parallel uses of the valid link: one wins.
    const winner = tokens[valid.indexOf(true)]!;
    const uses = await Promise.all([
      api.gql(RESET, { input: { token: winner, password: 'quartz-meadow-lantern' } }),
      api.gql(RESET, { input: { token: winner, password: 'copper-river-saffron' } }),
    ]);
    expect(uses.filter((use) => !use.errors)).toHaveLength(1);
  });

  it('is throttled per email typed, known or not, with the same answer', async () => {
    const limited = await startTestApi({
      rateLimits: { passwordResetPerAccount: { limit: 3, windowSeconds: 3600 } },
    });
    try {
      const known = await limited.gql<{ register: { token: string } }>(REGISTER, {
        input: { name: 'Limited', email: 'limited@example.com', password: PASSWORD },
      });
      expect(known.errors).toBeUndefined();
      for (const email of ['limited@example.com', 'ghost-limited@example.com']) {
        for (let attempt = 1; attempt <= 3; attempt++) {
          expect((await limited.gql(REQUEST_RESET, { email })).data).toEqual({
            requestPasswordReset: true,
          });
        }
        const refused = await limited.gql(REQUEST_RESET, { email });
        expect(refused.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
        expect(refused.errors?.[0]?.message).toMatch(/Too many password-reset requests/);
      }
      expect(
        await limited.database.db.emailMessage.count({
          where: { toAddress: 'limited@example.com', template: 'password-reset' },
        }),
      ).toBe(3);
    } finally {
      await limited.close();
    }
  });

  it('lifts the sign-in throttle of the account: the owner gets in from the blocked address', async () => {
    const user = await register();
    const ip = '203.0.113.91';
    for (let attempt = 1; attempt <= 5; attempt++)
      await signIn(user.email, `wrong-${attempt}-guess`, ip);
    expect((await signIn(user.email, PASSWORD, ip)).errors?.[0]?.extensions?.code).toBe(
      'TOO_MANY_REQUESTS',
    );
    await api.gql(REQUEST_RESET, { email: user.email });
    const token = await linkToken(user.email, 'password-reset');
    expect(
      (await api.gql(RESET, { input: { token, password: 'quartz-meadow-lantern' } })).errors,
    ).toBeUndefined();
    expect((await signIn(user.email, 'quartz-meadow-lantern', ip)).errors).toBeUndefined();
  });
});

describe('change password', () => {
  it('needs the current password, then signs out every other session but this one', async () => {
    const user = await register();
    const other = (await signIn(user.email, PASSWORD)).data?.signIn.token;
    const wrong = await api.gql(
      CHANGE_PASSWORD,
      { input: { currentPassword: 'not-my-password', newPassword: 'quartz-meadow-lantern' } },
      { token: user.token },
    );
    expect(wrong.errors?.[0]?.extensions?.fieldErrors?.currentPassword).toEqual([
      'That is not your current password.',
    ]);
    expect(
      (await api.gql<{ viewer: unknown }>(VIEWER, {}, { token: other })).data?.viewer,
    ).not.toBeNull();

    const changed = await api.gql(
      CHANGE_PASSWORD,
      { input: { currentPassword: PASSWORD, newPassword: 'quartz-meadow-lantern' } },
      { token: user.token },
    );
    expect(changed.data).toEqual({ changePassword: 1 });
    expect(
      (await api.gql<{ viewer: unknown }>(VIEWER, {}, { token: other })).data?.viewer,
    ).toBeNull();
    expect(
      (await api.gql<{ viewer: { email: string } }>(VIEWER, {}, { token: user.token })).data?.viewer
        .email,
    ).toBe(user.email);
    expect((await signIn(user.email, 'quartz-meadow-lantern')).errors).toBeUndefined();
    expect((await lastEmail(user.email, 'password-changed-notice'))?.subject).toBe(
      'Your password was changed',
    );
  });
});

describe('change email', () => {
  it('changes only when the new address confirms; tells the old one; refuses a taken address', async () => {
    const user = await register();
    const taken = await register();
    const refused = await api.gql(
      CHANGE_EMAIL,
      { input: { newEmail: taken.email, currentPassword: PASSWORD } },
      { token: user.token },
    );
    expect(refused.errors?.[0]?.extensions?.fieldErrors?.newEmail?.[0]).toMatch(/Another account/);

    const newEmail = `moved-${Date.now()}@example.com`;
    const requested = await api.gql(
      CHANGE_EMAIL,
      { input: { newEmail: newEmail.toUpperCase(), currentPassword: PASSWORD } },
      { token: user.token },
    );
    expect(requested.data).toEqual({ requestEmailChange: newEmail });
    const pending = await api.gql<{ accountSecurity: { email: string; pendingEmail: string } }>(
      SECURITY,
      {},
      { token: user.token },
    );
    expect(pending.data?.accountSecurity).toMatchObject({
      email: user.email,
      pendingEmail: newEmail,
    });
    expect((await lastEmail(newEmail, 'email-change-confirmation'))?.subject).toBe(
      'Confirm your new email address',
    );

    const confirmed = await api.gql(CONFIRM_EMAIL, {
      token: await linkToken(newEmail, 'email-change-confirmation'),
    });
    expect(confirmed.data).toEqual({ confirmEmail: { email: newEmail, changed: true } });
    const notice = await lastEmail(user.email, 'email-changed-notice');
    expect(notice?.text).toContain(newEmail);
    expect((await signIn(newEmail, PASSWORD)).errors).toBeUndefined();
    expect((await signIn(user.email, PASSWORD)).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    const after = await api.gql<{
      accountSecurity: { emailVerified: boolean; pendingEmail: null };
    }>(SECURITY, {}, { token: user.token });
    expect(after.data?.accountSecurity).toMatchObject({ emailVerified: true, pendingEmail: null });
  });

  it('refuses the confirmation when another account took the address meanwhile', async () => {
    const user = await register();
    const newEmail = `contested-${Date.now()}@example.com`;
    await api.gql(
      CHANGE_EMAIL,
      { input: { newEmail, currentPassword: PASSWORD } },
      { token: user.token },
    );
    await api.gql(REGISTER, { input: { name: 'Quick', email: newEmail, password: PASSWORD } });
    const confirmed = await api.gql(CONFIRM_EMAIL, {
      token: await linkToken(newEmail, 'email-change-confirmation'),
    });
    expect(confirmed.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await api.database.db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(
      user.email,
    );
  });
});

describe('sessions', () => {
  it('lists sessions with device, address and last seen; signs out others, and one', async () => {
    const user = await register();
    const fromPhone = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent':
          'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
        'x-forwarded-for': '198.51.100.23',
      },
      body: JSON.stringify({
        query: SIGN_IN,
        variables: { input: { email: user.email, password: PASSWORD } },
      }),
    });
    const phoneToken = ((await fromPhone.json()) as { data: { signIn: { token: string } } }).data
      .signIn.token;
    const third = (await signIn(user.email, PASSWORD)).data?.signIn.token;

    type Sessions = {
      accountSecurity: {
        sessions: {
          id: string;
          current: boolean;
          device: string | null;
          ip: string | null;
          lastSeenAt: string;
        }[];
      };
    };
    const listed = await api.gql<Sessions>(SECURITY, {}, { token: user.token });
    const sessions = listed.data?.accountSecurity.sessions ?? [];
    expect(sessions).toHaveLength(3);
    expect(sessions[0]?.current).toBe(true);
    const phone = sessions.find((session) => session.ip === '198.51.100.23');
    expect(phone?.device).toBe('Safari on iOS (mobile)');
    expect(Number.isNaN(Date.parse(phone?.lastSeenAt ?? ''))).toBe(false);

    // Someone else cannot end my session.
    const stranger = await register();
    const foreign = await api.gql(REVOKE, { id: phone?.id }, { token: stranger.token });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await api.gql(REVOKE, { id: phone?.id }, { token: user.token })).data).toEqual({
      revokeSession: true,
    });
    expect(
      (await api.gql<{ viewer: unknown }>(VIEWER, {}, { token: phoneToken })).data?.viewer,
    ).toBeNull();

    expect((await api.gql(SIGN_OUT_OTHERS, {}, { token: user.token })).data).toEqual({
      signOutOtherSessions: 1,
    });
    expect(
      (await api.gql<{ viewer: unknown }>(VIEWER, {}, { token: third })).data?.viewer,
    ).toBeNull();
    expect(
      (await api.gql<{ viewer: unknown }>(VIEWER, {}, { token: user.token })).data?.viewer,
    ).not.toBeNull();
  });

  it('records when a session was last seen (at most every 5 minutes)', async () => {
    const user = await register();
    const old = new Date(Date.now() - 10 * 60_000);
    await api.database.db.session.updateMany({
      where: { userId: user.id },
      data: { lastSeenAt: old },
    });
    await api.gql(VIEWER, {}, { token: user.token });
    const session = await api.database.db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});
