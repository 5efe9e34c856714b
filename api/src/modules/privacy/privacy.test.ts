import { ERASURE_PLAN } from '@lms/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCourse } from '../../test-support';
import { type Actor, registerActor } from '../../testing/actors';
import {
  type PaymentsTestApi,
  payOnHostedPage,
  START_CHECKOUT,
  type StartedCheckoutData,
  startPaymentsTestApi,
} from '../../testing/payments';

const DELETE = `mutation($input: DeleteMyAccountInput!) { deleteMyAccount(input: $input) }`;
const COMPLETE = `mutation($lessonId: ID!) { completeLesson(lessonId: $lessonId) { courseCompleted } }`;
const MY_CERTIFICATES = `{ myCertificates { serial participantName } }`;
const VERIFY = `query($serial: String!) { verifyCertificate(serial: $serial) { status serial
  certificate { serial participantName programTitle completionDate credits { indexNumber } } } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token } }`;
const ADD_CREDENTIAL = `mutation($input: LearnerCredentialInput!) { addCredential(input: $input) { id } }`;
const ADD_SELF = `mutation($input: SelfReportedCreditInput!) { addSelfReportedCredit(input: $input) { id } }`;
const PASSWORD = 'correct-horse-battery';

let api: PaymentsTestApi;

beforeAll(async () => {
  api = await startPaymentsTestApi();
}, 60_000);
afterAll(async () => {
  await api?.close();
});

const must = <T>(query: string, variables: Record<string, unknown>, actor?: Actor) =>
  api.must<T>(query, variables, actor);

/**
 * A learner with data in every table a learner touches: a paid order (its Stripe events carry
 * the email), an enrolment with progress, a completion and a certificate, declared credentials,
 * self-reported credit and a wrong sign-in guess (the throttle's keys carry the email).
 */
async function busyLearner() {
  const learner = await registerActor(api, 'STUDENT', 'Marisol Quintero-Díaz');
  const { course } = await createCourse(api.database.db, {
    priceCents: 2900,
    title: 'HCPCS Level II Supplies',
  });
  const started = await api.gql<StartedCheckoutData>(
    START_CHECKOUT,
    { courseId: course.id, billTo: { employer: 'Lakeside Cardiology', memberId: 'M-1' } },
    { token: learner.token },
  );
  if (started.errors) throw new Error(JSON.stringify(started.errors));
  await payOnHostedPage(started.data!.startCheckout.url);
  await api.emulator.waitForDeliveries();
  const lesson = await api.database.db.lesson.findFirstOrThrow({
    where: { module: { version: { courseId: course.id } } },
    select: { id: true },
  });
  await must(COMPLETE, { lessonId: lesson.id }, learner);
  await must(
    ADD_CREDENTIAL,
    { input: { body: 'AAPC', credential: 'CPC', certifiedOn: '2025-06-01' } },
    learner,
  );
  await must(
    ADD_SELF,
    {
      input: {
        body: 'AAPC',
        title: 'Chapter meeting',
        provider: 'Local chapter',
        completedOn: '2026-02-02',
        ceuAmount: '1.0',
      },
    },
    learner,
  );
  await api.gql(SIGN_IN, { input: { email: learner.email, password: 'not-my-password' } });
  const [certificate] = await must<{ serial: string }[]>(MY_CERTIFICATES, {}, learner);
  return { learner, course, serial: certificate!.serial };
}

/** Every text-like column (text, varchar, char, json, jsonb, arrays) of every table holding `needle`. */
async function columnsContaining(needle: string): Promise<string[]> {
  const db = api.database.db;
  const columns = await db.$queryRaw<{ schema: string; table: string; column: string }[]>`
    SELECT c.table_schema AS "schema", c.table_name AS "table", c.column_name AS "column"
      FROM information_schema.columns c
      JOIN information_schema.tables t
        ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE t.table_type = 'BASE TABLE'
       AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
       AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
            OR c.udt_name = 'citext')`;
  expect(columns.length).toBeGreaterThan(50);
  const hits: string[] = [];
  for (const { schema, table, column } of columns) {
    const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
    const rows = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ${ident(schema)}.${ident(table)}
        WHERE ${ident(column)}::text ILIKE '%' || $1 || '%'`,
      needle,
    );
    if (rows[0]!.n > 0) hits.push(`${schema}.${table}.${column}`);
  }
  return hits;
}

describe('deleting my account', () => {
  it('needs the current password and the typed confirmation, and changes nothing otherwise', async () => {
    const { learner } = await busyLearner();
    const wrongPassword = await api.gql(
      DELETE,
      { input: { password: 'not-my-password', confirmation: 'delete my account' } },
      { token: learner.token },
    );
    expect(wrongPassword.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: { password: ['That is not your current password.'] },
    });
    const unconfirmed = await api.gql(
      DELETE,
      { input: { password: PASSWORD, confirmation: 'yes' } },
      { token: learner.token },
    );
    expect(unconfirmed.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: { confirmation: ['Type “delete my account” to confirm.'] },
    });
    const user = await api.database.db.user.findUniqueOrThrow({ where: { id: learner.id } });
    expect(user).toMatchObject({ email: learner.email, deletedAt: null });
    expect(await columnsContaining(learner.email)).toContain('public.User.email');
    const anonymous = await api.gql(DELETE, {
      input: { password: PASSWORD, confirmation: 'delete my account' },
    });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('erases the email from every column of every table, ends every session, and keeps the certificate verifiable', async () => {
    const { learner, serial } = await busyLearner();
    const other = await api.gql<{ signIn: { token: string } }>(SIGN_IN, {
      input: { email: learner.email, password: PASSWORD },
    });
    const secondToken = other.data!.signIn.token;
    // A wrong guess after it: the sign-in throttle now holds a key with the email.
    await api.gql(SIGN_IN, { input: { email: learner.email, password: 'still-not-it' } });
    // Before: the email is in several places (User, the Stripe events, the sign-in throttle).
    const before = await columnsContaining(learner.email);
    expect(before).toEqual(
      expect.arrayContaining(['public.User.email', 'public.PaymentEvent.payload']),
    );
    expect(before.some((column) => column.startsWith('public.RateLimit.'))).toBe(true);

    const deleted = await api.gql(
      DELETE,
      { input: { password: PASSWORD, confirmation: '  Delete my account ' } },
      { token: learner.token },
    );
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data).toEqual({ deleteMyAccount: true });

    expect(await columnsContaining(learner.email)).toEqual([]);

    // Every session ended, and the old password opens nothing.
    for (const token of [learner.token, secondToken]) {
      const me = await api.gql(`{ myProfile { id } }`, {}, { token });
      expect(me.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const signIn = await api.gql(SIGN_IN, { input: { email: learner.email, password: PASSWORD } });
    expect(signIn.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await api.database.db.session.count({ where: { userId: learner.id } })).toBe(0);

    // The certificate still verifies, with the name as issued and no email anywhere.
    const verify = await api.gql<{ verifyCertificate: Record<string, unknown> }>(VERIFY, {
      serial,
    });
    expect(verify.data?.verifyCertificate).toMatchObject({
      status: 'VALID',
      serial,
      certificate: {
        participantName: 'Marisol Quintero-Díaz',
        programTitle: 'HCPCS Level II Supplies',
      },
    });
    expect(JSON.stringify(verify)).not.toContain('@');

    // The evidence and the order stay; the person is a tombstone.
    const db = api.database.db;
    expect(await db.certificate.count({ where: { userId: learner.id } })).toBe(1);
    expect(await db.courseCompletion.count({ where: { enrollment: { userId: learner.id } } })).toBe(
      1,
    );
    expect(await db.order.findFirst({ where: { userId: learner.id } })).toMatchObject({
      status: 'PAID',
      amountCents: 2900,
    });
    const user = await db.user.findUniqueOrThrow({ where: { id: learner.id } });
    expect(user).toMatchObject({
      name: 'Deleted user',
      email: `deleted-${learner.id}@deleted.invalid`,
      bio: null,
      certificateName: null,
    });
    expect(user.deletedAt).toBeInstanceOf(Date);
    expect(await db.learnerCredential.count({ where: { userId: learner.id } })).toBe(0);
    expect(await db.selfReportedCredit.count({ where: { userId: learner.id } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: 'user.deleted', targetId: learner.id },
    });
    expect(audit.actorId).toBe(learner.id);

    // The address is free again: the person may register anew, as a new account.
    const again = await api.gql<{ register: { viewer: { id: string } } }>(
      `mutation($input: RegisterInput!) { register(input: $input) { viewer { id } } }`,
      { input: { name: 'Marisol Again', email: learner.email, password: PASSWORD } },
    );
    expect(again.errors).toBeUndefined();
    expect(again.data!.register.viewer.id).not.toBe(learner.id);
  });

  it('deletes once when two deletions race (real parallel requests): one succeeds, one is told to sign in', async () => {
    const learner = await registerActor(api, 'STUDENT', 'Ravi Iyer');
    const input = { password: PASSWORD, confirmation: 'delete my account' };
    const results = await Promise.all([
      api.gql(DELETE, { input }, { token: learner.token }),
      api.gql(DELETE, { input }, { token: learner.token }),
    ]);
    const outcomes = results.map((r) => (r.errors ? r.errors[0]!.extensions?.code : 'DELETED'));
    expect(outcomes.sort()).toEqual(['DELETED', 'UNAUTHENTICATED']);
    expect(
      await api.database.db.auditLog.count({
        where: { action: 'user.deleted', targetId: learner.id },
      }),
    ).toBe(1);
  });

  it('names every table of the schema in the erasure plan (a new table must say what deletion does to it)', async () => {
    const tables = await api.database.db.$queryRaw<{ table: string }[]>`
      SELECT table_name AS "table" FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
    const planned = new Set(ERASURE_PLAN.map((step) => step.table));
    expect(tables.map((row) => row.table).filter((table) => !planned.has(table))).toEqual([]);
    for (const step of ERASURE_PLAN) {
      expect(step.why.length, step.table).toBeGreaterThan(5);
      if (step.rule !== 'keep') expect(step.run, step.table).toBeTypeOf('function');
    }
  });
});

describe('exporting my data', () => {
  it('downloads everything about me as JSON: profile, enrolments, progress, attempts, certificates, orders, transcript', async () => {
    const { learner, serial } = await busyLearner();
    const response = await fetch(`${api.url}/me/data-export.json`, {
      headers: { authorization: `Bearer ${learner.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="my-codecred-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    // biome-ignore lint/suspicious/noExplicitAny: a JSON document read field by field
    const data = (await response.json()) as Record<string, any>;
    expect(data.format).toBe('codecred-data-export/1');
    expect(data.profile).toMatchObject({ email: learner.email, name: 'Marisol Quintero-Díaz' });
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.enrollments).toHaveLength(1);
    expect(data.enrollments[0]).toMatchObject({ source: 'PURCHASE', period: 1 });
    expect(data.enrollments[0].progress).toHaveLength(1);
    expect(data.enrollments[0].progress[0].completedAt).toEqual(expect.any(String));
    expect(data.enrollments[0].completion.seatMinutes).toEqual(expect.any(Number));
    expect(data.enrollments[0].attempts).toEqual([]);
    expect(data.certificates.map((c: { serial: string }) => c.serial)).toEqual([serial]);
    expect(data.certificates[0].snapshot.participantName).toBe('Marisol Quintero-Díaz');
    expect(data.orders).toHaveLength(1);
    expect(data.orders[0]).toMatchObject({
      status: 'PAID',
      amountCents: 2900,
      billToEmployer: 'Lakeside Cardiology',
    });
    expect(data.learnerCredentials).toHaveLength(1);
    expect(data.selfReportedCredits).toHaveLength(1);
    expect(data.transcript.cycles.length).toBeGreaterThan(0);
    // Only the holder: no token, no export.
    expect((await fetch(`${api.url}/me/data-export.json`)).status).toBe(401);
  });
});
