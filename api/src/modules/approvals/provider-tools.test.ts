import { createOrder } from '@lms/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support';
import { type Actor, registerActor } from '../../testing/actors';
import {
  completeApprovalCourse,
  createApprovalCourse,
  dayFromToday,
} from '../../testing/approval-courses';

// Issue 9 provider tools: approval lifecycle dashboard and roster per approval.

const ENROLL = `mutation($courseId: ID!) { enrollInCourse(courseId: $courseId) { id } }`;
const COMPLETE = `mutation($lessonId: ID!) { completeLesson(lessonId: $lessonId) { courseCompleted } }`;
const DASHBOARD = `query($status: ApprovalStatus, $first: Int, $after: String) {
  approvalDashboard(status: $status, first: $first, after: $after) { totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id body approvalNumber status daysLeft validUntil courseId courseTitle
      versionNumber isLatestVersion learners inProgressLearners } } } }`;
const ROSTER = `query($approvalId: ID!) { approvalRoster(approvalId: $approvalId) {
  approval { id approvalNumber status courseTitle versionNumber }
  rows { learnerName memberId enrollmentStatus enrolledAt completedAt seatMinutes
    postTestPercent postTestPassed postTestAt certificateSerial certificateStatus }
  csv } }`;

type DashboardNode = {
  id: string;
  approvalNumber: string;
  status: string;
  daysLeft: number;
  courseId: string;
  isLatestVersion: boolean;
  learners: number;
  inProgressLearners: number;
};
type RosterRow = {
  learnerName: string;
  memberId: string | null;
  completedAt: string | null;
  seatMinutes: number;
  postTestPercent: string | null;
  postTestPassed: boolean | null;
  postTestAt: string | null;
  certificateSerial: string | null;
  certificateStatus: string | null;
};

let api: TestApi;
let owner: Actor;
let coInstructor: Actor;
let admin: Actor;
let stranger: Actor;

beforeAll(async () => {
  api = await startTestApi();
  [owner, coInstructor, admin, stranger] = await Promise.all([
    registerActor(api, 'INSTRUCTOR', 'Dana Owner'),
    registerActor(api, 'INSTRUCTOR', 'Marcus Co'),
    registerActor(api, 'ADMIN', 'Ada Admin'),
    registerActor(api, 'INSTRUCTOR', 'Stranger Teacher'),
  ]);
}, 60_000);
afterAll(async () => {
  await api?.close();
});

async function dashboard(actor: Actor, variables: Record<string, unknown> = {}) {
  return api.must<{ totalCount: number; edges: { node: DashboardNode }[] }>(
    DASHBOARD,
    { first: 100, ...variables },
    actor,
  );
}

describe('approval lifecycle dashboard', () => {
  it('lists the approvals of the viewer’s courses with their status; admins see every course', async () => {
    const expiring = await createApprovalCourse(api.database.db, {
      title: 'Dashboard Expiring',
      ownerId: owner.id,
      approvals: [{ body: 'PMI', validUntil: dayFromToday(25), approvalNumber: 'DASH-EXPIRING' }],
    });
    await api.database.db.courseInstructor.create({
      data: { courseId: expiring.course.id, userId: coInstructor.id, role: 'INSTRUCTOR' },
    });
    await createApprovalCourse(api.database.db, {
      title: 'Dashboard Mixed',
      ownerId: owner.id,
      approvals: [
        { body: 'AHIMA', validUntil: dayFromToday(-2), approvalNumber: 'DASH-EXPIRED' },
        { body: 'IACET', validUntil: dayFromToday(300), approvalNumber: 'DASH-VALID' },
        {
          body: 'OTHER',
          validFrom: dayFromToday(10),
          validUntil: dayFromToday(301),
          approvalNumber: 'DASH-LATER',
        },
      ],
    });
    const learner = await registerActor(api, 'STUDENT', 'Dash Learner');
    await api.must(ENROLL, { courseId: expiring.course.id }, learner);

    const mine = await dashboard(owner);
    const byNumber = Object.fromEntries(
      mine.edges.map((edge) => [edge.node.approvalNumber, edge.node]),
    );
    expect(Object.keys(byNumber).sort()).toEqual([
      'DASH-EXPIRED',
      'DASH-EXPIRING',
      'DASH-LATER',
      'DASH-VALID',
    ]);
    expect(byNumber['DASH-EXPIRING']).toMatchObject({
      status: 'EXPIRING',
      daysLeft: 26,
      isLatestVersion: true,
      learners: 1,
      inProgressLearners: 1,
    });
    expect(byNumber['DASH-EXPIRED']?.status).toBe('EXPIRED');
    expect(byNumber['DASH-VALID']?.status).toBe('VALID');
    expect(byNumber['DASH-LATER']?.status).toBe('NOT_YET_VALID');
    // Soonest end first.
    expect(mine.edges[0]?.node.approvalNumber).toBe('DASH-EXPIRED');

    const expiringOnly = await dashboard(owner, { status: 'EXPIRING' });
    expect(expiringOnly.edges.map((edge) => edge.node.approvalNumber)).toEqual(['DASH-EXPIRING']);

    const co = await dashboard(coInstructor);
    expect(co.edges.map((edge) => edge.node.approvalNumber)).toEqual(['DASH-EXPIRING']);
    expect((await dashboard(stranger)).totalCount).toBe(0);
    const all = await dashboard(admin);
    expect(all.edges.map((edge) => edge.node.approvalNumber)).toEqual(
      expect.arrayContaining(['DASH-EXPIRED', 'DASH-EXPIRING', 'DASH-VALID', 'DASH-LATER']),
    );

    // Pages walk the list once.
    const first = await api.must<{ pageInfo: { hasNextPage: boolean; endCursor: string } }>(
      DASHBOARD,
      { first: 2 },
      owner,
    );
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await dashboard(owner, { first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((edge) => edge.node.approvalNumber)).toEqual([
      'DASH-VALID',
      'DASH-LATER',
    ]);

    const student = await api.gql(DASHBOARD, { first: 10 }, { token: learner.token });
    expect(student.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('roster per approval', () => {
  it('lists each learner of the approval’s version with member id, times, post-test and certificate; CSV with BOM', async () => {
    const { course, version } = await createApprovalCourse(api.database.db, {
      title: 'Roster Course',
      ownerId: owner.id,
      postTest: true,
      approvals: [{ body: 'PMI', validUntil: dayFromToday(200), approvalNumber: 'ROSTER-PMI' }],
    });
    await api.database.db.courseInstructor.create({
      data: { courseId: course.id, userId: coInstructor.id, role: 'INSTRUCTOR' },
    });
    const approval = await api.database.db.creditApproval.findFirstOrThrow({
      where: { versionId: version.id },
      select: { id: true },
    });
    const passed = await registerActor(api, 'STUDENT', 'Nguyễn Thị Lan');
    const started = await registerActor(api, 'STUDENT', '=Started Learner');
    for (const learner of [passed, started])
      await api.must(ENROLL, { courseId: course.id }, learner);
    // Member id from the learner's receipt (bill-to) of this course.
    await createOrder(api.database.db, {
      userId: passed.id,
      courseId: course.id,
      versionId: version.id,
      memberId: 'PMI-55501',
    });
    const { lessons, courseCompleted } = await completeApprovalCourse(api, passed, course.id);
    expect(courseCompleted).toBe(true);
    await api.must(COMPLETE, { lessonId: lessons[0]!.id }, started);

    const roster = await api.must<{
      approval: { approvalNumber: string; status: string };
      rows: RosterRow[];
      csv: string;
    }>(ROSTER, { approvalId: approval.id }, coInstructor);
    expect(roster.approval).toMatchObject({ approvalNumber: 'ROSTER-PMI', status: 'VALID' });
    const [first, second] = roster.rows;
    expect(first).toMatchObject({
      learnerName: 'Nguyễn Thị Lan',
      memberId: 'PMI-55501',
      completedAt: expect.any(String),
      postTestPercent: '100.00',
      postTestPassed: true,
      postTestAt: expect.any(String),
      certificateSerial: expect.stringMatching(/^CEU-/),
      certificateStatus: 'VALID',
    });
    expect(second).toMatchObject({
      learnerName: '=Started Learner',
      memberId: null,
      completedAt: null,
      postTestPercent: null,
      certificateSerial: null,
    });
    expect(roster.csv.startsWith('\uFEFF')).toBe(true);
    const lines = roster.csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Learner,Member id,Enrolment status,Enrolled,Completed,Seat minutes,Post-test %,Post-test passed,Post-test date,Certificate serial,Certificate status',
    );
    expect(lines[1]).toContain(`Nguyễn Thị Lan,PMI-55501,ACTIVE,`);
    expect(lines[1]).toContain(`${first!.certificateSerial},VALID`);
    // A cell a spreadsheet would run as a formula is neutralised.
    expect(lines[2]!.startsWith("'=Started Learner,")).toBe(true);

    // Access: the course's instructors and admins; everyone else NOT_FOUND.
    for (const actor of [owner, coInstructor, admin]) {
      const ok = await api.gql(ROSTER, { approvalId: approval.id }, { token: actor.token });
      expect(ok.errors).toBeUndefined();
    }
    for (const actor of [stranger, passed]) {
      const denied = await api.gql(ROSTER, { approvalId: approval.id }, { token: actor.token });
      expect(denied.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const anonymous = await api.gql(ROSTER, { approvalId: approval.id });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const unknown = await api.gql(
      ROSTER,
      { approvalId: '00000000-0000-4000-8000-000000000000' },
      { token: admin.token },
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
