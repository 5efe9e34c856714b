import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCourse, startTestApi, type TestApi } from '../../test-support';
import { type Actor, registerActor } from '../../testing/actors';

const SET_ROLE = `mutation($userId: ID!, $role: Role!) { setUserRole(userId: $userId, role: $role) { id role } }`;
const USERS = `query($search: String, $role: Role, $first: Int, $after: String) {
  users(search: $search, role: $role, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id email role } } } }`;
const AUDIT = `query($targetId: String) { auditLog(targetId: $targetId) { totalCount edges { node { action targetType targetId details actorName } } } }`;
const PROFILE = `mutation($input: ProfileInput!) { updateMyProfile(input: $input) { name bio credentials { credential awardedYear } } }`;

let api: TestApi;
let admin: Actor;
let student: Actor;
let instructor: Actor;

beforeAll(async () => {
  api = await startTestApi();
  [admin, student, instructor] = await Promise.all([
    registerActor(api, 'ADMIN', 'Ada Admin'),
    registerActor(api, 'STUDENT', 'Sara Student'),
    registerActor(api, 'INSTRUCTOR', 'Ivan Instructor'),
  ]);
}, 60_000);
afterAll(async () => {
  await api?.close();
});

describe('roles', () => {
  it('lets an admin make a student an instructor, and records who did it', async () => {
    const result = await api.gql(
      SET_ROLE,
      { userId: student.id, role: 'INSTRUCTOR' },
      { token: admin.token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ setUserRole: { id: student.id, role: 'INSTRUCTOR' } });
    const audit = await api.gql<{ auditLog: { edges: { node: unknown }[] } }>(
      AUDIT,
      { targetId: student.id },
      { token: admin.token },
    );
    expect(audit.data?.auditLog.edges.map((edge) => edge.node)).toEqual([
      {
        action: 'user.role.change',
        targetType: 'User',
        targetId: student.id,
        details: { from: 'STUDENT', to: 'INSTRUCTOR' },
        actorName: 'Ada Admin',
      },
    ]);
    // The new role takes effect on the user's existing session.
    const viewer = await api.gql<{ viewer: { role: string } }>(
      '{ viewer { role } }',
      {},
      { token: student.token },
    );
    expect(viewer.data?.viewer.role).toBe('INSTRUCTOR');
  });

  it.each([
    ['an instructor', () => instructor, 'FORBIDDEN'],
    ['anonymous', () => null, 'UNAUTHENTICATED'],
  ])('refuses role changes, user lists and the audit log to %s', async (_label, actor, code) => {
    const token = actor()?.token;
    expect(
      (await api.gql(SET_ROLE, { userId: instructor.id, role: 'ADMIN' }, { token })).errors?.[0]
        ?.extensions?.code,
    ).toBe(code);
    expect((await api.gql(USERS, {}, { token })).errors?.[0]?.extensions?.code).toBe(code);
    expect((await api.gql(AUDIT, {}, { token })).errors?.[0]?.extensions?.code).toBe(code);
    expect(
      await api.database.db.user.findUniqueOrThrow({
        where: { id: instructor.id },
        select: { role: true },
      }),
    ).toEqual({
      role: 'INSTRUCTOR',
    });
  });

  it('does not let an admin change their own role', async () => {
    const result = await api.gql(
      SET_ROLE,
      { userId: admin.id, role: 'STUDENT' },
      { token: admin.token },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('answers NOT_FOUND for an unknown user and BAD_USER_INPUT for a malformed id', async () => {
    const unknown = await api.gql(
      SET_ROLE,
      { userId: '00000000-0000-4000-8000-000000000000', role: 'ADMIN' },
      { token: admin.token },
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await api.gql(
      SET_ROLE,
      { userId: 'nope', role: 'ADMIN' },
      { token: admin.token },
    );
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('searches and pages through users', async () => {
    const found = await api.gql<{
      users: { totalCount: number; edges: { node: { email: string } }[] };
    }>(USERS, { search: 'IVAN' }, { token: admin.token });
    expect(found.data?.users.edges.map((edge) => edge.node.email)).toEqual([instructor.email]);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: {
        data?: {
          users: {
            pageInfo: { hasNextPage: boolean; endCursor: string };
            edges: { node: { id: string } }[];
          };
        } | null;
      } = await api.gql(USERS, { first: 1, after }, { token: admin.token });
      seen.push(...result.data!.users.edges.map((edge) => edge.node.id));
      if (!result.data!.users.pageInfo.hasNextPage) break;
      after = result.data!.users.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(3);
  });
});

describe('profile', () => {
  it('saves bio and credentials, replacing the list', async () => {
    const input = {
      name: 'Ivan Instructor',
      bio: 'Coding educator.',
      credentials: [
        { credential: 'CPC', awardedYear: 2015 },
        { credential: 'CRC', awardedYear: 2019 },
      ],
    };
    const saved = await api.gql(PROFILE, { input }, { token: instructor.token });
    expect(saved.data).toEqual({ updateMyProfile: input });
    const replaced = await api.gql(
      PROFILE,
      { input: { ...input, credentials: [{ credential: 'CCS', awardedYear: 2020 }] } },
      { token: instructor.token },
    );
    expect(replaced.data).toMatchObject({
      updateMyProfile: { credentials: [{ credential: 'CCS', awardedYear: 2020 }] },
    });
    // A form without the list (the students' profile form) leaves it as it is.
    const unlisted = await api.gql(
      PROFILE,
      { input: { name: 'Ivan Instructor', bio: 'Coding educator.' } },
      { token: instructor.token },
    );
    expect(unlisted.data).toMatchObject({
      updateMyProfile: { credentials: [{ credential: 'CCS', awardedYear: 2020 }] },
    });
  });

  it('refuses a future award year and keeps what was saved', async () => {
    const result = await api.gql(
      PROFILE,
      {
        input: { name: 'Ivan Instructor', credentials: [{ credential: 'CPC', awardedYear: 2999 }] },
      },
      { token: instructor.token },
    );
    expect(result.errors?.[0]?.extensions?.fieldErrors?.['credentials.0.awardedYear']?.[0]).toMatch(
      /future/,
    );
    expect(
      await api.database.db.instructorCredential.count({ where: { userId: instructor.id } }),
    ).toBe(1);
  });
});

describe('audit log for people', () => {
  const LOG = `query($first: Int, $after: String, $actor: String, $action: String, $from: String, $to: String, $timeZone: String) {
    auditLog(first: $first, after: $after, actor: $actor, action: $action, from: $from, to: $to, timeZone: $timeZone) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { action actionLabel actorName targetType targetName summary createdAt } } } }`;
  type Entry = {
    action: string;
    actionLabel: string;
    actorName: string | null;
    targetType: string;
    targetName: string | null;
    summary: string;
    createdAt: string;
  };
  type Log = {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Entry }[];
  };
  const log = (variables: Record<string, unknown>) => api.must<Log>(LOG, variables, admin);
  const nodes = (found: Log) => found.edges.map((edge) => edge.node);

  it('says what happened in words, names people and courses, and filters by actor, action and local days', async () => {
    const backup = await registerActor(api, 'ADMIN', 'Bea Backup');
    const learner = await registerActor(api, 'STUDENT', 'Noor Learner');
    await api.must(SET_ROLE, { userId: learner.id, role: 'INSTRUCTOR' }, backup);
    const course = await createCourse(api.database.db, { title: 'Audit Trail Basics' });
    // Two acts by Bea either side of midnight in New York (05:00 UTC in March, before DST).
    for (const createdAt of ['2026-03-03T04:30:00Z', '2026-03-03T05:30:00Z']) {
      await api.database.db.auditLog.create({
        data: {
          actorId: backup.id,
          action: 'course.instructor.add',
          targetType: 'Course',
          targetId: course.course.id,
          details: { userId: learner.id },
          createdAt: new Date(createdAt),
        },
      });
    }

    const roleChange = nodes(await log({ actor: 'bea backup', action: 'user.role.change' }));
    expect(roleChange).toEqual([
      expect.objectContaining({
        actionLabel: 'Changed a role',
        actorName: 'Bea Backup',
        targetType: 'User',
        targetName: 'Noor Learner',
        summary: 'From student to instructor.',
      }),
    ]);
    // The actor filter also matches an email; another admin's acts are left out.
    expect((await log({ actor: backup.email.toUpperCase() })).totalCount).toBe(3);
    expect((await log({ actor: 'Ada Admin', action: 'course.instructor.add' })).totalCount).toBe(0);

    const added = await log({ actor: 'Bea', action: 'course.instructor.add' });
    expect(nodes(added).map((entry) => [entry.targetName, entry.summary])).toEqual([
      ['Audit Trail Basics', 'Noor Learner can now teach it.'],
      ['Audit Trail Basics', 'Noor Learner can now teach it.'],
    ]);
    // One day in New York: only the act after local midnight of March 3.
    const newYork = await log({
      actor: 'Bea',
      from: '2026-03-03',
      to: '2026-03-03',
      timeZone: 'America/New_York',
    });
    expect(nodes(newYork).map((entry) => entry.createdAt)).toEqual(['2026-03-03T05:30:00.000Z']);
    // The same day in UTC holds both; the day before in New York holds the earlier one.
    expect((await log({ actor: 'Bea', from: '2026-03-03', to: '2026-03-03' })).totalCount).toBe(2);
    const dayBefore = await log({ actor: 'Bea', to: '2026-03-02', timeZone: 'America/New_York' });
    expect(nodes(dayBefore).map((entry) => entry.createdAt)).toEqual(['2026-03-03T04:30:00.000Z']);

    // Pages: every entry once.
    const first = await log({ actor: 'Bea', first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await log({ actor: 'Bea', first: 2, after: first.pageInfo.endCursor });
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(nodes(first).length + nodes(rest).length).toBe(3);

    const actions = await api.must<{ action: string; label: string }[]>(
      '{ auditActions { action label } }',
      {},
      admin,
    );
    expect(actions).toContainEqual({
      action: 'certificate.revoke',
      label: 'Revoked a certificate',
    });
  });

  it('says clearly what is wrong with a date range or a time zone', async () => {
    const fieldError = async (variables: Record<string, unknown>, field: string) => {
      const result = await api.gql(LOG, variables, { token: admin.token });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      return result.errors?.[0]?.extensions?.fieldErrors?.[field]?.[0];
    };
    expect(await fieldError({ from: '03/03/2026' }, 'from')).toMatch(/Use a date like 2026-11-30/);
    expect(await fieldError({ from: '2026-03-04', to: '2026-03-03' }, 'to')).toMatch(
      /end date is before the start date/,
    );
    expect(await fieldError({ timeZone: 'Mars/Olympus' }, 'timeZone')).toMatch(/Unknown time zone/);
  });
});
